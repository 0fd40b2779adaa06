/// Lower bounds on the number of bins for vector bin packing: no packing can use fewer.
public enum PackingBounds {
    /// L1 per dimension: the total demand over the capacity, rounded up; the largest of the
    /// four dimensions (disk only when its capacity is finite; `disk` empty: no disk demand).
    public static func l1(memory: [Double], threads: [Int], disk: [Double] = [], capacity: PackingCapacity) -> Int {
        let m = memory.reduce(0, +) / capacity.memory
        let t = Double(threads.reduce(0, +)) / Double(capacity.threads)
        let c = Double(memory.count) / Double(capacity.count)
        let d = capacity.disk.isFinite && capacity.disk > 0 ? disk.reduce(0, +) / capacity.disk : 0
        return Int((max(m, t, c, d) - 1e-9).rounded(.up))
    }

    /// Martello and Toth's L2 for one dimension (Martello & Toth, Knapsack Problems, 1990,
    /// §8.3.1): for a threshold α ≤ C/2, items above C − α each need their own bin, items in
    /// (C/2, C − α] too, and items in [α, C/2] can only fill what those leave free.
    ///
    /// The sizes are sorted once and summed as prefix sums, so each threshold costs a few binary
    /// searches: O(n log n) in all, however many distinct sizes there are (VM disks are rarely
    /// the same size twice).
    public static func l2(_ sizes: [Double], capacity: Double) -> Int {
        guard !sizes.isEmpty, capacity.isFinite, capacity > 0 else { return 0 }
        let half = capacity / 2
        let sorted = sizes.sorted()
        var prefix = [0.0]
        prefix.reserveCapacity(sorted.count + 1)
        for size in sorted { prefix.append(prefix[prefix.count - 1] + size) }
        /// The first index whose size is above `x` (or at least `x` with `orEqual`).
        func index(after x: Double, orEqual: Bool = false) -> Int {
            var low = 0
            var high = sorted.count
            while low < high {
                let mid = (low + high) / 2
                if orEqual ? sorted[mid] < x : sorted[mid] <= x { low = mid + 1 } else { high = mid }
            }
            return low
        }
        let halfEnd = index(after: half + 1e-12)
        var candidates = [0.0]
        for i in 0..<halfEnd where i == 0 || sorted[i] != sorted[i - 1] { candidates.append(sorted[i]) }
        var best = 0
        for alpha in candidates {
            let bigStart = max(halfEnd, index(after: capacity - alpha + 1e-12))
            let j1 = sorted.count - bigStart
            let j2 = bigStart - halfEnd
            let j2Free = Double(j2) * capacity - (prefix[bigStart] - prefix[halfEnd])
            let smallStart = min(halfEnd, index(after: alpha - 1e-12, orEqual: true))
            let j3Sum = prefix[halfEnd] - prefix[smallStart]
            let extra = max(0, Int(((j3Sum - j2Free) / capacity - 1e-9).rounded(.up)))
            best = max(best, j1 + j2 + extra)
        }
        return best
    }

    /// The best of L1 and L2 on each dimension (the VM count's L2 equals its L1).
    public static func bound(memory: [Double], threads: [Int], disk: [Double] = [], capacity: PackingCapacity) -> Int {
        guard !memory.isEmpty else { return 0 }
        return max(
            l1(memory: memory, threads: threads, disk: disk, capacity: capacity),
            l2(memory, capacity: capacity.memory),
            l2(threads.map(Double.init), capacity: Double(capacity.threads)),
            l2(disk, capacity: capacity.disk))
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
    /// GiB for the VMs' storage parts; infinite when disk is not a limit.
    public var disk: Double

    public init(memory: Double, threads: Int, count: Int, disk: Double = .infinity) {
        self.memory = memory
        self.threads = threads
        self.count = count
        self.disk = disk
    }
}
