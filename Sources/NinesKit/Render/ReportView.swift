/// The view model of report.md: every value formatted and escaped for Markdown, so the
/// template only places them.
public struct ReportView: Sendable {
    public var title: String
    public var client: String
    public var year: Int
    public var yearBasis: String
    public var currency: String
    public var summary: [Row2]
    public var tiers: [Row2]
    public var applications: [ApplicationRow]
    public var explanations: [Row2]
    public var pairs: [PairRow]
    public var pairsLine: String
    public var warnings: [String]
    public var hasWarnings: Bool
    public var assumptions: [AssumptionRow]
    /// Today's hosts (from an RVTools vHost sheet), when known.
    public var currentEstate: String?
    public var tco: TCOSectionView?
    public var hasRisk: Bool
    public var risk: [RiskRow]
    public var riskLine: String

    public struct RiskRow: Sendable {
        public var name, expected, mean, p50, p90, p99: String
    }

    public struct Row2: Sendable {
        public var label: String
        public var value: String
    }

    public struct ApplicationRow: Sendable {
        public var name, costPerHour, before, after, availabilityBefore, availabilityAfter, downtimeBefore, downtimeAfter: String
        public var exposureBefore, exposureAfter, protection: String
    }

    public struct PairRow: Sendable {
        public var id, site, vms, memory, threads, count, binding: String
    }

    public struct AssumptionRow: Sendable {
        public var entry, key, value, basis: String
    }

    public init(_ plan: Plan) {
        let e = plan.engagement
        let money = { (v: Double) in Number.money(v, currency: e.currency) }
        let md = Escape.markdown
        title = "Availability plan — \(md(e.client))"
        client = md(e.client)
        year = e.year
        currency = md(e.currency)
        yearBasis = e.yearDays == 365 ? "365-day year (525,600 minutes)" : "365.25-day year (525,960 minutes)"
        let saved = plan.exposureBefore - plan.exposureAfter
        let extra = plan.protectionAfter - plan.protectionBefore
        summary = [
            Row2(label: "Applications", value: "\(plan.decisions.count)"),
            Row2(label: "VMs (powered on)", value: "\(e.workloads.filter(\.poweredOn).count)"),
            Row2(label: "Host pairs", value: "\(plan.packing.pairs.count) (lower bound \(plan.packing.lowerBound))"),
            Row2(label: "Expected downtime cost today", value: money(plan.exposureBefore) + " / yr"),
            Row2(label: "Expected downtime cost with the plan", value: money(plan.exposureAfter) + " / yr"),
            Row2(label: "Hosting and protection today", value: money(plan.protectionBefore) + " / yr"),
            Row2(label: "Hosting and protection with the plan", value: money(plan.protectionAfter) + " / yr"),
            Row2(label: "Net saving", value: money(saved - extra) + " / yr"),
        ]
        tiers = plan.applicationsPerTier.map { Row2(label: $0.tier, value: "\($0.count)") }
        applications = plan.decisions.map { d in
            ApplicationRow(
                name: md(d.application.name), costPerHour: money(d.application.impact.hourlyRate),
                before: d.current.label,
                after: d.chosen.label + (d.basis == .pinned ? " (pinned)" : d.basis == .noFeasibleTier ? " ⚠" : ""),
                availabilityBefore: Number.plain(d.currentService.availabilityPercent, maxFraction: 4) + "%",
                availabilityAfter: Number.plain(d.service.availabilityPercent, maxFraction: 4) + "%",
                downtimeBefore: Number.downtime(minutes: d.currentService.unplannedMinutes),
                downtimeAfter: Number.downtime(minutes: d.service.unplannedMinutes),
                exposureBefore: money(d.currentService.totalCost), exposureAfter: money(d.service.totalCost),
                protection: money(d.chosen.protectionCost))
        }
        explanations = plan.decisions.map { Row2(label: md($0.application.name), value: md($0.explanation)) }
        pairs = plan.packing.pairs.map { p in
            let u = p.utilization
            func pct(_ x: Double) -> String { Number.plain(x * 100, maxFraction: 0) + "%" }
            return PairRow(
                id: p.id, site: md(p.isSplitSite ? "\(p.site) + \(p.secondSite)" : p.site), vms: "\(p.members.count)",
                memory:
                    "\(Number.plain(p.usedMemoryGiB, maxFraction: 1)) / \(Number.plain(p.capacity.memoryGiB, maxFraction: 1)) GiB (\(pct(u.memory)))",
                threads: "\(Int(p.usedThreads)) / \(Int(p.capacity.threads)) (\(pct(u.threads)))",
                count: "\(p.members.count) / \(Int(p.capacity.vms)) (\(pct(u.vms)))", binding: p.bindingDimension)
        }
        let gap = plan.packing.pairs.count - plan.packing.lowerBound
        pairsLine = "\(plan.packing.pairs.count) pairs against a lower bound of \(plan.packing.lowerBound) (gap \(gap))."
        tco = plan.tco.map(TCOSectionView.init)
        hasRisk = plan.risk != nil
        risk =
            plan.risk.map { r in
                (r.applications.filter { ($0.analytic ?? 0) > 0 || $0.mean > 0 } + [r.estate]).map { d in
                    RiskRow(
                        name: d.name == "estate" ? "**Estate**" : md(d.name), expected: money(d.analytic ?? 0),
                        mean: money(d.mean) + " ± " + money(d.standardError), p50: money(d.p50), p90: money(d.p90), p99: money(d.p99))
                }
            } ?? []
        riskLine =
            plan.risk.map {
                "\(Number.grouped(Double($0.trials))) simulated years (seed \($0.seed)). In one year in ten the estate loses more than \(money($0.estate.p90)); in one in a hundred, more than \(money($0.estate.p99))."
            } ?? ""
        let hosts = e.currentHosts
        currentEstate =
            hosts.isEmpty
            ? nil
            : "\(hosts.count) hosts in \(Set(hosts.map(\.cluster)).count) clusters: \(hosts.reduce(0) { $0 + $1.cores }) cores, \(Number.grouped(hosts.reduce(0) { $0 + $1.memoryGiB })) GiB of memory, \(hosts.reduce(0) { $0 + $1.vms }) VMs."
        warnings = plan.warnings.map { md($0.description) }
        hasWarnings = !warnings.isEmpty
        assumptions = plan.catalog.entries.flatMap { entry in
            entry.facts.map {
                AssumptionRow(
                    entry: md("\(entry.kind)/\(entry.id)"), key: md($0.key), value: md($0.value),
                    basis: md($0.provenance.summary))
            }
        }
    }
}
