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
    public var usedMemoryGiB: Double { members.reduce(0) { $0 + $1.demand.memoryGiB } }
    public var usedThreads: Double { members.reduce(0) { $0 + $1.demand.threads } }

    /// Utilization per dimension, 0…1: memory, threads, VM count.
    public var utilization: (memory: Double, threads: Double, vms: Double) {
        (usedMemoryGiB / capacity.memoryGiB, usedThreads / capacity.threads, Double(members.count) / capacity.vms)
    }

    /// The dimension closest to its limit.
    public var bindingDimension: String {
        let u = utilization
        if u.memory >= u.threads && u.memory >= u.vms { return "memory" }
        return u.threads >= u.vms ? "threads" : "vms"
    }
}
