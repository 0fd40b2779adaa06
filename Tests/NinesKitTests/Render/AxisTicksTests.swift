import Testing

@testable import NinesKit

/// Round axis ticks, each case computed by hand: raw step = span / 5, rounded up to 1, 2 or 5
/// times its power of ten; the ends are the multiples of the step around the data.
@Suite struct AxisTicksTests {
    @Test func theTCOAxisOfTheIssueReadsOneTwoThreeMillion() {
        // 3,110,000 / 5 = 622,000 → 1,000,000.
        let ticks = AxisTicks(from: 0, to: 3_110_000)
        #expect(ticks.values == [0, 1_000_000, 2_000_000, 3_000_000, 4_000_000])
        #expect(ticks.values.map(ticks.label) == ["0", "1 M", "2 M", "3 M", "4 M"])
    }

    @Test func stepsOfOneTwoAndFive() {
        // 95 / 5 = 19 → 20.
        #expect(AxisTicks(from: 0, to: 95).values == [0, 20, 40, 60, 80, 100])
        // 1 / 5 = 0.2 → 0.2.
        #expect(AxisTicks(from: 0, to: 1).values == [0, 0.2, 0.4, 0.6, 0.8, 1])
        // 1,370,000 / 5 = 274,000 → 500,000.
        let risk = AxisTicks(from: 0, to: 1_370_000)
        #expect(risk.values == [0, 500_000, 1_000_000, 1_500_000])
        #expect(risk.values.map(risk.label) == ["0", "0.5 M", "1.0 M", "1.5 M"])
        // 7 / 5 = 1.4 → 2.
        #expect(AxisTicks(from: 0, to: 7).values == [0, 2, 4, 6, 8])
    }

    @Test func negativeValuesAndThousands() {
        // 600 / 5 = 120 → 200; -130 rounds down to -200, 470 up to 600.
        #expect(AxisTicks(from: -130, to: 470).values == [-200, 0, 200, 400, 600])
        // 580,000 / 5 = 116,000 → 200,000.
        let lead = AxisTicks(from: 0, to: 580_000)
        #expect(lead.values == [0, 200_000, 400_000, 600_000])
        #expect(lead.values.map(lead.label) == ["0", "200 k", "400 k", "600 k"])
    }

    @Test func emptyAndDegenerateRanges() {
        #expect(AxisTicks(from: 0, to: 0).values == [0, 0.2, 0.4, 0.6, 0.8, 1])
        // 42 alone: the axis starts at zero; 42 / 5 = 8.4 → 10.
        #expect(AxisTicks(from: 42, to: 42).values == [0, 10, 20, 30, 40, 50])
        #expect(AxisTicks(from: 0, to: .infinity).values == [0, 0.2, 0.4, 0.6, 0.8, 1])
    }

    @Test func fractionPlacesAValueBetweenTheEnds() {
        let ticks = AxisTicks(from: 0, to: 3_110_000)
        #expect(ticks.fraction(0) == 0)
        #expect(ticks.fraction(2_000_000) == 0.5)
        #expect(ticks.fraction(4_000_000) == 1)
    }
}
