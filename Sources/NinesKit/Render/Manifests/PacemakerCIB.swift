/// The Pacemaker CIB of one KVM pair: IPMI fencing for each node (never run on the node it
/// fences), a promotable DRBD clone and an `ocf:heartbeat:VirtualDomain` per VM, each VM
/// colocated with and ordered after its promoted DRBD resource, and a `node_state` per node
/// so `crm_verify --xml-file` checks it as a running cluster.
enum PacemakerCIB {
    struct VM {
        var id: String
        var resource: String
        var config: String
    }

    struct Node {
        var name: String
        var ipmi: String
    }

    /// Shapes of CIB: node count and VM count.
    private struct Shape: Hashable, Sendable {
        var nodes: Int
        var vms: Int
    }

    private static let templates = XMLTemplate.Cache<Shape>()

    /// The CIB, from a template per number of nodes and VMs (the same bytes as rendering
    /// `tree`; a test compares them).
    static func xml(nodes: [Node], vms: [VM]) -> [UInt8] {
        let clusterName = nodes.first.map { String($0.name.dropLast(2)) } ?? "pair"
        let values = nodes.flatMap { [$0.name, $0.ipmi] } + [clusterName] + vms.flatMap { [$0.id, $0.resource, $0.config] }
        let template = templates.template(Shape(nodes: nodes.count, vms: vms.count), values: values.count) { v in
            let nodes = (0..<nodes.count).map { Node(name: v[2 * $0], ipmi: v[2 * $0 + 1]) }
            let first = 2 * nodes.count + 1
            let vms = (0..<vms.count).map { VM(id: v[first + 3 * $0], resource: v[first + 3 * $0 + 1], config: v[first + 3 * $0 + 2]) }
            return tree(nodes: nodes, clusterName: v[2 * nodes.count], vms: vms)
        }
        return template.render(values)
    }

    /// The document's one definition; every name and address is taken as it is given.
    static func tree(nodes: [Node], clusterName: String, vms: [VM]) -> XMLTree {
        let fencing = nodes.map(Self.fencing)
        let resources = vms.flatMap(Self.resources)
        let constraints = Self.constraints(nodes: nodes, vms: vms)
        let configuration = XMLTree(
            "configuration", [],
            [
                XMLTree(
                    "crm_config", [],
                    [
                        XMLTree(
                            "cluster_property_set", [("id", "cib-bootstrap-options")],
                            [
                                nv("cib-bootstrap-options", "stonith-enabled", "true"),
                                nv("cib-bootstrap-options", "no-quorum-policy", "stop"),
                                nv("cib-bootstrap-options", "cluster-name", clusterName),
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
    private static func fencing(_ node: Node) -> XMLTree {
        XMLTree(
            "primitive", [("id", "fence-\(node.name)"), ("class", "stonith"), ("type", "fence_ipmilan")],
            [
                XMLTree(
                    "instance_attributes", [("id", "fence-\(node.name)-attrs")],
                    [
                        nv("fence-\(node.name)", "ip", node.ipmi), nv("fence-\(node.name)", "username", "fence"),
                        nv("fence-\(node.name)", "password_script", "/etc/cluster/ipmi-password"),
                        nv("fence-\(node.name)", "lanplus", "1"), nv("fence-\(node.name)", "pcmk_host_list", node.name),
                    ]),
                XMLTree("operations", [], [op("fence-\(node.name)", "monitor", "60s", "20s")]),
            ])
    }

    /// One VM's promotable DRBD clone and its VirtualDomain.
    private static func resources(_ vm: VM) -> [XMLTree] {
        let drbd = "drbd-\(vm.resource)"
        let clone = XMLTree(
            "clone", [("id", "\(drbd)-clone")],
            [
                XMLTree(
                    "meta_attributes", [("id", "\(drbd)-clone-meta")],
                    [
                        nv("\(drbd)-clone", "promotable", "true"), nv("\(drbd)-clone", "promoted-max", "1"),
                        nv("\(drbd)-clone", "promoted-node-max", "1"), nv("\(drbd)-clone", "clone-max", "2"),
                        nv("\(drbd)-clone", "clone-node-max", "1"), nv("\(drbd)-clone", "notify", "true"),
                    ]),
                XMLTree(
                    "primitive", [("id", drbd), ("class", "ocf"), ("provider", "linbit"), ("type", "drbd")],
                    [
                        XMLTree("instance_attributes", [("id", "\(drbd)-attrs")], [nv(drbd, "drbd_resource", vm.resource)]),
                        XMLTree(
                            "operations", [],
                            [
                                op(drbd, "monitor", "29s", "20s", role: "Promoted"),
                                op(drbd, "monitor", "31s", "20s", role: "Unpromoted"),
                            ]),
                    ]),
            ])
        let domain = XMLTree(
            "primitive", [("id", "vm-\(vm.id)"), ("class", "ocf"), ("provider", "heartbeat"), ("type", "VirtualDomain")],
            [
                XMLTree(
                    "instance_attributes", [("id", "vm-\(vm.id)-attrs")],
                    [
                        nv("vm-\(vm.id)", "config", vm.config), nv("vm-\(vm.id)", "hypervisor", "qemu:///system"),
                        nv("vm-\(vm.id)", "migration_transport", "ssh"),
                    ]),
                XMLTree("meta_attributes", [("id", "vm-\(vm.id)-meta")], [nv("vm-\(vm.id)", "allow-migrate", "true")]),
                XMLTree(
                    "operations", [],
                    [
                        op("vm-\(vm.id)", "start", "0s", "120s"), op("vm-\(vm.id)", "stop", "0s", "120s"),
                        op("vm-\(vm.id)", "monitor", "10s", "30s"), op("vm-\(vm.id)", "migrate_to", "0s", "120s"),
                        op("vm-\(vm.id)", "migrate_from", "0s", "120s"),
                    ]),
            ])
        return [clone, domain]
    }

    /// Each VM colocated with and ordered after its promoted DRBD resource; no node runs its
    /// own fencing.
    private static func constraints(nodes: [Node], vms: [VM]) -> [XMLTree] {
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
    private static func nv(_ owner: String, _ name: String, _ value: String) -> XMLTree {
        XMLTree("nvpair", [("id", "\(owner)-\(name)"), ("name", name), ("value", value)])
    }

    /// An operation whose id is its owner's, its name, its interval and its role.
    private static func op(_ owner: String, _ name: String, _ interval: String, _ timeout: String, role: String? = nil) -> XMLTree {
        var attrs = [
            ("id", "\(owner)-\(name)-\(interval)\(role.map { "-" + $0.lowercased() } ?? "")"), ("name", name), ("interval", interval),
            ("timeout", timeout),
        ]
        if let role { attrs.append(("role", role)) }
        return XMLTree("op", attrs)
    }
}
