import ArgumentParser
import Foundation
import NinesKit

/// `--db`, shared by the commands that use the assessment history.
struct DatabaseOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The assessment database (SQLite).",
            discussion: "Default: $NINES_DB, else $XDG_DATA_HOME/nines/assessments.sqlite (~/.local/share/nines/… when unset).",
            valueName: "path"))
    var db: String?

    /// The database to use; explains once on stderr when it is the old `Output/nines.sqlite`.
    var path: String {
        let location = HistoryLocation.resolve(explicit: db)
        if let note = location.note { Console.once(note) }
        return location.path
    }
}

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List the recorded assessments, newest first.",
        discussion: """
            Every `nines plan` records its assessment in the database: --db, $NINES_DB, or
            $XDG_DATA_HOME/nines/assessments.sqlite (~/.local/share/nines/assessments.sqlite).
            The tables are plain: `sqlite3 DB 'SELECT * FROM assessment'`.

            Example:
              nines history acme
              nines history --json
            """)

    @Argument(help: "Only this engagement: its name, or its folder (matched by engagement.yaml's `name:`).")
    var engagement: String?

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Print JSON: an array with one object per assessment.")
    var json = false

    func run() throws {
        let path = database.path
        let store = try reportingErrors { try AssessmentStore(path: path, readOnly: true) }
        let name = engagement.map { EngagementSettings.recordedName(of: $0) ?? URL(fileURLWithPath: $0).lastPathComponent }
        let rows = try reportingErrors { try store.history(engagement: name) }
        if json {
            print(try JSONOutput.string(rows, snakeCase: false), terminator: "")
            return
        }
        let table = TextTable(
            header: ["id", "engagement", "recorded", "year", "VMs", "pairs", "exposure today", "with the plan"],
            rows: rows.map {
                [
                    "\($0.id ?? 0)", $0.engagement, String($0.recordedAt.prefix(19)), "\($0.assessmentYear)", "\($0.vms)", "\($0.pairs)",
                    Number.money($0.exposureBefore, currency: $0.currency), Number.money($0.exposureAfter, currency: $0.currency),
                ]
            }, rightAligned: [0, 4, 5, 6, 7])
        print(rows.isEmpty ? "No assessments recorded in \(path)." : table.render())
    }
}

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Show what changed between two recorded assessments.",
        discussion: """
            A and B are assessment ids from `nines history`.

            Example:
              nines compare 3 7
            """)

    @Argument(help: "The earlier assessment id.") var from: Int64
    @Argument(help: "The later assessment id.") var to: Int64
    @OptionGroup var database: DatabaseOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let path = database.path
        let store = try reportingErrors { try AssessmentStore(path: path, readOnly: true) }
        let pair = try reportingErrors { (try store.assessment(from), try store.assessment(to)) }
        guard let old = pair.0, let new = pair.1 else {
            Console.error("error: no assessment \(pair.0 == nil ? from : to) in \(path); see `nines history`")
            throw ExitCode(64)
        }
        let comparison = AssessmentComparison(from: old, to: new)
        if json {
            print(try JSONOutput.string(comparison), terminator: "")
            return
        }
        print(
            "\(old.row.engagement) #\(from) (\(old.row.recordedAt.prefix(10))) → \(new.row.engagement) #\(to) (\(new.row.recordedAt.prefix(10)))\n"
        )
        for line in ComparisonText.lines(comparison, currency: new.row.currency) { print("- \(line)") }
    }
}
