import Foundation
import Synchronization

/// Monte Carlo simulation of a plan's yearly downtime losses: seeded and reproducible, run in
/// parallel across cores. Trials are split into fixed chunks, each with its own generator
/// seeded from (seed, chunk), so the result does not depend on how many cores run it.
public struct RiskSimulator: Sendable {
    public var trials: Int
    public var seed: UInt64
    /// Trials per chunk (the unit of parallel work): small enough that the automatic trial
    /// count of a large estate (a few thousand) still keeps every core busy.
    public var chunkSize = 500

    /// Trials for a model when none are asked for: 20,000 simulated years, fewer for a large
    /// estate so that a run draws about 20 million events at most (never fewer than 1,000
    /// years; the report states the number).
    public static func defaultTrials(for model: RiskModel) -> Int {
        let eventsPerYear = model.sources.reduce(0) { $0 + $1.rate * Double($1.impacts.count) }
        return max(1000, min(20_000, Int(20_000_000 / max(eventsPerYear, 1))))
    }

    public init(trials: Int = 20_000, seed: UInt64 = 1) {
        self.trials = trials
        self.seed = seed
    }

    /// Runs the simulation; `progress` is called with the fraction done (from any thread).
    public func run(_ model: RiskModel, progress: (@Sendable (Double) -> Void)? = nil) -> RiskReport {
        let apps = model.applications.count
        let losses = LossTable(trials: trials, applications: apps)
        let chunks = (trials + chunkSize - 1) / chunkSize
        let done = Counter()
        let started = Date()
        let layout = Layout(model)
        try! Parallel.forEach(chunks) { chunk in
            var generator = SeededGenerator(seed: seed &+ UInt64(chunk) &* 0x9E37_79B9_7F4A_7C15)
            let first = chunk * chunkSize
            layout.withPointers { pointers in
                for trial in first..<min(trials, first + chunkSize) {
                    Self.simulateYear(pointers, into: losses.row(trial), generator: &generator)
                }
            }
            let finished = done.increment()
            progress?(Double(finished) / Double(chunks))
        }
        let seconds = Date().timeIntervalSince(started)
        return RiskReport(model: model, losses: losses, trials: trials, seed: seed, seconds: seconds)
    }

    /// The model laid out flat for the inner loop: impacts of every source in one array, the
    /// service-hour flags of every application in one array (none for round-the-clock ones).
    /// The loop draws exactly the same numbers in the same order as over the nested model.
    struct Layout: Sendable {
        var thresholds: [Double]
        /// Source `s`'s impacts are `impacts[impactStart[s]..<impactStart[s + 1]]`.
        var impactStart: [Int]
        var impacts: [RiskModel.Impact]
        /// Per impact, the offset of its application's week in `serviceFlags`, or -1 when the
        /// application is in service every minute.
        var serviceOffset: [Int]
        var serviceFlags: [Bool]
        var fixedCost: [Double]

        init(_ model: RiskModel) {
            var offsets: [Int] = []
            var flags: [Bool] = []
            for week in model.serviceMinutes {
                if week.allSatisfy({ $0 }) {
                    offsets.append(-1)
                } else {
                    offsets.append(flags.count)
                    flags += week
                }
            }
            thresholds = model.sources.map(\.threshold)
            impactStart = [0]
            impacts = []
            for source in model.sources {
                impacts += source.impacts
                impactStart.append(impacts.count)
            }
            serviceOffset = impacts.map { offsets[$0.application] }
            serviceFlags = flags
            fixedCost = model.fixedCost
        }

        struct Pointers {
            var thresholds: UnsafeBufferPointer<Double>
            var impactStart: UnsafeBufferPointer<Int>
            var impacts: UnsafeBufferPointer<RiskModel.Impact>
            var serviceOffset: UnsafeBufferPointer<Int>
            var serviceFlags: UnsafeBufferPointer<Bool>
            var fixedCost: UnsafeBufferPointer<Double>
        }

        func withPointers(_ body: (Pointers) -> Void) {
            thresholds.withUnsafeBufferPointer { thresholds in
                impactStart.withUnsafeBufferPointer { impactStart in
                    impacts.withUnsafeBufferPointer { impacts in
                        serviceOffset.withUnsafeBufferPointer { serviceOffset in
                            serviceFlags.withUnsafeBufferPointer { serviceFlags in
                                fixedCost.withUnsafeBufferPointer { fixedCost in
                                    body(
                                        Pointers(
                                            thresholds: thresholds, impactStart: impactStart, impacts: impacts,
                                            serviceOffset: serviceOffset, serviceFlags: serviceFlags, fixedCost: fixedCost))
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// One simulated year: every source's events, each at a uniformly drawn minute of the week
    /// with one draw deciding whether the failover covers it.
    private static func simulateYear(
        _ model: Layout.Pointers, into row: UnsafeMutableBufferPointer<Double>, generator: inout SeededGenerator
    ) {
        for a in 0..<model.fixedCost.count { row[a] = model.fixedCost[a] }
        for source in 0..<model.thresholds.count {
            let events = generator.poisson(threshold: model.thresholds[source])
            guard events > 0 else { continue }
            let range = model.impactStart[source]..<model.impactStart[source + 1]
            for _ in 0..<events {
                let minute = Int(generator.uniform() * 10_080)
                let coverDraw = generator.uniform()
                for index in range {
                    let impact = model.impacts[index]
                    var loss = impact.dataLossCost
                    let offset = model.serviceOffset[index]
                    if offset < 0 || model.serviceFlags[offset + minute] {
                        loss += coverDraw < impact.coverage ? impact.coveredCost : impact.uncoveredCost
                    }
                    row[impact.application] += loss
                }
            }
        }
    }
}

/// Per-trial, per-application losses, written by the simulation's chunks in parallel. Each
/// trial's row is written by exactly one chunk, which is what makes the unchecked
/// sendability sound. Kept unchecked on purpose (not a generic box): the inner loop writes
/// its row through a raw pointer, and a lock around each write would serialise the chunks.
final class LossTable: @unchecked Sendable {
    let applications: Int
    let storage: UnsafeMutableBufferPointer<Double>

    init(trials: Int, applications: Int) {
        self.applications = applications
        storage = .allocate(capacity: max(1, trials * applications))
        storage.initialize(repeating: 0)
    }

    deinit { storage.deallocate() }

    func row(_ trial: Int) -> UnsafeMutableBufferPointer<Double> {
        UnsafeMutableBufferPointer(rebasing: storage[(trial * applications)..<((trial + 1) * applications)])
    }

    func column(_ application: Int, trials: Int) -> [Double] {
        (0..<trials).map { storage[$0 * applications + application] }
    }

    func totals(trials: Int) -> [Double] {
        (0..<trials).map { trial in row(trial).reduce(0, +) }
    }
}

/// How many chunks are done, for the progress callback.
final class Counter: Sendable {
    private let value = Mutex(0)

    func increment() -> Int {
        value.withLock {
            $0 += 1
            return $0
        }
    }
}
