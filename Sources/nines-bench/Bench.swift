import Foundation
import NinesKit

/// Benchmarks that print figures (run them in a release build):
///
///     swift run -c release nines-bench rvtools [VMS]        import a generated VMS-row vInfo sheet
///     swift run -c release nines-bench rvtools-tabs [VMS]   the same with vDisk, vPartition, vHost and vCluster
///
/// The import runs in a child process so its peak memory is measured alone.
@main
enum Bench {
    static func main() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        switch arguments.first {
        case "rvtools": try rvtools(vms: arguments.count > 1 ? Int(arguments[1]) ?? 100_000 : 100_000)
        case "rvtools-tabs": try rvtools(vms: arguments.count > 1 ? Int(arguments[1]) ?? 100_000 : 100_000, tabs: true)
        case "import-rvtools": try importOnly(arguments[1])
        case "pack": try pack(vms: arguments.count > 1 ? Int(arguments[1]) : nil)
        case "plan": try plan(sizes: arguments.dropFirst().compactMap { Int($0) })
        case "plan-one": try planOne(Int(arguments[1]) ?? 1000, leave: arguments.contains("--leave-output"))
        case "chain": try chain(sizes: arguments.dropFirst().compactMap { Int($0) })
        case "chain-one": try chainOne(Int(arguments[1]) ?? 1000)
        case "chain-write": try ChainEngagement.write(applications: Int(arguments[1]) ?? 1000, to: URL(fileURLWithPath: arguments[2]))
        case "uncertainty": try uncertainty(sizes: arguments.dropFirst().compactMap { Int($0) })
        case "simulate": try simulate(trials: arguments.count > 1 ? Int(arguments[1]) ?? 1_000_000 : 1_000_000)
        default:
            print(
                "usage: nines-bench plan [VMS…] | uncertainty [VMS…] | chain [APPLICATIONS…] | chain-write APPLICATIONS DIR | rvtools [VMS] | rvtools-tabs [VMS] | simulate [TRIALS] | pack [VMS]"
            )
            exit(64)
        }
    }

    /// Generates an RVTools-like workbook (90 vInfo columns, as RVTools 4.x writes; with `tabs`,
    /// vDisk, vPartition, vHost and vCluster too) and times `nines import` on it in a child process.
    static func rvtools(vms: Int, tabs: Bool = false) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nines-bench-\(vms)\(tabs ? "-tabs" : "").xlsx")
        if !FileManager.default.fileExists(atPath: url.path) {
            let started = Date()
            try BenchWorkbook.rvtools(vms: vms, tabs: tabs).write(to: url)
            print("generated \(url.path) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = ["import-rvtools", url.path]
        let started = Date()
        try child.run()
        child.waitUntilExit()
        let seconds = Date().timeIntervalSince(started)
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        let peakMiB = Double(usage.ru_maxrss) / 1024
        print(
            String(
                format: "rvtools import: %d VMs, workbook %.1f MiB: %.2f s wall, peak RSS %.0f MiB (targets: < 10 s, < 1024 MiB)",
                vms, Double(size) / 1_048_576, seconds, peakMiB))
        if child.terminationStatus != 0 { exit(1) }
    }

    /// Simulates the sample engagement's plan and prints simulated pair-years per second, in
    /// all and per core.
    static func simulate(trials: Int) throws {
        let options = Pipeline.Options(engagement: "Catalog/examples/acme", trials: 0)
        let plan = try Pipeline.plan(options)
        let model = RiskModelBuilder.build(plan)
        let report = RiskSimulator(trials: trials, seed: 1).run(model)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let pairYears = Double(trials * model.pairCount) / report.seconds
        print(
            String(
                format:
                    "simulate: %d years × %d pairs (%d event sources, %d applications) in %.2f s on %d cores: %.2f M pair-years/s, %.2f M per core (target ≥ 1 M per core)",
                trials, model.pairCount, model.sourceCount, model.applications.count, report.seconds, cores, pairYears / 1e6,
                pairYears / 1e6 / Double(cores)))
    }

    /// The packing benchmark: the 763 powered-on VMs of the sizing-workshop RVTools export
    /// (Tests/NinesKitTests/Fixtures/rvtools, with its origin and licence) in
    /// sheet order, VM i FT when i % 3 == 0 and it has ≤ 8 vCPUs, HA otherwise; memory × 1.2
    /// against 380 GiB, ≤ 28 VMs, n+2 / n+1 threads against 92. With VMS, a synthetic estate of
    /// that many VMs drawn from the same workshop's sizes instead.
    static func pack(vms: Int?) throws {
        let path = "Tests/NinesKitTests/Fixtures/rvtools/sizing-workshop.xlsx"
        let workshop = try InventoryImporter.read([path], format: .rvtools).vms
        var sizes = workshop.map { (vcpus: $0.vcpus, memory: $0.memoryGiB) }
        if let vms {
            var generator = SeededGenerator(seed: 42)
            sizes = (0..<vms).map { _ in sizes[Int(generator.next() % UInt64(sizes.count))] }
        }
        let items = sizes.enumerated().map { i, size in
            let ft = i % 3 == 0 && size.vcpus <= 8
            return VectorBinPacker.Item(memory: size.memory * 1.2, threads: size.vcpus + (ft ? 2 : 1))
        }
        let capacity = PackingCapacity(memory: 384 - 4, threads: 96 - 4, count: 28)
        let started = Date()
        let (bins, unplaced) = VectorBinPacker(capacity: capacity).pack(items)
        let seconds = Date().timeIntervalSince(started)
        let bound = PackingBounds.bound(memory: items.map(\.memory), threads: items.map(\.threads), capacity: capacity)
        let l1 = PackingBounds.l1(memory: items.map(\.memory), threads: items.map(\.threads), capacity: capacity)
        print(
            String(
                format:
                    "pack: %d VMs (%d FT) → %d pairs, lower bound %d (L1 %d), gap %d, %d unplaced, %.3f s (reference: FFD 44, CP-SAT 40 in 13 s)",
                items.count, sizes.enumerated().filter { $0.offset % 3 == 0 && $0.element.vcpus <= 8 }.count, bins.count, bound, l1,
                bins.count - bound, unplaced.count, seconds))
    }

    /// The whole `nines plan` (every output) on generated engagements, one child process per
    /// size so each peak memory is its own.
    ///
    /// The outputs are removed after the last size, not after each: on an ext4 without a
    /// journal the kernel will not reuse an inode freed in the last 30 s
    /// (`dirty_expire_centisecs`) and scans past every one of them, so removing the 10,000-VM
    /// output (39,000 files) made the 100,000-VM run that followed 60% slower (measured).
    static func plan(sizes: [Int]) throws {
        print("| VMs | stage | seconds | CPU seconds | peak MiB |")
        print("|---:|---|---:|---:|---:|")
        fflush(nil)  // the header before the children's rows
        let sizes = sizes.isEmpty ? [1000, 10_000, 100_000] : sizes
        defer {
            if !keep { for size in sizes { for url in paths(size) { try? FileManager.default.removeItem(at: url) } } }
        }
        for size in sizes {
            let child = Process()
            child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            child.arguments = ["plan-one", String(size), "--leave-output"]
            try child.run()
            child.waitUntilExit()
            if child.terminationStatus != 0 { exit(1) }
        }
    }

    /// `nines plan` (every output, no simulation, not recorded) on dependency chains of each
    /// size (`ChainEngagement`), one child process per size so each peak memory is its own.
    static func chain(sizes: [Int]) throws {
        print("| applications in a chain | plan seconds | peak MiB | pairs | plan.json bytes |")
        print("|---:|---:|---:|---:|---:|")
        fflush(nil)
        for size in sizes.isEmpty ? [1000, 2000, 4000, 10_000] : sizes {
            let child = Process()
            child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            child.arguments = ["chain-one", String(size)]
            try child.run()
            child.waitUntilExit()
            if child.terminationStatus != 0 { exit(1) }
        }
    }

    /// One chain size: writes it, plans it with every output as `nines plan` does, and prints its row
    /// (targets: 10,000 applications in < 10 s and < 1024 MiB).
    static func chainOne(_ size: Int) throws {
        let temporary = FileManager.default.temporaryDirectory
        let folder = temporary.appendingPathComponent("nines-bench-chain-\(size)")
        let out = temporary.appendingPathComponent("nines-bench-chain-output-\(size)")
        defer { if !keep { for url in [folder, out] { try? FileManager.default.removeItem(at: url) } } }
        try ChainEngagement.write(applications: size, to: folder)
        // The default trials, as `nines plan` runs (the simulation is skipped when it would pass its bounds).
        var options = Pipeline.Options(engagement: folder.path, catalog: "Catalog", templates: "Templates", output: out.path)
        if ProcessInfo.processInfo.environment["NINES_BENCH_DETAIL"] == "1" {
            options.stageFinished = { stage, seconds in FileHandle.standardError.write(Data("  \(stage): \(seconds) s\n".utf8)) }
        }
        let started = DispatchTime.now().uptimeNanoseconds
        let (plan, _) = try Pipeline.run(options)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let json = (try? FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("plan.json").path)[.size] as? Int) ?? 0
        print(
            String(
                format: "| %d | %.2f | %.0f | %d | %d |", size, seconds, StageTimer.peakMiB(), plan.packing.pairs.count, json))
        fflush(nil)
    }

    /// NINES_BENCH_KEEP=1 leaves the engagements and their outputs in the temporary folder.
    static var keep: Bool { ProcessInfo.processInfo.environment["NINES_BENCH_KEEP"] == "1" }

    /// A size's engagement, output folder and database, in the temporary folder.
    static func paths(_ size: Int) -> [URL] {
        let temporary = FileManager.default.temporaryDirectory
        let out = temporary.appendingPathComponent("nines-bench-output-\(size)")
        return [temporary.appendingPathComponent("nines-bench-engagement-\(size)"), out, out.appendingPathExtension("sqlite")]
    }

    /// One size: `Pipeline.run`, the code `nines plan` runs (automatic trials, every output,
    /// recorded in a fresh database), with the time and peak memory after each of its stages.
    /// `leave`: the files stay for the caller to remove (`plan` removes them after its last size).
    static func planOne(_ size: Int, leave: Bool) throws {
        let (folder, out, database) = (paths(size)[0], paths(size)[1], paths(size)[2])
        for url in [folder, out, database] { try? FileManager.default.removeItem(at: url) }
        defer {
            if !leave && !keep { for url in [folder, out, database] { try? FileManager.default.removeItem(at: url) } }
        }
        try SyntheticEngagement.write(vms: size, to: folder)
        let cpuStarted = StageTimer.cpuSeconds()
        let rows = StageRows()
        var options = Pipeline.Options(engagement: folder.path, catalog: "Catalog", templates: "Templates", output: out.path)
        options.database = database.path
        options.stageFinished = { stage, seconds in rows.append(stage, seconds) }
        let started = DispatchTime.now().uptimeNanoseconds
        let (plan, _) = try Pipeline.run(options)
        let total = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let cpu = StageTimer.cpuSeconds() - cpuStarted
        let peak = StageTimer.peakMiB()
        let fileCount = try FileManager.default.subpathsOfDirectory(atPath: out.path).count
        for row in rows.all {
            print("| \(size) | \(row.0) | " + String(format: "%.2f | %.2f | %.0f |", row.1, row.2, row.3))
        }
        print(
            String(
                format: "| %d | **whole plan** (%d pairs, %d trials, %d files and folders) | **%.2f** | %.2f | **%.0f** |", size,
                plan.packing.pairs.count, plan.risk?.trials ?? 0, fileCount, total, cpu, peak))
        if ProcessInfo.processInfo.environment["NINES_BENCH_DETAIL"] == "1" { try renderDetail(plan, size: size) }
    }

    /// Each output part rendered again in memory, one after another, for diagnosis
    /// (NINES_BENCH_DETAIL=1); printed after the whole-plan row and not part of it.
    static func renderDetail(_ plan: Assessment, size: Int) throws {
        var rows: [(String, Double, Double)] = []
        let templates = try TemplateSet.load(from: URL(fileURLWithPath: "Templates"))
        _ = try StageTimer.measure("  plan.json", &rows) { try PlanDocument(plan).json() }
        let view = StageTimer.measure("  report view", &rows) { ReportView(plan) }
        _ = try StageTimer.measure("  report.md", &rows) { try templates.render("report.md", view) }
        _ = try StageTimer.measure("  report.html", &rows) { try templates.render("report.html", view) }
        _ = StageTimer.measure("  CSV", &rows) { SpreadsheetExport.files(plan) }
        let workbook = try StageTimer.measure("  plan.xlsx", &rows) { try PlanWorkbook(plan).data() }
        _ = try StageTimer.measure("  manifests", &rows) { try PlanRenderer(templates: templates).manifests(for: plan) }
        for row in rows { print("| \(size) | \(row.0) | " + String(format: "%.2f | | %.0f |", row.1, row.2)) }
        print("| \(size) | plan.xlsx bytes: \(workbook.count) | | | |")
    }

    static func importOnly(_ path: String) throws {
        let result = try InventoryImporter.read([path], format: .rvtools)
        let csv = InventoryCSVWriter.csv(MappingRules().workloads(from: result.vms).workloads)
        print("imported \(result.vms.count) VMs, excluded \(result.excluded.count), CSV \(csv.utf8.count) bytes")
        for tally in result.sheets { print(tally.sentence) }
    }
}
