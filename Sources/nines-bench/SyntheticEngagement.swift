import Foundation
import NinesKit

/// Writes a deterministic engagement of any size: VMs drawn from a fixed size mix, five VMs an
/// application on average, three sites, dependencies on a few shared services, a tenth of the
/// applications with weekday hours, a few SaaS applications.
enum SyntheticEngagement {
    /// `ranges`: every tenth application's revenue per hour is a range (half to twice it).
    static func write(vms count: Int, to folder: URL, ranges: Bool = false) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func revenue(_ value: Int, ranged: Bool) -> String {
            ranged ? "{low: \(value / 2), likely: \(value), high: \(value * 2)}" : "\(value)"
        }
        var generator = SeededGenerator(seed: UInt64(count))
        let applications = max(3, count / 5)
        let sites = ["hq", "dr", "branch"]
        var inventory = "vm,application,vcpus,memory_gib,disk_gib,os,site,power_state,tier\n"
        inventory.reserveCapacity(count * 80)
        let cpus = [1, 2, 2, 4, 4, 4, 8, 8, 12, 16]
        let memory = [2.0, 4, 8, 8, 16, 16, 32, 64, 128]
        for i in 0..<count {
            let app = Int(generator.next() % UInt64(applications))
            let site = app % 10 == 9 ? "branch" : (app % 7 == 6 ? "dr" : "hq")
            let c = cpus[Int(generator.next() % UInt64(cpus.count))]
            let m = memory[Int(generator.next() % UInt64(memory.count))]
            inventory += "vm-\(i),app-\(app),\(c),\(Number.plain(m)),\(40 + Int(generator.next() % 500)),Linux,\(site),poweredOn,\n"
        }
        var apps = ""
        apps.reserveCapacity(applications * 300)
        for a in 0..<applications {
            let availability = [99.0, 99.5, 99.9, 99.95, 99.99][a % 5]
            let rto = ["1d", "4h", "1h", "15m", "1m"][a % 5]
            let rpo = ["1d", "4h", "1h", "0s", "0s"][a % 5]
            apps += "- name: app-\(a)\n  sla: {availability: \(availability), rto: \(rto), rpo: \(rpo)"
            apps += a % 10 == 3 ? ", service_hours: mon-fri 07:00-19:00" : ""
            apps += a % 50 == 7 ? ", site_disaster: recover" : ""
            apps +=
                "}\n  impact: {revenue_per_hour: \(revenue(Int(generator.next() % 20_000), ranged: ranges && a % 10 == 1)), users: \(Int(generator.next() % 400)), loaded_cost_per_user_hour: 50, productivity_loss: 0.3, data_loss_per_hour: \(Int(generator.next() % 5000))}\n"
            if a > 2 && a % 4 == 0 { apps += "  depends_on: [app-\(a % 3)]\n" }
        }
        for s in 0..<3 {
            apps +=
                "- name: saas-\(s)\n  hosting: saas\n  vendor_availability: 99.9\n  sla: {availability: 99.9, rto: 4h, rpo: 1h}\n  impact: {users: 100, loaded_cost_per_user_hour: 40, productivity_loss: 0.2}\n"
        }
        let engagement = """
            version: 1
            name: synthetic-\(count)
            client: Synthetic \(count)
            year: 2026
            platform: everrun-enterprise
            hardware: dl380-gen11-384
            sites:
              - {id: hq, name: HQ, partner: dr}
              - {id: dr, name: DR, partner: hq}
              - {id: branch, name: Branch, kind: branch, hardware: edge-1s-128}

            """
        _ = sites
        try engagement.write(to: folder.appendingPathComponent("engagement.yaml"), atomically: true, encoding: .utf8)
        try inventory.write(to: folder.appendingPathComponent("inventory.csv"), atomically: true, encoding: .utf8)
        try apps.write(to: folder.appendingPathComponent("applications.yaml"), atomically: true, encoding: .utf8)
    }
}

/// Times each stage of `nines plan` and reads the process's peak memory after it.
/// The rows of `Pipeline.Options.stageFinished`: stage, wall seconds, CPU seconds (user and
/// system, every thread) and the peak memory so far.
final class StageRows: @unchecked Sendable {
    private let lock = NSLock()
    private var rows: [(String, Double, Double, Double)] = []
    private var cpuBefore = StageTimer.cpuSeconds()

    func append(_ stage: String, _ seconds: Double) {
        lock.lock()
        defer { lock.unlock() }
        let cpu = StageTimer.cpuSeconds()
        rows.append((stage, seconds, cpu - cpuBefore, StageTimer.peakMiB()))
        cpuBefore = cpu
    }

    var all: [(String, Double, Double, Double)] {
        lock.lock()
        defer { lock.unlock() }
        return rows
    }
}

enum StageTimer {
    /// User and system CPU seconds of this process so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static func peakMiB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    static func measure<T>(_ name: String, _ rows: inout [(String, Double, Double)], _ body: () throws -> T) rethrows -> T {
        let started = Date()
        let result = try body()
        rows.append((name, Date().timeIntervalSince(started), peakMiB()))
        return result
    }
}
