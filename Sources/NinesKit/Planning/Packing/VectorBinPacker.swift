import Foundation

/// Packs items with four demands (memory, threads, one slot, disk) into as few bins as it can.
///
/// 1. Best-fit decreasing gives a feasible packing with B bins.
/// 2. For k from the lower bound up to B − 1, it tries to pack into exactly k bins:
///    worst-fit decreasing on threads (the bins fill evenly, so the many small VMs close the
///    gaps), then a repair that moves or swaps items out of any overfull bin until none is
///    left. The first k that succeeds is kept.
///
/// Threads are whole numbers, so bins are kept in buckets by free threads and a bin with room
/// for an item is found without scanning them all. Items sharing an anti-affinity group never
/// share a bin. The result depends only on the input order and values: ties are broken by
/// item index.
public struct VectorBinPacker: Sendable {
    public struct Item: Hashable, Sendable {
        /// GiB.
        public var memory: Double
        public var threads: Int
        /// Items with the same group must go to different bins (nil: no constraint).
        public var group: Int?
        /// GiB of storage.
        public var disk: Double

        public init(memory: Double, threads: Int, group: Int? = nil, disk: Double = 0) {
            self.memory = memory
            self.threads = threads
            self.group = group
            self.disk = disk
        }
    }

    public var capacity: PackingCapacity
    /// Most packings into a fixed number of bins tried. A count, not a time, so the result
    /// is the same on a fast and a slow machine.
    public var maxAttempts: Int
    /// Runs the attempt that follows a failure beside the current one (see `pack`); off, the
    /// same attempts run one after another (the tests compare the two).
    var speculates = true

    public init(capacity: PackingCapacity, maxAttempts: Int = 32) {
        self.capacity = capacity
        self.maxAttempts = maxAttempts
    }

    /// Bins as lists of item indices, and the indices that fit no bin at all.
    public func pack(_ items: [Item]) -> (bins: [[Int]], unplaced: [Int]) {
        let placeable = items.indices.filter { fitsEmpty(items[$0]) }
        let unplaced = items.indices.filter { !fitsEmpty(items[$0]) }
        let order = placeable.sorted { a, b in
            (items[a].threads, items[a].memory, -a) > (items[b].threads, items[b].memory, -b)
        }
        var best = construct(items, order: order, bins: nil).bins
        let bound = PackingBounds.bound(
            memory: placeable.map { items[$0].memory }, threads: placeable.map { items[$0].threads },
            disk: capacity.disk.isFinite ? placeable.map { items[$0].disk } : [], capacity: capacity)
        var attempts = 0
        // Search k between the bound and the best found: upward in growing steps until one
        // succeeds, then halve the interval down towards the last failure.
        var failed = bound - 1
        var step = 1
        var k = bound
        // While attempt k runs, the attempt that follows if k fails runs beside it (on a large
        // estate most attempts below the best fail). It is used only when k does fail, so the
        // sequence of attempts and the result are exactly those of the plain loop.
        var ready: (bins: Int, packed: [Bin]?)?
        while k < best.count && k > failed && attempts < maxAttempts {
            attempts += 1
            let afterFailure = min(best.count - 1, k + step)
            let outcome: [Bin]?
            if let ready, ready.bins == k {
                outcome = ready.packed
            } else if speculates && afterFailure > k && attempts < maxAttempts {
                let both = attempt(items, order: order, bins: k, besides: afterFailure)
                outcome = both.first
                ready = (afterFailure, both.second)
            } else {
                outcome = attempt(items, order: order, bins: k)
            }
            if let packed = outcome {
                best = packed
                k = failed + max(1, (k - failed) / 2)
                step = 1
            } else {
                failed = k
                k = min(best.count - 1, k + step)
                step *= 2
            }
        }
        return (best.map { $0.members.sorted() }.filter { !$0.isEmpty }, unplaced)
    }

    /// Worst-fit decreasing into exactly `bins` bins, then the repair.
    private func attempt(_ items: [Item], order: [Int], bins: Int) -> [Bin]? {
        var (packed, buckets) = construct(items, order: order, bins: bins)
        return repair(&packed, &buckets, items) ? packed : nil
    }

    /// Attempts into `bins` and into `other` bins at the same time. The second runs on a
    /// thread of its own, not on Dispatch's pool: the packer itself runs inside the pool (one
    /// task per packing group), and a pool thread waiting for another pool task stalls
    /// libdispatch on Linux until its monitor adds a thread (measured: the simulation beside
    /// it fell to one core).
    private func attempt(_ items: [Item], order: [Int], bins: Int, besides other: Int) -> (first: [Bin]?, second: [Bin]?) {
        Parallel.both({ attempt(items, order: order, bins: bins) }, { attempt(items, order: order, bins: other) })
    }

    private func fitsEmpty(_ item: Item) -> Bool {
        item.memory <= capacity.memory + 1e-9 && item.threads <= capacity.threads && capacity.count >= 1
            && item.disk <= capacity.disk + 1e-9
    }

    /// A bin's contents and loads.
    struct Bin {
        var memory = 0.0
        var threads = 0
        var disk = 0.0
        var members: [Int] = []
        var groups: [Int: Int] = [:]

        mutating func add(_ index: Int, _ item: Item) {
            memory += item.memory
            threads += item.threads
            disk += item.disk
            members.append(index)
            if let g = item.group { groups[g, default: 0] += 1 }
        }

        mutating func remove(_ index: Int, _ item: Item) {
            memory -= item.memory
            threads -= item.threads
            disk -= item.disk
            members.remove(at: members.firstIndex(of: index)!)
            if let g = item.group {
                groups[g]! -= 1
                if groups[g] == 0 { groups[g] = nil }
            }
        }
    }

    func fits(_ item: Item, in bin: Bin) -> Bool {
        bin.memory + item.memory <= capacity.memory + 1e-9 && bin.threads + item.threads <= capacity.threads
            && bin.members.count < capacity.count && bin.disk + item.disk <= capacity.disk + 1e-9
            && (item.group.map { bin.groups[$0] == nil } ?? true)
    }

    /// `fits(item, in: bins[index])` without copying the bin (its arrays' reference counts
    /// were a tenth of the packing time).
    func fits(_ item: Item, in bins: borrowing [Bin], at index: Int) -> Bool {
        bins.withUnsafeBufferPointer { buffer in
            let bin = buffer.baseAddress! + index
            return bin.pointee.memory + item.memory <= capacity.memory + 1e-9 && bin.pointee.threads + item.threads <= capacity.threads
                && bin.pointee.members.count < capacity.count && bin.pointee.disk + item.disk <= capacity.disk + 1e-9
                && (item.group.map { bin.pointee.groups[$0] == nil } ?? true)
        }
    }

    /// How far a bin is over its capacity, summed over the dimensions as fractions.
    func overflow(_ bin: Bin) -> Double {
        var total = max(0, bin.memory - capacity.memory) / capacity.memory
        total += Double(max(0, bin.threads - capacity.threads)) / Double(capacity.threads)
        total += Double(max(0, bin.members.count - capacity.count)) / Double(capacity.count)
        // Disk only when it is a limit (a finite capacity).
        if capacity.disk.isFinite && capacity.disk > 0 { total += max(0, bin.disk - capacity.disk) / capacity.disk }
        total += Double(bin.groups.values.reduce(0) { $0 + max(0, $1 - 1) })
        return total
    }

    /// With `bins` nil: best-fit decreasing, opening bins as needed (always succeeds). With a
    /// number: worst-fit decreasing into exactly that many bins, letting an item that fits
    /// nowhere overflow the emptiest bin (the repair then resolves it).
    func construct(_ items: [Item], order: [Int], bins count: Int?) -> (bins: [Bin], buckets: ThreadBuckets) {
        var bins = Array(repeating: Bin(), count: count ?? 0)
        var buckets = ThreadBuckets(capacity: capacity.threads)
        for index in bins.indices { buckets.insert(index, free: capacity.threads) }
        for index in order {
            let item = items[index]
            let chosen =
                count == nil
                ? buckets.first(from: item.threads, upward: true) { fits(item, in: bins, at: $0) }
                : buckets.first(from: item.threads, upward: false) { fits(item, in: bins, at: $0) }
            var target: Int
            if let chosen {
                target = chosen
            } else if count == nil {
                bins.append(Bin())
                target = bins.count - 1
                buckets.insert(target, free: capacity.threads)
            } else {
                // Fits nowhere: into the bin with the most free threads (the repair moves it on).
                target =
                    buckets.first(from: 0, upward: false) { bin in item.group.map { bins[bin].groups[$0] == nil } ?? true }
                    ?? buckets.first(from: 0, upward: false) { _ in true }!
            }
            buckets.remove(target, free: capacity.threads - bins[target].threads)
            bins[target].add(index, item)
            buckets.insert(target, free: capacity.threads - bins[target].threads)
        }
        return (bins, buckets)
    }

}
