import ArgumentParser
import Foundation
import NinesKit

struct ManifestsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manifests",
        abstract: "Write only the engine and cluster manifests of an engagement's plan.",
        discussion: """
            Per pair: pair.yaml, runbook.md and vms/<id>.xml (libvirt); for the Pacemaker + DRBD
            alternative: cib.xml, drbd/<resource>.res and domains/<id>.xml. Written to
            Output/<engagement>/manifests (or --out), replaced atomically and only over a previous
            Nines output.

            Example:
              nines manifests Catalog/examples/acme --out /tmp/acme-manifests
            """)

    @OptionGroup var options: EngagementOptions

    @Option(help: "Folder to write (default: Output/<engagement>/manifests).")
    var out: String?

    @Option(help: "Templates folder to use instead of ./Templates.")
    var templates: String?

    @Flag(help: ArgumentHelp(OutputHelp.force))
    var force = false

    func run() throws {
        var pipelineOptions = Pipeline.Options(engagement: options.engagement, catalog: options.catalog, templates: templates, output: out)
        pipelineOptions.force = force
        let (plan, output) = try reportingErrors { try Pipeline.manifests(pipelineOptions) }
        Console.printDiagnostics(DecisionText.warnings(plan))
        print("Wrote \(output.path)/ for \(plan.packing.pairs.count) pairs")
    }
}
