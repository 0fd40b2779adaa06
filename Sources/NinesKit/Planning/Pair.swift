/// Two hosts that run protected VMs as one system: the unit of sizing, licensing and manifests.
public struct Pair: Hashable, Sendable {
    /// `pair-01`, `pair-02`, … in plan order.
    public var id: String
    /// Site of the first host.
    public var site: String
    /// Site of the second host: the same site, or the partner site of a SplitSite pair.
    public var secondSite: String
    public var hardware: String
    public var capacity: HostCapacity
    public var members: [Member]

    /// A VM placed on the pair.
    public struct Member: Hashable, Sendable {
        public var vm: String
        public var application: String
        public var tier: TierID
        public var vcpus: Int
        public var memoryGiB: Double
        public var diskGiB: Double
        public var os: String
        public var demand: VMDemand
        /// Each disk's size, GiB, in order (empty: one disk of `diskGiB`).
        public var disksGiB: [Double] = []

        /// Each disk's size, GiB: at least one.
        public var disks: [Double] { disksGiB.isEmpty ? [diskGiB] : disksGiB }
    }

    public var isSplitSite: Bool { site != secondSite }
    /// VM footprints on the pair, GiB.
    public var usedMemoryGiB: Double { members.reduce(0) { $0 + $1.demand.memoryGiB } }
    public var usedThreads: Double { members.reduce(0) { $0 + $1.demand.threads } }
    /// The VMs' parts of the storage group (volumes, growth, snapshots), GiB on each host: the
    /// group less the engine's volumes (`StorageGroupSize.vmGiB`).
    public var usedDiskGiB: Double { members.reduce(0) { $0 + $1.demand.diskGiB } }

    /// Utilization per dimension, 0…1, and the binding limit.
    public var utilization: PairUtilization {
        PairUtilization(
            memory: usedMemoryGiB / capacity.memoryGiB, threads: usedThreads / capacity.threads,
            vms: Double(members.count) / capacity.vms,
            disk: capacity.diskGiB.isFinite && capacity.diskGiB > 0 ? usedDiskGiB / capacity.diskGiB : 0)
    }

    /// The limit closest to its capacity (`PairUtilization.binding`): every output shows this one.
    public var bindingLimit: PackingLimit { utilization.binding }
}
