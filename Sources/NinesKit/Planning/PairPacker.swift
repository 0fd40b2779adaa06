import Foundation

/// Packs VMs into host pairs: vector bin packing over memory (with overhead), hardware threads,
/// VM count and disk (each VM's part of the storage group), one group per site (or site pair for SplitSite) and hardware profile, with
/// anti-affinity between the VMs of an application that asks for it. `VectorBinPacker` does the
/// packing; the lower bound (L1 and Martello–Toth L2 per dimension) shows the gap.
public struct PairPacker: Sendable {
    /// A VM to place, with the capacity of a pair at its site.
    public struct Item: Hashable, Sendable {
        public var member: Pair.Member
        public var site: String
        public var secondSite: String
        public var hardware: String
        public var capacity: HostCapacity
        /// Keep apart from other VMs of the same application.
        public var antiAffinity = false
    }

    public struct Result: Hashable, Sendable {
        public var pairs: [Pair]
        /// No packing can use fewer pairs than this.
        public var lowerBound: Int
        /// VMs that fit no pair at all (larger than one host).
        public var unplaced: [String]
        /// Why each unplaced VM fits no pair: the limits it exceeds on an empty pair.
        public var overruns: [String: [LimitOverrun]] = [:]
    }

    /// Packings into a fixed number of pairs tried per group (see `VectorBinPacker`).
    public var maxAttempts = 32

    public init() {}

    public func pack(_ items: [Item]) -> Result {
        let groups = Dictionary(grouping: items) { GroupKey(site: $0.site, secondSite: $0.secondSite, hardware: $0.hardware) }
        let keys = groups.keys.sorted()
        // Groups are independent: each is packed on any core, then joined in key order.
        let packedGroups = Parallel.map(keys.count) { index in packGroup(keys[index], groups[keys[index]]!) }
        var pairs: [Pair] = []
        var bound = 0
        var unplaced: [String] = []
        var overruns: [String: [LimitOverrun]] = [:]
        for index in keys.indices {
            let packed = packedGroups[index]
            pairs += packed.pairs
            bound += packed.bound
            for item in packed.unplaced {
                unplaced.append(item.member.vm)
                overruns[item.member.vm] = LimitOverrun.of(item.member.demand, on: item.capacity)
            }
        }
        let width = Self.idWidth(pairs.count)
        for index in pairs.indices {
            pairs[index].id = Self.pairID(index + 1, width: width)
            pairs[index].members.sort { $0.vm < $1.vm }
        }
        return Result(pairs: pairs, lowerBound: bound, unplaced: unplaced.sorted(), overruns: overruns)
    }

    private func packGroup(_ key: GroupKey, _ items: [Item]) -> (pairs: [Pair], bound: Int, unplaced: [Item]) {
        let group = items.sorted { $0.member.vm < $1.member.vm }
        let capacity = group[0].capacity
        let packing = PackingCapacity(
            memory: capacity.memoryGiB, threads: Int((capacity.threads + 1e-9).rounded(.down)), count: Int(capacity.vms),
            disk: capacity.diskGiB)
        let applications = Array(Set(group.filter(\.antiAffinity).map(\.member.application))).sorted()
        let groupOf = Dictionary(uniqueKeysWithValues: applications.enumerated().map { ($1, $0) })
        let vectors = group.map { item in
            VectorBinPacker.Item(
                memory: item.member.demand.memoryGiB, threads: Int(item.member.demand.threads.rounded(.up)),
                group: item.antiAffinity ? groupOf[item.member.application] : nil, disk: item.member.demand.diskGiB)
        }
        let (bins, rejected) = VectorBinPacker(capacity: packing, maxAttempts: maxAttempts).pack(vectors)
        let rejectedSet = Set(rejected)
        let placed = vectors.indices.filter { !rejectedSet.contains($0) }
        let bound = PackingBounds.bound(
            memory: placed.map { vectors[$0].memory }, threads: placed.map { vectors[$0].threads },
            disk: packing.disk.isFinite ? placed.map { vectors[$0].disk } : [], capacity: packing)
        let pairs = bins.map { members in
            Pair(
                id: "", site: key.site, secondSite: key.secondSite, hardware: key.hardware, capacity: capacity,
                members: members.map { group[$0].member })
        }
        return (pairs, bound, rejected.map { group[$0] })
    }

    /// `pair-` and the number padded with zeros to `width` digits (`pair-01` … `pair-99`;
    /// `pair-001` … when there are 100 pairs or more), so the ids sort as the pairs do
    /// (`String(format:)` went through Foundation for every pair of every planning round).
    static func pairID(_ number: Int, width: Int = 2) -> String {
        let digits = String(number)
        return "pair-" + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Digits of the ids of `count` pairs: those of `count`, at least two.
    static func idWidth(_ count: Int) -> Int { max(2, String(count).count) }

    private struct GroupKey: Hashable, Comparable, Sendable {
        var site: String
        var secondSite: String
        var hardware: String
        static func < (a: GroupKey, b: GroupKey) -> Bool { (a.site, a.secondSite, a.hardware) < (b.site, b.secondSite, b.hardware) }
    }
}
