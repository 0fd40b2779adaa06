/// Lower bounds on the number of bins for vector bin packing: no packing can use fewer.
public enum PackingBounds {
    /// L1 per dimension: the total demand over the capacity, rounded up; the largest of the
    /// three dimensions.
    public static func l1(memory: [Double], threads: [Int], capacity: PackingCapacity) -> Int {
        let m = memory.reduce(0, +) / capacity.memory
        let t = Double(threads.reduce(0, +)) / Double(capacity.threads)
        let c = Double(memory.count) / Double(capacity.count)
        return Int((max(m, t, c) - 1e-9).rounded(.up))
    }

    /// Martello and Toth's L2 for one dimension (Martello & Toth, Knapsack Problems, 1990,
    /// §8.3.1): for a threshold α ≤ C/2, items above C − α each need their own bin, items in
    /// (C/2, C − α] too, and items in [α, C/2] can only fill what those leave free.
    public static func l2(_ sizes: [Double], capacity: Double) -> Int {
        let half = capacity / 2
        let sorted = sizes.sorted(by: >)
        let candidates = [0.0] + Array(Set(sorted.filter { $0 <= half + 1e-12 }))
        var best = 0
        for alpha in candidates {
            var j1 = 0
            var j2 = 0
            var j2Free = 0.0
            var j3Sum = 0.0
            for size in sorted {
                if size > capacity - alpha + 1e-12 {
                    j1 += 1
                } else if size > half + 1e-12 {
                    j2 += 1
                    j2Free += capacity - size
                } else if size >= alpha - 1e-12 {
                    j3Sum += size
                }
            }
            let extra = max(0, Int(((j3Sum - j2Free) / capacity - 1e-9).rounded(.up)))
            best = max(best, j1 + j2 + extra)
        }
        return best
    }

    /// The best of L1 and L2 on each dimension (the VM count's L2 equals its L1).
    public static func bound(memory: [Double], threads: [Int], capacity: PackingCapacity) -> Int {
        guard !memory.isEmpty else { return 0 }
        return max(
            l1(memory: memory, threads: threads, capacity: capacity),
            l2(memory, capacity: capacity.memory),
            l2(threads.map(Double.init), capacity: Double(capacity.threads)))
    }
}

/// What one bin (one pair) offers, in the packer's units.
public struct PackingCapacity: Hashable, Sendable {
    /// GiB for VM footprints.
    public var memory: Double
    /// Hardware threads (whole).
    public var threads: Int
    /// VMs.
    public var count: Int

    public init(memory: Double, threads: Int, count: Int) {
        self.memory = memory
        self.threads = threads
        self.count = count
    }
}
