import ArgumentParser
import Foundation
import NinesKit

struct TCOCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tco",
        abstract: "Compare the plan's FT pairs with the cluster alternatives: TCO, NPV, break-even, report card.",
        discussion: """
            Sizes the same protected workloads on each alternative under its own limits and
            costs them over the engagement's horizon, expected downtime included. Writes nothing.

            Example:
              nines tco Catalog/examples/acme
              nines tco Catalog/examples/acme --json
            """)

    @OptionGroup var options: EngagementOptions

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let plan = try reportingErrors {
            try Pipeline.assess(Pipeline.Options(engagement: options.engagement, catalog: options.catalog, trials: 0))
        }
        guard let tco = plan.tco else {
            Console.error("no alternative to compare: list some under 'alternatives:' in engagement.yaml")
            throw ExitCode(65)
        }
        if json {
            print(try TCODocument(tco).json(), terminator: "")
        } else {
            print(TCOSummary.text(tco))
        }
    }
}

/// The text `nines tco` prints.
enum TCOSummary {
    static func text(_ tco: TCOComparison) -> String {
        let money = { (v: Double) in Number.money(v, currency: tco.currency) }
        let h = tco.horizonYears
        let table = TextTable(
            header: ["alternative", "nodes", "capex", "opex / yr", "downtime / yr", "total \(h) yr", "NPV", "downtime min/yr/app"],
            rows: tco.ranking.map { e in
                [
                    e.id, "\(e.sizing.nodes)", money(e.capex.total), money(e.opex.total), money(e.downtimeCostPerYear), money(e.total),
                    money(e.npv), Number.plain(e.unplannedMinutesPerApplication, maxFraction: 1),
                ]
            }, rightAligned: [1, 2, 3, 4, 5, 6, 7])
        let card = TextTable(
            header: ["report card", "unplanned min/yr", "cost / yr", "maintenance min/yr", "recovery", "data loss", "recovery effort"],
            rows: tco.alternatives.map { e in
                [
                    e.id, Number.plain(e.unplannedMinutesPerApplication, maxFraction: 1), money(e.downtimeCostPerYear),
                    Number.plain(e.maintenanceMinutesPerApplication, maxFraction: 1), e.recoveryTime.description,
                    e.spec.dataLoss.value.description, e.spec.recoveryEffort,
                ]
            }, rightAligned: [1, 2, 3])
        var lines = [table.render(), "", card.render()]
        if let reference = tco.reference {
            lines.append("")
            for p in tco.referencePaysAbove {
                if p.always {
                    lines.append("\(reference) costs less than \(p.against) at any cost of downtime")
                } else if p.never {
                    lines.append("\(reference) never pays for itself against \(p.against) on downtime alone")
                } else if let c = p.costPerHour {
                    lines.append("\(reference) pays for itself against \(p.against) above \(money(c)) per hour of downtime")
                }
            }
        }
        let moved = tco.sensitivity.map { "\($0.factor) × \(Number.plain($0.multiplier)): \($0.ranking.first ?? "-") cheapest" }
        lines.append("\nsensitivity: " + moved.joined(separator: "; "))
        return lines.joined(separator: "\n")
    }
}
