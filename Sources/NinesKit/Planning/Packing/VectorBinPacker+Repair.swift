import Foundation

extension VectorBinPacker {
    /// Moves or swaps items out of overfull bins until none is left; false when stuck.
    func repair(_ bins: inout [Bin], _ buckets: inout ThreadBuckets, _ items: [Item]) -> Bool {
        // A work list in a deterministic order (a Set's order changes from run to run).
        var queue = bins.indices.filter { overflow(bins[$0]) > 1e-12 }
        var queued = Set(queue)
        var steps = 0
        let limit = 200 * queue.count + 1000
        while let bad = queue.last {
            guard overflow(bins[bad]) > 1e-12 else {
                queue.removeLast()
                queued.remove(bad)
                continue
            }
            steps += 1
            guard steps <= limit else { return false }
            guard let changed = relieve(bad, in: &bins, &buckets, items) else { return false }
            for bin in changed where overflow(bins[bin]) > 1e-12 && !queued.contains(bin) {
                queue.append(bin)
                queued.insert(bin)
            }
        }
        return true
    }

    private func free(_ bin: Bin) -> Int { capacity.threads - bin.threads }

    private func replace(_ index: Int, with bin: Bin, in bins: inout [Bin], _ buckets: inout ThreadBuckets) {
        buckets.remove(index, free: free(bins[index]))
        bins[index] = bin
        buckets.insert(index, free: free(bin))
    }

    /// One improving step for an overfull bin: move one of its items to a bin where it fits,
    /// or swap it for a smaller item of a bin with free room; the smallest items are tried
    /// first. Returns the bins it changed, or nil when nothing helps.
    private func relieve(_ bad: Int, in bins: inout [Bin], _ buckets: inout ThreadBuckets, _ items: [Item]) -> [Int]? {
        let before = overflow(bins[bad])
        let candidates = bins[bad].members.sorted {
            (items[$0].threads, items[$0].memory, $0) < (items[$1].threads, items[$1].memory, $1)
        }
        for index in candidates {
            let item = items[index]
            if let target = buckets.first(from: item.threads, upward: false, accepts: { $0 != bad && fits(item, in: bins, at: $0) }) {
                var giving = bins[bad]
                giving.remove(index, item)
                var receiving = bins[target]
                receiving.add(index, item)
                replace(bad, with: giving, in: &bins, &buckets)
                replace(target, with: receiving, in: &bins, &buckets)
                return [bad, target]
            }
        }
        let needsThreads = bins[bad].threads > capacity.threads
        let roomy = buckets.bins(withFreeAtLeast: needsThreads ? 1 : 0, limit: 64).filter { $0 != bad && overflow(bins[$0]) <= 1e-12 }
        for index in candidates {
            let item = items[index]
            for other in roomy {
                for swap in bins[other].members {
                    let small = items[swap]
                    guard small.threads < item.threads || small.memory < item.memory || small.disk < item.disk else { continue }
                    var receiving = bins[other]
                    receiving.remove(swap, small)
                    guard fits(item, in: receiving) else { continue }
                    var giving = bins[bad]
                    giving.remove(index, item)
                    giving.add(swap, small)
                    guard overflow(giving) < before - 1e-12 else { continue }
                    receiving.add(index, item)
                    replace(bad, with: giving, in: &bins, &buckets)
                    replace(other, with: receiving, in: &bins, &buckets)
                    return [bad, other]
                }
            }
        }
        return nil
    }
}

/// Bins grouped by their free threads, so that the fullest (best fit) or the emptiest (worst
/// fit) bin with room for an item is found by walking the few thread values, not the bins.
struct ThreadBuckets {
    private var buckets: [[Int]]
    /// Each bin's place in its bucket, by bin index (bins are numbered from 0).
    private var position: [Int] = []

    init(capacity: Int) {
        buckets = Array(repeating: [], count: max(capacity, 0) + 1)
    }

    mutating func insert(_ bin: Int, free: Int) {
        let slot = min(max(free, 0), buckets.count - 1)
        if bin >= position.count { position += repeatElement(-1, count: bin + 1 - position.count) }
        position[bin] = buckets[slot].count
        buckets[slot].append(bin)
    }

    mutating func remove(_ bin: Int, free: Int) {
        let slot = min(max(free, 0), buckets.count - 1)
        let at = bin < position.count ? position[bin] : -1
        guard at >= 0, at < buckets[slot].count, buckets[slot][at] == bin else {
            if let at = buckets[slot].firstIndex(of: bin) { removeAt(slot, at) }
            return
        }
        removeAt(slot, at)
    }

    private mutating func removeAt(_ slot: Int, _ at: Int) {
        let last = buckets[slot].removeLast()
        if at < buckets[slot].count {
            buckets[slot][at] = last
            position[last] = at
        }
    }

    /// Up to `limit` bins with the most free threads, at least `minimum` free, most free first.
    func bins(withFreeAtLeast minimum: Int, limit: Int) -> [Int] {
        var result: [Int] = []
        for slot in stride(from: buckets.count - 1, through: max(minimum, 0), by: -1) {
            for bin in buckets[slot] {
                result.append(bin)
                if result.count == limit { return result }
            }
        }
        return result
    }

    /// Bins tried per free-thread value before moving on: on a large estate a bucket holds
    /// thousands of bins, and trying them all made packing quadratic.
    static let triesPerBucket = 48

    /// The first bin, walking free-thread values from `need` upward (best fit) or from the
    /// largest down to `need` (worst fit), that `accepts`; in a bucket, in the order the bins
    /// entered it, at most `triesPerBucket` of them.
    func first(from need: Int, upward: Bool, accepts: (Int) -> Bool) -> Int? {
        guard need < buckets.count else { return nil }
        let low = max(need, 0)
        let high = buckets.count - 1
        // Walked with indices, not an array of slots: this runs once per item per attempt.
        for step in 0...(high - low) {
            let bucket = buckets[upward ? low + step : high - step]
            for bin in bucket.prefix(Self.triesPerBucket) where accepts(bin) { return bin }
        }
        return nil
    }
}
