import Foundation
import Testing

@testable import NinesKit

/// Numbers as inventories write them: padded, with `_` groups, with exponents; refused with a
/// message when not a finite number in range.
@Suite struct InputValueTests {
    static func number(_ text: String) -> (Double?, [String]) {
        var diagnostics = DiagnosticCollector()
        let value = InputValue.number(
            Located(text, at: SourceLocation(file: "inventory.csv", line: 2)), key: "memory_gb", in: 0...1e6,
            diagnostics: &diagnostics)
        return (value, diagnostics.diagnostics.map(\.message))
    }

    @Test func readsPaddedAndGroupedNumbers() {
        #expect(Self.number("16").0 == 16)
        #expect(Self.number(" 1_024 ").0 == 1024)
        #expect(Self.number("\t8").0 == 8)
        #expect(Self.number("8\u{A0}").0 == 8)  // a no-break space is whitespace too
        #expect(Self.number("1e3").0 == 1000)
        #expect(Self.number("0.5").0 == 0.5)
    }

    @Test func refusesWhatIsNotANumberInRange() {
        let comma = Self.number("1,024")
        #expect(comma.0 == nil && comma.1.count == 1)
        #expect(Self.number("NaN").0 == nil)
        #expect(Self.number("inf").0 == nil)
        #expect(Self.number("-1").0 == nil)
        #expect(Self.number("").0 == nil)
        #expect(Self.number(" ").0 == nil)
    }
}
