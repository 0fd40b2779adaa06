import Yams

/// One catalog value replaced from engagement.yaml's `catalog_overrides:`, so an engagement
/// changes a default without copying the catalog:
///
///     catalog_overrides:
///       failure-rates.yaml:
///         rates.host_failures_per_year: 0.5
///       tiers.yaml:
///         tiers.ft.failover_coverage: {value: 0.995, source: "vendor quote, 2026-03"}
///
/// The path names mapping keys, and a list element by its `id`. A plain value becomes an
/// assumption whose note names the engagement line; a `{value, source}` keeps its own source.
/// The catalog's own checks (ranges, units) then judge the value like any other.
public struct CatalogOverride: @unchecked Sendable {
    /// The catalog file: one of `Catalog.fileNames`.
    public var file: String
    /// Keys from the file's top, `.`-separated in engagement.yaml.
    public var path: [String]
    /// The value as written (a scalar, or a `{value, source | assumption, note}` mapping).
    public var value: Node
    /// Where it is written in engagement.yaml.
    public var location: SourceLocation

    public init(file: String, path: [String], value: Node, location: SourceLocation) {
        self.file = file
        self.path = path
        self.value = value
        self.location = location
    }

    /// `root` (the parsed `file`) with every override of that file in place; a path that names
    /// no value of the file is an error at its engagement line.
    /// Where the catalog's reader reports a problem of this override's value: its line in
    /// engagement.yaml, but under the catalog file's name (`YAMLFile.location(of:)`); `move`
    /// puts it back where it was written.
    func readAt(_ catalogFile: String) -> SourceLocation {
        SourceLocation(file: catalogFile, line: value.mark?.line ?? 0)
    }

    static func apply(_ overrides: [CatalogOverride], file: String, to root: inout Node, diagnostics: inout DiagnosticCollector) {
        for override in overrides where override.file == file {
            var replacement = override.value
            if replacement.mapping == nil {
                replacement = Node.mapping(
                    Node.Mapping([
                        (Node("value"), override.value), (Node("assumption"), Node("true")),
                        (Node("note"), Node("set by the engagement (\(override.location.description), catalog_overrides)")),
                    ]))
            }
            if !set(&root, path: override.path[...], to: replacement) {
                diagnostics.error(
                    "catalog_overrides: '\(Escape.plain(override.path.joined(separator: ".")))' names no value of \(file)",
                    at: override.location,
                    fix:
                        "write the keys from the file's top, separated by '.', a list element by its id "
                        + "(e.g. tiers.ft.failover_coverage); `nines catalog show ID` lists an entry's keys")
            }
        }
    }

    /// Replaces the value at `path` below `node`; false when the path leads nowhere or to a
    /// table rather than a value.
    private static func set(_ node: inout Node, path: ArraySlice<String>, to value: Node) -> Bool {
        guard let key = path.first else { return false }
        if var sequence = node.sequence {
            guard let index = sequence.firstIndex(where: { $0["id"]?.string == key }) else { return false }
            var element = sequence[index]
            guard set(&element, path: path.dropFirst(), to: value) else { return false }
            sequence[index] = element
            node.sequence = sequence
            return true
        }
        guard node.mapping != nil, var child = node[key] else { return false }
        if path.count == 1 {
            // A value is a scalar or a `{value: …}` mapping, never a table of entries.
            guard child.scalar != nil || child["value"] != nil else { return false }
            node[key] = value
            return true
        }
        guard set(&child, path: path.dropFirst(), to: value) else { return false }
        node[key] = child
        return true
    }
}
