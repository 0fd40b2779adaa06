import Foundation

/// plan.xlsx: the plan as a workbook the client can edit. `Applications` holds each
/// application's impact inputs and its expected downtime cost as formulas over them;
/// `Tier options` prices every tier of every application from the same input cells;
/// `Alternative downtime` and `TCO` cost the alternatives, their yearly totals and NPV as
/// formulas, the downtime linked to the Applications inputs. Each formula caches Nines' own
/// figure. The expected cost is linear in the money inputs (`DowntimeDrivers`), so the model's
/// quantities (noticed incidents, curve-weighted hours, lost-data hours) are values and the
/// money is formulas: a changed cost per hour changes every cost that depends on it.
public struct PlanWorkbook: Sendable {
    public static let fileName = "plan.xlsx"

    let assessment: Assessment

    public init(_ assessment: Assessment) {
        self.assessment = assessment
    }

    /// Sheet names, as formulas refer to them.
    static let applications = "Applications"
    static let tierOptions = "Tier options"
    static let alternativeDowntime = "Alternative downtime"
    static let tco = "TCO"

    /// The workbook's bytes: the same assessment gives the same bytes. The sheets are written
    /// side by side.
    public func data() throws -> Data {
        let perAlternative = assessment.tco.map { $0.applicationDowntime(plan: assessment.plan) } ?? []
        let parts: [@Sendable () -> XlsxPackage.Sheet?] = [
            { XlsxPackage.Sheet(name: Self.applications, xml: applicationsSheet()) },
            { XlsxPackage.Sheet(name: Self.tierOptions, xml: tierOptionsSheet()) },
            {
                assessment.tco.map { _ in
                    XlsxPackage.Sheet(name: Self.alternativeDowntime, xml: alternativeDowntimeSheet(perAlternative))
                }
            },
            {
                assessment.tco.map {
                    XlsxPackage.Sheet(name: Self.tco, xml: tcoSheet($0, protectedCount: perAlternative.first?.count ?? 0))
                }
            },
            { assessment.plan.uncertainty.map { XlsxPackage.Sheet(name: Self.uncertainty, xml: uncertaintySheet($0)) } },
            { assessment.plan.calibration.map { XlsxPackage.Sheet(name: Self.outageRecord, xml: outageRecordSheet($0)) } },
        ]
        var package = XlsxPackage()
        package.sheets = Parallel.map(parts.count) { parts[$0]() }.compactMap { $0 }
        if assessment.tco != nil { package.definedNames = [("DiscountRate", "\(Self.tco)!$B$1")] }
        return try package.data()
    }

    /// The Applications row of each application (the first decision of its name).
    var applicationRows: [String: Int] {
        var rows: [String: Int] = [:]
        for (index, decision) in assessment.decisions.enumerated() where rows[decision.application.name] == nil {
            rows[decision.application.name] = index + 2
        }
        return rows
    }

    /// The money inputs of Applications row `row`, as formulas refer to them: a formula pricing
    /// the `DowntimeDrivers` held in three cells (noticed incidents, outage hours, lost-data
    /// hours) with them. Made once per application, used for each of its rows elsewhere.
    struct MoneyInputs {
        let perIncident, costPerHour, dataLossPerHour: String

        init(row: Int) {
            let prefix = PlanWorkbook.applications + "!"
            perIncident = prefix + ApplicationColumn.perIncident.letter + String(row) + "*"
            costPerHour = "+" + prefix + ApplicationColumn.costPerHour.letter + String(row) + "*"
            dataLossPerHour = "+" + prefix + ApplicationColumn.dataLossPerHour.letter + String(row) + "*"
        }

        func downtimeCost(noticed: String, hours: String, lost: String) -> String {
            perIncident + noticed + costPerHour + hours + dataLossPerHour + lost
        }
    }
}

/// The columns of the Applications sheet, in order.
enum ApplicationColumn: Int, CaseIterable {
    case application, businessUnit, tier, revenuePerHour, users, loadedCostPerUserHour, productivityLoss, penaltyPerHour
    case costPerHour, perIncident, dataLossPerHour, noticedIncidents, outageHours, dataLossHours
    case outageCost, dataLossCost, downtimeCost, protectionCost, total

    var letter: String { Self.letters[rawValue] }
    private static let letters = allCases.map { XlsxWorkbook.columnName($0.rawValue) }

    var title: String {
        switch self {
        case .application: "Application"
        case .businessUnit: "Business unit"
        case .tier: "Planned tier"
        case .revenuePerHour: "Revenue per hour"
        case .users: "Users"
        case .loadedCostPerUserHour: "Loaded cost per user hour"
        case .productivityLoss: "Productivity loss"
        case .penaltyPerHour: "Penalty per hour"
        case .costPerHour: "Cost per hour"
        case .perIncident: "Cost per incident"
        case .dataLossPerHour: "Data-loss cost per hour"
        case .noticedIncidents: "Noticed incidents a year"
        case .outageHours: "Outage hours a year (curve-weighted)"
        case .dataLossHours: "Data-loss hours a year"
        case .outageCost: "Outage cost a year"
        case .dataLossCost: "Data-loss cost a year"
        case .downtimeCost: "Expected downtime cost a year"
        case .protectionCost: "Protection cost a year"
        case .total: "Total a year"
        }
    }

    var width: Double {
        switch self {
        case .application: 28
        case .businessUnit, .tier: 16
        default: 15
        }
    }
}
