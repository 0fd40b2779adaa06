import ArgumentParser
import Foundation
import NinesKit

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan an engagement: tiers, pairs, report and manifests.",
        discussion: """
            Writes report.md, plan.json and manifests/pair-NN/pair.yaml to Output/<engagement>/
            (or --out). The folder is replaced atomically, and only when it is new, empty or a
            previous Nines output left as Nines wrote it; invalid input writes nothing.

            Example:
              nines plan Catalog/examples/acme
              nines plan acme --explain ERP
            """)

    @OptionGroup var options: EngagementOptions

    @Option(help: "Output folder (default: Output/<engagement folder name> in the current folder; beside the engagement when run from /).")
    var out: String?

    @Option(help: "Templates folder to use instead of ./Templates.")
    var templates: String?

    @Flag(help: ArgumentHelp(OutputHelp.force))
    var force = false

    @Option(help: "Print one application's decision table and write nothing.")
    var explain: String?

    @OptionGroup var simulation: SimulationOptions

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Do not record the assessment in the database.")
    var noRecord = false

    func run() throws {
        var pipelineOptions = Pipeline.Options(
            engagement: options.engagement, catalog: options.catalog, templates: templates, output: out,
            trials: explain == nil ? simulation.trials : 0, seed: simulation.seed, progress: ProgressBar.simulation())
        let databasePath = noRecord ? nil : database.path
        pipelineOptions.database = databasePath
        pipelineOptions.samples = explain == nil ? simulation.samples : 0
        pipelineOptions.force = force
        pipelineOptions.stageStarted = ProgressBar.stages()
        if let explain {
            let plan = try reportingErrors { try Pipeline.plan(pipelineOptions) }
            ProgressBar.finish()
            guard let decision = plan.decision(for: explain) else {
                Console.error("error: no application named '\(explain)' in \(options.engagement)")
                throw ExitCode(64)
            }
            print(Summary.explanation(decision, engagement: plan.engagement))
            return
        }
        let (assessment, output) = try reportingErrors { try Pipeline.run(pipelineOptions) }
        ProgressBar.finish()
        Console.printDiagnostics(DecisionText.warnings(assessment))
        print(Summary.text(assessment))
        print(
            "\nWrote \(output.path)/: report.html, report.md, plan.json, CSV files, plan.xlsx, \(assessment.packing.pairs.count) pair manifests"
        )
        if let databasePath { print("Recorded in \(databasePath) (see `nines history`)") }
        if let since = assessment.sinceLast {
            print("\nSince the last assessment (\(since.from.recordedAt.prefix(10))):")
            for line in ComparisonText.lines(since, currency: assessment.engagement.currency) { print("- \(line)") }
        }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate an engagement and report every problem at once.",
        discussion: """
            Prints each problem as FILE:LINE: message, exits 65 when there are errors.

            Example:
              nines check Catalog/examples/acme
            """)

    @OptionGroup var options: EngagementOptions

    func run() throws {
        let loaded = try reportingErrors {
            try Pipeline.check(Pipeline.Options(engagement: options.engagement, catalog: options.catalog))
        }
        Console.printDiagnostics(loaded.warnings)
        let e = loaded.engagement
        print(
            "OK: \(e.applications.count) applications, \(e.workloads.count) VMs (\(e.workloads.filter(\.poweredOn).count) powered on), \(e.sites.count) sites; \(loaded.warnings.count) warning(s)."
        )
    }
}
