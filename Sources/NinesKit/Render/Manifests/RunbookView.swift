/// The view model of a pair's provisioning runbook (Templates/runbook.md.mustache).
struct RunbookView {
    struct VMStep {
        var order: String
        var id, name, application, protection, vcpus, memory, disk: String
    }

    var pair: String
    var platform: String
    var hardware: String
    var node0, node1, site0, site1: String
    var splitSite: Bool
    var storage: String
    var vms: [VMStep]

    init(pair: Pair, assessment: Assessment, names: ManifestNames, bootOrder: [String: Int]) {
        self.pair = pair.id
        platform = assessment.platform.name
        hardware = assessment.catalog.hardwareProfile(pair.hardware)?.name ?? pair.hardware
        node0 = "\(pair.id)-node0"
        node1 = "\(pair.id)-node1"
        site0 = pair.site
        site1 = pair.secondSite
        splitSite = pair.isSplitSite
        storage = Number.plain(pair.members.reduce(0) { $0 + max(1, $1.diskGiB.rounded(.up)) }) + " GiB"
        vms = pair.members.sorted { (bootOrder[$0.vm] ?? 0, $0.vm) < (bootOrder[$1.vm] ?? 0, $1.vm) }.map { m in
            VMStep(
                order: String(bootOrder[m.vm] ?? 1), id: names[m.vm], name: m.vm, application: m.application,
                protection: m.tier.local.rawValue.uppercased(), vcpus: String(m.vcpus), memory: Number.plain(m.memoryGiB) + " GiB",
                disk: Number.plain(max(1, m.diskGiB.rounded(.up))) + " GiB")
        }
    }
}
