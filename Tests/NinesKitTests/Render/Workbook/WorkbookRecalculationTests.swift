import Foundation
import Testing

@testable import NinesKit

/// plan.xlsx opened by LibreOffice Calc, every formula recalculated: the figures are plan.json's
/// to the cent, a changed input moves what depends on it, and names stay text. Skipped, naming
/// the package, where LibreOffice is not installed (never in CI: `ExternalTool`).
@Suite struct WorkbookRecalculationTests {
    static let needs: Comment = "needs LibreOffice Calc from Debian's libreoffice-calc-nogui"

    /// Within half a cent of `expected` (plan.json rounds to cents; Calc writes 15 digits).
    static func expectCents(_ value: String?, _ expected: Double, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation)
    {
        let number = value.flatMap(LibreOfficeCalc.number)
        #expect(
            number.map { abs($0 - expected) <= 0.0051 } == true, "\(what): \(value ?? "nil") ≠ \(expected)", sourceLocation: sourceLocation)
    }

    static func planJSON(_ assessment: Assessment) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: PlanDocument(assessment).json()) as? [String: Any])
    }

    @Test(.enabled(if: LibreOfficeCalc.enabled, needs))
    func recalculatedFiguresEqualPlanJSON() throws {
        let assessment = try PlanWorkbookTests.sample()
        let json = try Self.planJSON(assessment)
        let sheets = try LibreOfficeCalc.recalculatedSheets(of: PlanWorkbook(assessment).data())
        let applications = try #require(json["applications"] as? [[String: Any]])
        let rows = try #require(sheets["Applications"])
        #expect(rows.count == applications.count + 2)
        var options: [[String: Any]] = []
        for (index, app) in applications.enumerated() {
            let row = rows[index + 1]
            let name = try #require(app["name"] as? String)
            let service = try #require(app["service"] as? [String: Double])
            let chosen = try #require(app["chosen"] as? [String: Any])
            #expect(row[0] == name)
            Self.expectCents(row[8], try #require(app["cost_per_hour"] as? Double), "\(name) cost per hour")
            Self.expectCents(row[14], service["downtime_cost"]!, "\(name) outage cost")
            Self.expectCents(row[15], service["data_loss_cost"]!, "\(name) data-loss cost")
            Self.expectCents(row[16], service["total_cost"]!, "\(name) expected downtime cost")
            Self.expectCents(row[17], try #require(chosen["protection_cost"] as? Double), "\(name) protection")
            options += try #require(app["options"] as? [[String: Any]])
        }
        let total = assessment.decisions.reduce(0) { $0 + $1.service.totalCost }
        Self.expectCents(rows.last?[16], total, "total expected downtime cost")
        let tiers = try #require(sheets["Tier options"])
        #expect(tiers.count == options.count + 1)
        for (option, row) in zip(options, tiers.dropFirst()) {
            #expect(row[1] == option["tier"] as? String)
            Self.expectCents(row[4], option["protection_cost"] as! Double, "\(row[0]) \(row[1]) protection")
            Self.expectCents(row[9], option["annual_cost"] as! Double, "\(row[0]) \(row[1]) annual cost")
        }
        try Self.expectTCO(sheets["TCO"] ?? [], json: json)
    }

    /// The TCO sheet's alternatives and years against plan.json's `tco`.
    static func expectTCO(_ rows: [[String]], json: [String: Any], downtimeShift: [Double]? = nil) throws {
        let tco = try #require(json["tco"] as? [String: Any])
        let alternatives = try #require(tco["alternatives"] as? [[String: Any]])
        let rate = try #require(tco["discount_rate_percent"] as? Double) / 100
        #expect(rows.first.map { LibreOfficeCalc.number($0[1]) } == rate)
        let yearsStart = 4 + alternatives.count + 2
        for (k, alternative) in alternatives.enumerated() {
            let id = try #require(alternative["id"] as? String)
            let row = rows[4 + k]
            let years = try #require(alternative["years"] as? [[String: Any]])
            let shift = downtimeShift?[k] ?? 0
            let annuity = years.indices.reduce(0.0) { $0 + 1 / pow(1 + rate, Double($1 + 1)) }
            #expect(row[0] == id)
            expectCents(row[8], years[0]["capex"] as! Double, "\(id) capex")
            expectCents(row[13], years[0]["opex"] as! Double, "\(id) opex")
            expectCents(row[14], (alternative["downtime_cost_per_year"] as! Double) + shift, "\(id) downtime")
            expectCents(row[15], (alternative["total"] as! Double) + shift * Double(years.count), "\(id) total")
            expectCents(row[16], (alternative["npv"] as! Double) + shift * annuity, "\(id) NPV")
            for (y, year) in years.enumerated() {
                let cells = rows[yearsStart + k * years.count + y]
                let discounted = (1...(y + 1)).reduce(0.0) { $0 + 1 / pow(1 + rate, Double($1)) }
                #expect(cells[0] == id)
                expectCents(cells[4], (year["downtime_cost"] as! Double) + shift, "\(id) year \(y + 1) downtime")
                expectCents(cells[5], (year["total"] as! Double) + shift, "\(id) year \(y + 1) total")
                expectCents(cells[6], (year["cumulative"] as! Double) + shift * Double(y + 1), "\(id) year \(y + 1) cumulative")
                expectCents(cells[8], (year["present_value"] as! Double) + shift * discounted, "\(id) year \(y + 1) present value")
            }
        }
    }

    /// ERP's revenue per hour raised by 10,000 in the sheet (the cached values left stale):
    /// Calc's cost per hour, expected downtime cost, tier options and every alternative's
    /// downtime, totals and NPV move by what Nines' model gives for the new input.
    @Test(.enabled(if: LibreOfficeCalc.enabled, needs))
    func aChangedCostPerHourChangesItsDependents() throws {
        let assessment = try PlanWorkbookTests.sample()
        let erp = try #require(assessment.decisions.first)
        var raised = erp.application
        raised.impact.revenuePerHour += 10_000
        // The model's pricing at the new input: an estimate's costs are its drivers priced at the
        // money inputs (an alternative tier keeps its drivers, not its incidents).
        func priced(_ e: DowntimeEstimate) -> Double {
            e.drivers.outageCost(perIncident: raised.impact.perIncident, costPerHour: raised.impact.hourlyRate)
                + e.drivers.dataLossCost(dataLossPerHour: raised.impact.dataLossPerHour)
        }
        let old = "<c r=\"D2\" s=\"6\"><v>\(WorksheetWriter.spelled(erp.application.impact.revenuePerHour))</v></c>"
        let new = "<c r=\"D2\" s=\"6\"><v>\(WorksheetWriter.spelled(raised.impact.revenuePerHour))</v></c>"
        let parts = try PlanWorkbookTests.parts(PlanWorkbook(assessment).data())
        #expect(parts[5].text.contains(old))
        let edited = try ZipContainer.data(
            parts.map { ZipContainer.Entry(path: $0.path, data: Data($0.text.replacingOccurrences(of: old, with: new).utf8)) })
        let sheets = try LibreOfficeCalc.recalculatedSheets(of: edited)
        let rows = try #require(sheets["Applications"])
        Self.expectCents(rows[1][8], raised.impact.hourlyRate, "ERP cost per hour")
        Self.expectCents(rows[1][16], priced(erp.service), "ERP expected downtime cost")
        #expect(abs(priced(erp.service) - erp.service.totalCost) > 1_000)
        Self.expectCents(rows[2][16], assessment.decisions[1].service.totalCost, "MES, unchanged")
        let tiers = try #require(sheets["Tier options"])
        for (option, row) in zip(erp.options, tiers.dropFirst()) {
            Self.expectCents(row[9], option.protectionCost + priced(option.figures), "ERP \(option.label) annual cost")
        }
        let tco = try #require(assessment.tco)
        let shifts = tco.applicationDowntime(plan: assessment.plan).map { estimates in
            estimates.first { $0.decision.application.name == "ERP" }.map { priced($0.estimate) - $0.estimate.totalCost } ?? 0
        }
        #expect(shifts.allSatisfy { $0 > 0 })
        try Self.expectTCO(sheets["TCO"] ?? [], json: Self.planJSON(assessment), downtimeShift: shifts)
    }

    /// Names that start like formulas come back from Calc as the same text.
    @Test(.enabled(if: LibreOfficeCalc.enabled, needs))
    func namesStayText() throws {
        let sheets = try LibreOfficeCalc.recalculatedSheets(of: PlanWorkbook(PlanWorkbookTests.hostileSample()).data())
        let names = Set((sheets["Applications"] ?? []).map { $0[0] })
        for name in PlanWorkbookTests.hostileNames { #expect(names.contains(name), "\(name)") }
    }
}
