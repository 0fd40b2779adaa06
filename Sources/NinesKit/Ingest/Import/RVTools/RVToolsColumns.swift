/// RVTools header names and their variants across versions, each list in the order tried.
///
/// Where each variant comes from (the tests in RVToolsHeaderVariantTests name the same):
/// - RVTools 4.x (and, to our knowledge, 3.11) writes binary units in its headers: `Provisioned MiB`, `In Use MiB`,
///   `Capacity MiB`, `Consumed MiB`, `Free MiB` (Fixtures/rvtools/kubev2v-example1.xlsx).
/// - RVTools 3.x up to 3.10 wrote the same columns as `Provisioned MB`, `In Use MB`, `Capacity MB`,
///   `Consumed MB`, `Free MB` (Fixtures/rvtools/sizing-workshop.xlsx, vHost reporting ESXi 6.0).
///   RVTools always counted in MiB (vSphere reports MiB: `VirtualDisk.capacityInKB / 1024`,
///   `GuestDiskInfo.capacity / 1048576`); only the header changed, so an `MB` column is read as
///   MiB, never as 10^6 bytes.
/// - Both name the VM `VM` and its power state `Powerstate` in the workbook. The CSV export
///   (`RVTools_tab<tab>.csv`) prefixes the tab to a compact internal name instead:
///   `vInfoVMName`, `vInfoPowerstate`, `vInfoProvisioned`, `vDiskCapacityMiB`,
///   `vPartitionVMName`, `vPartitionCapacityMiB`, `vPartitionConsumedMiB`, `vHostNumCpuCores`,
///   `vClusterName`, `vClusterNumHosts`, `vClusterTotalMemory`.
enum RVToolsColumns {
    static let vm = ["VM", "vInfoVMName", "VM Name"]
    static let power = ["Powerstate", "vInfoPowerstate", "Power State"]
    static let template = ["Template", "vInfoTemplate"]
    static let cpus = ["CPUs", "vInfoCPUs", "Num CPU"]
    static let memory = ["Memory", "vInfoMemory", "Memory MiB", "Memory MB"]
    static let provisioned = ["Provisioned MiB", "Provisioned MB", "vInfoProvisioned"]
    static let inUse = ["In Use MiB", "In Use MB", "vInfoInUse"]
    static let totalDisk = ["Total disk capacity MiB", "Total disk capacity MB", "vInfoTotalDiskCapacityMiB"]
    static let os = [
        "OS according to the configuration file", "vInfoOS", "OS according to the VMware Tools", "vInfoOSTools", "OS",
        "Guest OS",
    ]
    static let datacenter = ["Datacenter", "vInfoDataCenter", "vHostDatacenter"]
    static let cluster = ["Cluster", "vInfoCluster", "vHostCluster"]
    static let host = ["Host", "vInfoHost"]
    static let folder = ["Folder", "vInfoFolder"]
    static let annotation = ["Annotation", "vInfoAnnotation"]
    static let ftState = ["FT State", "vInfoFTState"]
    static let ftRole = ["FT Role", "vInfoFTRole"]

    static let diskVM = ["VM", "vDiskVMName"]
    static let diskCapacity = ["Capacity MiB", "Capacity MB", "vDiskCapacityMiB", "vDiskCapacity"]

    /// vPartition: one row per guest file system, as VMware Tools reports it.
    static let partitionVM = ["VM", "vPartitionVMName"]
    static let partitionCapacity = ["Capacity MiB", "Capacity MB", "vPartitionCapacityMiB", "vPartitionCapacity"]
    static let partitionConsumed = ["Consumed MiB", "Consumed MB", "vPartitionConsumedMiB", "vPartitionConsumed"]
    static let partitionFree = ["Free MiB", "Free MB", "vPartitionFreeMiB", "vPartitionFree"]

    static let hostName = ["Host", "vHostName"]
    static let hostSockets = ["# CPU", "vHostNumCPU", "CPUs"]
    static let hostCores = ["# Cores", "vHostNumCpuCores", "Cores"]
    static let hostMemory = ["# Memory", "vHostMemory", "Memory"]
    static let hostVMs = ["# VMs", "vHostNumVMs", "VMs"]

    /// vCluster: the vSphere `ComputeResourceSummary` as RVTools prints it — `TotalCpu` and
    /// `Effective Cpu` in MHz, `TotalMemory` in bytes (the API's `totalMemory`), `Effective
    /// Memory` in MiB (the API's `effectiveMemory`).
    static let clusterName = ["Name", "vClusterName"]
    static let clusterHosts = ["NumHosts", "vClusterNumHosts"]
    static let clusterEffectiveHosts = ["numEffectiveHosts", "vClusterNumEffectiveHosts"]
    static let clusterCores = ["NumCpuCores", "vClusterNumCpuCores"]
    static let clusterTotalCPU = ["TotalCpu", "vClusterTotalCpu"]
    static let clusterTotalMemory = ["TotalMemory", "vClusterTotalMemory"]
    static let clusterEffectiveMemory = ["Effective Memory", "vClusterEffectiveMemory"]
    static let clusterHA = ["HA enabled", "vClusterHAEnabled"]
    static let clusterDRS = ["DRS enabled", "vClusterDRSEnabled"]
    static let clusterDRSBehavior = ["DRS default VM behavior", "vClusterDRSDefaultVMBehavior"]

    /// Standard vInfo columns of RVTools 3.x–4.x. Any other column is a custom attribute and
    /// is kept as a tag.
    static let standardVInfo: Set<String> = Set(
        [
            "VM", "Powerstate", "Template", "SRM Placeholder", "Config status", "DNS Name", "Connection state", "Guest state",
            "Heartbeat", "Consolidation Needed", "PowerOn", "Suspended To Memory", "Suspend time", "Suspend Interval",
            "Creation date", "Change Version", "CPUs", "Overall Cpu Readiness", "Memory", "Active Memory", "NICs", "Disks",
            "Total disk capacity MiB", "Total disk capacity MB", "Fixed Passthru HotPlug", "min Required EVC Mode Key",
            "Latency Sensitivity", "Op Notification Timeout", "EnableUUID", "CBT", "Primary IP Address", "Network #1",
            "Network #2", "Network #3", "Network #4", "Network #5", "Network #6", "Network #7", "Network #8", "Num Monitors",
            "Video Ram KiB", "Video Ram KB", "Resource pool", "Folder ID", "Folder", "vApp", "DAS protection", "FT State",
            "FT Role", "FT Latency", "FT Bandwidth", "FT Sec. Latency", "Vm Failover In Progress", "Provisioned MiB",
            "Provisioned MB", "In Use MiB", "In Use MB", "Unshared MiB", "Unshared MB", "HA Restart Priority",
            "HA Isolation Response", "HA VM Monitoring", "Cluster rule(s)", "Cluster rule name(s)", "Boot Required",
            "Boot delay", "Boot retry delay", "Boot retry enabled", "Boot BIOS setup", "Reboot PowerOff", "EFI Secure boot",
            "Firmware", "HW version", "HW upgrade status", "HW upgrade policy", "HW target", "Path", "Log directory",
            "Snapshot directory", "Suspend directory", "Annotation", "Datacenter", "Cluster", "Host",
            "OS according to the configuration file", "OS according to the VMware Tools", "Customization Info",
            "Guest Detailed Data", "VM ID", "VM UUID", "VI SDK Server type", "VI SDK API Version", "VI SDK Server",
            "VI SDK UUID", "SMBIOS UUID", "Instance UUID", "Tools", "Tools Version", "Guest OS", "OS",
        ].map(HeaderMap.normalise))
}
