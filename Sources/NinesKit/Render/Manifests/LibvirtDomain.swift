/// A libvirt domain (KVM) for one VM: its vCPUs and memory, a virtio disk on the mirrored
/// volume that carries it, virtio NICs on the business networks. Valid against libvirt's
/// domain.rng (checked in the tests with `virt-xml-validate`).
enum LibvirtDomain {
    /// The variable text of one domain, in the order the template takes it.
    struct Fields {
        var id, title, description, memoryMiB, vcpus, clock, disk: String
        var bridges: [String]

        var values: [String] { [id, title, description, memoryMiB, vcpus, clock, disk] + bridges }
    }

    static func fields(id: String, member: Pair.Member, disk: String, bridges: [String], description: String) -> Fields {
        Fields(
            id: id, title: title(member.vm), description: description, memoryMiB: String(Int((member.memoryGiB * 1024).rounded())),
            vcpus: String(member.vcpus), clock: member.os.lowercased().contains("windows") ? "localtime" : "utc", disk: disk,
            bridges: bridges)
    }

    /// The domain XML, from a template per number of networks (the same bytes as rendering
    /// `tree` for these fields; a test compares them).
    static func xml(id: String, member: Pair.Member, disk: String, bridges: [String], description: String) -> [UInt8] {
        let fields = fields(id: id, member: member, disk: disk, bridges: bridges, description: description)
        let template = templates.template(bridges.count, values: 7 + bridges.count) { v in
            tree(
                Fields(
                    id: v[0], title: v[1], description: v[2], memoryMiB: v[3], vcpus: v[4], clock: v[5], disk: v[6],
                    bridges: Array(v[7...])))
        }
        return template.render(fields.values)
    }

    private static let templates = XMLTemplate.Cache<Int>()

    /// The document's one definition.
    static func tree(_ f: Fields) -> XMLTree {
        let devices = XMLTree(
            "devices", [],
            [
                XMLTree("emulator", text: "/usr/bin/qemu-system-x86_64"),
                XMLTree(
                    "disk", [("type", "block"), ("device", "disk")],
                    [
                        XMLTree("driver", [("name", "qemu"), ("type", "raw"), ("cache", "none"), ("io", "native")]),
                        XMLTree("source", [("dev", f.disk)]),
                        XMLTree("target", [("dev", "vda"), ("bus", "virtio")]),
                        XMLTree("boot", [("order", "1")]),
                    ]),
            ]
                + f.bridges.map { bridge in
                    XMLTree(
                        "interface", [("type", "bridge")],
                        [XMLTree("source", [("bridge", bridge)]), XMLTree("model", [("type", "virtio")])])
                } + [
                    XMLTree("serial", [("type", "pty")], [XMLTree("target", [("port", "0")])]),
                    XMLTree("console", [("type", "pty")], [XMLTree("target", [("type", "serial"), ("port", "0")])]),
                    XMLTree("memballoon", [("model", "none")]),
                ])
        return XMLTree(
            "domain", [("type", "kvm")],
            [
                XMLTree("name", text: f.id),
                XMLTree("title", text: f.title),
                XMLTree("description", text: f.description),
                XMLTree("memory", [("unit", "MiB")], text: f.memoryMiB),
                XMLTree("currentMemory", [("unit", "MiB")], text: f.memoryMiB),
                XMLTree("vcpu", [("placement", "static")], text: f.vcpus),
                XMLTree("os", [], [XMLTree("type", [("arch", "x86_64"), ("machine", "q35")], text: "hvm")]),
                XMLTree("features", [], [XMLTree("acpi"), XMLTree("apic")]),
                XMLTree("cpu", [("mode", "host-model")]),
                XMLTree("clock", [("offset", f.clock)]),
                XMLTree("on_poweroff", text: "destroy"),
                XMLTree("on_reboot", text: "restart"),
                XMLTree("on_crash", text: "restart"),
                devices,
            ])
    }

    /// The VM's name on one line, at most 200 characters (libvirt's schema wants a one-line title).
    static func title(_ name: String) -> String {
        if name.utf8.count <= 200, !name.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 >= 0x80 }) {
            return name
        }
        return String(String(name.map { $0.isNewline || $0 == "\t" ? " " : $0 }).prefix(200))
    }
}
