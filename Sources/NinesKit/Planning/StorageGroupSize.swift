/// A pair's storage group as the manifests create it, and each VM's part of it: one mirrored
/// volume per VM disk (whole GiB, at least 1), headroom for the disks' growth and for
/// snapshots, and the engine's own volumes. Every figure is GiB on each host (the engine
/// mirrors the group to the partner).
///
/// One formula serves the packing and the manifests: a VM's part (`vm`) is its volumes, their
/// growth (volumes × growth headroom, rounded up) and their snapshots ((volumes + growth) ×
/// snapshot reserve, rounded up); that part is the VM's disk demand (`VMDemand.diskGiB`), and
/// a pair's group is the sum of its VMs' parts plus the engine's volumes. The packer keeps the
/// parts within the host's disk less the engine's volumes (`HostCapacity.diskGiB`), so a
/// packed pair's group never exceeds its hosts' disk.
public struct StorageGroupSize: Hashable, Sendable {
    /// The VM disks, each rounded up to a whole GiB.
    public var disksGiB: Double
    /// Room for the disks to grow.
    public var growthGiB: Double
    /// Room for snapshots.
    public var snapshotsGiB: Double
    /// The engine's own volumes on the host.
    public var engineGiB: Double

    /// What the group needs on each host.
    public var totalGiB: Double { disksGiB + growthGiB + snapshotsGiB + engineGiB }

    /// What the VMs take of the group: everything but the engine's volumes.
    public var vmGiB: Double { disksGiB + growthGiB + snapshotsGiB }

    public init(disksGiB: Double, growthGiB: Double, snapshotsGiB: Double, engineGiB: Double) {
        self.disksGiB = disksGiB
        self.growthGiB = growthGiB
        self.snapshotsGiB = snapshotsGiB
        self.engineGiB = engineGiB
    }

    /// One VM's part with volumes of `volumesGiB` in all (no engine volumes): growth =
    /// volumes × `growth`, rounded up; snapshots = (volumes + growth) × `snapshots`, rounded up.
    public static func vm(volumesGiB: Double, growth: Double, snapshots: Double) -> StorageGroupSize {
        let grown = (volumesGiB * growth).rounded(.up)
        return StorageGroupSize(
            disksGiB: volumesGiB, growthGiB: grown, snapshotsGiB: ((volumesGiB + grown) * snapshots).rounded(.up), engineGiB: 0)
    }

    /// The part of a VM with disks of `disks` GiB (one volume each) on `platform`.
    public static func vm(disks: [Double], platform: PlatformSpec) -> StorageGroupSize {
        vm(
            volumesGiB: disks.reduce(0) { $0 + volumeGiB($1) }, growth: platform.storageGrowthHeadroom.value,
            snapshots: platform.snapshotReserve.value)
    }

    /// The part of `vm` (its disks, or one disk of its total when they are not known).
    public static func vm(_ vm: Workload, platform: PlatformSpec) -> StorageGroupSize {
        let volumes = vm.disksGiB.isEmpty ? volumeGiB(vm.diskGiB) : vm.disksGiB.reduce(0) { $0 + volumeGiB($1) }
        return self.vm(volumesGiB: volumes, growth: platform.storageGrowthHeadroom.value, snapshots: platform.snapshotReserve.value)
    }

    /// The group of `pair` on `platform`: its members' parts and the engine's volumes.
    public init(_ pair: Pair, platform: PlatformSpec) {
        self.init(disksGiB: 0, growthGiB: 0, snapshotsGiB: 0, engineGiB: platform.engineVolumesGiB.value)
        for member in pair.members {
            let part = Self.vm(disks: member.disks, platform: platform)
            disksGiB += part.disksGiB
            growthGiB += part.growthGiB
            snapshotsGiB += part.snapshotsGiB
        }
    }

    /// The mirrored volume that carries a disk of `diskGiB`: whole GiB, at least 1.
    public static func volumeGiB(_ diskGiB: Double) -> Double { max(1, diskGiB.rounded(.up)) }
}
