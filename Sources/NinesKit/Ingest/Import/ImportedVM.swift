/// A VM as an import source describes it, before it is mapped to an application and a site.
public struct ImportedVM: Hashable, Sendable {
    public var name: String
    public var vcpus: Int
    /// Memory, GiB.
    public var memoryGiB: Double
    /// Provisioned disk, GiB: the sum of `disksGiB` when those are known.
    public var diskGiB: Double
    /// Each disk's size, GiB, in order (RVTools vDisk, OVF disks); empty when only the total is known.
    public var disksGiB: [Double] = []
    /// Space used inside the guest's file systems, GiB (RVTools vPartition: Σ capacity − free);
    /// nil when the source does not say.
    public var usedGiB: Double?
    public var os: String
    public var poweredOn: Bool
    public var datacenter: String = ""
    public var cluster: String = ""
    public var host: String = ""
    public var folder: String = ""
    public var annotation: String = ""
    /// Custom attributes and other source-specific columns kept for mapping rules.
    public var tags: [String: String] = [:]
    public var location: SourceLocation

    public init(name: String, vcpus: Int, memoryGiB: Double, diskGiB: Double, os: String, poweredOn: Bool, location: SourceLocation) {
        self.name = name
        self.vcpus = vcpus
        self.memoryGiB = memoryGiB
        self.diskGiB = diskGiB
        self.os = os
        self.poweredOn = poweredOn
        self.location = location
    }

    /// The value a mapping rule matches against: `name`, `folder`, `annotation`, `cluster`,
    /// `datacenter`, `host`, `os`, or `tag:NAME` for a custom attribute.
    public func attribute(_ key: String) -> String? {
        switch key {
        case "name": name
        case "folder": folder
        case "annotation": annotation
        case "cluster": cluster
        case "datacenter": datacenter
        case "host": host
        case "os": os
        default: key.hasPrefix("tag:") ? tags[String(key.dropFirst(4))] : nil
        }
    }
}

/// A host of today's estate (RVTools vHost), for the "before" picture.
public struct ImportedHost: Hashable, Sendable {
    public var name: String
    public var datacenter: String
    public var cluster: String
    public var cpuSockets: Int
    public var cores: Int
    public var memoryGiB: Double
    public var vms: Int
}
