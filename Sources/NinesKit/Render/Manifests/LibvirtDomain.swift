/// A libvirt domain (KVM) for one VM: its vCPUs and memory, a virtio disk on the mirrored
/// volume that carries it, virtio NICs on the business networks. Valid against libvirt's
/// domain.rng (checked in the tests with `virt-xml-validate`).
enum LibvirtDomain {
    static func xml(
        id: String, member: Pair.Member, disk: String, bridges: [String], description: String
    ) -> String {
        let windows = member.os.lowercased().contains("windows")
        let memoryMiB = String(Int((member.memoryGiB * 1024).rounded()))
        let devices = XMLTree(
            "devices", [],
            [
                XMLTree("emulator", text: "/usr/bin/qemu-system-x86_64"),
                XMLTree(
                    "disk", [("type", "block"), ("device", "disk")],
                    [
                        XMLTree("driver", [("name", "qemu"), ("type", "raw"), ("cache", "none"), ("io", "native")]),
                        XMLTree("source", [("dev", disk)]),
                        XMLTree("target", [("dev", "vda"), ("bus", "virtio")]),
                        XMLTree("boot", [("order", "1")]),
                    ]),
            ]
                + bridges.map { bridge in
                    XMLTree(
                        "interface", [("type", "bridge")],
                        [XMLTree("source", [("bridge", bridge)]), XMLTree("model", [("type", "virtio")])])
                } + [
                    XMLTree("serial", [("type", "pty")], [XMLTree("target", [("port", "0")])]),
                    XMLTree("console", [("type", "pty")], [XMLTree("target", [("type", "serial"), ("port", "0")])]),
                    XMLTree("memballoon", [("model", "none")]),
                ])
        let domain = XMLTree(
            "domain", [("type", "kvm")],
            [
                XMLTree("name", text: id),
                XMLTree("title", text: title(member.vm)),
                XMLTree("description", text: description),
                XMLTree("memory", [("unit", "MiB")], text: memoryMiB),
                XMLTree("currentMemory", [("unit", "MiB")], text: memoryMiB),
                XMLTree("vcpu", [("placement", "static")], text: String(member.vcpus)),
                XMLTree("os", [], [XMLTree("type", [("arch", "x86_64"), ("machine", "q35")], text: "hvm")]),
                XMLTree("features", [], [XMLTree("acpi"), XMLTree("apic")]),
                XMLTree("cpu", [("mode", "host-model")]),
                XMLTree("clock", [("offset", windows ? "localtime" : "utc")]),
                XMLTree("on_poweroff", text: "destroy"),
                XMLTree("on_reboot", text: "restart"),
                XMLTree("on_crash", text: "restart"),
                devices,
            ])
        return domain.document()
    }

    /// The VM's name on one line, at most 200 characters (libvirt's schema wants a one-line title).
    static func title(_ name: String) -> String {
        if name.utf8.count <= 200, !name.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 >= 0x80 }) {
            return name
        }
        return String(String(name.map { $0.isNewline || $0 == "\t" ? " " : $0 }).prefix(200))
    }
}
