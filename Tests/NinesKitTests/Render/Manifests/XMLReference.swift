@testable import NinesKit

// The manifests' former element trees, kept as the reference the streaming writer is compared
// with (XMLStreamWriterTests): the same documents, built as `XMLTree`s and serialised.

extension LibvirtDomain {
    /// The document's one definition.
    static func tree(_ f: Fields) -> XMLTree {
        let devices = XMLTree(
            "devices", [],
            [
                XMLTree("emulator", text: "/usr/bin/qemu-system-x86_64")
            ]
                + f.disks.enumerated().map { index, disk in
                    XMLTree(
                        "disk", [("type", "block"), ("device", "disk")],
                        [
                            XMLTree("driver", [("name", "qemu"), ("type", "raw"), ("cache", "none"), ("io", "native")]),
                            XMLTree("source", [("dev", disk)]),
                            XMLTree("target", [("dev", target(index)), ("bus", "virtio")]),
                        ] + (index == 0 ? [XMLTree("boot", [("order", "1")])] : []))
                }
                + (f.driverISO.map { iso in
                    [
                        XMLTree(
                            "disk", [("type", "file"), ("device", "cdrom")],
                            [
                                XMLTree("driver", [("name", "qemu"), ("type", "raw")]), XMLTree("source", [("file", iso)]),
                                XMLTree("target", [("dev", "sda"), ("bus", "sata")]), XMLTree("readonly"),
                            ])
                    ]
                } ?? [])
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
                XMLTree("memory", [("unit", "MiB")], text: String(f.memoryMiB)),
                XMLTree("currentMemory", [("unit", "MiB")], text: String(f.memoryMiB)),
                XMLTree("vcpu", [("placement", "static")], text: String(f.vcpus)),
                XMLTree("os", [], [XMLTree("type", [("arch", "x86_64"), ("machine", "q35")], text: "hvm")]),
                XMLTree("features", [], [XMLTree("acpi"), XMLTree("apic")]),
                XMLTree("cpu", [("mode", "host-model")]),
                XMLTree("clock", [("offset", "\(f.clock)")]),
                XMLTree("on_poweroff", text: "destroy"),
                XMLTree("on_reboot", text: "restart"),
                XMLTree("on_crash", text: "restart"),
                devices,
            ])
    }

}

extension PacemakerCIB {
    /// The document's one definition; every name and address is taken as it is given.
    static func tree(nodes: [Node], clusterName: String, vms: [VM], liveMigration: Bool = true) -> XMLTree {
        let fencing = nodes.map(Self.referenceFencing)
        let resources = vms.flatMap { Self.referenceResources($0, liveMigration: liveMigration) }
        let constraints = Self.referenceConstraints(nodes: nodes, vms: vms)
        let configuration = XMLTree(
            "configuration", [],
            [
                XMLTree(
                    "crm_config", [],
                    [
                        XMLTree(
                            "cluster_property_set", [("id", "cib-bootstrap-options")],
                            [
                                referenceNV("cib-bootstrap-options", "stonith-enabled", "true"),
                                referenceNV("cib-bootstrap-options", "no-quorum-policy", "stop"),
                                referenceNV("cib-bootstrap-options", "cluster-name", clusterName),
                            ])
                    ]),
                XMLTree(
                    "nodes", [], nodes.enumerated().map { XMLTree("node", [("id", String($0.offset + 1)), ("uname", $0.element.name)]) }),
                XMLTree("resources", [], fencing + resources),
                XMLTree("constraints", [], constraints),
            ])
        let status = XMLTree(
            "status", [],
            nodes.enumerated().map {
                XMLTree(
                    "node_state",
                    [
                        ("id", String($0.offset + 1)), ("uname", $0.element.name), ("in_ccm", "true"), ("crmd", "online"),
                        ("join", "member"), ("expected", "member"),
                    ])
            })
        return XMLTree(
            "cib",
            [
                ("crm_feature_set", "3.16.2"), ("validate-with", "pacemaker-3.9"), ("epoch", "1"), ("num_updates", "0"),
                ("admin_epoch", "0"),
            ],
            [configuration, status]
        )
    }

    /// IPMI fencing for one node.
    fileprivate static func referenceFencing(_ node: Node) -> XMLTree {
        XMLTree(
            "primitive", [("id", "fence-\(node.name)"), ("class", "stonith"), ("type", "fence_ipmilan")],
            [
                XMLTree(
                    "instance_attributes", [("id", "fence-\(node.name)-attrs")],
                    [
                        referenceNV("fence-\(node.name)", "ip", node.ipmi), referenceNV("fence-\(node.name)", "username", "fence"),
                        referenceNV("fence-\(node.name)", "password_script", "/etc/cluster/ipmi-password"),
                        referenceNV("fence-\(node.name)", "lanplus", "1"), referenceNV("fence-\(node.name)", "pcmk_host_list", node.name),
                    ]),
                XMLTree("operations", [], [referenceOp("fence-\(node.name)", "monitor", "60s", "20s")]),
            ])
    }

    /// One VM's promotable DRBD clone and its VirtualDomain.
    fileprivate static func referenceResources(_ vm: VM, liveMigration: Bool) -> [XMLTree] {
        let drbd = "drbd-\(vm.resource)"
        let clone = XMLTree(
            "clone", [("id", "\(drbd)-clone")],
            [
                XMLTree(
                    "meta_attributes", [("id", "\(drbd)-clone-meta")],
                    [
                        referenceNV("\(drbd)-clone", "promotable", "true"),
                        referenceNV("\(drbd)-clone", "promoted-max", liveMigration ? "2" : "1"),
                        referenceNV("\(drbd)-clone", "promoted-node-max", "1"), referenceNV("\(drbd)-clone", "clone-max", "2"),
                        referenceNV("\(drbd)-clone", "clone-node-max", "1"), referenceNV("\(drbd)-clone", "notify", "true"),
                    ]),
                XMLTree(
                    "primitive", [("id", drbd), ("class", "ocf"), ("provider", "linbit"), ("type", "drbd")],
                    [
                        XMLTree("instance_attributes", [("id", "\(drbd)-attrs")], [referenceNV(drbd, "drbd_resource", vm.resource)]),
                        XMLTree(
                            "operations", [],
                            [
                                referenceOp(drbd, "monitor", "29s", "20s", role: "Promoted"),
                                referenceOp(drbd, "monitor", "31s", "20s", role: "Unpromoted"),
                            ]),
                    ]),
            ])
        let domain = XMLTree(
            "primitive", [("id", "vm-\(vm.id)"), ("class", "ocf"), ("provider", "heartbeat"), ("type", "VirtualDomain")],
            [
                XMLTree(
                    "instance_attributes", [("id", "vm-\(vm.id)-attrs")],
                    [
                        referenceNV("vm-\(vm.id)", "config", vm.config), referenceNV("vm-\(vm.id)", "hypervisor", "qemu:///system"),
                        referenceNV("vm-\(vm.id)", "migration_transport", "ssh"),
                    ]),
                XMLTree(
                    "meta_attributes", [("id", "vm-\(vm.id)-meta")],
                    [referenceNV("vm-\(vm.id)", "allow-migrate", liveMigration ? "true" : "false")]),
                XMLTree(
                    "operations", [],
                    [
                        referenceOp("vm-\(vm.id)", "start", "0s", "120s"), referenceOp("vm-\(vm.id)", "stop", "0s", "120s"),
                        referenceOp("vm-\(vm.id)", "monitor", "10s", "30s"),
                    ]
                        + (liveMigration
                            ? [
                                referenceOp("vm-\(vm.id)", "migrate_to", "0s", "120s"),
                                referenceOp("vm-\(vm.id)", "migrate_from", "0s", "120s"),
                            ]
                            : [])),
            ])
        return [clone, domain]
    }

    /// Each VM colocated with and ordered after its promoted DRBD resource; no node runs its
    /// own fencing.
    fileprivate static func referenceConstraints(nodes: [Node], vms: [VM]) -> [XMLTree] {
        vms.flatMap { vm in
            [
                XMLTree(
                    "rsc_colocation",
                    [
                        ("id", "col-vm-\(vm.id)"), ("rsc", "vm-\(vm.id)"), ("with-rsc", "drbd-\(vm.resource)-clone"),
                        ("with-rsc-role", "Promoted"), ("score", "INFINITY"),
                    ]),
                XMLTree(
                    "rsc_order",
                    [
                        ("id", "ord-vm-\(vm.id)"), ("first", "drbd-\(vm.resource)-clone"), ("first-action", "promote"),
                        ("then", "vm-\(vm.id)"), ("then-action", "start"),
                    ]),
            ]
        }
            + nodes.map { node in
                XMLTree(
                    "rsc_location",
                    [("id", "loc-fence-\(node.name)"), ("rsc", "fence-\(node.name)"), ("node", node.name), ("score", "-INFINITY")])
            }
    }

    /// An `nvpair` whose id is its owner's id and its name.
    fileprivate static func referenceNV(_ owner: String, _ name: String, _ value: String) -> XMLTree {
        XMLTree("nvpair", [("id", "\(owner)-\(name)"), ("name", name), ("value", value)])
    }

    /// An operation whose id is its owner's, its name, its interval and its role.
    fileprivate static func referenceOp(_ owner: String, _ name: String, _ interval: String, _ timeout: String, role: String? = nil)
        -> XMLTree
    {
        var attrs = [
            ("id", "\(owner)-\(name)-\(interval)\(role.map { "-" + $0.lowercased() } ?? "")"), ("name", name), ("interval", interval),
            ("timeout", timeout),
        ]
        if let role { attrs.append(("role", role)) }
        return XMLTree("op", attrs)
    }
}
