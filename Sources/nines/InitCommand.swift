import ArgumentParser
import Foundation
import NinesKit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a commented engagement folder to fill in.",
        discussion: """
            Writes engagement.yaml, inventory.csv and applications.yaml. Refuses to touch an
            existing folder.

            Example:
              nines init acme
            """)

    @Argument(help: "The folder to create.")
    var directory: String

    func run() throws {
        let url = URL(fileURLWithPath: directory)
        if FileManager.default.fileExists(atPath: url.path) {
            Console.error("error: \(directory) already exists; choose a new folder")
            throw ExitCode(73)
        }
        let files = EngagementScaffold.files(name: url.lastPathComponent).mapValues { Data($0.utf8) }
        try reportingErrors { try OutputWriter(destination: url, marked: false).write(files) }
        print("Created \(directory)/ — edit the three files, then run `nines check \(directory)`.")
    }
}

struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "List the catalog's entries or show one with its sources.",
        discussion: """
            Example:
              nines catalog list
              nines catalog show everrun-enterprise
            """)

    @Argument(help: "list, or show")
    var action: String

    @Argument(help: "The entry to show (with show).")
    var id: String?

    @Option(help: "Catalog folder (default: $NINES_CATALOG, the repository's, or the installed one).")
    var catalog: String?

    func validate() throws {
        guard ["list", "show"].contains(action) else { throw ValidationError("the action is 'list' or 'show ID'") }
        if action == "show" && id == nil { throw ValidationError("'show' needs an entry id; see `nines catalog list`") }
    }

    func run() throws {
        guard let folder = Catalog.find(explicit: catalog, near: []) else {
            Console.error("error: \(Catalog.notFound)")
            throw ExitCode(66)
        }
        let loaded = try reportingErrors { try Catalog.load(from: folder.url) }
        print("Catalog: \(folder.description)\n")
        if action == "list" {
            let rows = loaded.entries.map { [$0.kind, $0.id, $0.name, "\($0.facts.count)"] }
            print(TextTable(header: ["kind", "id", "name", "values"], rows: rows, rightAligned: [3]).render())
            return
        }
        guard let entry = loaded.entry(id!) else {
            Console.error("error: no catalog entry '\(id!)'; see `nines catalog list`")
            throw ExitCode(64)
        }
        print("\(entry.kind) \(entry.id): \(entry.name)\n")
        let rows = entry.facts.map { [$0.key, $0.value, $0.provenance.summary] }
        print(TextTable(header: ["key", "value", "source"], rows: rows).render())
    }
}
