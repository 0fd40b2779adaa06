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
        for index in 0..<count {
            let decision = estimates[0][index].decision
            let row = rows[decision.application.name]!
            sheet.startRow()
            sheet.text(decision.application.name)
            for k in alternatives.indices {
                let estimate = estimates[k][index].estimate
                let drivers = estimate.drivers(for: decision.application)
                let cells = (1...3).map { sheet.columnName(1 + 4 * k + $0 - 1) + String(sheet.row) }
                sheet.number(drivers.noticedIncidents, .quantity)
                sheet.number(drivers.outageHours, .quantity)
                sheet.number(drivers.dataLossHours, .quantity)
                sheet.formula(
                    Self.downtimeFormula(row: row, noticed: cells[0], hours: cells[1], lost: cells[2]), cached: estimate.totalCost, .money)
            }
            sheet.endRow()
        }
        return sheet.data()
    }

    /// The discount rate (an input), one row per alternative (capex and opex lines as inputs,
    /// the downtime linked to `Alternative downtime`, total and NPV from the years below), and
    /// each alternative's years: totals, cumulative, discount factor, present value to date.
    func tcoSheet(_ tco: TCOComparison, protectedCount: Int) -> Data {
        let alternatives = tco.alternatives
        let horizon = tco.horizonYears
        let firstAlternativeRow = 5
        let yearsHeaderRow = firstAlternativeRow + alternatives.count + 1
        func yearRow(_ k: Int, _ year: Int) -> Int { yearsHeaderRow + 1 + k * horizon + year - 1 }
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
        sheet.number(Double(horizon), .integer)
        sheet.endRow()
        sheet.headerRow([
            "Alternative", "Name", "Hardware", "Storage", "Network", "Licences", "Management", "Implementation", "Capex",
            "Licences a year", "Support a year", "Administration a year", "Power and space a year", "Opex a year",
            "Downtime cost a year", "Total over the horizon", "NPV",
        ])
        for (k, e) in alternatives.enumerated() {
            sheet.startRow()
            let r = sheet.row
            let last = yearRow(k, horizon)
            sheet.text(e.id)
            sheet.text(e.spec.name)
            for value in [e.capex.hardware, e.capex.storage, e.capex.network, e.capex.licenses, e.capex.management, e.capex.implementation]
            {
                sheet.number(value, .moneyInput)
            }
            sheet.formula("SUM(C\(r):H\(r))", cached: e.capex.total, .money)
            for value in [e.opex.licenses, e.opex.support, e.opex.administration, e.opex.powerAndSpace] { sheet.number(value, .moneyInput) }
            sheet.formula("SUM(J\(r):M\(r))", cached: e.opex.total, .money)
            if protectedCount > 0 {
                let column = XlsxWorkbook.columnName(4 + 4 * k)
                let range = "\(XlsxPackage.reference(toSheet: Self.alternativeDowntime))!\(column)2:\(column)\(protectedCount + 1)"
                sheet.formula("SUM(\(range))", cached: e.downtimeCostPerYear, .money)
            } else {
                sheet.number(e.downtimeCostPerYear, .moneyInput)
            }
            sheet.formula("G\(last)", cached: e.total, .money)
            sheet.formula("I\(last)", cached: e.npv, .money)
            sheet.endRow()
        }
        sheet.startRow()
        sheet.endRow()
        sheet.headerRow([
            "Alternative", "Year", "Capex", "Opex", "Downtime cost", "Total", "Cumulative", "Discount factor", "Present value to date",
        ])
        let rate = tco.discountRatePercent / 100
        for (k, e) in alternatives.enumerated() {
            let s = firstAlternativeRow + k
            for year in e.years {
                sheet.startRow()
                let t = sheet.row
                sheet.text(e.id)
                sheet.number(Double(year.year), .integer)
                if year.year == 1 { sheet.formula("$I$\(s)", cached: year.capex, .money) } else { sheet.number(0, .money) }
                sheet.formula("$N$\(s)", cached: year.opex, .money)
                sheet.formula("$O$\(s)", cached: year.downtimeCost, .money)
                sheet.formula("C\(t)+D\(t)+E\(t)", cached: year.total, .money)
                sheet.formula(year.year == 1 ? "F\(t)" : "G\(t - 1)+F\(t)", cached: year.cumulative, .money)
                sheet.formula("1/(1+DiscountRate)^B\(t)", cached: 1 / pow(1 + rate, Double(year.year)), .quantity)
                sheet.formula(
                    year.year == 1 ? "C\(t)+(D\(t)+E\(t))*H\(t)" : "I\(t - 1)+(D\(t)+E\(t))*H\(t)", cached: year.presentValue, .money)
                sheet.endRow()
            }
        }
        return sheet.data()
    }
}
