import Foundation
import Testing

@testable import NinesKit

/// One figure, one home: every money figure report.md prints is a number plan.json carries
/// (the report shows whole currency units, plan.json cents; the two may differ by the last
/// unit only where a value sits on a half cent).
@Suite struct FigureReconciliationTests {
    static func numbers(in json: Any) -> [Double] {
        switch json {
        case let object as [String: Any]: return object.values.flatMap(numbers)
        case let array as [Any]: return array.flatMap(numbers)
        case is Bool: return []
        case let number as NSNumber: return [number.doubleValue]
        default: return []
        }
    }

    @Test func everyMoneyFigureOfTheReportIsInPlanJSON() throws {
        let files = try GoldenFileTests.renderSample()
        let report = String(decoding: files["report.md"]!, as: UTF8.self)
        let known = Set(Self.numbers(in: try JSONSerialization.jsonObject(with: files["plan.json"]!)).map { Int($0.rounded()) })
        let pattern = try NSRegularExpression(pattern: "USD (-?[0-9][0-9,]*)")
        var missing: [String] = []
        var checked = 0
        for match in pattern.matches(in: report, range: NSRange(report.startIndex..., in: report)) {
            let text = String(report[Range(match.range(at: 1), in: report)!])
            let value = Int(text.replacingOccurrences(of: ",", with: ""))!
            checked += 1
            if !(known.contains(value) || known.contains(value - 1) || known.contains(value + 1)) { missing.append("USD " + text) }
        }
        #expect(checked > 100)
        #expect(missing.isEmpty, "printed in report.md but not in plan.json: \(missing)")
    }
}
