import ArgumentParser
import Foundation
import NinesKit

@main
struct Nines: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nines",
        abstract: "Availability planning and downtime cost analysis.",
        discussion: """
            Assigns each application a protection tier (backup, HA, FT, with DR or SplitSite),
            sizes the fault-tolerant host pairs and writes the report, plan.json and the pair
            manifests.

              nines init acme            a commented engagement to fill in
              nines import rvtools RVTools.xlsx -o acme/inventory.csv
              nines check acme           every problem at once, file:line
              nines plan acme            report, plan and manifests → Output/acme/
              nines tco acme             the FT pairs against the cluster alternatives
              nines simulate acme        the risk: P50, P90, P99 of yearly losses
              nines history acme; nines compare 3 7   since last year's assessment
              nines calc pair --mtbf 8760h --mttr 4h --beta 0.05
              nines catalog list         the defaults the model uses

            Exit codes: 0 ok, 64 usage, 65 bad input data, 66 input missing, 73 cannot write output.
            """,
        version: "0.1.0",
        subcommands: [
            PlanCommand.self, CheckCommand.self, InitCommand.self, ImportCommand.self, SizeCommand.self, SimulateCommand.self,
            TCOCommand.self, ManifestsCommand.self, HistoryCommand.self, CompareCommand.self, CalcCommand.self,
            CatalogCommand.self,
        ]
    )

    /// Installs the interrupt cleanup (an interrupted run removes its staging folder, then
    /// ends with the signal's usual status), then runs the command line.
    static func main() {
        InterruptCleanup.install { signalNumber in
            signal(signalNumber, SIG_DFL)
            raise(signalNumber)
            _exit(128 + signalNumber)
        }
        main(nil)
    }
}
