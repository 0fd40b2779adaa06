import Foundation
import NinesKit

extension Bench {
    /// `nines-bench uncertainty [VMS…]`: the decisions' confidence analysis (1,000 draws) on the
    /// sample with three ranges (ERP's and MES's revenue per hour, MES's cost per incident), then
    /// on synthetic estates with a range on every tenth application's revenue. The analysis's
    /// time is the plan's with 1,000 draws less the plan's with none (target: under 10 s on the
    /// sample, 2 cores, release build).
    static func uncertainty(sizes: [Int]) throws {
        print("| estate | applications | ranged inputs | draws | analysis seconds | CPU seconds | ms per draw |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("nines-bench-uncertainty")
        try? FileManager.default.removeItem(at: temporary)
        defer { try? FileManager.default.removeItem(at: temporary) }
        let sample = temporary.appendingPathComponent("acme")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: URL(fileURLWithPath: "Catalog/examples/acme"), to: sample)
        let applications = sample.appendingPathComponent("applications.yaml")
        var text = try String(contentsOf: applications, encoding: .utf8)
        for (old, new) in [
            ("revenue_per_hour: 40000\n", "revenue_per_hour: {low: 20000, likely: 40000, high: 90000}\n"),
            ("revenue_per_hour: 90000 ", "revenue_per_hour: {low: 40000, likely: 90000, high: 200000} "),
            ("per_incident: 25000 ", "per_incident: 10000..25000..60000 "),
        ] {
            text = text.replacingOccurrences(of: old, with: new)
        }
        try text.write(to: applications, atomically: true, encoding: .utf8)
        try row("sample", folder: sample)
        for size in sizes.isEmpty ? [1000, 10_000] : sizes {
            let folder = temporary.appendingPathComponent("synthetic-\(size)")
            try SyntheticEngagement.write(vms: size, to: folder, ranges: true)
            try row("\(size) VMs", folder: folder)
        }
    }

    private static func row(_ name: String, folder: URL) throws {
        let loaded = try EngagementLoader.load(folder.path, catalogPath: "Catalog")
        func timed(_ samples: Int) -> (plan: Plan, wall: Double, cpu: Double) {
            let cpu = StageTimer.cpuSeconds()
            let started = DispatchTime.now().uptimeNanoseconds
            let plan = Planner.plan(loaded, uncertainty: UncertaintySettings(samples: samples))
            return (plan, Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9, StageTimer.cpuSeconds() - cpu)
        }
        let without = timed(0)
        let with = timed(1000)
        let inputs = with.plan.uncertainty?.inputs.count ?? 0
        let wall = max(0, with.wall - without.wall)
        print(
            String(
                format: "| %@ | %d | %d | 1000 | %.2f | %.2f | %.2f |", name, loaded.engagement.applications.count, inputs, wall,
                max(0, with.cpu - without.cpu), wall))
        fflush(nil)
    }
}
