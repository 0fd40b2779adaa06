import Foundation
import Testing

@testable import NinesKit

@Suite struct DowntimeModelTests {
    /// Rates for the reference pair of docs/MODEL.md §3: λ = 1/5000 h, MTTR = 4 h, 365.25-day year.
    static func referenceRates(beta: Double) throws -> FailureRates {
        var rates = try Catalog.load(from: TestPaths.catalog).failureRates
        let p = Provenance(source: "docs/MODEL.md §3 reference values")
        rates.hostFailuresPerYear = Sourced(8766.0 / 5000, p)
        rates.hostRepairTime = Sourced(.hours(4), p)
        rates.commonCauseBeta = Sourced(beta, p)
        rates.repairCrews = Sourced(1, p)
        return rates
    }

    static func pairMinutes(beta: Double) throws -> Double {
        let catalog = try Catalog.load(from: TestPaths.catalog)
        let model = DowntimeModel(rates: try referenceRates(beta: beta), yearDays: 365.25)
        let incidents = model.incidents(
            tier: TierID(.ft), spec: catalog.tier(.ft), site: catalog.siteProtection(.none), vmCount: 1, sites: ["hq"])
        return incidents.filter { $0.mode == .pairOverlap || $0.mode == .commonCause }.reduce(0) { $0 + $1.minutesPerYear }
    }

    /// docs/MODEL.md §3: 1-of-2 with one repair crew, 0.672 min/yr: the engagement model's
    /// both-down incidents come from the same chain.
    @Test func pairWithOneCrewMatchesTheReference() throws {
        #expect(abs(try Self.pairMinutes(beta: 0) - 0.6722) < 0.0005)
    }

    /// docs/MODEL.md §3: one crew plus common cause β = 5%: 21.66 min/yr.
    @Test func pairWithCommonCauseMatchesTheReference() throws {
        #expect(abs(try Self.pairMinutes(beta: 0.05) - 21.66) < 0.01)
    }

    @Test func ftMasksHostFailuresButNotGuestCrashes() throws {
        let catalog = try Catalog.load(from: TestPaths.catalog)
        let model = DowntimeModel(rates: catalog.failureRates, yearDays: 365)
        let ft = model.incidents(tier: TierID(.ft), spec: catalog.tier(.ft), site: catalog.siteProtection(.none), vmCount: 2, sites: ["hq"])
        let host = try #require(ft.first { $0.mode == .hostFailure })
        #expect(host.duration == TimeSpan(seconds: 5))
        let uncovered = try #require(ft.first { $0.mode == .uncoveredFailure })
        // Coverage 0.99: one host failure in a hundred becomes a 10-minute restart.
        #expect(abs(uncovered.ratePerYear / (host.ratePerYear + uncovered.ratePerYear) - 0.01) < 1e-12)
        #expect(uncovered.duration == .minutes(10))
        let guest = try #require(ft.first { $0.mode == .guestCrash })
        // Two VMs crash independently: 2 × 0.5 per year, each a 5-minute reboot.
        #expect(guest.ratePerYear == 1.0)
        #expect(guest.duration == .minutes(5))
        #expect(!ft.contains { $0.mode == .maintenance })
        let backup = model.incidents(
            tier: TierID(.backup), spec: catalog.tier(.backup), site: catalog.siteProtection(.none), vmCount: 2, sites: ["hq"])
        #expect(backup.contains { $0.mode == .maintenance && $0.planned })
        #expect(!backup.contains { $0.mode == .pairOverlap })
        // Component failures: 0.12 a year, 10% unmasked on a single server; masked on a pair.
        let component = try #require(backup.first { $0.mode == .componentFailure })
        #expect(abs(component.ratePerYear - 0.012) < 1e-4)
        #expect(!ft.contains { $0.mode == .componentFailure })
    }

    @Test func splitSiteShortensSiteOutagesAndDisasters() throws {
        let catalog = try Catalog.load(from: TestPaths.catalog)
        let model = DowntimeModel(rates: catalog.failureRates, yearDays: 365)
        func minutes(_ site: SiteProtection, _ mode: IncidentClass.Mode) -> Double {
            model.incidents(tier: TierID(.ft, site), spec: catalog.tier(.ft), site: catalog.siteProtection(site), vmCount: 1, sites: ["hq"])
                .filter { $0.mode == mode }.reduce(0) { $0 + $1.minutesPerYear }
        }
        // Hand calculation from failure-rates.yaml: 0.07 outages × 95 min = 6.65 min/yr unprotected.
        #expect(abs(minutes(.none, .siteOutage) - 6.65) < 1e-9)
        #expect(minutes(.splitsite, .siteOutage) < minutes(.none, .siteOutage))
        #expect(minutes(.dr, .siteDisaster) < minutes(.none, .siteDisaster))
    }
}

@Suite struct DowntimeEstimateTests {
    /// Service hours: an unplanned outage falls in a mon-fri 07:00-19:00 window 60/168 of the
    /// time; maintenance is held outside the window and costs nothing.
    @Test func weightsCostByServiceHours() {
        var impact = ImpactModel()
        impact.revenuePerHour = 1000
        let app = Application(
            name: "A",
            sla: SLA(availability: 99, rto: .hours(1), rpo: .hours(1), serviceHours: ServiceHours(parsing: "mon-fri 07:00-19:00")!),
            impact: impact, location: SourceLocation(file: "t"))
        let incidents = [
            IncidentClass(mode: .hostFailure, ratePerYear: 2, duration: .hours(3), dataLoss: .zero, planned: false),
            IncidentClass(mode: .maintenance, ratePerYear: 12, duration: .hours(1), dataLoss: .zero, planned: true),
        ]
        let estimate = DowntimeEstimate(incidents: incidents, application: app, minutesPerYear: 525_600)
        // 2 × 3 h × 1,000 × 60/168 = 2,142.857…
        #expect(abs(estimate.outageCost - 6000 * 60 / 168) < 1e-9)
        #expect(estimate.plannedMinutesInService == 0)
        #expect(estimate.unplannedMinutes == 360)
        #expect(abs(estimate.availabilityPercent - (100 - 100 * 360 / 525_600)) < 1e-12)
    }

    @Test func aroundTheClockMaintenanceCountsAndDataLossIsPriced() {
        var impact = ImpactModel()
        impact.revenuePerHour = 600
        impact.dataLossPerHour = 100
        let app = Application(
            name: "A", sla: SLA(availability: 99, rto: .hours(1), rpo: .hours(1)), impact: impact, location: SourceLocation(file: "t"))
        let incidents = [
            IncidentClass(mode: .hostFailure, ratePerYear: 1, duration: .hours(8), dataLoss: .hours(3), planned: false),
            IncidentClass(mode: .maintenance, ratePerYear: 12, duration: .hours(1), dataLoss: .zero, planned: true),
        ]
        let estimate = DowntimeEstimate(incidents: incidents, application: app, minutesPerYear: 525_600)
        #expect(estimate.plannedMinutesInService == 720)
        // (8 h + 12 × 1 h) × 600 = 12,000; data loss 3 h × 100 = 300.
        #expect(abs(estimate.outageCost - 12_000) < 1e-9)
        #expect(abs(estimate.dataLossCost - 300) < 1e-9)
    }
}
