/// The view model of the reports: every figure formatted, as plain text. The templates escape
/// it for their format ({{x}} is HTML-escaped in report.html and Markdown-escaped in report.md,
/// see `MarkdownContentType`); only the SVG charts, which Nines draws itself, are inserted raw.
public struct ReportView: Sendable {
    public struct Row2: Sendable {
        public var label: String
        public var value: String
    }

    public struct ApplicationRow: Sendable {
        public var name, costPerHour, before, after, availabilityBefore, availabilityAfter, downtimeBefore, downtimeAfter: String
        public var exposureBefore, exposureAfter, protection, p90: String
        /// The availability target, and "meets the SLA" or what the plan misses end to end.
        public var target, verdict: String
        public var flagged: Bool
        /// The share of draws choosing the planned tier (empty without ranges).
        public var confidence: String
    }

    public struct PairRow: Sendable {
        /// `disk`: the VMs' parts of the storage group against what a host offers them, GiB;
        /// `binding`: the label of `Pair.bindingLimit`.
        public var id, site, vms, memory, threads, count, disk, binding: String
        /// The VMs on the pair with their protection: `erp-db01 (FT), erp-app01 (HA)`.
        public var members: String
    }

    public struct AssumptionRow: Sendable {
        public var entry, key, value, basis: String
    }

    public struct RiskRow: Sendable {
        public var name, expected, mean, p50, p90, p99: String
        public var estate: Bool
    }

    public struct GapRow: Sendable {
        public var name, vendor, required, cost: String
    }

    public var title: String
    public var client: String
    /// The cover: who prepared the report, its date (`YYYY-MM-DD`), the logo as a `data:` URI.
    public var preparedBy: String?
    public var assessmentDate: String?
    public var logo: String?
    public var disclaimer: String
    /// Terms and their definitions.
    public var glossary: [Row2]
    public var year: Int
    public var yearBasis: String
    public var currency: String
    public var headline: [Row2]
    /// The recommended alternative, the runner-up and what would change the choice.
    public var recommendationLine: String?
    /// How the investment, the saving and the payback follow from the figures.
    public var reconciliation: [ReconciliationRow]
    public var hasReconciliation: Bool
    /// Why the summary's protection a year and the investment are two figures.
    public var reconciliationNote: String
    /// Applications whose SLA the plan cannot meet, dearest first, one sentence each.
    public var needsDecision: [String]
    public var hasNeedsDecision: Bool
    public var summary: [Row2]
    public var tiers: [Row2]
    public var applications: [ApplicationRow]
    public var explanations: [Row2]
    public var pairs: [PairRow]
    public var pairsLine: String
    public var gaps: [GapRow]
    public var hasGaps: Bool
    public var warnings: [String]
    public var hasWarnings: Bool
    /// The decisions of overrides.csv, one sentence each with its line.
    public var overrides: [String]
    public var hasOverrides: Bool
    public var assumptions: [AssumptionRow]
    /// Today's hosts (from an RVTools vHost sheet), when known.
    public var currentEstate: String?
    /// Today's clusters (RVTools vCluster), one line each.
    public var currentClusters: [String]
    public var hasClusters: Bool
    /// Disk provisioned and used inside the guests (RVTools vPartition), per site.
    public var diskToday: [String]
    public var hasDiskToday: Bool
    public var tco: TCOSectionView?
    /// How sure the decisions are (with ranges), and today against the record (with one).
    public var uncertainty: UncertaintySectionView?
    public var calibration: CalibrationSectionView?
    /// The applications table has a confidence column.
    public var hasConfidence: Bool
    public var hasRisk: Bool
    public var risk: [RiskRow]
    public var riskLine: String
    /// How the tiers were chosen together and how sure the optimum is.
    public var choiceLine: String
    /// What changed since the last recorded assessment.
    public var sinceLast: [String]
    public var sinceLastDate: String
    public var hasSinceLast: Bool
    /// Inline SVG charts (HTML only).
    public var charts: Charts

    /// The disclaimer when engagement.yaml gives none.
    static let disclaimer =
        "This report estimates downtime, its cost and the cost of protecting against it from the inventory, service levels and costs of downtime gathered for this engagement, and from the defaults listed under Assumptions and sources. The figures are estimates from a model, not guarantees of availability; prices are list prices unless a quote replaced them. Check the assumptions before acting on the figures."

    public struct Charts: Sendable {
        public var pyramid: String
        public var risk: String?
        public var pairs: String
        public var tco: String?
        public var tornado: String?
        public var tierShares: String?
        public var npvSpread: String?
    }

    /// `explanations`: `DecisionText.explanations(assessment)`, when the caller has them.
    public init(_ assessment: Assessment, explanations: [String]? = nil) {
        let explained = explanations ?? DecisionText.explanations(assessment)
        let e = assessment.engagement
        let money = { (v: Double) in Number.money(v, currency: e.currency) }
        title = "Availability plan — \(e.client)"
        client = e.client
        preparedBy = e.cover.preparedBy
        assessmentDate = e.cover.assessmentDate
        logo = e.cover.logo?.dataURI
        disclaimer = e.cover.disclaimer ?? Self.disclaimer
        glossary =
            (Glossary.terms + (assessment.plan.uncertainty == nil ? [] : Glossary.uncertaintyTerms)
            + (assessment.plan.calibration == nil ? [] : Glossary.calibrationTerms)).map { Row2(label: $0.term, value: $0.definition) }
        year = e.year
        currency = e.currency
        yearBasis = e.yearDays == 365 ? "365-day year (525,600 minutes)" : "365.25-day year (525,960 minutes)"
        headline = Self.headline(assessment, money: money)
        recommendationLine = assessment.tco.flatMap { Self.recommendationLine($0, money: money) }
        reconciliation = Self.reconciliation(assessment, money: money)
        hasReconciliation = !reconciliation.isEmpty
        reconciliationNote = Self.reconciliationNote(assessment, money: money)
        needsDecision = Self.needsDecision(assessment, money: money)
        hasNeedsDecision = !needsDecision.isEmpty
        summary = Self.summary(assessment, money: money)
        tiers = assessment.plan.applicationsPerTier.map { Row2(label: $0.tier, value: "\($0.count)") }
        applications = assessment.decisions.map { Self.applicationRow($0, assessment: assessment, money: money) }
        self.explanations = assessment.decisions.enumerated().map {
            Row2(label: $0.element.application.name, value: explained[$0.offset])
        }
        pairs = assessment.packing.pairs.map(Self.pairRow)
        pairsLine =
            "\(assessment.packing.pairs.count) pairs against a lower bound of \(assessment.packing.lowerBound) (gap \(assessment.packing.pairs.count - assessment.packing.lowerBound))."
            + " Disk: the VMs' part of the storage group (their disks with growth and snapshot headroom) against a host's disk less the engine's own volumes."
        gaps = Self.gaps(assessment, money: money)
        hasGaps = !gaps.isEmpty
        warnings = DecisionText.warnings(assessment).map { $0.relative(to: assessment.engagement.directory).sentence }
        hasWarnings = !warnings.isEmpty
        overrides = e.overrides.map { "\($0.sentence) (line \($0.location.line))" }
        hasOverrides = !overrides.isEmpty
        assumptions = assessment.catalog.entries.flatMap { entry in
            entry.facts.map {
                AssumptionRow(entry: "\(entry.kind)/\(entry.id)", key: $0.key, value: $0.value, basis: $0.provenance.summary)
            }
        }
        currentEstate = Self.estateLine(e.currentHosts)
        currentClusters = Self.clusterLines(e.currentClusters)
        hasClusters = !currentClusters.isEmpty
        diskToday = Self.diskLines(e)
        hasDiskToday = !diskToday.isEmpty
        tco = assessment.tco.map(TCOSectionView.init)
        uncertainty = assessment.plan.uncertainty.map { UncertaintySectionView($0, tco: assessment.tco, currency: e.currency) }
        calibration = assessment.plan.calibration.map { CalibrationSectionView($0, history: e.incidentHistory, currency: e.currency) }
        hasConfidence = assessment.plan.uncertainty != nil
        hasRisk = assessment.risk != nil
        risk = assessment.risk.map { Self.riskRows($0, money: money) } ?? []
        riskLine = assessment.risk.map { Self.riskLine($0, money: money) } ?? ""
        choiceLine = DecisionText.choice(
            assessment.plan.choice, missedBy: assessment.decisions.filter { !$0.chosen.feasible }.count, money: money)
        sinceLast = assessment.sinceLast.map { ComparisonText.lines($0, currency: e.currency) } ?? []
        sinceLastDate = assessment.sinceLast.map { String($0.from.recordedAt.prefix(10)) } ?? ""
        hasSinceLast = assessment.sinceLast != nil
        charts = Charts(assessment)
    }
}
