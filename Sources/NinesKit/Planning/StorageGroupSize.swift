/// A pair's storage group as the manifests create it: one mirrored volume per VM disk (whole
/// GiB, at least 1), headroom for the disks' growth and for snapshots, and the engine's own
/// volumes. Every figure is GiB on each host (the engine mirrors the group to the partner).
public struct StorageGroupSize: Hashable, Sendable {
    /// The VM disks, each rounded up to a whole GiB.
    public var disksGiB: Double
    /// Room for the disks to grow: disks × growth headroom, rounded up.
    public var growthGiB: Double
    /// Room for snapshots: (disks + growth) × snapshot reserve, rounded up.
    public var snapshotsGiB: Double
    /// The engine's own volumes on the host.
    public var engineGiB: Double

    /// What the group needs on each host.
    public var totalGiB: Double { disksGiB + growthGiB + snapshotsGiB + engineGiB }

    public init(disksGiB: Double, growth: Double, snapshots: Double, engineGiB: Double) {
        self.disksGiB = disksGiB
        growthGiB = (disksGiB * growth).rounded(.up)
        snapshotsGiB = ((disksGiB + growthGiB) * snapshots).rounded(.up)
        self.engineGiB = engineGiB
    }

    /// The group of `pair` on `platform`.
    public init(_ pair: Pair, platform: PlatformSpec) {
        // One volume per disk (vDisk), each rounded up on its own.
        let disks = pair.members.reduce(0) { total, member in total + member.disks.reduce(0) { $0 + Self.volumeGiB($1) } }
        self.init(
            disksGiB: disks, growth: platform.storageGrowthHeadroom.value,
            snapshots: platform.snapshotReserve.value, engineGiB: platform.engineVolumesGiB.value)
    }

    /// The mirrored volume that carries a disk of `diskGiB`: whole GiB, at least 1.
    public static func volumeGiB(_ diskGiB: Double) -> Double { max(1, diskGiB.rounded(.up)) }
}
