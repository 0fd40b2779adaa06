import Foundation
import Testing

@testable import NinesKit

/// Impact figures as ranges in applications.yaml and applications.csv (`ImpactRangeReader`):
/// the same application from both forms, the mean in the figure and the range beside it, and
/// every mistake at its line in one pass.
@Suite struct ImpactRangeReaderTests {
    static func applications(yaml: String) -> ([Application], [Diagnostic]) {
        var diagnostics = DiagnosticCollector()
        guard let file = YAMLFile.parse(Data(yaml.utf8), shownAs: "a.yaml", diagnostics: &diagnostics) else {
            return ([], diagnostics.diagnostics)
        }
        let apps = ApplicationsFileReader.records(yaml: file, diagnostics: &diagnostics).compactMap {
            ApplicationBuilder.build($0, diagnostics: &diagnostics)
        }
        return (apps, diagnostics.diagnostics)
    }

    @Test func yamlAndCSVRangesAgree() throws {
        let (fromYAML, problems) = Self.applications(
            yaml: """
                - name: Shop
                  sla: {availability: 99.9, rto: 1h, rpo: 1h}
                  impact:
                    revenue_per_hour: {low: 20000, likely: 40000, high: 90000}
                    users: 100..200..400
                    loaded_cost_per_user_hour: 50
                    productivity_loss: {low: 0.2, likely: 0.5, high: 0.9}
                    curve: {1h: 1.0, 4h: {low: 1.1, likely: 1.3, high: 2.0}}
                """)
        #expect(problems.isEmpty, "\(problems)")
        let csv = """
            name,sla.availability,sla.rto,sla.rpo,impact.revenue_per_hour,impact.users,impact.loaded_cost_per_user_hour,impact.productivity_loss,impact.curve
            Shop,99.9,1h,1h,20000..40000..90000,100..200..400,50,0.2..0.5..0.9,1h:1.0;4h:1.1..1.3..2.0
            """
        var diagnostics = DiagnosticCollector()
        let table = try #require(CSVTable.parse(Data(csv.utf8), shownAs: "a.csv", diagnostics: &diagnostics))
        let fromCSV = try #require(
            ApplicationsFileReader.records(csv: table, diagnostics: &diagnostics).first.flatMap {
                ApplicationBuilder.build($0, diagnostics: &diagnostics)
            })
        #expect(!diagnostics.hasErrors, "\(diagnostics.diagnostics)")
        let shop = try #require(fromYAML.first)
        #expect(shop.impact == fromCSV.impact)
        let revenue = try #require(InputRange(low: 20_000, likely: 40_000, high: 90_000, domain: 0...1e12))
        #expect(shop.impact.revenuePerHour == revenue.mean)
        #expect(shop.impact.ranges[.revenuePerHour] == revenue)
        #expect(shop.impact.ranges[.users] != nil && shop.impact.ranges[.productivityLoss]?.domain == 0...1)
        #expect(shop.impact.ranges[.curve(1)] != nil && shop.impact.ranges[.curve(0)] == nil)
        #expect(shop.impact.curve[1].multiplier == shop.impact.ranges[.curve(1)]!.mean)
    }

    /// A missing part, a disordered range, a half-written one and an unknown part: each at its
    /// line, all in one pass.
    @Test func mistakesAreReportedAtTheirLines() {
        let (apps, problems) = Self.applications(
            yaml: """
                - name: Shop
                  sla: {availability: 99.9, rto: 1h, rpo: 1h}
                  impact:
                    revenue_per_hour: {low: 20000, high: 90000}
                    users: 400..200..100
                    per_incident: 100..200
                    penalty_per_hour: {low: 1, likely: 2, high: 3, mid: 2}
                """)
        #expect(apps.isEmpty)
        let errors = problems.filter { $0.severity == .error }
        #expect(errors.map(\.location.line).sorted() == [4, 5, 6, 7], "\(errors)")
        let text = errors.map { "\($0.message) \($0.fix ?? "")" }.joined(separator: "\n")
        #expect(text.contains("the range of 'impact.revenue_per_hour' has no likely"))
        #expect(text.contains("the range of 'impact.users' is low 400, likely 200, high 100"))
        #expect(text.contains("'impact.per_incident' is '100..200', which is neither a number nor a range"))
        #expect(text.contains("unknown key 'impact.penalty_per_hour.mid'") && text.contains("a range has low, likely and high"))
    }

    /// A range of equal figures is a plain number.
    @Test func pointRangeIsAPlainNumber() throws {
        let (apps, _) = Self.applications(
            yaml: "- name: Shop\n  sla: {availability: 99.9, rto: 1h, rpo: 1h}\n  impact: {revenue_per_hour: 5000..5000..5000}\n")
        let shop = try #require(apps.first)
        #expect(shop.impact.revenuePerHour == 5000 && shop.impact.ranges.isEmpty)
    }

    /// Non-finite and out-of-domain parts are refused like any number; a fraction's range stays
    /// within 0…1.
    @Test func hostileRangesAreRefused() {
        let (apps, problems) = Self.applications(
            yaml: """
                - name: Shop
                  sla: {availability: 99.9, rto: 1h, rpo: 1h}
                  impact:
                    revenue_per_hour: nan..1..2
                    users: {low: 1, likely: 2, high: 1e400}
                    productivity_loss: 0.5..0.9..1.5
                    per_incident: -5..1..2
                """)
        #expect(apps.isEmpty)
        let errors = problems.filter { $0.severity == .error }
        #expect(errors.map(\.location.line).sorted() == [4, 5, 6, 7], "\(errors)")
    }
}
