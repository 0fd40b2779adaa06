/// A limit of one host of a pair that packing respects: the pair holds no more than this.
public enum PackingLimit: String, CaseIterable, Hashable, Sendable, Codable {
    /// Memory for VM footprints (memory × (1 + overhead)), GiB.
    case memory
    /// Hardware threads.
    case threads
    /// VMs on the pair (the platform's maximum).
    case vms
    /// Storage for the VMs' parts of the storage group (volumes, growth, snapshots), GiB.
    case disk

    /// The name the report shows: `memory`, `threads`, `VM count`, `disk`.
    public var label: String {
        switch self {
        case .memory: "memory"
        case .threads: "threads"
        case .vms: "VM count"
        case .disk: "disk"
        }
    }
}

/// A VM's demand in one dimension that even an empty pair cannot hold: why it was not placed.
public struct LimitOverrun: Hashable, Sendable {
    public var limit: PackingLimit
    /// What the VM needs, in the limit's unit (GiB, threads, VMs).
    public var needed: Double
    /// What one host of the pair offers to VMs, in the same unit.
    public var offered: Double

    public init(limit: PackingLimit, needed: Double, offered: Double) {
        self.limit = limit
        self.needed = needed
        self.offered = offered
    }

    /// The dimensions in which `demand` exceeds an empty host of `capacity`, in the packer's
    /// terms (whole threads: the demand rounded up, the capacity down).
    public static func of(_ demand: VMDemand, on capacity: HostCapacity) -> [LimitOverrun] {
        var overruns: [LimitOverrun] = []
        if demand.memoryGiB > capacity.memoryGiB + 1e-9 {
            overruns.append(LimitOverrun(limit: .memory, needed: demand.memoryGiB, offered: capacity.memoryGiB))
        }
        let threads = demand.threads.rounded(.up)
        let offered = (capacity.threads + 1e-9).rounded(.down)
        if threads > offered { overruns.append(LimitOverrun(limit: .threads, needed: threads, offered: offered)) }
        if capacity.vms < 1 { overruns.append(LimitOverrun(limit: .vms, needed: 1, offered: capacity.vms)) }
        if demand.diskGiB > capacity.diskGiB + 1e-9 {
            overruns.append(LimitOverrun(limit: .disk, needed: demand.diskGiB, offered: capacity.diskGiB))
        }
        return overruns
    }
}
