/// Where a catalog number comes from: a cited source, or an assumption with how it was chosen.
public struct Provenance: Hashable, Sendable, Codable {
    /// Citation with its date ("Backblaze Drive Stats 2024").
    public var source: String?
    /// True when no source was found and the value is a reasoned assumption.
    public var assumption: Bool
    /// How an assumption was chosen, or a remark on the source.
    public var note: String?

    public init(source: String? = nil, assumption: Bool = false, note: String? = nil) {
        self.source = source
        self.assumption = assumption
        self.note = note
    }

    /// One line for reports: the source, or "assumption: note".
    public var summary: String {
        var parts: [String] = []
        if assumption { parts.append("assumption") }
        if let source { parts.append(source) }
        if let note { parts.append(note) }
        return parts.joined(separator: "; ")
    }
}

/// A catalog number with its provenance and where it was read.
public struct Sourced<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var provenance: Provenance

    public init(_ value: Value, _ provenance: Provenance) {
        self.value = value
        self.provenance = provenance
    }
}

/// One number of a catalog entry as `nines catalog show` and the report's assumptions list it.
public struct CatalogFact: Hashable, Sendable, Codable {
    public var key: String
    /// The value as written in the catalog (`8h`, `384`, `0.2`).
    public var value: String
    public var provenance: Provenance
    public var location: String
}

/// A catalog entry (a tier, a platform, a hardware profile, a failure-rate set) and its facts.
public struct CatalogEntry: Hashable, Sendable, Codable {
    /// `tier`, `site-protection`, `platform`, `hardware`, `failure-rates`.
    public var kind: String
    public var id: String
    public var name: String
    public var facts: [CatalogFact]
}
