import Foundation

/// Every manifest of a plan: per pair `pair.yaml`, `runbook.md` and one libvirt domain per VM;
/// for the Pacemaker + DRBD alternative, per pair a CIB, a DRBD resource per VM (one volume
/// per disk) and the domains those resources carry. Paths are built only from generated identifiers.
struct ManifestRenderer {
    var templates: TemplateSet

    /// Renders every manifest into `sink`, each pair's files on any core, under `prefix`
    /// (`manifests/` in a plan's output folder).
    func render(_ assessment: Assessment, prefix: String, into sink: any OutputSink) throws {
        let names = ManifestNames(assessment.engagement.workloads.map(\.name))
        let boot = Self.bootOrder(assessment)
        let pairs = assessment.packing.pairs
        let evaluation = assessment.tco?.alternatives.first { $0.id == Self.pacemaker }
        let alternative = evaluation?.sizing.pairs ?? []
        let live = evaluation?.spec.liveMigration ?? false
        let basis = PacemakerRunbook.Basis(
            source: evaluation?.spec.liveMigrationSource ?? "", restartTime: evaluation.map { "\($0.spec.restartTime.value)" } ?? "")
        let pacemaker = assessment.addresses.alternatives[Self.pacemaker] ?? [:]
        try Parallel.forEach(pairs.count + alternative.count) { index in
            let files =
                index < pairs.count
                ? try pairFiles(pairs[index], assessment: assessment, names: names, boot: boot)
                : Self.pacemakerCluster(
                    alternative[index - pairs.count], addresses: pacemaker[alternative[index - pairs.count].id], names: names,
                    liveMigration: live, virtioWinISO: assessment.platform.virtioWinISO, basis: basis)
            for (path, bytes) in files { try sink.put(prefix + path, bytes) }
        }
    }

    private func pairFiles(_ pair: Pair, assessment: Assessment, names: ManifestNames, boot: [String: Int]) throws -> [(String, Data)] {
        let folder = pair.id
        var files: [(String, Data)] = []
        files.append(("\(folder)/pair.yaml", Data(PairManifest.yaml(pair, assessment: assessment, names: names, bootOrder: boot).utf8)))
        let runbook = try templates.render("runbook.md", RunbookView(pair: pair, assessment: assessment, names: names, bootOrder: boot))
        files.append(("\(folder)/runbook.md", Data(runbook.utf8)))
        for member in pair.members {
            let id = names[member.vm]
            files.append(
                (
                    "\(folder)/vms/\(id).xml",
                    LibvirtDomain.xml(
                        id: id, member: member, disks: member.disks.indices.map { "/dev/mapper/\(id)-disk\($0)" },
                        bridges: ["business1"],
                        description: "\(member.application): \(member.tier.local.rawValue.uppercased()) on \(pair.id)",
                        virtioWinISO: assessment.platform.virtioWinISO)
                ))
        }
        return files
    }

    /// The Pacemaker + DRBD alternative's cluster for one pair: a CIB, a DRBD resource per VM
    /// (one volume per disk, each with its own minor), the domains those resources carry, the
    /// `pcs` script and a runbook that explains how its VMs move (`basis`: why).
    static func pacemakerCluster(
        _ pair: Pair, addresses: AddressPlan.PairAddresses?, names: ManifestNames, liveMigration: Bool, virtioWinISO: String,
        basis: PacemakerRunbook.Basis = .init()
    ) -> [(String, Data)] {
        var files: [(String, Data)] = []
        let folder = "alternatives/\(pacemaker)/\(pair.id)"
        let nodes = ["a", "b"].enumerated().map { offset, suffix in
            (
                name: "kvm-\(pair.id.dropFirst(5))-\(suffix)", replication: addresses?.replication[offset] ?? "",
                ipmi: addresses?.outOfBand[offset] ?? ""
            )
        }
        var vms: [PacemakerCIB.VM] = []
        var minor = 100
        for (position, member) in pair.members.enumerated() {
            let id = names[member.vm]
            // One resource per VM, one volume per disk (a single disk keeps the plain form).
            let resource = member.disks.count == 1 ? "\(id)-disk0" : "\(id)-disks"
            files.append(
                (
                    "\(folder)/drbd/\(resource).res",
                    Data(
                        DRBDResource.text(
                            resource: resource, firstMinor: minor, port: 7789 + position, volumeGroup: "vg_nines",
                            nodes: nodes.map { DRBDResource.Node(name: $0.name, address: $0.replication) },
                            disksGiB: member.disks.map { max(1, $0) }, vm: id, liveMigration: liveMigration
                        ).utf8)
                ))
            minor += member.disks.count
            files.append(
                (
                    "\(folder)/domains/\(id).xml",
                    LibvirtDomain.xml(
                        id: id, member: member, disks: member.disks.indices.map { "/dev/drbd/by-res/\(resource)/\($0)" },
                        bridges: ["business1"],
                        description: "\(member.application): Pacemaker VirtualDomain on \(nodes[0].name) and \(nodes[1].name)",
                        virtioWinISO: virtioWinISO)
                ))
            vms.append(PacemakerCIB.VM(id: id, resource: resource, config: "/etc/libvirt/qemu/\(id).xml"))
        }
        let cibNodes = nodes.map { PacemakerCIB.Node(name: $0.name, ipmi: $0.ipmi) }
        files.append(("\(folder)/cib.xml", PacemakerCIB.xml(nodes: cibNodes, vms: vms, liveMigration: liveMigration)))
        files.append(("\(folder)/deploy.sh", Data(PacemakerScript.text(nodes: cibNodes, vms: vms, liveMigration: liveMigration).utf8)))
        let runbook = PacemakerRunbook.text(
            pair: pair.id, nodes: nodes.map { PacemakerRunbook.Node(name: $0.name, replication: $0.replication, ipmi: $0.ipmi) }, vms: vms,
            liveMigration: liveMigration, basis: basis)
        files.append(("\(folder)/runbook.md", Data(runbook.utf8)))
        return files
    }

    /// The id of the Pacemaker + DRBD alternative in the catalog.
    static let pacemaker = "pacemaker-drbd"

    /// Boot order of each VM: the applications others depend on start first.
    static func bootOrder(_ assessment: Assessment) -> [String: Int] {
        var order: [String: Int] = [:]
        for vm in assessment.engagement.workloads { order[vm.name] = assessment.plan.bootWaves[vm.application] ?? 1 }
        return order
    }
}
