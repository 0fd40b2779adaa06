import ArgumentParser
import Foundation
import NinesKit

struct SizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "size",
        abstract: "Pack a native inventory into host pairs, without an engagement.",
        discussion: """
            Honours each row's tier column (ft or ha; empty means ha). Memory is VM memory ×
            (1 + overhead) against the smaller host less the engine's reserve; threads are
            n+2 per FT VM and n+1 per HA VM; at most the platform's VMs per pair. With
            --host-disk, disk is a limit too: each VM's disks with the platform's growth and
            snapshot headroom against the host's disk less the engine's volumes.

            Example:
              nines size inventory.csv --host-memory 384GiB --host-threads 96 --host-disk 28610GiB --json
            """)

    @Argument(help: "A native inventory CSV.")
    var inventory: String

    @Option(help: "Platform id from the catalog.")
    var platform = "everrun-enterprise"

    @Option(help: "Memory of one host (384GiB).")
    var hostMemory = "384GiB"

    @Option(help: "Hardware threads of one host.")
    var hostThreads = 96

    @Option(help: "Storage of one host after its own RAID (28610GiB, 30.72TB); without it disk is not a limit.")
    var hostDisk: String?

    @Option(help: "Share of each host kept free for growth, percent (as an engagement's growth_headroom).")
    var headroom: Double = 0

    @Option(help: "Catalog folder (default: $NINES_CATALOG, the repository's, or the installed one).")
    var catalog: String?

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        guard let memory = MemorySize.gib(parsing: hostMemory) else {
            throw ValidationError("--host-memory is a size such as 384GiB, 512GB or 0.5TiB")
        }
        guard hostThreads > 0 else { throw ValidationError("--host-threads must be positive") }
        let disk = try hostDisk.map { text in
            guard let gib = MemorySize.gib(parsing: text) else {
                throw ValidationError("--host-disk is a size such as 28610GiB or 30.72TB")
            }
            return gib
        }
        guard (0...90).contains(headroom) else { throw ValidationError("--headroom is a percentage between 0 and 90") }
        guard let url = Catalog.locate(explicit: catalog, near: []) else {
            Console.error("error: \(Catalog.notFound)")
            throw ExitCode(66)
        }
        let loaded = try reportingErrors { try Catalog.load(from: url) }
        guard let spec = loaded.platform(platform) else {
            throw ValidationError("unknown platform '\(platform)'; known: \(loaded.platforms.map(\.id).joined(separator: ", "))")
        }
        let workloads = try reportingErrors { () throws -> [Workload] in
            var diagnostics = DiagnosticCollector()
            let file = URL(fileURLWithPath: inventory)
            guard FileManager.default.fileExists(atPath: file.path) else {
                throw MissingInputError(path: inventory, reason: "no such file")
            }
            let table = try CSVTable.load(contentsOf: file, shownAs: inventory, diagnostics: &diagnostics)
            let workloads = table.map { InventoryCSVReader.read($0, diagnostics: &diagnostics) } ?? []
            try diagnostics.throwIfErrors()
            return workloads
        }
        let sizing = StandaloneSizing(
            platform: spec, hostMemoryGiB: memory, hostThreads: hostThreads, headroomPercent: headroom, hostDiskGiB: disk ?? .infinity)
        let result = sizing.size(workloads)
        if json {
            print(try result.json(), terminator: "")
            return
        }
        let rows = result.pairUse.map {
            [
                $0.id, $0.site, "\($0.vms)", Number.plain($0.memoryGib, maxFraction: 1), Number.plain($0.threads),
                Number.grouped($0.diskGib), PackingLimit(rawValue: $0.binding)?.label ?? $0.binding,
            ]
        }
        print(
            TextTable(
                header: ["pair", "site", "VMs", "memory GiB", "threads", "disk GiB", "binding"], rows: rows, rightAligned: [2, 3, 4, 5]
            )
            .render())
        print(
            "\n\(result.pairs) pairs, lower bound \(result.lowerBound); \(result.unplaced.count) VM(s) too large, \(result.skipped.count) not on an HA/FT tier"
        )
        for vm in result.unplaced {
            let limits = (result.unplacedOver[vm] ?? []).map { PackingLimit(rawValue: $0)?.label ?? $0 }
            print("  \(vm): larger than one host in \(limits.isEmpty ? "some limit" : limits.joined(separator: " and "))")
        }
    }
}
