import Foundation

/// Packs VMs into host pairs: vector bin packing over memory (with overhead), hardware threads
/// and VM count, one group per site (or site pair for SplitSite), first-fit decreasing by
/// dominant share. Reports a lower bound (the per-dimension sums) so the gap is visible.
public struct PairPacker: Sendable {
    /// A VM to place, with the capacity of a pair at its site.
    public struct Item: Hashable, Sendable {
        public var member: Pair.Member
        public var site: String
        public var secondSite: String
        public var hardware: String
        public var capacity: HostCapacity
    }

    public struct Result: Hashable, Sendable {
        public var pairs: [Pair]
        /// No packing can use fewer pairs than this.
        public var lowerBound: Int
        /// VMs that fit no pair at all (larger than one host).
        public var unplaced: [String]
    }

    public init() {}

    public func pack(_ items: [Item]) -> Result {
        let groups = Dictionary(grouping: items) { GroupKey(site: $0.site, secondSite: $0.secondSite, hardware: $0.hardware) }
        var pairs: [Pair] = []
        var bound = 0
        var unplaced: [String] = []
        for key in groups.keys.sorted() {
            let group = groups[key]!
            let capacity = group[0].capacity
            let sorted = group.sorted {
                let a = $0.member.demand.dominantShare(of: capacity)
                let b = $1.member.demand.dominantShare(of: capacity)
                return a != b ? a > b : $0.member.vm < $1.member.vm
            }
            var open: [Pair] = []
            for item in sorted {
                if let index = open.firstIndex(where: { $0.fits(item.member.demand) }) {
                    open[index].members.append(item.member)
                    continue
                }
                var pair = Pair(
                    id: "", site: key.site, secondSite: key.secondSite, hardware: key.hardware, capacity: capacity, members: [])
                guard pair.fits(item.member.demand) else {
                    unplaced.append(item.member.vm)
                    continue
                }
                pair.members.append(item.member)
                open.append(pair)
            }
            bound += Self.lowerBound(group.map(\.member.demand), capacity: capacity)
            pairs += open
        }
        for index in pairs.indices {
            pairs[index].id = String(format: "pair-%02d", index + 1)
            pairs[index].members.sort { $0.vm < $1.vm }
        }
        return Result(pairs: pairs, lowerBound: bound, unplaced: unplaced.sorted())
    }

    /// The per-dimension bound: no fewer pairs than any dimension's total over its capacity.
    static func lowerBound(_ demands: [VMDemand], capacity: HostCapacity) -> Int {
        let memory = demands.reduce(0) { $0 + $1.memoryGiB } / capacity.memoryGiB
        let threads = demands.reduce(0) { $0 + $1.threads } / capacity.threads
        let count = Double(demands.count) / capacity.vms
        return Int((max(memory, threads, count) - 1e-9).rounded(.up))
    }

    private struct GroupKey: Hashable, Comparable {
        var site: String
        var secondSite: String
        var hardware: String
        static func < (a: GroupKey, b: GroupKey) -> Bool { (a.site, a.secondSite, a.hardware) < (b.site, b.secondSite, b.hardware) }
    }
}
