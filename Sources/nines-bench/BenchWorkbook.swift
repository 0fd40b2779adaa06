import Foundation
import NinesKit

enum BenchWorkbook {
    /// The workbook; with `tabs`, also vDisk (one or two disks per VM), vPartition (two
    /// partitions per VM, the 15 columns of RVTools 4.x), vHost (one host per 30 VMs) and
    /// vCluster (one cluster per 16 hosts).
    static func rvtools(vms: Int, tabs: Bool = false) throws -> Data {
        // The 90 vInfo columns of RVTools 4.x (as in Tests/NinesKitTests/Fixtures/rvtools/kubev2v-example1.xlsx)
        // plus three custom attributes.
        let standard = [
            "VM", "Powerstate", "Template", "SRM Placeholder", "Config status", "Connection state", "Guest state", "Heartbeat",
            "Consolidation Needed", "PowerOn", "Suspended To Memory", "Suspend time", "Suspend Interval", "Creation date",
            "Change Version", "CPUs", "Overall Cpu Readiness", "Memory", "Active Memory", "NICs", "Disks",
            "Total disk capacity MiB", "Fixed Passthru HotPlug", "min Required EVC Mode Key", "Latency Sensitivity",
            "Op Notification Timeout", "EnableUUID", "CBT", "Primary IP Address", "Network #1", "Network #2", "Network #3",
            "Network #4", "Network #5", "Network #6", "Network #7", "Network #8", "Num Monitors", "Video Ram KiB",
            "Resource pool", "Folder ID", "Folder", "vApp", "DAS protection", "FT State", "FT Role", "FT Latency",
            "FT Bandwidth", "FT Sec. Latency", "Vm Failover In Progress", "Provisioned MiB", "In Use MiB", "Unshared MiB",
            "HA Restart Priority", "HA Isolation Response", "HA VM Monitoring", "Cluster rule(s)", "Cluster rule name(s)",
            "Boot Required", "Boot delay", "Boot retry delay", "Boot retry enabled", "Boot BIOS setup", "Reboot PowerOff",
            "EFI Secure boot", "Firmware", "HW version", "HW upgrade status", "HW upgrade policy", "HW target", "Path",
            "Log directory", "Snapshot directory", "Suspend directory", "Annotation", "Datacenter", "Cluster", "Host",
            "OS according to the configuration file", "OS according to the VMware Tools", "Customization Info",
            "Guest Detailed Data", "VM ID", "VM UUID", "SMBIOS UUID", "VI SDK Server type", "VI SDK API Version",
            "VI SDK Server", "VI SDK UUID", "Tools",
        ]
        let custom = ["Application", "Owner", "Backup Policy"]
        var rows: [[XlsxWriter.Cell]] = [(standard + custom).map { .text($0) }]
        rows.reserveCapacity(vms + 1)
        for i in 0..<vms {
            let cpus = [1, 2, 2, 4, 4, 8, 16][i % 7]
            let memory = [2048, 4096, 8192, 16384, 32768][i % 5]
            var row: [XlsxWriter.Cell] = standard.map { name in
                switch name {
                case "VM": .text("vm-\(i)")
                case "Powerstate": .text(i % 20 == 0 ? "poweredOff" : "poweredOn")
                case "Template": .text("False")
                case "CPUs": .number(Double(cpus))
                case "Memory": .number(Double(memory))
                case "Provisioned MiB", "Total disk capacity MiB": .number(Double(40_960 + i % 100 * 1024))
                case "Datacenter": .text("DC\(i % 3)")
                case "Folder": .text("/Prod/App\(i % 250)")
                case "VM UUID", "SMBIOS UUID", "VM ID": .text("42\(String(format: "%06x", i))-\(name.count)")
                case "Primary IP Address": .text("10.\(i / 65536 % 256).\(i / 256 % 256).\(i % 256)")
                default: .text("\(name.prefix(3))-\(i % 97)")
                }
            }
            row += custom.map { _ in .text("value \(i % 13)") }
            rows.append(row)
        }
        var writer = XlsxWriter()
        writer.addSheet("vInfo", rows: rows)
        if tabs { addTabs(vms: vms, to: &writer) }
        return try writer.data()
    }

    private static func addTabs(vms: Int, to writer: inout XlsxWriter) {
        var disks: [[XlsxWriter.Cell]] = [["VM", "Powerstate", "Template", "Disk", "Capacity MiB", "Thin"].map { .text($0) }]
        var partitions: [[XlsxWriter.Cell]] = [
            [
                "VM", "Powerstate", "Template", "SRM Placeholder", "Disk Key", "Disk", "Capacity MiB", "Consumed MiB", "Free MiB",
                "Free %", "Datacenter", "Cluster", "Host", "OS according to the configuration file",
                "OS according to the VMware Tools",
            ].map { .text($0) }
        ]
        for i in 0..<vms {
            let vm = XlsxWriter.Cell.text("vm-\(i)")
            let capacity = 40_960 + i % 100 * 1024
            for disk in 0..<(i % 2 + 1) {
                disks.append([
                    vm, .text("poweredOn"), .text("False"), .text("Hard disk \(disk + 1)"), .number(Double(capacity / (i % 2 + 1))),
                    .text("True"),
                ])
            }
            for (path, share) in [("/", 0.25), ("/var", 0.6)] {
                let size = Double(capacity) * share
                partitions.append(
                    [vm, .text("poweredOn"), .text("False"), .text("False"), .text("2000"), .text(path), .number(size), .number(size / 2)]
                        + [.number(size / 2), .number(50), .text("DC\(i % 3)"), .text("Cluster\(i % 7)"), .text("esx\(i / 30)")]
                        + [.text("Ubuntu Linux (64-bit)"), .text("Ubuntu Linux (64-bit)")])
            }
        }
        let hosts = (vms + 29) / 30
        let hostRows = (0..<hosts).map { h -> [XlsxWriter.Cell] in
            [.text("esx\(h)"), .text("DC\(h % 3)"), .text("Cluster\(h / 16)"), .number(2), .number(32), .number(524_288), .number(30)]
        }
        let clusterRows = (0..<(hosts + 15) / 16).map { c -> [XlsxWriter.Cell] in
            [.text("Cluster\(c)"), .number(16), .number(16), .number(512), .number(16 * 549_755_813_888), .text("True"), .text("True")]
        }
        writer.addSheet("vDisk", rows: disks)
        writer.addSheet("vPartition", rows: partitions)
        writer.addSheet(
            "vHost", rows: [["Host", "Datacenter", "Cluster", "# CPU", "# Cores", "# Memory", "# VMs"].map { .text($0) }] + hostRows)
        writer.addSheet(
            "vCluster",
            rows: [["Name", "NumHosts", "numEffectiveHosts", "NumCpuCores", "TotalMemory", "HA enabled", "DRS enabled"].map { .text($0) }]
                + clusterRows)
    }
}
