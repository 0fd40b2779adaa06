import Foundation
import Testing

@testable import NinesKit

/// `DowntimeDrivers`: the quantities plan.xlsx prices with formulas, each against a value
/// worked by hand (docs/MODEL.md §5–6), and against every estimate of the sample.
@Suite struct DowntimeDriversTests {
    /// MES's impact: $90,000 + 300 × $45 an hour = $103,500, $25,000 per incident, noticed
    /// after 30 s, $50,000 per hour of lost data.
    static func mes(hours: ServiceHours = .always, curve: [ImpactModel.CurvePoint] = []) -> Application {
        var app = TinyEngagement.app("MES")
        app.sla.serviceHours = hours
        app.impact.revenuePerHour = 90_000
        app.impact.users = 300
        app.impact.loadedCostPerUserHour = 45
        app.impact.productivityLoss = 1
        app.impact.perIncident = 25_000
        app.impact.dataLossPerHour = 50_000
        app.impact.noticeableAfter = TimeSpan(seconds: 30)
        app.impact.curve = curve
        return app
    }

    static func incident(rate: Double, _ duration: TimeSpan, loss: TimeSpan = .zero, planned: Bool = false) -> IncidentClass {
        IncidentClass(mode: planned ? .maintenance : .hostFailure, ratePerYear: rate, duration: duration, dataLoss: loss, planned: planned)
    }

    /// A 5-second failover is not noticed: 103,500 × 5/3,600 = $143.75; a 10-minute restart is:
    /// 25,000 + 103,500/6 = $42,250 (MODEL.md §6).
    @Test func shortOutagesAreNotNoticedIncidents() {
        let app = Self.mes()
        let failover = DowntimeDrivers(incidents: [Self.incident(rate: 1, TimeSpan(seconds: 5))], application: app)
        #expect(failover.noticedIncidents == 0)
        #expect(abs(failover.outageCost(perIncident: 25_000, costPerHour: 103_500) - 143.75) < 1e-9)
        let restart = DowntimeDrivers(incidents: [Self.incident(rate: 1, .minutes(10))], application: app)
        #expect(restart.noticedIncidents == 1)
        #expect(abs(restart.outageCost(perIncident: 25_000, costPerHour: 103_500) - 42_250) < 1e-9)
    }

    /// Curve {1h: 1.0, 4h: 1.3}: a 4-hour outage at $10,000 an hour with $5,000 per incident
    /// costs 5,000 + 10,000 × 4 × 1.3 = $57,000; at 2.5 h the multiplier is 1.15.
    @Test func theCurveWeighsTheHours() {
        let curve = [ImpactModel.CurvePoint(duration: .hours(1), multiplier: 1), .init(duration: .hours(4), multiplier: 1.3)]
        let app = Self.mes(curve: curve)
        let four = DowntimeDrivers(incidents: [Self.incident(rate: 1, .hours(4))], application: app)
        #expect(abs(four.outageHours - 5.2) < 1e-12)
        #expect(abs(four.outageCost(perIncident: 5_000, costPerHour: 10_000) - 57_000) < 1e-9)
        let middle = DowntimeDrivers(incidents: [Self.incident(rate: 2, .hours(2.5))], application: app)
        #expect(abs(middle.outageHours - 2 * 2.5 * 1.15) < 1e-12)
    }

    /// Mon–fri 07:00–19:00 is 60 of 168 hours: an unplanned 1-hour outage a year is 60/168 of an
    /// hour charged; maintenance falls outside the window and costs nothing; lost data counts
    /// whenever it happens (2 a year × 3 h = 6 h).
    @Test func serviceHoursWeighOutagesNotLostData() throws {
        let app = Self.mes(hours: try #require(ServiceHours(parsing: "mon-fri 07:00-19:00")))
        let drivers = DowntimeDrivers(
            incidents: [
                Self.incident(rate: 1, .hours(1)), Self.incident(rate: 12, .hours(1), planned: true),
                Self.incident(rate: 2, .zero, loss: .hours(3)),
            ], application: app)
        #expect(abs(drivers.outageHours - 60.0 / 168) < 1e-12)
        #expect(abs(drivers.noticedIncidents - 60.0 / 168) < 1e-12)
        #expect(drivers.dataLossHours == 6)
        #expect(drivers.dataLossCost(dataLossPerHour: 50_000) == 300_000)
    }

    /// Priced with each application's own inputs, the drivers give every estimate of the sample:
    /// the planned services and every tier option's figures.
    @Test func driversReproduceEveryEstimateOfTheSample() throws {
        let assessment = try Pipeline.assess(Pipeline.Options(engagement: TestPaths.acme.path, catalog: TestPaths.catalog.path))
        for decision in assessment.decisions {
            let impact = decision.application.impact
            for estimate in [decision.service, decision.currentService] + decision.options.map(\.figures) {
                let drivers = estimate.drivers(for: decision.application)
                let outage = drivers.outageCost(perIncident: impact.perIncident, costPerHour: impact.hourlyRate)
                let lost = drivers.dataLossCost(dataLossPerHour: impact.dataLossPerHour)
                #expect(abs(outage - estimate.outageCost) <= 1e-9 * max(1, estimate.outageCost), "\(decision.application.name)")
                #expect(abs(lost - estimate.dataLossCost) <= 1e-9 * max(1, estimate.dataLossCost), "\(decision.application.name)")
            }
        }
    }
}
