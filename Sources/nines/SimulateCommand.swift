import ArgumentParser
import Foundation
import NinesKit

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate yearly downtime losses with the plan: P50, P90, P99 per application and for the estate.",
        discussion: """
            Monte Carlo over simulated years, seeded and reproducible. Hosts of one pair and
            VMs of one site fail together, so the estate's tail is not understated. Writes
            nothing.

            Example:
              nines simulate Catalog/examples/acme --trials 100000 --seed 7
            """)

    @OptionGroup var options: EngagementOptions
    @OptionGroup var simulation: SimulationOptions

    func run() throws {
        let plan = try reportingErrors {
            try Pipeline.assess(
                Pipeline.Options(
                    engagement: options.engagement, catalog: options.catalog, trials: simulation.trials, seed: simulation.seed,
                    progress: ProgressBar.simulation()))
        }
        ProgressBar.finish()
        guard let risk = plan.risk else { return }
        print(Summary.risk(risk, currency: plan.engagement.currency))
    }
}

/// `--trials` and `--seed`, shared by `plan` and `simulate`.
struct SimulationOptions: ParsableArguments {
    // `.unconditional`: `--trials -1` is a value to refuse with the range, not a missing value.
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Simulated years (0 skips the simulation).",
            discussion: "Default: 20,000, or fewer for large estates so a run simulates about 20 million failure events (at least 1,000)."))
    var trials: Int?

    @Option(help: "Seed of the simulation and of the draws of the ranges; the same seed gives the same figures.")
    var seed: UInt64 = 1

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Draws of the ranges for the decisions' confidence (0 skips it).",
            discussion:
                "Used only when an impact figure in applications.yaml ({low: …, likely: …, high: …} or low..likely..high) or a catalog frequency is a range."
        ))
    var samples: Int = UncertaintySettings().samples

    func validate() throws {
        guard (0...10_000_000).contains(trials ?? 0) else { throw ValidationError("--trials is between 0 and 10,000,000") }
        guard (0...100_000).contains(samples) else { throw ValidationError("--samples is between 0 and 100,000") }
    }
}

/// Progress on stderr for long simulations and plans: only on a terminal, only after a second,
/// so that redirected outputs and logs stay clean.
enum ProgressBar {
    nonisolated(unsafe) private static var shown = false
    private static let lock = NSLock()

    static func simulation() -> (@Sendable (Double) -> Void)? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        let started = Date()
        return { fraction in
            guard Date().timeIntervalSince(started) > 1 else { return }
            lock.lock()
            defer { lock.unlock() }
            shown = true
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            FileHandle.standardError.write(Data("\rsimulating \(bar) \(Int(fraction * 100))%".utf8))
        }
    }

    /// The stage a long plan is in ("planning: render and write…"), once the run has taken more
    /// than a second; nil when stderr is not a terminal.
    static func stages() -> (@Sendable (String) -> Void)? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        let started = Date()
        return { stage in
            guard Date().timeIntervalSince(started) > 1 else { return }
            lock.lock()
            defer { lock.unlock() }
            shown = true
            FileHandle.standardError.write(Data("\r\u{1B}[Kplanning: \(stage)…".utf8))
        }
    }

    static func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
    }
}
