import Foundation

/// plan.xlsx's `Uncertainty` sheet (with impact ranges: each decision's confidence, the inputs by
/// the value of knowing them, the alternatives' NPV spread) and `Outage record` sheet (with an
/// incident history: today modelled, observed and calibrated). Values, not formulas: they come
/// from draws a spreadsheet cannot redo; the same figures as the report and plan.json.
extension PlanWorkbook {
    static let uncertainty = "Uncertainty"
    static let outageRecord = "Outage record"

    func uncertaintySheet(_ u: DecisionUncertainty) -> Data {
        var sheet = WorksheetWriter(widths: [30, 30, 14, 16, 40, 14, 18, 14, 16], frozenRows: 0)
        sheet.startRow()
        sheet.text("Draws", .header)
        sheet.number(Double(u.samples), .integer)
        sheet.text("Seed", .header)
        sheet.number(Double(u.seed), .integer)
        sheet.text("Expected value of perfect information a year", .header)
        sheet.number(u.expectedRegret, .money)
        sheet.text("Standard error", .header)
        sheet.number(u.expectedRegretError, .money)
        sheet.endRow()
        sheet.startRow()
        sheet.endRow()
        sheet.headerRow(["The plan's yearly total", "", "P10", "P50", "P90", "Mean"])
        sheet.startRow()
        sheet.text("protection and expected downtime")
        sheet.skip()
        for value in [u.planCost.p10, u.planCost.p50, u.planCost.p90, u.planCost.mean] { sheet.number(value, .money) }
        sheet.endRow()
        sheet.startRow()
        sheet.endRow()
        sheet.headerRow(["Application", "Planned tier", "Confidence", "Expected regret a year", "Tiers chosen in the draws"])
        for o in UncertaintySectionView.shown(u) {
            sheet.startRow()
            sheet.text(o.application)
            sheet.text(o.chosen)
            sheet.number(o.confidence, .percent)
            sheet.number(o.expectedRegret, .money)
            sheet.text(o.tierProbabilities.map { "\($0.tier) \(UncertaintySectionView.percent($0.share))" }.joined(separator: ", "))
            sheet.endRow()
        }
        sheet.startRow()
        sheet.endRow()
        sheet.headerRow(["Application", "Input", "Low (P10)", "Likely", "High (P90)", "Mean used", "Worth knowing a year"])
        for i in u.inputsByValue {
            sheet.startRow()
            sheet.text(i.application.isEmpty ? "all (catalog)" : i.application)
            sheet.text(i.key)
            for value in [i.range.low, i.range.likely, i.range.high, i.range.mean] { sheet.number(value, .quantity) }
            sheet.number(i.valueOfInformation, .money)
            sheet.endRow()
        }
        if let spread = assessment.tco?.spread {
            sheet.startRow()
            sheet.endRow()
            sheet.headerRow(["Alternative", "NPV P10", "NPV P50", "NPV P90", "NPV mean", "Cheapest in"])
            for a in spread.alternatives {
                sheet.startRow()
                sheet.text(a.id)
                for value in [a.npv.p10, a.npv.p50, a.npv.p90, a.npv.mean] { sheet.number(value, .money) }
                sheet.number(a.cheapest, .percent)
                sheet.endRow()
            }
        }
        return sheet.data()
    }

    func outageRecordSheet(_ c: OutageCalibration) -> Data {
        var sheet = WorksheetWriter(widths: [26] + Array(repeating: 16, count: 10), frozenRows: 1)
        sheet.headerRow([
            "Application", "Own outages a year, modelled", "recorded", "calibrated", "Factor", "Recorded downtime minutes a year",
            "Downtime minutes a year end to end, modelled", "calibrated", "Today's cost a year, modelled", "calibrated",
            "Recorded outages' cost a year",
        ])
        for a in c.applications {
            sheet.startRow()
            sheet.text(a.application)
            for value in [a.modelledIncidents, a.observedIncidents, a.calibratedIncidents] { sheet.number(value, .quantity) }
            if let factor = a.factor { sheet.number(factor, .quantity) } else { sheet.skip() }
            for value in [a.observedMinutes, a.modelledMinutes, a.calibratedMinutes] { sheet.number(value, .quantity) }
            for value in [a.costModelled, a.costCalibrated, a.observedCost] { sheet.number(value, .money) }
            sheet.endRow()
        }
        return sheet.data()
    }
}
