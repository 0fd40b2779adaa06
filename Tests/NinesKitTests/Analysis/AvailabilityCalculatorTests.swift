import Foundation
import Testing

@testable import NinesKit

@Suite struct AvailabilityCalculatorTests {
    /// The Availability Report Card (docs/MODEL.md §1): at $686,250 an hour, 99.99% over a 365-day year is 52.56 min and
    /// $601,155 a year.
    @Test func costOfFourNines() throws {
        let result = AvailabilityCalculator.cost(availabilityPercent: 99.99, costPerHour: 686_250, yearDays: 365)
        #expect(abs(result.downtimeMinutesPerYear - 52.56) < 1e-9)
        #expect(abs(result.costPerYear! - 601_155) < 1e-6)
        #expect(abs(result.availability - 0.9999) < 1e-15)
    }

    @Test func pairJSONCarriesTheDocumentedKeys() throws {
        let model = PairModel(failureRate: 1.0 / 5000, repairHours: 4, beta: 0.05)
        let json = try AvailabilityCalculator.pair(model, yearDays: 365.25).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(abs((object["downtime_minutes_per_year"] as? Double ?? 0) - 21.66) < 0.005)
        #expect((object["availability"] as? Double ?? 0) > 0.9999)
        #expect(object["year_days"] as? Double == 365.25)
    }

    /// docs/MODEL.md §3: a single unit with MTBF 5000 h and MTTR 4 h is down 420.43 min a year.
    @Test func singleUnit() {
        let result = AvailabilityCalculator.single(mtbf: .hours(5000), mttr: .hours(4), yearDays: 365.25)
        #expect(abs(result.downtimeMinutesPerYear - 420.43) < 0.005)
        // Outages: (1 − U) / MTBF per hour × 8,766 h = 1.7518 a year.
        #expect(abs(result.outagesPerYear! - 1.7518) < 0.0001)
    }
}
