/// What one host (or one host of a pair) offers to VMs after the engine's reserve and the
/// engagement's growth headroom.
public struct HostCapacity: Hashable, Sendable, Codable {
    enum CodingKeys: String, CodingKey {
        case memoryGiB = "memoryGib", threads, vms, diskGiB = "diskGib"
    }

    /// GiB available to VM footprints (memory × (1 + overhead)).
    public var memoryGiB: Double
    /// Hardware threads available to VMs.
    public var threads: Double
    /// Most VMs on the host.
    public var vms: Double
    /// GiB of storage for the VMs' parts of the storage group (`StorageGroupSize.vm`): the
    /// host's usable disk after its own RAID less the engine's volumes; infinite when the
    /// hardware profile gives no `disk_gib` (disk is then not a limit) and off a pair.
    public var diskGiB: Double

    public init(memoryGiB: Double, threads: Double, vms: Double, diskGiB: Double = .infinity) {
        self.memoryGiB = memoryGiB
        self.threads = threads
        self.vms = vms
        self.diskGiB = diskGiB
    }

    /// Capacity of a host of `profile` on `platform` for a local tier.
    public static func of(_ profile: HardwareProfile, platform: PlatformSpec, tier: LocalTier, headroomPercent: Double) -> HostCapacity {
        of(
            memoryGiB: profile.memoryGiB.value, threads: profile.threads.value, diskGiB: profile.usableDiskGiB, platform: platform,
            tier: tier, headroomPercent: headroomPercent)
    }

    /// The one capacity model (`nines plan`, `nines size` and the alternatives' sizing use it):
    /// a host with `memoryGiB`, `threads` and `diskGiB` of usable storage, less the platform's
    /// reserve on a pair tier (its memory capped at the platform's maximum, its disk less the
    /// engine's volumes), less `headroomPercent` of memory and threads kept for growth. Disk
    /// keeps no share of the host for growth: each VM's part of the storage group already holds
    /// its growth and snapshot headroom (`StorageGroupSize`). Off a pair, disk is not a limit.
    public static func of(
        memoryGiB: Double, threads: Double, diskGiB: Double = .infinity, platform: PlatformSpec, tier: LocalTier,
        headroomPercent: Double
    ) -> HostCapacity {
        let keep = 1 - headroomPercent / 100
        guard tier.runsOnPair else { return HostCapacity(memoryGiB: memoryGiB * keep, threads: threads * keep, vms: .infinity) }
        let memory = min(memoryGiB, platform.maxMemoryGiB.value) - platform.reserveMemoryGiB.value
        let available = threads - platform.reserveThreads.value
        return HostCapacity(
            memoryGiB: memory * keep, threads: available * keep, vms: platform.maxVMs.value,
            diskGiB: max(0, diskGiB - platform.engineVolumesGiB.value))
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        memoryGiB = try container.decode(Double.self, forKey: .memoryGiB)
        threads = try container.decode(Double.self, forKey: .threads)
        vms = try container.decode(Double.self, forKey: .vms)
        diskGiB = try container.decodeIfPresent(Double.self, forKey: .diskGiB) ?? .infinity
    }

    /// Unlimited disk is left out (JSON has no infinity).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(memoryGiB, forKey: .memoryGiB)
        try container.encode(threads, forKey: .threads)
        try container.encode(vms, forKey: .vms)
        if diskGiB.isFinite { try container.encode(diskGiB, forKey: .diskGiB) }
    }
}
