/// How full a pair is in each packing dimension, and the limit that binds it: the one place
/// the report, plan.json, the CSV files, `nines size` and the history take it from.
public struct PairUtilization: Hashable, Sendable {
    /// Fractions of one host's capacity, 0…1: VM footprints over memory, threads, VMs over the
    /// platform's maximum, and the VMs' storage parts over the host's usable disk (0 when the
    /// hardware profile gives no `disk_gib`: disk is then unlimited).
    public var memory, threads, vms, disk: Double

    public init(memory: Double, threads: Double, vms: Double, disk: Double) {
        self.memory = memory
        self.threads = threads
        self.vms = vms
        self.disk = disk
    }

    /// The utilisation of `limit`.
    public subscript(limit: PackingLimit) -> Double {
        switch limit {
        case .memory: memory
        case .threads: threads
        case .vms: vms
        case .disk: disk
        }
    }

    /// The limit closest to its capacity; on a tie the first of memory, threads, VM count, disk.
    public var binding: PackingLimit {
        var best = PackingLimit.memory
        for limit in PackingLimit.allCases.dropFirst() where self[limit] > self[best] { best = limit }
        return best
    }
}
