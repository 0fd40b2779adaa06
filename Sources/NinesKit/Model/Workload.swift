/// One virtual machine from the inventory.
public struct Workload: Hashable, Sendable {
    public var name: String
    /// The application it belongs to (the VM's own name when the inventory does not say).
    public var application: String
    public var vcpus: Int
    /// Memory, GiB.
    public var memoryGiB: Double
    /// Provisioned disk, GiB: the sum of `disksGiB` when those are known.
    public var diskGiB: Double
    /// Each disk's size, GiB, in order (RVTools vDisk, the inventory's `disks` column); empty
    /// when only the total is known, which is then one disk.
    public var disksGiB: [Double] = []
    /// Space used inside the guest's file systems, GiB (RVTools vPartition, the inventory's
    /// `used_gib` column); nil when unknown. Thin-provisioned sizing and the report's picture of
    /// today compare it with `diskGiB`.
    public var usedGiB: Double?
    public var os: String
    /// Site id, as declared in engagement.yaml.
    public var site: String
    public var poweredOn: Bool
    /// A tier the customer has fixed for this VM, overriding the optimizer.
    public var pinnedTier: TierID?
    public var location: SourceLocation

    public init(
        name: String, application: String, vcpus: Int, memoryGiB: Double, diskGiB: Double, os: String = "",
        site: String, poweredOn: Bool = true, pinnedTier: TierID? = nil, location: SourceLocation
    ) {
        self.name = name
        self.application = application
        self.vcpus = vcpus
        self.memoryGiB = memoryGiB
        self.diskGiB = diskGiB
        self.os = os
        self.site = site
        self.poweredOn = poweredOn
        self.pinnedTier = pinnedTier
        self.location = location
    }
}
