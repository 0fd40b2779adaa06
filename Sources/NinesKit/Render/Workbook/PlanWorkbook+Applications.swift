import Foundation

extension PlanWorkbook {
    /// One row per application: the impact inputs, the model's quantities on the planned
    /// service (the chosen tier in series with its dependencies), the costs as formulas, and a
    /// total row.
    func applicationsSheet() -> Data {
        typealias C = ApplicationColumn
        let decisions = assessment.decisions
        var sheet = WorksheetWriter(widths: C.allCases.map(\.width), frozenRows: 1, capacity: 512 * (decisions.count + 2))
        sheet.headerRow(C.allCases.map(\.title))
        for decision in decisions {
            let app = decision.application
            let impact = app.impact
            let drivers = decision.service.drivers(for: app)
            sheet.startRow()
            let r = sheet.row
            func cell(_ column: C) -> String { column.letter + String(r) }
            sheet.text(app.name)
            sheet.text(app.businessUnit ?? "")
            sheet.text(decision.chosen.label)
            sheet.number(impact.revenuePerHour, .moneyInput)
            sheet.number(impact.users, .numberInput)
            sheet.number(impact.loadedCostPerUserHour, .moneyInput)
            sheet.number(impact.productivityLoss, .percentInput)
            sheet.number(impact.penaltyPerHour, .moneyInput)
            sheet.formula(
                "\(cell(.revenuePerHour))+\(cell(.users))*\(cell(.loadedCostPerUserHour))*\(cell(.productivityLoss))+\(cell(.penaltyPerHour))",
                cached: impact.hourlyRate, .money)
            sheet.number(impact.perIncident, .moneyInput)
            sheet.number(impact.dataLossPerHour, .moneyInput)
            sheet.number(drivers.noticedIncidents, .quantity)
            sheet.number(drivers.outageHours, .quantity)
            sheet.number(drivers.dataLossHours, .quantity)
            sheet.formula(
                "\(cell(.perIncident))*\(cell(.noticedIncidents))+\(cell(.costPerHour))*\(cell(.outageHours))",
                cached: decision.service.outageCost, .money)
            sheet.formula("\(cell(.dataLossPerHour))*\(cell(.dataLossHours))", cached: decision.service.dataLossCost, .money)
            sheet.formula("\(cell(.outageCost))+\(cell(.dataLossCost))", cached: decision.service.totalCost, .money)
            sheet.number(decision.chosen.protectionCost, .money)
            sheet.formula(
                "\(cell(.downtimeCost))+\(cell(.protectionCost))", cached: decision.service.totalCost + decision.chosen.protectionCost,
                .money)
            sheet.endRow()
        }
        Self.totalRow(decisions, into: &sheet)
        return sheet.data()
    }

    /// The sums of the cost columns.
    private static func totalRow(_ decisions: [TierDecision], into sheet: inout WorksheetWriter) {
        typealias C = ApplicationColumn
        sheet.startRow()
        sheet.text("Total", .header)
        for column in C.allCases.dropFirst() {
            guard [.outageCost, .dataLossCost, .downtimeCost, .protectionCost, .total].contains(column) else {
                sheet.skip()
                continue
            }
            let sum = decisions.reduce(0.0) { total, d in
                switch column {
                case .outageCost: total + d.service.outageCost
                case .dataLossCost: total + d.service.dataLossCost
                case .downtimeCost: total + d.service.totalCost
                case .protectionCost: total + d.chosen.protectionCost
                default: total + d.service.totalCost + d.chosen.protectionCost
                }
            }
            sheet.formula("SUM(\(column.letter)2:\(column.letter)\(decisions.count + 1))", cached: sum, .money)
        }
        sheet.endRow()
    }

    /// Every tier of every application: its protection cost and its downtime cost on the
    /// service it would give (the basis of the choice), priced from the Applications row.
    func tierOptionsSheet() -> Data {
        let titles = [
            "Application", "Tier", "Feasible", "Planned", "Protection cost a year", "Noticed incidents a year",
            "Outage hours a year (curve-weighted)", "Data-loss hours a year", "Expected downtime cost a year", "Annual cost",
        ]
        let count = assessment.decisions.reduce(0) { $0 + $1.options.count }
        var sheet = WorksheetWriter(widths: [28, 14, 9, 9, 15, 15, 15, 15, 15, 15], frozenRows: 1, capacity: 400 * (count + 1))
        sheet.headerRow(titles)
        for (index, decision) in assessment.decisions.enumerated() {
            let app = decision.application
            let inputs = MoneyInputs(row: index + 2)
            for option in decision.options {
                let figures = option.figures
                let drivers = figures.drivers(for: app)
                sheet.startRow()
                let r = String(sheet.row)
                sheet.text(app.name)
                sheet.text(option.label)
                sheet.text(option.feasible ? "yes" : "no")
                sheet.text(option.tier == decision.chosen.tier ? "planned" : "")
                sheet.number(option.protectionCost, .money)
                sheet.number(drivers.noticedIncidents, .quantity)
                sheet.number(drivers.outageHours, .quantity)
                sheet.number(drivers.dataLossHours, .quantity)
                sheet.formula(
                    inputs.downtimeCost(noticed: "F" + r, hours: "G" + r, lost: "H" + r), cached: figures.totalCost,
                    .money)
                sheet.formula("E\(r)+I\(r)", cached: option.annualCost, .money)
                sheet.endRow()
            }
        }
        return sheet.data()
    }
}
