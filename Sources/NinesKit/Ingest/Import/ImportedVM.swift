/// A VM as an import source describes it, before it is mapped to an application and a site.
public struct ImportedVM: Hashable, Sendable {
    public var name: String
    public var vcpus: Int
    /// Memory, GiB.
    public var memoryGiB: Double
    /// Provisioned disk, GiB.
    public var diskGiB: Double
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

/// What an import produced: the VMs kept, those excluded and why, and warnings.
public struct ImportResult: Sendable {
    public struct Exclusion: Hashable, Sendable {
        public var name: String
        public var reason: String
        public var location: SourceLocation
    }

    public var vms: [ImportedVM] = []
    public var excluded: [Exclusion] = []
    public var hosts: [ImportedHost] = []
    public var warnings: [Diagnostic] = []

    public init() {}

    /// Gives duplicate names distinct, stable names (`web01`, `web01#2`, …) in input order.
    mutating func disambiguateNames() {
        var seen: [String: Int] = [:]
        let taken = Set(vms.map { $0.name.lowercased() })
        for index in vms.indices {
            let key = vms[index].name.lowercased()
            let count = (seen[key] ?? 0) + 1
            seen[key] = count
            guard count > 1 else { continue }
            var candidate = "\(vms[index].name)#\(count)"
            var n = count
            while taken.contains(candidate.lowercased()) {
                n += 1
                candidate = "\(vms[index].name)#\(n)"
            }
            warnings.append(
                Diagnostic(
                    .warning, "two VMs are named '\(Escape.plain(vms[index].name))'; this one is kept as '\(Escape.plain(candidate))'",
                    at: vms[index].location))
            vms[index].name = candidate
        }
    }
}
