import Foundation

/// The whole run, stage by stage: ingest → plan → render → write. Only the first and the last
/// stage touch files.
public enum Pipeline {
    /// Options of a planning run.
    public struct Options: Sendable {
        public var engagement: String
        public var catalog: String?
        public var templates: String?
        /// Output folder; nil means `Output/<engagement folder name>`.
        public var output: String?
        /// Monte Carlo trials (simulated years) and seed.
        public var trials: Int
        public var seed: UInt64
        /// Called with the simulation's fraction done.
        public var progress: (@Sendable (Double) -> Void)?
        /// The assessment database `run` records to (nil: do not record).
        public var database: String?

        public init(
            engagement: String, catalog: String? = nil, templates: String? = nil, output: String? = nil, trials: Int = 20_000,
            seed: UInt64 = 1, progress: (@Sendable (Double) -> Void)? = nil
        ) {
            self.engagement = engagement
            self.catalog = catalog
            self.templates = templates
            self.output = output
            self.trials = trials
            self.seed = seed
            self.progress = progress
        }

        /// The folder a run writes to.
        public var outputURL: URL {
            if let output { return URL(fileURLWithPath: output) }
            let name = URL(fileURLWithPath: engagement).standardizedFileURL.lastPathComponent
            return URL(fileURLWithPath: "Output").appendingPathComponent(name)
        }
    }

    /// Reads and validates an engagement (the `check` command).
    public static func check(_ options: Options) throws -> LoadedEngagement {
        try EngagementLoader.load(options.engagement, catalogPath: options.catalog)
    }

    /// Plans (and simulates) without writing anything.
    public static func plan(_ options: Options) throws -> Plan {
        let simulator = options.trials > 0 ? RiskSimulator(trials: options.trials, seed: options.seed) : nil
        let loaded = try check(options)
        var plan = Planner.plan(loaded, simulator: simulator, progress: options.progress)
        let engagement = loaded.engagement
        let (specs, economics) = try loaded.catalog.alternatives(overriddenBy: engagement.alternativeOverrides)
        let chosen = engagement.alternatives.isEmpty ? specs : specs.filter { engagement.alternatives.contains($0.id) }
        if !chosen.isEmpty { plan.tco = TCOComparison.build(plan: plan, specs: chosen, economics: economics) }
        return plan
    }

    /// Plans and writes only the manifests, to `<output>/manifests` (or `output` itself when
    /// given); returns the plan and the folder written.
    public static func manifests(_ options: Options) throws -> (plan: Plan, output: URL) {
        var quiet = options
        quiet.trials = 0
        let plan = try plan(quiet)
        let templates = try TemplateSet.load(from: TemplateSet.locate(explicit: options.templates, catalog: plan.catalog))
        let output = options.output.map { URL(fileURLWithPath: $0) } ?? options.outputURL.appendingPathComponent("manifests")
        try write(to: output) { try PlanRenderer(templates: templates).renderManifests(plan, into: $0) }
        return (plan, output)
    }

    /// Plans, writes every output file and records the assessment when a database is given;
    /// returns the plan and the folder written. The database is opened before anything is
    /// written, so a broken one stops the run with the previous output intact.
    public static func run(_ options: Options) throws -> (plan: Plan, output: URL) {
        var plan = try plan(options)
        let templates = try TemplateSet.load(from: TemplateSet.locate(explicit: options.templates, catalog: plan.catalog))
        let store = try options.database.map { path throws(StoreError) in try AssessmentStore(path: path) }
        let inputs = InputDigest.files(in: plan.engagement.directory)
        let catalog = InputDigest.files(in: plan.catalog.directory, extensions: ["yaml"], recursive: false)
        if let store {
            // Compared with the last assessment of other inputs, so a re-run gives the same report.
            let current = AssessmentDetail(plan: plan, inputs: inputs, catalog: catalog)
            if let previous = try store.latest(engagement: plan.engagement.name, excluding: current.row) {
                plan.sinceLast = AssessmentComparison(from: previous, to: current)
            }
        }
        let output = options.outputURL
        try write(to: output) { try PlanRenderer(templates: templates).render(plan, into: $0) }
        try store?.record(plan, inputs: inputs, catalog: catalog)
        return (plan, output)
    }

    /// Renders into a staging folder beside `output` and puts it in place only when every file
    /// was written; on any error the staging folder is removed and `output` is untouched.
    static func write(to output: URL, _ render: (OutputStaging) throws -> Void) throws {
        let staging = try OutputWriter(destination: output).begin()
        do {
            try render(staging)
            try staging.commit()
        } catch {
            staging.discard()
            throw error
        }
    }
}
