/// The demand one VM places on a host, per dimension.
public struct VMDemand: Hashable, Sendable, Codable {
    enum CodingKeys: String, CodingKey {
        case memoryGiB, threads, diskGiB
    }

    /// Memory with the platform's overhead, GiB.
    public var memoryGiB: Double
    public var threads: Double
    /// The VM's part of its pair's storage group, GiB: its volumes with their growth and
    /// snapshot headroom (`StorageGroupSize.vm`); off a pair, its disks as they are.
    public var diskGiB: Double

    public init(memoryGiB: Double, threads: Double, diskGiB: Double = 0) {
        self.memoryGiB = memoryGiB
        self.threads = threads
        self.diskGiB = diskGiB
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        memoryGiB = try container.decode(Double.self, forKey: .memoryGiB)
        threads = try container.decode(Double.self, forKey: .threads)
        diskGiB = try container.decodeIfPresent(Double.self, forKey: .diskGiB) ?? 0
    }

    public static func of(_ vm: Workload, tier: LocalTier, platform: PlatformSpec) -> VMDemand {
        let memory = tier.runsOnPair ? platform.footprint(memoryGiB: vm.memoryGiB) : vm.memoryGiB
        let disk = tier.runsOnPair ? StorageGroupSize.vm(vm, platform: platform).totalGiB : vm.diskGiB
        return VMDemand(memoryGiB: memory, threads: Double(platform.threads(vcpus: vm.vcpus, tier: tier)), diskGiB: disk)
    }

    /// The largest fraction of a host this VM takes in any dimension (its dominant share).
    public func dominantShare(of capacity: HostCapacity) -> Double {
        max(
            memoryGiB / capacity.memoryGiB, threads / capacity.threads, 1 / capacity.vms,
            capacity.diskGiB > 0 ? diskGiB / capacity.diskGiB : 0)
    }
}
