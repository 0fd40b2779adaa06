/// What one host (or one host of a pair) offers to VMs after the engine's reserve and the
/// engagement's growth headroom.
public struct HostCapacity: Hashable, Sendable, Codable {
    enum CodingKeys: String, CodingKey {
        case memoryGiB = "memoryGib", threads, vms
    }

    /// GiB available to VM footprints (memory × (1 + overhead)).
    public var memoryGiB: Double
    /// Hardware threads available to VMs.
    public var threads: Double
    /// Most VMs on the host.
    public var vms: Double

    public init(memoryGiB: Double, threads: Double, vms: Double) {
        self.memoryGiB = memoryGiB
        self.threads = threads
        self.vms = vms
    }

    /// Capacity of a host of `profile` on `platform` for a local tier.
    public static func of(_ profile: HardwareProfile, platform: PlatformSpec, tier: LocalTier, headroomPercent: Double) -> HostCapacity {
        of(
            memoryGiB: profile.memoryGiB.value, threads: profile.threads.value, platform: platform, tier: tier,
            headroomPercent: headroomPercent)
    }

    /// The one capacity model (`nines plan`, `nines size` and the alternatives' sizing use it):
    /// a host with `memoryGiB` and `threads`, less the platform's reserve on a pair tier (its
    /// memory capped at the platform's maximum), less `headroomPercent` kept for growth.
    public static func of(memoryGiB: Double, threads: Double, platform: PlatformSpec, tier: LocalTier, headroomPercent: Double)
        -> HostCapacity
    {
        let keep = 1 - headroomPercent / 100
        guard tier.runsOnPair else { return HostCapacity(memoryGiB: memoryGiB * keep, threads: threads * keep, vms: .infinity) }
        let memory = min(memoryGiB, platform.maxMemoryGiB.value) - platform.reserveMemoryGiB.value
        let available = threads - platform.reserveThreads.value
        return HostCapacity(memoryGiB: memory * keep, threads: available * keep, vms: platform.maxVMs.value)
    }
}

/// The demand one VM places on a host, per dimension.
public struct VMDemand: Hashable, Sendable, Codable {
    /// Memory with the platform's overhead, GiB.
    public var memoryGiB: Double
    public var threads: Double

    public init(memoryGiB: Double, threads: Double) {
        self.memoryGiB = memoryGiB
        self.threads = threads
    }

    public static func of(_ vm: Workload, tier: LocalTier, platform: PlatformSpec) -> VMDemand {
        let memory = tier.runsOnPair ? platform.footprint(memoryGiB: vm.memoryGiB) : vm.memoryGiB
        return VMDemand(memoryGiB: memory, threads: Double(platform.threads(vcpus: vm.vcpus, tier: tier)))
    }

    /// The largest fraction of a host this VM takes in any dimension (its dominant share).
    public func dominantShare(of capacity: HostCapacity) -> Double {
        max(memoryGiB / capacity.memoryGiB, threads / capacity.threads, 1 / capacity.vms)
    }
}
