import Foundation

/// The Pacemaker CIB of one KVM pair: IPMI fencing for each node (never run on the node it
/// fences), a promotable DRBD clone and an `ocf:heartbeat:VirtualDomain` per VM, each VM
/// colocated with and ordered after its promoted DRBD resource, and a `node_state` per node
/// so `crm_verify --xml-file` checks it as a running cluster. With live migration the DRBD
/// clone is promoted on both nodes (dual-primary: `promoted-max=2`, the resource file allows
/// two primaries) and the VM has `allow-migrate=true` and migrate operations; without it, one
/// primary and `allow-migrate=false` (a VM moves by a stop and a start).
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

    /// The CIB; every name and address is taken as it is given.
    static func xml(nodes: [Node], vms: [VM], liveMigration: Bool = true) -> Data {
        xml(nodes: nodes, clusterName: clusterName(nodes), vms: vms, liveMigration: liveMigration)
    }

    /// `kvm-01` for nodes `kvm-01-a` and `kvm-01-b`.
    static func clusterName(_ nodes: [Node]) -> String { nodes.first.map { String($0.name.dropLast(2)) } ?? "pair" }

    /// The document's one definition, written by `XMLStreamWriter` (the tests compare it with
    /// the same document built as an element tree).
    static func xml(nodes: [Node], clusterName: String, vms: [VM], liveMigration: Bool = true) -> Data {
        // About 3 KiB of markup, and 2.4 KiB per VM with its id and resource in 33 places.
        var x = XMLStreamWriter(
            capacity: vms.reduce(3072) { $0 + 2432 + 17 * $1.id.utf8.count + 16 * $1.resource.utf8.count + $1.config.utf8.count })
        x.start("cib")
        x.attribute("crm_feature_set", constant: "3.16.2")
        x.attribute("validate-with", constant: "pacemaker-3.9")
        x.attribute("epoch", constant: "1")
        x.attribute("num_updates", constant: "0")
        x.attribute("admin_epoch", constant: "0")
        x.start("configuration")
        x.start("crm_config")
        x.start("cluster_property_set")
        x.attribute("id", constant: "cib-bootstrap-options")
        let options = Owner("cib-bootstrap-options")
        nv(&x, options, "stonith-enabled", "true")
        nv(&x, options, "no-quorum-policy", "stop")
        nv(&x, options, "cluster-name", clusterName)
        x.end()
        x.end()
        x.start("nodes")
        for (offset, node) in nodes.enumerated() {
            x.start("node")
            x.attribute("id", String(offset + 1))
            x.attribute("uname", node.name)
            x.end()
        }
        x.end()
        x.start("resources")
        for node in nodes { fencing(&x, node) }
        for vm in vms { resources(&x, vm, liveMigration: liveMigration) }
        x.end()
        x.start("constraints")
        constraints(&x, nodes: nodes, vms: vms)
        x.end()
        x.end()
        x.start("status")
        for (offset, node) in nodes.enumerated() {
            x.start("node_state")
            x.attribute("id", String(offset + 1))
            x.attribute("uname", node.name)
            x.attribute("in_ccm", constant: "true")
            x.attribute("crmd", constant: "online")
            x.attribute("join", constant: "member")
            x.attribute("expected", constant: "member")
            x.end()
        }
        x.end()
        x.end()
        return x.document()
    }

    /// An id written as a constant prefix, a name from the input and a constant suffix
    /// (`drbd-` + resource + `-clone`), without building the string.
    private struct Owner {
        var prefix: StaticString = ""
        /// Escaped once, written into a dozen ids.
        var name: XMLStreamWriter.Escaped
        var suffix: StaticString = ""

        init(_ prefix: StaticString, _ name: String, _ suffix: StaticString = "") {
            self.prefix = prefix
            self.name = .init(name)
            self.suffix = suffix
        }

        init(_ constant: String) { name = .init(constant) }

        @inline(__always)
        func write(_ x: inout XMLStreamWriter) {
            x.attributeValue(prefix)
            x.attributeValue(name)
            x.attributeValue(suffix)
        }
    }

    /// ` name="<before><owner><after>"`.
    @inline(__always)
    private static func attribute(
        _ x: inout XMLStreamWriter, _ name: StaticString, _ owner: Owner, before: StaticString = "", after: StaticString = ""
    ) {
        x.beginAttribute(name)
        x.attributeValue(before)
        owner.write(&x)
        x.attributeValue(after)
        x.endAttribute()
    }

    /// IPMI fencing for one node.
    private static func fencing(_ x: inout XMLStreamWriter, _ node: Node) {
        let owner = Owner("fence-", node.name)
        x.start("primitive")
        attribute(&x, "id", owner)
        x.attribute("class", constant: "stonith")
        x.attribute("type", constant: "fence_ipmilan")
        x.start("instance_attributes")
        attribute(&x, "id", owner, after: "-attrs")
        nv(&x, owner, "ip", node.ipmi)
        nv(&x, owner, "username", "fence")
        nv(&x, owner, "password_script", "/etc/cluster/ipmi-password")
        nv(&x, owner, "lanplus", "1")
        nv(&x, owner, "pcmk_host_list", node.name)
        x.end()
        x.start("operations")
        op(&x, owner, "monitor", "60s", "20s")
        x.end()
        x.end()
    }

    /// One VM's promotable DRBD clone and its VirtualDomain.
    private static func resources(_ x: inout XMLStreamWriter, _ vm: VM, liveMigration: Bool) {
        let drbd = Owner("drbd-", vm.resource)
        let clone = Owner("drbd-", vm.resource, "-clone")
        x.start("clone")
        attribute(&x, "id", clone)
        x.start("meta_attributes")
        attribute(&x, "id", clone, after: "-meta")
        nv(&x, clone, "promotable", "true")
        nv(&x, clone, "promoted-max", liveMigration ? "2" : "1")
        nv(&x, clone, "promoted-node-max", "1")
        nv(&x, clone, "clone-max", "2")
        nv(&x, clone, "clone-node-max", "1")
        nv(&x, clone, "notify", "true")
        x.end()
        x.start("primitive")
        attribute(&x, "id", drbd)
        x.attribute("class", constant: "ocf")
        x.attribute("provider", constant: "linbit")
        x.attribute("type", constant: "drbd")
        x.start("instance_attributes")
        attribute(&x, "id", drbd, after: "-attrs")
        nv(&x, drbd, "drbd_resource", vm.resource)
        x.end()
        x.start("operations")
        op(&x, drbd, "monitor", "29s", "20s", role: ("Promoted", "promoted"))
        op(&x, drbd, "monitor", "31s", "20s", role: ("Unpromoted", "unpromoted"))
        x.end()
        x.end()
        x.end()
        virtualDomain(&x, vm, liveMigration: liveMigration)
    }

    /// One VM's `ocf:heartbeat:VirtualDomain`.
    private static func virtualDomain(_ x: inout XMLStreamWriter, _ vm: VM, liveMigration: Bool) {
        let domain = Owner("vm-", vm.id)
        x.start("primitive")
        attribute(&x, "id", domain)
        x.attribute("class", constant: "ocf")
        x.attribute("provider", constant: "heartbeat")
        x.attribute("type", constant: "VirtualDomain")
        x.start("instance_attributes")
        attribute(&x, "id", domain, after: "-attrs")
        nv(&x, domain, "config", vm.config)
        nv(&x, domain, "hypervisor", "qemu:///system")
        nv(&x, domain, "migration_transport", "ssh")
        x.end()
        x.start("meta_attributes")
        attribute(&x, "id", domain, after: "-meta")
        nv(&x, domain, "allow-migrate", liveMigration ? "true" : "false")
        x.end()
        x.start("operations")
        op(&x, domain, "start", "0s", "120s")
        op(&x, domain, "stop", "0s", "120s")
        op(&x, domain, "monitor", "10s", "30s")
        if liveMigration {
            op(&x, domain, "migrate_to", "0s", "120s")
            op(&x, domain, "migrate_from", "0s", "120s")
        }
        x.end()
        x.end()
    }

    /// Each VM colocated with and ordered after its promoted DRBD resource; no node runs its
    /// own fencing.
    private static func constraints(_ x: inout XMLStreamWriter, nodes: [Node], vms: [VM]) {
        for vm in vms {
            let domain = Owner("vm-", vm.id)
            let clone = Owner("drbd-", vm.resource, "-clone")
            x.start("rsc_colocation")
            attribute(&x, "id", domain, before: "col-")
            attribute(&x, "rsc", domain)
            attribute(&x, "with-rsc", clone)
            x.attribute("with-rsc-role", constant: "Promoted")
            x.attribute("score", constant: "INFINITY")
            x.end()
            x.start("rsc_order")
            attribute(&x, "id", domain, before: "ord-")
            attribute(&x, "first", clone)
            x.attribute("first-action", constant: "promote")
            attribute(&x, "then", domain)
            x.attribute("then-action", constant: "start")
            x.end()
        }
        for node in nodes {
            let fence = Owner("fence-", node.name)
            x.start("rsc_location")
            attribute(&x, "id", fence, before: "loc-")
            attribute(&x, "rsc", fence)
            x.attribute("node", node.name)
            x.attribute("score", constant: "-INFINITY")
            x.end()
        }
    }

    /// An `nvpair` whose id is its owner's id and its name.
    @inline(__always)
    private static func nv(_ x: inout XMLStreamWriter, _ owner: Owner, _ name: StaticString, _ value: String) {
        x.start("nvpair")
        x.beginAttribute("id")
        owner.write(&x)
        x.attributeValue("-")
        x.attributeValue(name)
        x.endAttribute()
        x.attribute("name", constant: name)
        x.attribute("value", value)
        x.end()
    }

    /// An operation whose id is its owner's, its name, its interval and its role (in lower case).
    @inline(__always)
    private static func op(
        _ x: inout XMLStreamWriter, _ owner: Owner, _ name: StaticString, _ interval: StaticString, _ timeout: StaticString,
        role: (name: StaticString, id: StaticString)? = nil
    ) {
        x.start("op")
        x.beginAttribute("id")
        owner.write(&x)
        x.attributeValue("-")
        x.attributeValue(name)
        x.attributeValue("-")
        x.attributeValue(interval)
        if let role {
            x.attributeValue("-")
            x.attributeValue(role.id)
        }
        x.endAttribute()
        x.attribute("name", constant: name)
        x.attribute("interval", constant: interval)
        x.attribute("timeout", constant: timeout)
        if let role { x.attribute("role", constant: role.name) }
        x.end()
    }
}
