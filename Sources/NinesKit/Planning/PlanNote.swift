/// Something planning found that a person should look at; the renderers write it as a warning
/// at its location (`DecisionText.warnings`).
public enum PlanNote: Hashable, Sendable {
    /// A VM larger than one host, left off the pairs, with the limits it exceeds.
    case unplacedVM(String, over: [LimitOverrun], at: SourceLocation)
    /// The decision at this index has no feasible tier, or a SaaS vendor's SLA falls short.
    case decisionNeedsAttention(Int)
    /// A pair whose storage group (disks, headroom, the engine's volumes) needs more than each
    /// of its hosts holds: pair id, needed and held GiB, the hardware profile's id. The packer
    /// keeps disk within the hosts, so only a pair built or changed outside it can get this.
    case pairOverDisk(String, neededGiB: Double, heldGiB: Double, hardware: String, at: SourceLocation)
}
