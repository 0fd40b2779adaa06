/// `runbook.md` of one Pacemaker + DRBD pair: the order to build it in, and in plain words
/// which way its VMs move between the nodes — live, on dual-primary DRBD, or by a stop and a
/// start — why (the catalog's `live_migration` and its source) and what that way requires on
/// this pair. Written beside the pair's cib.xml and deploy.sh, from the same names.
enum PacemakerRunbook {
    /// Why the alternative moves VMs as it does: alternatives.yaml's `live_migration` and its
    /// source, and how long a VM is down when it moves by a stop and a start.
    struct Basis {
        /// `live_migration`'s provenance, as the catalog gives it.
        var source = ""
        /// The alternative's `restart_time` ("3m").
        var restartTime = ""
    }

    /// A node as the runbook names it: its name, its replication and IPMI addresses.
    struct Node {
        var name, replication, ipmi: String
    }

    static func text(pair: String, nodes: [Node], vms: [PacemakerCIB.VM], liveMigration: Bool, basis: Basis) -> String {
        let (a, b) = (nodes[0], nodes[1])
        var lines = [
            "# Runbook: \(pair) on Pacemaker + DRBD (KVM)", "",
            "Nodes \(a.name) and \(b.name); \(vms.count) VM\(vms.count == 1 ? "" : "s"), each on its own DRBD resource. Build in this order:",
            "",
            "1. **Replication network.** Give \(a.name) \(a.replication) and \(b.name) \(b.replication) on the replication link; "
                + "check both ways with `ping`.",
            "2. **Fencing.** Set up the IPMI users (\(a.name) at \(a.ipmi), \(b.name) at \(b.ipmi)) and the password script "
                + "`/etc/cluster/ipmi-password` on both nodes.",
            "3. **DRBD.** On both nodes: the logical volumes each `drbd/*.res` names in its first lines, the files in `/etc/drbd.d/`, "
                + "then `drbdadm create-md` and `drbdadm up` for each resource; on \(a.name) only, `drbdadm primary --force` once for the "
                + "first synchronisation, then `drbdadm secondary` (Pacemaker promotes from then on).",
            "4. **Domains.** Copy `domains/<id>.xml` to `/etc/libvirt/qemu/<id>.xml` on both nodes (the same file on each).",
            "5. **Cluster.** `pcs cluster setup \(PacemakerCIB.clusterName(nodes.map { PacemakerCIB.Node(name: $0.name, ipmi: $0.ipmi) })) "
                + "\(a.name) \(b.name)`, start it, run `./deploy.sh` on one node (it builds what cib.xml holds) and check "
                + "`crm_verify -L -V` is clean.",
            "",
        ]
        lines += liveMigration ? live(a, b, vms: vms, basis: basis) : stopStart(a, b, vms: vms, basis: basis)
        return lines.joined(separator: "\n") + "\n"
    }

    /// Dual-primary DRBD and `allow-migrate=true`: why, what it requires, how to check it.
    private static func live(_ a: Node, _ b: Node, vms: [PacemakerCIB.VM], basis: Basis) -> [String] {
        [
            "## How VMs move: live migration (dual-primary DRBD)", "",
            "**Why this way.** The catalog asks for live migration on this alternative (alternatives.yaml, `live_migration: true`"
                + (basis.source.isEmpty ? "" : "; \(basis.source)")
                + "), so that a node can be emptied for patching without stopping its VMs: the plan counts no planned downtime for it. "
                + "A VM moves while it runs; for the few seconds of the move both nodes have its disk open.",
            "",
            "**What it requires on \(a.name) and \(b.name).**", "",
            "- Each of the \(vms.count) DRBD resource\(vms.count == 1 ? "" : "s") (\(resources(vms))) allows two primaries "
                + "(`allow-two-primaries yes`) and Pacemaker promotes it on both nodes (`promoted-max=2`); replication is synchronous "
                + "(protocol C), so a write is on both disks before the guest sees it complete.",
            "- Working fencing before any VM runs: the resources use `fencing resource-and-stonith` with the crm-fence-peer handlers, "
                + "and the cluster fences through IPMI (`fence-\(a.name)`, `fence-\(b.name)`). With two primaries and no fencing, a cut "
                + "replication link lets both nodes write the same disk — the data is lost. Prove it: `pcs stonith fence \(b.name)` "
                + "must power-cycle \(b.name).",
            "- The same domain XML at `/etc/libvirt/qemu/<id>.xml` on both nodes, and root SSH between the nodes "
                + "(`migration_transport=ssh`): the migration copies the VM's memory over it.",
            "- Nothing but the VM opens a DRBD device: no file system is mounted on it from either node.",
            "",
            "**Check it.** `pcs resource move vm-\(vms.first?.id ?? "<id>") \(b.name)`: `virsh list` on \(b.name) shows the VM running "
                + "and the guest's uptime has not reset; then `pcs resource clear vm-\(vms.first?.id ?? "<id>")`.",
        ]
    }

    /// Single-primary DRBD and `allow-migrate=false`: why, what it requires, how to check it.
    private static func stopStart(_ a: Node, _ b: Node, vms: [PacemakerCIB.VM], basis: Basis) -> [String] {
        [
            "## How VMs move: a stop and a start (no live migration)", "",
            "**Why this way.** The catalog sets `live_migration: false` for this alternative (alternatives.yaml"
                + (basis.source.isEmpty ? "" : "; \(basis.source)")
                + "): each DRBD resource has one primary at a time, so a running VM cannot be moved; it is stopped on one node and "
                + "started on the other. The plan counts that as planned downtime (`maintenance_downtime: true`).",
            "",
            "**What it requires on \(a.name) and \(b.name).**", "",
            "- Each of the \(vms.count) DRBD resource\(vms.count == 1 ? "" : "s") (\(resources(vms))) is promoted on one node only "
                + "(`promoted-max=1`), and every VM has `allow-migrate=false`: Pacemaker never tries a live migration that would fail.",
            "- A maintenance window per node: moving its VMs stops each of them for about "
                + (basis.restartTime.isEmpty ? "a guest boot" : basis.restartTime)
                + " (a shutdown, DRBD promotion on the other node, a boot).",
            "- Working fencing (`fence-\(a.name)`, `fence-\(b.name)` over IPMI) so a node that stops answering is powered off before "
                + "its VMs start on the other.",
            "",
            "**Check it.** `pcs resource move vm-\(vms.first?.id ?? "<id>") \(b.name)`: the VM stops, its DRBD resource is promoted on "
                + "\(b.name) and the VM boots there; then `pcs resource clear vm-\(vms.first?.id ?? "<id>")`.",
        ]
    }

    /// The resource names, at most five, and how many more.
    private static func resources(_ vms: [PacemakerCIB.VM]) -> String {
        let shown = vms.prefix(5).map { "`\($0.resource)`" }.joined(separator: ", ")
        return vms.count > 5 ? shown + " and \(vms.count - 5) more" : shown
    }
}
