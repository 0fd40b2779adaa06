extension ReportView {
    /// The SaaS applications whose vendor's SLA is below the requirement.
    static func gaps(_ assessment: Assessment, money: (Double) -> String) -> [GapRow] {
        assessment.decisions.filter { $0.basis == .saas && !$0.chosen.feasible }.map { d in
            let vendor: String
            if case .saas(let v) = d.application.hosting { vendor = Number.plain(v) + "%" } else { vendor = "" }
            return GapRow(
                name: d.application.name, vendor: vendor, required: Number.plain(d.application.sla.availability) + "%",
                cost: money(d.service.totalCost))
        }
    }

    /// Today's hosts in one sentence (from an RVTools vHost sheet), nil without them.
    static func estateLine(_ hosts: [ImportedHost]) -> String? {
        guard !hosts.isEmpty else { return nil }
        return
            "\(hosts.count) hosts in \(Set(hosts.map(\.cluster)).count) clusters: \(hosts.reduce(0) { $0 + $1.cores }) cores, \(Number.grouped(hosts.reduce(0) { $0 + $1.memoryGiB })) GiB of memory, \(hosts.reduce(0) { $0 + $1.vms }) VMs."
    }

    /// The simulation in a sentence: its years, the estate's P90 and P99, the agreement.
    static func riskLine(_ risk: RiskReport, money: (Double) -> String) -> String {
        "\(Number.grouped(Double(risk.trials))) simulated years (seed \(risk.seed)). In one year in ten the estate loses more than \(money(risk.estate.p90)); in one in a hundred, more than \(money(risk.estate.p99)). Expected values and simulation come from the same failure sources: every simulated mean is within \(Number.plain(risk.largestDeviation, maxFraction: 1)) standard errors of its expected value."
    }
}

extension ReportView.Charts {
    /// Every chart of the report, drawn from the assessment's own figures.
    init(_ assessment: Assessment) {
        let currency = assessment.engagement.currency
        pyramid = ReportCharts.pyramid(assessment)
        risk = assessment.risk.map { ReportCharts.risk($0, currency: currency) }
        pairs = ReportCharts.pairs(assessment)
        tco = assessment.tco.map(ReportCharts.tco)
        tornado = assessment.tco.flatMap(ReportCharts.tornado)
        tierShares = assessment.plan.uncertainty.map(ReportCharts.tierShares)
        npvSpread = assessment.tco.flatMap { tco in
            tco.spread.map {
                ReportCharts.npvSpread(
                    $0, names: Dictionary(uniqueKeysWithValues: tco.alternatives.map { ($0.id, $0.spec.name) }), currency: currency)
            }
        }
    }
}
