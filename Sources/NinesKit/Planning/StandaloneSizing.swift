import Foundation

/// `nines size`: packs a native inventory on its own, without an engagement. Each row's `tier`
/// column says FT or HA (empty means HA); rows on other tiers are left out and counted.
public struct StandaloneSizing: Sendable {
    public var platform: PlatformSpec
    /// Memory of one host, GiB (the platform's maximum applies).
    public var hostMemoryGiB: Double
    /// Hardware threads of one host.
    public var hostThreads: Int
    /// Share of each host kept free for growth, percent (an engagement's `growth_headroom`).
    public var headroomPercent: Double
    /// Storage of one host after its own RAID, GiB (hardware.yaml's `disk_gib`); infinite: disk
    /// is not a limit.
    public var hostDiskGiB: Double

    public init(
        platform: PlatformSpec, hostMemoryGiB: Double, hostThreads: Int, headroomPercent: Double = 0, hostDiskGiB: Double = .infinity
    ) {
        self.platform = platform
        self.hostMemoryGiB = hostMemoryGiB
        self.hostThreads = hostThreads
        self.headroomPercent = headroomPercent
        self.hostDiskGiB = hostDiskGiB
    }

    /// The result `--json` prints.
    public struct Result: Encodable, Sendable {
        public struct Assignment: Encodable, Sendable {
            public var vm: String
            public var pair: String
            public var tier: String
        }

        public struct PairUse: Encodable, Sendable {
            public var id: String
            public var site: String
            public var vms: Int
            public var memoryGib: Double
            public var threads: Double
            /// The VMs' parts of the storage group, GiB.
            public var diskGib: Double
            /// `Pair.bindingLimit`: memory, threads, vms or disk.
            public var binding: String
        }

        public var pairs: Int
        public var lowerBound: Int
        public var assignments: [Assignment]
        public var pairUse: [PairUse]
        public var unplaced: [String]
        /// Why each unplaced VM fits no pair: "disk", "memory"… (the limits it exceeds).
        public var unplacedOver: [String: [String]]
        public var skipped: [String]
        public var capacity: HostCapacity

        public func json() throws -> String { try JSONOutput.string(self) }
    }

    /// The same capacity model as `nines plan` (`HostCapacity.of`), headroom included.
    public var capacity: HostCapacity {
        HostCapacity.of(
            memoryGiB: hostMemoryGiB, threads: Double(hostThreads), diskGiB: hostDiskGiB, platform: platform, tier: .ha,
            headroomPercent: headroomPercent)
    }

    public func size(_ workloads: [Workload]) -> Result {
        var skipped: [String] = []
        var items: [PairPacker.Item] = []
        for vm in workloads where vm.poweredOn {
            let tier = vm.pinnedTier ?? TierID(.ha)
            guard tier.local.runsOnPair, platform.supports.contains(tier.local) else {
                skipped.append(vm.name)
                continue
            }
            let member = Pair.Member(
                vm: vm.name, application: vm.application, tier: tier, vcpus: vm.vcpus, memoryGiB: vm.memoryGiB, diskGiB: vm.diskGiB,
                os: vm.os, demand: VMDemand.of(vm, tier: tier.local, platform: platform), disksGiB: vm.disksGiB)
            items.append(PairPacker.Item(member: member, site: vm.site, secondSite: vm.site, hardware: "host", capacity: capacity))
        }
        let packing = PairPacker().pack(items)
        let assignments = packing.pairs.flatMap { pair in
            pair.members.map { Result.Assignment(vm: $0.vm, pair: pair.id, tier: $0.tier.local.rawValue) }
        }
        let use = packing.pairs.map { pair in
            Result.PairUse(
                id: pair.id, site: pair.site, vms: pair.members.count, memoryGib: Number.round(pair.usedMemoryGiB, 3),
                threads: pair.usedThreads, diskGib: Number.round(pair.usedDiskGiB, 3), binding: pair.bindingLimit.rawValue)
        }
        return Result(
            pairs: packing.pairs.count, lowerBound: packing.lowerBound, assignments: assignments, pairUse: use,
            unplaced: packing.unplaced, unplacedOver: packing.overruns.mapValues { $0.map(\.limit.rawValue) }, skipped: skipped,
            capacity: capacity)
    }
}
