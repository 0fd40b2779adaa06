import Yams

/// Reads catalog values and enforces the catalog's one rule: every number carries a `source:`
/// or `assumption: true`, on itself or on the entry that holds it. Each value read is recorded
/// as a `CatalogFact`, so listings and reports show exactly what a run used.
struct CatalogReader {
    var diagnostics = DiagnosticCollector()
    private(set) var entries: [CatalogEntry] = []
    var facts: [CatalogFact] = []

    static let provenanceKeys = ["source", "assumption", "note"]

    /// The provenance an entry declares for all its numbers, if any.
    mutating func provenance(of map: YAMLMap) -> Provenance? {
        let source = map.string("source", diagnostics: &diagnostics)?.value
        let assumed = map.string("assumption", diagnostics: &diagnostics)
        var assumption = false
        if let assumed {
            guard let flag = Bool(assumed.value.lowercased()) else {
                diagnostics.error("'assumption' must be true or false", at: assumed.location)
                return nil
            }
            assumption = flag
        }
        let note = map.string("note", diagnostics: &diagnostics)?.value
        if source == nil && !assumption { return nil }
        return Provenance(source: source, assumption: assumption, note: note)
    }

    /// Starts collecting facts for an entry.
    mutating func begin() { facts = [] }

    /// Closes the entry begun last.
    mutating func end(kind: String, id: String, name: String) {
        entries.append(CatalogEntry(kind: kind, id: id, name: name, facts: facts))
    }

    /// A scalar written either plainly (inheriting the entry's provenance) or as
    /// `{value: …, source: …}` / `{value: …, assumption: true, note: …}`.
    mutating func raw(_ map: YAMLMap, _ key: String, inherited: Provenance?, required: Bool = true)
        -> (text: Located<String>, provenance: Provenance)?
    {
        guard let node = map[key] else {
            if required { diagnostics.error("missing required key '\(key)'", at: map.location) }
            return nil
        }
        var own: Provenance?
        let text: Located<String>
        if node.mapping != nil {
            guard
                let inner = YAMLMap(
                    node, in: map.file, what: "'\(key)'", keys: ["value"] + Self.provenanceKeys, diagnostics: &diagnostics),
                let value = inner.string("value", required: true, diagnostics: &diagnostics)
            else { return nil }
            own = provenance(of: inner)
            text = value
        } else {
            guard let value = map.string(key, diagnostics: &diagnostics) else { return nil }
            text = value
        }
        guard let provenance = own ?? inherited else {
            diagnostics.error(
                "'\(key)' has no source", at: text.location,
                fix: "add 'source: …' (with its date) or 'assumption: true' and a note on how it was chosen")
            return nil
        }
        facts.append(CatalogFact(key: key, value: text.value, provenance: provenance, location: text.location.description))
        return (text, provenance)
    }

    mutating func number(
        _ map: YAMLMap, _ key: String, inherited: Provenance?, in range: ClosedRange<Double> = 0...1e12
    ) -> Sourced<Double>? {
        guard let (text, provenance) = raw(map, key, inherited: inherited),
            let value = InputValue.number(text, key: key, in: range, diagnostics: &diagnostics)
        else { return nil }
        return Sourced(value, provenance)
    }

    mutating func duration(_ map: YAMLMap, _ key: String, inherited: Provenance?) -> Sourced<TimeSpan>? {
        guard let (text, provenance) = raw(map, key, inherited: inherited),
            let value = InputValue.duration(text, key: key, diagnostics: &diagnostics)
        else { return nil }
        return Sourced(value, provenance)
    }

    /// Checks the file's `version:` key.
    mutating func checkVersion(_ map: YAMLMap) {
        guard let version = map.string("version", required: true, diagnostics: &diagnostics) else { return }
        if version.value != "1" {
            diagnostics.error(
                "catalog version \(Escape.plain(version.value)) is not supported", at: version.location,
                fix: "this Nines reads version 1")
        }
    }
}
