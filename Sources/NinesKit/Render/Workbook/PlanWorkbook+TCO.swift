import Foundation

extension PlanWorkbook {
    /// One row per protected application; per alternative, the model's quantities for the
    /// application on that alternative and its expected downtime cost priced from the
    /// Applications row (`estimates`: `TCOComparison.applicationDowntime`).
    func alternativeDowntimeSheet(_ estimates: [[(decision: TierDecision, estimate: DowntimeEstimate)]]) -> Data {
        let alternatives = assessment.tco?.alternatives ?? []
        var titles = ["Application"]
        for alternative in alternatives {
            titles += ["noticed incidents a year", "outage hours a year", "data-loss hours a year", "downtime cost a year"].map {
                "\(alternative.spec.name): \($0)"
            }
        }
        let count = estimates.first?.count ?? 0
        var sheet = WorksheetWriter(
            widths: [28] + Array(repeating: 15, count: 4 * alternatives.count), frozenRows: 1, capacity: 300 * (count + 1) * 4)
        sheet.headerRow(titles)
        let rows = applicationRows
        // Per alternative, the columns of its three quantities.
        let columns = alternatives.indices.map { k in (1...3).map { XlsxWorkbook.columnName(4 * k + $0) } }
        for index in 0..<count {
            let decision = estimates[0][index].decision
            let inputs = MoneyInputs(row: rows[decision.application.name]!)
            sheet.startRow()
            let r = String(sheet.row)
            sheet.text(decision.application.name)
            for k in alternatives.indices {
                let estimate = estimates[k][index].estimate
                let drivers = estimate.drivers(for: decision.application)
                sheet.number(drivers.noticedIncidents, .quantity)
                sheet.number(drivers.outageHours, .quantity)
                sheet.number(drivers.dataLossHours, .quantity)
                let cells = columns[k]
                sheet.formula(
                    inputs.downtimeCost(noticed: cells[0] + r, hours: cells[1] + r, lost: cells[2] + r), cached: estimate.totalCost, .money)
            }
            sheet.endRow()
        }
        return sheet.data()
    }

    /// The discount rate (an input), one row per alternative (capex and opex lines as inputs,
    /// the downtime linked to `Alternative downtime`, total and NPV from the years below), and
    /// each alternative's years: totals, cumulative, discount factor, present value to date.
    func tcoSheet(_ tco: TCOComparison, protectedCount: Int) -> Data {
        var sheet = WorksheetWriter(widths: [24, 26] + Array(repeating: 15, count: 15), frozenRows: 0)
        sheet.startRow()
        sheet.text("Discount rate a year", .header)
        sheet.number(tco.discountRatePercent / 100, .percentInput)
        sheet.endRow()
        sheet.startRow()
        sheet.text("Currency", .header)
        sheet.text(tco.currency)
        sheet.endRow()
        sheet.startRow()
        sheet.text("Horizon, years", .header)
        sheet.number(Double(tco.horizonYears), .integer)
        sheet.endRow()
        Self.alternativeRows(tco, protectedCount: protectedCount, into: &sheet)
        sheet.startRow()
        sheet.endRow()
        Self.yearRows(tco, into: &sheet)
        return sheet.data()
    }

    /// Row of the first alternative in the TCO sheet (after three inputs and a header).
    static let firstAlternativeRow = 5

    private static func alternativeRows(_ tco: TCOComparison, protectedCount: Int, into sheet: inout WorksheetWriter) {
        sheet.headerRow([
            "Alternative", "Name", "Hardware", "Storage", "Network", "Licences", "Management", "Implementation", "Capex",
            "Licences a year", "Support a year", "Administration a year", "Power and space a year", "Opex a year",
            "Downtime cost a year", "Total over the horizon", "NPV",
        ])
        let horizon = tco.horizonYears
        // The last year of alternative k, in the years table below (a blank row and a header).
        func lastYearRow(_ k: Int) -> Int { firstAlternativeRow + tco.alternatives.count + 1 + (k + 1) * horizon }
        for (k, e) in tco.alternatives.enumerated() {
            sheet.startRow()
            let r = sheet.row
            sheet.text(e.id)
            sheet.text(e.spec.name)
            let capex = e.capex
            for value in [capex.hardware, capex.storage, capex.network, capex.licenses, capex.management, capex.implementation] {
                sheet.number(value, .moneyInput)
            }
            sheet.formula("SUM(C\(r):H\(r))", cached: e.capex.total, .money)
            for value in [e.opex.licenses, e.opex.support, e.opex.administration, e.opex.powerAndSpace] { sheet.number(value, .moneyInput) }
            sheet.formula("SUM(J\(r):M\(r))", cached: e.opex.total, .money)
            if protectedCount > 0 {
                let column = XlsxWorkbook.columnName(4 + 4 * k)
                let range = "\(XlsxPackage.reference(toSheet: alternativeDowntime))!\(column)2:\(column)\(protectedCount + 1)"
                sheet.formula("SUM(\(range))", cached: e.downtimeCostPerYear, .money)
            } else {
                sheet.number(e.downtimeCostPerYear, .moneyInput)
            }
            sheet.formula("G\(lastYearRow(k))", cached: e.total, .money)
            sheet.formula("I\(lastYearRow(k))", cached: e.npv, .money)
            sheet.endRow()
        }
    }

    private static func yearRows(_ tco: TCOComparison, into sheet: inout WorksheetWriter) {
        sheet.headerRow([
            "Alternative", "Year", "Capex", "Opex", "Downtime cost", "Total", "Cumulative", "Discount factor", "Present value to date",
        ])
        let rate = tco.discountRatePercent / 100
        for (k, e) in tco.alternatives.enumerated() {
            let s = firstAlternativeRow + k
            for year in e.years {
                sheet.startRow()
                let t = sheet.row
                let first = year.year == 1
                sheet.text(e.id)
                sheet.number(Double(year.year), .integer)
                if first { sheet.formula("$I$\(s)", cached: year.capex, .money) } else { sheet.number(0, .money) }
                sheet.formula("$N$\(s)", cached: year.opex, .money)
                sheet.formula("$O$\(s)", cached: year.downtimeCost, .money)
                sheet.formula("C\(t)+D\(t)+E\(t)", cached: year.total, .money)
                sheet.formula(first ? "F\(t)" : "G\(t - 1)+F\(t)", cached: year.cumulative, .money)
                sheet.formula("1/(1+DiscountRate)^B\(t)", cached: 1 / pow(1 + rate, Double(year.year)), .quantity)
                sheet.formula(first ? "C\(t)+(D\(t)+E\(t))*H\(t)" : "I\(t - 1)+(D\(t)+E\(t))*H\(t)", cached: year.presentValue, .money)
                sheet.endRow()
            }
        }
    }
}
