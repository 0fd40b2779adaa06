import Foundation
import Testing

/// `nines plan DIR --explain APP` and plan.json show the same end-to-end figures for the chosen
/// tier (the figures the report's applications table shows): availability, downtime cost and
/// the yearly total of protection and downtime.
@Suite(.serialized, .enabled(if: NinesExecutable.enabled, NinesExecutable.needed))
struct ExplainAgreementTests {
    @Test(arguments: ["ERP", "Active Directory", "MES", "Payroll"])
    func chosenRowMatchesPlanJSON(application: String) throws {
        let work = try TestPaths.acmeCopy(edits: []).deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: work) }
        let explain = try NinesExecutable.run(["plan", "acme", "--explain", application], in: work)
        #expect(explain.status == 0, "\(explain.errors)")
        let plan = try NinesExecutable.run(["plan", "acme", "--out", "out", "--no-record", "--trials", "0"], in: work)
        #expect(plan.status == 0, "\(plan.errors)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: work.appendingPathComponent("out/plan.json")))
        let apps = try #require((json as? [String: Any])?["applications"] as? [[String: Any]])
        let app = try #require(apps.first { $0["name"] as? String == application })
        let service = try #require(app["service"] as? [String: Any])
        let chosen = try #require(app["chosen"] as? [String: Any])
        // The row marked → in the table.
        let row = try #require(explain.output.split(separator: "\n").first { $0.hasPrefix("→ ") }, "\(explain.output)")
        let availability = try #require(service["availability_percent"] as? Double)
        let total = try #require(chosen["annual_cost"] as? Double)
        let percent = String(format: "%.4f", availability).replacingOccurrences(of: #"\.?0+$"#, with: "", options: .regularExpression)
        #expect(row.contains("\(percent)%"), "\(row) vs \(availability)")
        let grouped = NumberFormatter()
        grouped.numberStyle = .decimal
        grouped.maximumFractionDigits = 0
        grouped.usesGroupingSeparator = true
        grouped.locale = Locale(identifier: "en_US_POSIX")
        grouped.groupingSeparator = ","
        #expect(row.contains("USD \(grouped.string(from: NSNumber(value: total.rounded()))!)"), "\(row) vs \(total)")
    }
}
