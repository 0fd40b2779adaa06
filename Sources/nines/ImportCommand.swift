import ArgumentParser
import Foundation
import NinesKit

extension InventoryImporter.Format: ExpressibleByArgument {}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert an inventory export into the native inventory.csv.",
        discussion: """
            Formats: rvtools (.xlsx, or the folder of RVTools_tab*.csv files), ovf (.ovf, .ova),
            libvirt (domain .xml, or a folder of them), azure-migrate (import CSV), powercli
            (Get-VM | Export-Csv). Powered-off VMs and templates are left out unless asked.
            With --engagement, its mapping rules set each VM's application and site.

            Every data row is imported, skipped (powered off, template) or refused with its
            reason and location (an empty VM cell, a number that is not one, a value
            `nines check` refuses). When a row is refused nothing is written (exit 65) unless
            --skip-refused writes the others. The output may not be one of the inputs, and an
            existing file is replaced only when it is `nines init`'s untouched sample or with --force.

            Example:
              nines import rvtools RVTools_export.xlsx -o acme/inventory.csv --engagement acme
            """)

    @Argument(help: "rvtools, ovf, libvirt, azure-migrate or powercli.")
    var format: InventoryImporter.Format

    @Argument(help: "The files or folders to import.")
    var files: [String]

    @Option(name: .shortAndLong, help: "The inventory CSV to write.")
    var output: String

    @Option(help: "An engagement folder whose mapping rules assign applications and sites.")
    var engagement: String?

    @Option(help: "Site of every imported VM (default: the mapping rules, else the VM's datacenter).")
    var site: String?

    @Flag(help: "Keep powered-off and suspended VMs.")
    var includePoweredOff = false

    @Flag(help: "Replace an existing -o file (never one of the inputs).")
    var force = false

    @Flag(help: "Write the valid rows even when some are refused (each refused row is listed).")
    var skipRefused = false

    func run() throws {
        try reportingErrors { try ImportTarget.check(output: output, inputs: files, force: force) }
        let result = try reportingErrors {
            try InventoryImporter.read(files, format: format, includePoweredOff: includePoweredOff)
        }
        var rules = MappingRules()
        if let engagement {
            rules = try reportingErrors { try EngagementSettings.mappingRules(in: engagement) }
        }
        if let site { rules.defaultSite = site }
        let (workloads, unmapped, matched) = rules.workloads(from: result.vms)
        let mapping = ImportSummary.Mapping(rules: rules.rules, matched: matched, unmapped: unmapped)
        if !result.refused.isEmpty && !skipRefused {
            // Bad input writes nothing: the refused rows are listed, the file is left as it was.
            Console.printDiagnostics(result.warnings)
            print(ImportSummary.text(result, workloads: workloads, mapping: mapping, output: nil))
            Console.error(
                "\(result.refused.count) row(s) refused (listed above); nothing was written. Fix them in the export, or pass --skip-refused to write the other \(workloads.count) VMs."
            )
            throw ExitCode(65)
        }
        try reportingErrors {
            try OutputFile.write(Data(InventoryCSVWriter.csv(workloads).utf8), to: URL(fileURLWithPath: output))
        }
        Console.printDiagnostics(result.warnings)
        print(ImportSummary.text(result, workloads: workloads, mapping: mapping, output: output))
    }
}
