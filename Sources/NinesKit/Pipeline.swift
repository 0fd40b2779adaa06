import Foundation
import Synchronization

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
        /// Monte Carlo trials (simulated years): 0 (or less) skips the simulation, nil chooses
        /// `RiskSimulator.defaultTrials(for:)` for the estate.
        public var trials: Int?
        public var seed: UInt64
        /// Draws of the impact ranges for the decisions' confidence (0 skips the analysis).
        public var samples = UncertaintySettings().samples
        /// Called with the simulation's fraction done.
        public var progress: (@Sendable (Double) -> Void)?
        /// The assessment database `run` records to (nil: do not record).
        public var database: String?
        /// Replace an output folder that holds files Nines did not write (never a protected one).
        public var force = false
        /// Called after each stage with its name and wall-clock seconds (the benchmark's rows).
        public var stageFinished: (@Sendable (_ stage: String, _ seconds: Double) -> Void)?
        /// Called as each stage starts, with its name (a progress line on a terminal).
        public var stageStarted: (@Sendable (_ stage: String) -> Void)?

        public init(
            engagement: String, catalog: String? = nil, templates: String? = nil, output: String? = nil, trials: Int? = nil,
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

        /// The folder a run writes to: `output`, or `Output/<engagement folder name>`; when that
        /// default would be the engagement itself or hold it (an engagement kept under
        /// `Output/`), `Output/<name>-output` instead. `Output/` is in the current folder, unless
        /// that is the root folder or not writable: then beside the engagement.
        public var outputURL: URL {
            if let output { return URL(fileURLWithPath: output) }
            let engagementURL = URL(fileURLWithPath: engagement).standardizedFileURL
            let name = engagementURL.lastPathComponent
            let current = FileManager.default.currentDirectoryPath
            let base =
                current == "/" || !FileManager.default.isWritableFile(atPath: current)
                ? engagementURL.deletingLastPathComponent().appendingPathComponent("Output") : URL(fileURLWithPath: "Output")
            let plain = base.appendingPathComponent(name)
            let engagementFolder = ProtectedFolder(.engagement, path: engagement)
            return engagementFolder.isCovered(by: ProtectedFolder.realPath(plain.path))
                ? base.appendingPathComponent(name + "-output") : plain
        }

        /// What an output of this run may never be nor contain: the engagement, the history
        /// database, the catalog and templates folders given, the current folder, home and root.
        func protectedFolders(catalog: String? = nil) -> [ProtectedFolder] {
            var folders = ProtectedFolder.always
            folders.append(ProtectedFolder(.engagement, path: engagement))
            if let database { folders.append(ProtectedFolder(.history, path: database)) }
            if let catalog = catalog ?? self.catalog { folders.append(ProtectedFolder(.catalog, path: catalog)) }
            if let templates { folders.append(ProtectedFolder(.templates, path: templates)) }
            return folders
        }

        /// Checks the output folder before any work, so a refused destination costs nothing.
        func checkOutput(_ url: URL) throws(OutputError) {
            try OutputDestination(url, protected: protectedFolders(), force: force).check()
        }

        /// The decision analysis's settings: `samples` draws with the run's seed.
        var uncertainty: UncertaintySettings { UncertaintySettings(samples: samples, seed: seed) }

        /// Runs `body` as the stage `name`, reporting its time to `stageFinished`.
        func stage<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
            stageStarted?(name)
            guard let stageFinished else { return try body() }
            let started = DispatchTime.now().uptimeNanoseconds
            let result = try body()
            stageFinished(name, Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
            return result
        }
    }

    /// Reads and validates an engagement (the `check` command).
    public static func check(_ options: Options) throws -> LoadedEngagement {
        try EngagementLoader.load(options.engagement, catalogPath: options.catalog)
    }

    /// Plans, simulates and costs without writing anything. The simulation and the TCO
    /// comparison depend only on the plan, so they run side by side; each stage returns its own
    /// result and `Assessment` composes them.
    public static func assess(_ options: Options) throws -> Assessment {
        try assess(options, beforePlanning: {})
    }

    /// Only the planning stage (tiers and pairs), as `--explain` needs.
    public static func plan(_ options: Options) throws -> Plan {
        let loaded = try options.stage("ingest") { try check(options) }
        return options.stage("tiers and pairs") { Planner.plan(loaded, uncertainty: options.uncertainty) }
    }

    /// Assesses after `beforePlanning` has passed; it runs once the input is read and valid,
    /// so input errors are reported first and a refused output folder costs no planning.
    static func assess(_ options: Options, beforePlanning: () throws -> Void) throws -> Assessment {
        let loaded = try options.stage("ingest") { try check(options) }
        try beforePlanning()
        let plan = options.stage("tiers and pairs") { Planner.plan(loaded, uncertainty: options.uncertainty) }
        let engagement = loaded.engagement
        let (specs, economics) = try loaded.catalog.alternatives(overriddenBy: engagement.alternativeOverrides)
        let chosen = engagement.alternatives.isEmpty ? specs : specs.filter { engagement.alternatives.contains($0.id) }
        let results = Mutex<(risk: RiskReport?, skipped: RiskModelTooLarge?, tco: TCOComparison?)>((nil, nil, nil))
        try options.stage("risk and TCO") {
            try Parallel.sideBySide([
                {
                    if let trials = options.trials, trials <= 0 { return }
                    switch RiskModelBuilder.bounded(plan) {
                    case .success(let model):
                        let trials = options.trials ?? RiskSimulator.defaultTrials(for: model)
                        let report = RiskSimulator(trials: trials, seed: options.seed).run(model, progress: options.progress)
                        results.withLock { $0.risk = report }
                    case .failure(let tooLarge): results.withLock { $0.skipped = tooLarge }
                    }
                },
                {
                    guard !chosen.isEmpty else { return }
                    let comparison = TCOComparison.build(plan: plan, specs: chosen, economics: economics)
                    results.withLock { $0.tco = comparison }
                },
            ])
        }
        let (risk, skipped, tco) = results.withLock { $0 }
        let addresses = try AddressPlan.allocate(plan: plan, tco: tco)
        return Assessment(plan: plan, risk: risk, simulationSkipped: skipped, tco: tco, addresses: addresses)
    }

    /// Plans and writes only the manifests, to `<output>/manifests` (or `output` itself when
    /// given); returns the assessment and the folder written.
    public static func manifests(_ options: Options) throws -> (assessment: Assessment, output: URL) {
        var quiet = options
        quiet.trials = 0
        let output = options.output.map { URL(fileURLWithPath: $0) } ?? options.outputURL.appendingPathComponent("manifests")
        let assessment = try assess(quiet) { try options.checkOutput(output) }
        let templates = try TemplateSet.load(from: TemplateSet.locate(explicit: options.templates, catalog: assessment.catalog))
        try write(to: output, options: options, catalog: assessment.catalog.directory) {
            try PlanRenderer(templates: templates).renderManifests(assessment, into: $0)
        }
        return (assessment, output)
    }

    /// Assesses, writes every output file and records the assessment when a database is given;
    /// returns the assessment and the folder written. The database is opened before anything is
    /// written, so a broken one stops the run with the previous output intact.
    public static func run(_ options: Options) throws -> (assessment: Assessment, output: URL) {
        var assessment = try assess(options) { try options.checkOutput(options.outputURL) }
        let templates = try TemplateSet.load(from: TemplateSet.locate(explicit: options.templates, catalog: assessment.catalog))
        let (store, inputs, catalog) = try options.stage("digests and history") {
            let store = try options.database.map { path throws(StoreError) in try AssessmentStore(path: path) }
            let inputs = InputDigest.files(in: assessment.engagement.directory)
            let catalog = InputDigest.files(in: assessment.catalog.directory, extensions: ["yaml"], recursive: false)
            if let store {
                // Compared with the last assessment of other inputs, so a re-run gives the same report.
                let current = AssessmentDetail(assessment: assessment, inputs: inputs, catalog: catalog)
                if let previous = try store.latest(engagement: assessment.engagement.name, excluding: current.row) {
                    assessment = assessment.comparing(with: AssessmentComparison(from: previous, to: current))
                }
            }
            return (store, inputs, catalog)
        }
        let output = options.outputURL
        try options.stage("render and write") {
            try write(to: output, options: options, catalog: assessment.catalog.directory) {
                try PlanRenderer(templates: templates).render(assessment, into: $0)
            }
        }
        try options.stage("record (SQLite)") { try store?.record(assessment, inputs: inputs, catalog: catalog) }
        return (assessment, output)
    }

    /// Renders into a staging folder beside `output` and puts it in place only when every file
    /// was written; on any error the staging folder is removed and `output` is untouched.
    static func write(to output: URL, options: Options, catalog: String, _ render: (OutputStaging) throws -> Void) throws {
        let writer = OutputWriter(destination: output, protected: options.protectedFolders(catalog: catalog), force: options.force)
        let staging = try writer.begin()
        do {
            try render(staging)
            try staging.commit()
        } catch {
            staging.discard()
            throw error
        }
    }
}
