import Foundation

/// A libvirt domain (KVM) for one VM: its vCPUs and memory, a virtio disk per mirrored volume
/// that carries one of its disks (`vda`, `vdb`, …; it boots from the first), virtio NICs on
/// the business networks, and for a Windows guest the virtio-win driver ISO as a read-only
/// CD-ROM (`GuestDrivers`). Valid against libvirt's
/// domain.rng (checked in the tests with `virt-xml-validate`).
enum LibvirtDomain {
    /// The variable text of one domain.
    struct Fields {
        var id, title, description: String
        /// The block device of each disk, in order.
        var disks: [String]
        var memoryMiB, vcpus: Int
        /// `localtime` for Windows, `utc` otherwise.
        var clock: StaticString
        var bridges: [String]
        /// The virtio-win ISO a Windows guest gets its drivers from; nil for other guests.
        var driverISO: String?
    }

    /// The fields of a member's domain; `virtioWinISO` (a path on the host) is attached only
    /// to a Windows guest.
    static func fields(
        id: String, member: Pair.Member, disks: [String], bridges: [String], description: String, virtioWinISO: String
    ) -> Fields {
        let windows = GuestDrivers.isWindows(member.os)
        return Fields(
            id: id, title: title(member.vm), description: description, disks: disks, memoryMiB: Int((member.memoryGiB * 1024).rounded()),
            vcpus: member.vcpus, clock: windows ? "localtime" : "utc", bridges: bridges, driverISO: windows ? virtioWinISO : nil)
    }

    /// The domain XML.
    static func xml(
        id: String, member: Pair.Member, disks: [String], bridges: [String], description: String, virtioWinISO: String
    ) -> Data {
        xml(fields(id: id, member: member, disks: disks, bridges: bridges, description: description, virtioWinISO: virtioWinISO))
    }

    /// The guest's name of disk `index`: `vda` … `vdz`, then `vdaa`, `vdab`, ….
    static func target(_ index: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return index < 26 ? "vd\(letters[index])" : "vd\(letters[index / 26 - 1])\(letters[index % 26])"
    }

    /// The document's one definition, written by `XMLStreamWriter` (the tests compare it with
    /// the same document built as an element tree).
    static func xml(_ f: Fields) -> Data {
        // About 1 KiB of markup and the values: the buffer is the file, kept as long as it is.
        let values = ([f.id, f.title, f.description, f.driverISO ?? ""] + f.disks).reduce(0) { $0 + $1.utf8.count }
        var x = XMLStreamWriter(
            capacity: 1024 + 256 * f.disks.count + values + f.bridges.reduce(0) { $0 + 128 + $1.utf8.count })
        x.start("domain")
        x.attribute("type", constant: "kvm")
        x.element("name", text: f.id)
        x.element("title", text: f.title)
        x.element("description", text: f.description)
        x.element("memory", "unit", "MiB", decimal: f.memoryMiB)
        x.element("currentMemory", "unit", "MiB", decimal: f.memoryMiB)
        x.element("vcpu", "placement", "static", decimal: f.vcpus)
        x.start("os")
        x.start("type")
        x.attribute("arch", constant: "x86_64")
        x.attribute("machine", constant: "q35")
        x.text(constant: "hvm")
        x.end()
        x.end()
        x.start("features")
        x.empty("acpi")
        x.empty("apic")
        x.end()
        x.start("cpu")
        x.attribute("mode", constant: "host-model")
        x.end()
        x.start("clock")
        x.attribute("offset", constant: f.clock)
        x.end()
        x.element("on_poweroff", constant: "destroy")
        x.element("on_reboot", constant: "restart")
        x.element("on_crash", constant: "restart")
        devices(&x, f)
        x.end()
        return x.document()
    }

    private static func devices(_ x: inout XMLStreamWriter, _ f: Fields) {
        x.start("devices")
        x.element("emulator", constant: "/usr/bin/qemu-system-x86_64")
        for (index, disk) in f.disks.enumerated() {
            x.start("disk")
            x.attribute("type", constant: "block")
            x.attribute("device", constant: "disk")
            x.start("driver")
            x.attribute("name", constant: "qemu")
            x.attribute("type", constant: "raw")
            x.attribute("cache", constant: "none")
            x.attribute("io", constant: "native")
            x.end()
            x.empty("source", "dev", disk)
            x.start("target")
            x.attribute("dev", target(index))
            x.attribute("bus", constant: "virtio")
            x.end()
            if index == 0 {
                x.start("boot")
                x.attribute("order", constant: "1")
                x.end()
            }
            x.end()
        }
        if let iso = f.driverISO { driverCDROM(&x, iso) }
        for bridge in f.bridges {
            x.start("interface")
            x.attribute("type", constant: "bridge")
            x.empty("source", "bridge", bridge)
            x.start("model")
            x.attribute("type", constant: "virtio")
            x.end()
            x.end()
        }
        x.start("serial")
        x.attribute("type", constant: "pty")
        x.start("target")
        x.attribute("port", constant: "0")
        x.end()
        x.end()
        x.start("console")
        x.attribute("type", constant: "pty")
        x.start("target")
        x.attribute("type", constant: "serial")
        x.attribute("port", constant: "0")
        x.end()
        x.end()
        x.start("memballoon")
        x.attribute("model", constant: "none")
        x.end()
        x.end()
    }

    /// The virtio-win ISO on a read-only SATA CD-ROM (Windows finds the viostor and NetKVM
    /// drivers on it during setup or afterwards).
    private static func driverCDROM(_ x: inout XMLStreamWriter, _ iso: String) {
        x.start("disk")
        x.attribute("type", constant: "file")
        x.attribute("device", constant: "cdrom")
        x.start("driver")
        x.attribute("name", constant: "qemu")
        x.attribute("type", constant: "raw")
        x.end()
        x.empty("source", "file", iso)
        x.start("target")
        x.attribute("dev", constant: "sda")
        x.attribute("bus", constant: "sata")
        x.end()
        x.empty("readonly")
        x.end()
    }

    /// The VM's name on one line, at most 200 characters (libvirt's schema wants a one-line title).
    static func title(_ name: String) -> String {
        if name.utf8.count <= 200, !name.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 >= 0x80 }) {
            return name
        }
        return String(String(name.map { $0.isNewline || $0 == "\t" ? " " : $0 }).prefix(200))
    }
}
