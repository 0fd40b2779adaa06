import Foundation
import Testing

@testable import NinesKit

/// The planner's repricing shortcut must give exactly what a full reassessment gives: the same
/// protection cost as `ProtectionCostModel.annualCost` summed over the VMs, and the same
/// options as `TierAssigner.assess` (figures and verdicts), at any packing factors.
@Suite struct TierOptionTableTests {
    @Test func repricingEqualsAFullReassessment() throws {
        let loaded = try Pipeline.check(Pipeline.Options(engagement: TestPaths.acme.path, catalog: TestPaths.catalog.path))
        let base = TierAssigner(engagement: loaded.engagement, catalog: loaded.catalog)
        let table = TierOptionTable(base)
        // Factors for some groups only: a missing group must cost a whole pair per VM.
        var factors: [String: Double] = [:]
        for (index, group) in table.groups.enumerated() where index % 3 != 2 { factors[group] = 0.8 + 0.1 * Double(index % 4) }
        let assigner = TierAssigner(engagement: loaded.engagement, catalog: loaded.catalog, packingFactors: factors)
        let byGroup = table.factorsByGroup(factors)
        var compared = 0
        for (index, app) in loaded.engagement.applications.enumerated() where table.entries[index].saas == nil {
            for (option, tier) in TierID.all.enumerated() {
                let expected = loaded.engagement.workloads(of: app.name).reduce(0) { $0 + assigner.costs.annualCost(of: $1, tier: tier) }
                #expect(table.protection(application: index, option: option, factors: byGroup) == expected, "\(app.name) on \(tier)")
                compared += 1
            }
        }
        #expect(compared > 100)
        for (index, app) in loaded.engagement.applications.enumerated() where table.entries[index].saas == nil {
            let fast = table.options(application: index, factors: byGroup)
            let full = TierID.all.map { assigner.assess(app, tier: $0) }
            #expect(fast == full, "\(app.name)")
        }
    }
}
