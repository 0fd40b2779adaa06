import Foundation
import Testing

@testable import NinesKit

@Suite struct ImpactModelTests {
    /// Marathon Technologies blog, "The Importance of Maintaining Microsoft Exchange High
    /// Availability" (2008-10-27): 500 employees at $60,000 a year, 25% less productive → "more
    /// than $7,200" an hour; with a 2.0 loading over 2,080 hours it is
    /// 500 × (60,000 × 2 / 2,080) × 0.25 = $7,211.54 (docs/MODEL.md §6).
    @Test func emailDowntimeProductivityExample() {
        var impact = ImpactModel()
        impact.users = 500
        impact.loadedCostPerUserHour = ImpactModel.loadedHourlyCost(salaryPerYear: 60_000, loadingFactor: 2, hoursPerYear: 2080)
        impact.productivityLoss = 0.25
        #expect(abs(impact.productivityPerHour - 7211.538_461_5) < 1e-6)
        #expect(Number.round(impact.productivityPerHour, 2) == 7211.54)
    }

    /// docs/MODEL.md §6, "What users notice": MES at $90,000 revenue + 300 users × $45 an hour
    /// (productivity loss 1.0) and $25,000 per incident, noticed after 30 s. A 5-second FT
    /// failover: 103,500 × 5 / 3,600 = $143.75; a 10-minute restart: 25,000 + 103,500 / 6 =
    /// $42,250 (hand calculation).
    @Test func shortOutagesCostTheirTimeOnly() {
        var impact = ImpactModel()
        impact.revenuePerHour = 90_000
        impact.users = 300
        impact.loadedCostPerUserHour = 45
        impact.productivityLoss = 1
        impact.perIncident = 25_000
        impact.noticeableAfter = TimeSpan(seconds: 30)
        #expect(abs(impact.outageCost(duration: TimeSpan(seconds: 5)) - 143.75) < 1e-9)
        #expect(abs(impact.outageCost(duration: .minutes(10)) - 42_250) < 1e-9)
        #expect(abs(impact.outageCost(duration: TimeSpan(seconds: 30)) - (25_000 + 103_500 / 120)) < 1e-9)
    }

    @Test func hourlyRateAddsRevenueProductivityAndPenalties() {
        var impact = ImpactModel()
        impact.revenuePerHour = 1000
        impact.users = 10
        impact.loadedCostPerUserHour = 50
        impact.productivityLoss = 0.5
        impact.penaltyPerHour = 100
        #expect(impact.hourlyRate == 1000 + 250 + 100)
    }

    @Test func curveInterpolatesLinearlyAndIsFlatOutside() {
        var impact = ImpactModel()
        impact.curve = [.init(duration: .hours(1), multiplier: 1.0), .init(duration: .hours(4), multiplier: 1.3)]
        #expect(impact.multiplier(at: .minutes(30)) == 1.0)
        // Hand calculation: 2.5 h is half-way between 1 h and 4 h → 1.15.
        #expect(abs(impact.multiplier(at: .hours(2.5)) - 1.15) < 1e-12)
        #expect(impact.multiplier(at: .hours(10)) == 1.3)
        #expect(ImpactModel().multiplier(at: .hours(3)) == 1)
    }

    @Test func outageCostIncludesTheIncidentCostAndTheCurve() {
        var impact = ImpactModel()
        impact.revenuePerHour = 10_000
        impact.perIncident = 5000
        impact.curve = [.init(duration: .hours(1), multiplier: 1.0), .init(duration: .hours(4), multiplier: 1.3)]
        // 4 h × 10,000 × 1.3 + 5,000 = 57,000.
        #expect(impact.outageCost(duration: .hours(4)) == 57_000)
        #expect(impact.outageCost(duration: .zero) == 0)
    }
}

@Suite struct AvailabilityTests {
    /// The Availability Report Card (Servo Dynamics, "Stratus everRun", quoting Stratus's vSphere
    /// comparison): 99.99% over a 365-day year is 52.56 minutes; at $11,437.50 a minute ($686,250
    /// an hour) that is $601,155.
    @Test func reportCard() {
        let minutes = Availability.downtimeMinutes(percent: 99.99, yearDays: 365)
        #expect(abs(minutes - 52.56) < 1e-9)
        #expect(abs(minutes * 686_250 / 60 - 601_155) < 1e-6)
        #expect(abs(4 * 686_250 / 60 - 45_750) < 1e-9)
    }

    /// stratus.com, "Uptime Meter": 99.999% over a 365.25-day year is 5 min 16 s.
    @Test func fiveNines() {
        let minutes = Availability.downtimeMinutes(percent: 99.999, yearDays: 365.25)
        #expect(abs(minutes - 5.2596) < 1e-9)
        #expect(abs(Availability.percent(downtimeMinutes: 52.56) - 99.99) < 1e-12)
    }
}

@Suite struct NumberFormattingTests {
    @Test func formatsWithoutLocale() {
        #expect(Number.grouped(1_234_567.891) == "1,234,568")
        #expect(Number.grouped(-1234.5, fraction: 1) == "-1,234.5")
        #expect(Number.grouped(999) == "999")
        #expect(Number.money(87.5, currency: "USD") == "USD 87.50")
        #expect(Number.plain(0.1 + 0.2) == "0.3")
        #expect(Number.plain(-0.0000001) == "0")
        #expect(Number.downtime(minutes: 52.56) == "52.6 min")
        #expect(Number.downtime(minutes: 539) == "8 h 59 min")
        #expect(Number.downtime(minutes: 0.5) == "30 s")
        #expect(Number.downtime(minutes: 539.7) == "9 h")
        #expect(Number.downtime(minutes: 1439.6) == "24 h")
    }

    /// Whole numbers are grouped without String(format:); C's printf("%.0f") (round half to
    /// even on the exact binary value) is the independent reference, grouped by hand.
    @Test func wholeNumbersRoundLikePrintf() {
        var generator = SeededGenerator(seed: 7)
        var values: [Double] = [0, -0.0, 0.5, 1.5, 2.5, -0.5, -0.4, -2.5, 999.5, 1000.5, 99_999_999_999_999.5, -1e14 - 0.5]
        for _ in 0..<2_000 {
            let magnitude = pow(10, Double(generator.next() % 15))
            values.append((Double(generator.next() % 2_000_001) / 1_000_000 - 1) * magnitude)
        }
        for value in values {
            let printf = String(format: "%.0f", abs(value))
            var grouped = ""
            for (index, digit) in printf.enumerated() {
                if index > 0 && (printf.count - index) % 3 == 0 { grouped += "," }
                grouped.append(digit)
            }
            let expected = (value < 0 && Double(printf) != 0 ? "-" : "") + grouped
            #expect(Number.grouped(value) == expected, "\(value)")
        }
        #expect(Number.grouped(1_000_000) == "1,000,000")
        #expect(Number.grouped(-1234.4) == "-1,234")
    }
}
