import ArgumentParser
import Foundation
import NinesKit

/// Option values read as the engagement files read them, with the same refusals and hints.
enum OptionValue {
    static func duration(_ text: String) throws -> TimeSpan { try InputValue.duration(parsing: text).get() }
    static func percent(_ text: String) throws -> Double { try InputValue.percent(parsing: text).get() }
    static func fraction(_ text: String) throws -> Double { try InputValue.fraction(parsing: text).get() }
}

/// Options every calculation takes.
struct CalcOptions: ParsableArguments {
    @Option(help: "Days per year: 365 or 365.25.")
    var yearDays: Double = 365

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func validate() throws {
        guard yearDays == 365 || yearDays == 365.25 else { throw ValidationError("--year-days is 365 or 365.25") }
    }

    func print(_ result: AvailabilityCalculator.Result, currency: String = "") throws {
        if json {
            Swift.print(try result.json(), terminator: "")
            return
        }
        var rows = [
            ["availability", Number.plain(result.availability * 100, maxFraction: 6) + "%"],
            [
                "downtime per year",
                "\(Number.plain(result.downtimeMinutesPerYear, maxFraction: 4)) min (\(Number.downtime(minutes: result.downtimeMinutesPerYear)))",
            ],
        ]
        if let outages = result.outagesPerYear { rows.append(["outages per year", Number.plain(outages, maxFraction: 6)]) }
        if let cost = result.costPerYear { rows.append(["cost per year", Number.grouped(cost, fraction: 2)]) }
        rows.append(["year", "\(Number.plain(result.yearDays)) days"])
        Swift.print(TextTable(header: [result.model, ""], rows: rows, rightAligned: [1]).render())
    }
}

struct CalcCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calc",
        abstract: "Availability what-ifs: a single unit, a pair, the cost of a level.",
        subcommands: [Single.self, PairCalc.self, Cost.self])

    struct Single: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A single unit: availability MTBF / (MTBF + MTTR).",
            discussion: "Example:\n  nines calc single --mtbf 5000h --mttr 4h")

        @Option(help: "Mean time between failures (8760h, 1y is 8760h).", transform: OptionValue.duration) var mtbf: TimeSpan
        @Option(help: "Mean time to repair (4h).", transform: OptionValue.duration) var mttr: TimeSpan
        @OptionGroup var options: CalcOptions

        func validate() throws {
            guard mtbf.seconds > 0 else { throw ValidationError("--mtbf must be positive") }
        }

        func run() throws {
            try options.print(AvailabilityCalculator.single(mtbf: mtbf, mttr: mttr, yearDays: options.yearDays))
        }
    }

    struct PairCalc: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pair",
            abstract: "A 1-of-2 pair solved as a Markov chain: repair crews, common cause, failover coverage.",
            discussion: """
                Example:
                  nines calc pair --mtbf 5000h --mttr 4h --beta 0.05
                  nines calc pair --mtbf 5000h --mttr 4h --coverage 0.99 --recovery 30m --json
                """)

        @Option(help: "Mean time between failures of one host (5000h, 1y).", transform: OptionValue.duration) var mtbf: TimeSpan
        @Option(help: "Mean time to repair a host (4h).", transform: OptionValue.duration) var mttr: TimeSpan
        @Option(help: "Repair crews: 1 or 2.") var crews: Int = 1
        @Option(help: "Common-cause fraction β (0–1, or a percentage such as 5%).", transform: OptionValue.fraction) var beta: Double = 0
        @Option(help: "Failover coverage (0–1, or a percentage such as 99%).", transform: OptionValue.fraction) var coverage: Double = 1
        @Option(help: "Recovery time after an uncovered failure (30m).", transform: OptionValue.duration) var recovery: TimeSpan = .zero
        @OptionGroup var options: CalcOptions

        func validate() throws {
            guard mtbf.seconds > 0, mttr.seconds > 0 else { throw ValidationError("--mtbf and --mttr must be positive") }
            guard crews == 1 || crews == 2 else { throw ValidationError("--crews is 1 or 2") }
            guard (0...1).contains(beta), (0...1).contains(coverage) else {
                throw ValidationError("--beta and --coverage are between 0 and 1")
            }
            if coverage < 1 && recovery.seconds == 0 { throw ValidationError("--coverage below 1 needs --recovery (e.g. 30m)") }
        }

        func run() throws {
            let model = PairModel(
                failureRate: 1 / mtbf.hours, repairHours: mttr.hours, crews: crews, beta: beta, coverage: coverage,
                recoveryHours: recovery.hours)
            try options.print(AvailabilityCalculator.pair(model, yearDays: options.yearDays))
        }
    }

    struct Cost: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Downtime and its cost at an availability level.",
            discussion: "Example:\n  nines calc cost --availability 99.99 --cost-per-hour 686250")

        @Option(help: "Availability, percent (99.99 or 99.99%).", transform: OptionValue.percent) var availability: Double
        @Option(help: "Cost of one hour of downtime.") var costPerHour: Double
        @OptionGroup var options: CalcOptions

        func validate() throws {
            guard (0...100).contains(availability) else { throw ValidationError("--availability is a percentage, 0–100") }
            guard costPerHour >= 0 else { throw ValidationError("--cost-per-hour cannot be negative") }
        }

        func run() throws {
            try options.print(
                AvailabilityCalculator.cost(availabilityPercent: availability, costPerHour: costPerHour, yearDays: options.yearDays))
        }
    }
}
