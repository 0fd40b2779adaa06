import Foundation
import Testing

@testable import NinesKit

/// A catalog frequency as a range (`value: 0.25..0.5..1.5` in failure-rates.yaml or
/// `catalog_overrides:`): the model uses its mean, and the decision analysis scales the modes
/// it drives by the drawn value over the mean (docs/MODEL.md §12).
@Suite struct FailureRateRangeTests {
    /// The scaling by hand: host failures × 1.5 multiply a host failure's rate by 1.5 and a
    /// pair overlap's (two failures at once) by 1.5² = 2.25; a guest crash does not move.
    @Test func scalingFollowsEachModesPower() {
        func incident(_ mode: IncidentClass.Mode, _ rate: Double) -> IncidentClass {
            IncidentClass(mode: mode, ratePerYear: rate, duration: .hours(1), dataLoss: .zero, planned: false)
        }
        let scaled = FailureRateInput.scaled(
            [incident(.hostFailure, 0.98), incident(.pairOverlap, 0.001), incident(.guestCrash, 0.5), incident(.maintenance, 4)],
            ratios: [.hostFailures: 1.5])
        #expect(abs(scaled[0].ratePerYear - 1.47) < 1e-12)
        #expect(abs(scaled[1].ratePerYear - 0.00225) < 1e-12)
        #expect(scaled[2].ratePerYear == 0.5 && scaled[3].ratePerYear == 4)
    }

    /// Written in `catalog_overrides:`: the range's mean is the catalog value, the plan carries
    /// the input, and the plan's cost across the draws averages to the plan's cost at the mean
    /// (a guest crash's rate is linear in the input).
    @Test func overriddenRangeReachesTheAnalysis() throws {
        let folder = try TestPaths.acmeCopy(edits: [
            (
                "engagement.yaml", "inventory: inventory.csv",
                "inventory: inventory.csv\ncatalog_overrides:\n  failure-rates.yaml:\n    rates.guest_crashes_per_year: 0.25..0.5..1.5"
            )
        ])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        var options = Pipeline.Options(engagement: folder.path, catalog: TestPaths.catalog.path, trials: 0)
        options.samples = 400
        let assessment = try Pipeline.assess(options)
        let range = try #require(InputRange(low: 0.25, likely: 0.5, high: 1.5))
        #expect(abs(assessment.catalog.failureRates.guestCrashesPerYear.value - range.mean) < 1e-12)
        let u = try #require(assessment.plan.uncertainty)
        let input = try #require(u.inputs.first { $0.key == "rates.guest_crashes_per_year" })
        #expect(input.application.isEmpty && input.target == .rate(.guestCrashes))
        let atMeans = assessment.decisions.reduce(0) { $0 + $1.chosen.protectionCost + $1.service.totalCost }
        // Every draw's total is linear in the drawn rate g: C(g) = C + (g/mean − 1)·G, with G the
        // plan's guest-crash cost; the spread of g bounds the error of the mean over 400 draws.
        let (a, b, c) = (range.minimum, range.maximum, range.likely)
        let sdRate = ((a * a + b * b + c * c - a * b - a * c - b * c) / 18).squareRoot()
        let guestCost = assessment.decisions.reduce(0.0) { total, d in
            let crashes = d.service.incidents.filter { $0.mode == .guestCrash }
            let app = d.application
            return total
                + DowntimeEstimate(incidents: crashes, application: app, minutesPerYear: assessment.engagement.minutesPerYear).totalCost
        }
        let sd = guestCost / range.mean * sdRate
        #expect(abs(u.planCost.mean - atMeans) < 4 * sd / (400.0).squareRoot() + 1)
        #expect(u.planCost.p10 < u.planCost.p90)
    }

    /// A disordered range is an error at the override's line in engagement.yaml.
    @Test func disorderedRangeIsRefusedAtItsLine() throws {
        let folder = try TestPaths.acmeCopy(edits: [
            (
                "engagement.yaml", "inventory: inventory.csv",
                "inventory: inventory.csv\ncatalog_overrides:\n  failure-rates.yaml:\n    rates.host_failures_per_year: 2..1..3"
            )
        ])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        #expect {
            _ = try EngagementLoader.load(folder.path, catalogPath: TestPaths.catalog.path)
        } throws: { error in
            guard let error = error as? InputError else { return false }
            return error.diagnostics.contains {
                $0.location.file.hasSuffix("engagement.yaml") && $0.message.contains("the range of 'host_failures_per_year'")
            }
        }
    }
}
