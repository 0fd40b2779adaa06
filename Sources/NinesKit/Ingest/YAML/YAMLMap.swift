import Yams

/// Typed, located access to one YAML mapping. Unknown keys are reported when the map is opened
/// (a typo in a key must not be silently ignored); every getter reports a wrong value at its
/// own line and returns nil, so reading goes on and every problem is found in one pass.
public struct YAMLMap {
    public let file: YAMLFile
    public let node: Node
    private let pairs: [(key: String, keyNode: Node, value: Node)]

    /// Opens `node` as a mapping whose keys must be among `keys` (a key ending in `*` allows any
    /// key with that prefix). Reports a non-mapping or unknown keys to `diagnostics`.
    public init?(_ node: Node, in file: YAMLFile, what: String, keys: [String], diagnostics: inout DiagnosticCollector) {
        guard let mapping = node.mapping else {
            diagnostics.error("\(what) must be a mapping of keys to values", at: file.location(of: node))
            return nil
        }
        self.file = file
        self.node = node
        var pairs: [(String, Node, Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else {
                diagnostics.error("\(what) has a key that is not text", at: file.location(of: keyNode))
                continue
            }
            let known = keys.contains { $0 == key || ($0.hasSuffix("*") && key.hasPrefix($0.dropLast())) }
            if !known {
                let hint = Spelling.suggestion(for: key, among: keys.filter { !$0.hasSuffix("*") })
                diagnostics.error(
                    "unknown key '\(key)' in \(what)", at: file.location(of: keyNode),
                    fix: hint.map { "did you mean '\($0)'?" } ?? "known keys: \(keys.joined(separator: ", "))")
                continue
            }
            pairs.append((key, keyNode, value))
        }
        self.pairs = pairs
    }

    public var keys: [String] { pairs.map(\.key) }
    public var location: SourceLocation { file.location(of: node) }

    public subscript(key: String) -> Node? { pairs.first { $0.key == key }?.value }

    /// All key/value pairs in document order.
    public var entries: [(key: String, value: Node)] { pairs.map { ($0.key, $0.value) } }

    public func location(of key: String) -> SourceLocation {
        pairs.first { $0.key == key }.map { file.location(of: $0.value) } ?? location
    }

    /// A text value; reports a missing required key or a non-scalar.
    public func string(_ key: String, required: Bool = false, diagnostics: inout DiagnosticCollector) -> Located<String>? {
        guard let value = self[key] else {
            if required { diagnostics.error("missing required key '\(key)'", at: location) }
            return nil
        }
        guard case .scalar(let scalar) = value else {
            diagnostics.error("'\(key)' must be a single value", at: file.location(of: value))
            return nil
        }
        return Located(scalar.string, at: file.location(of: value))
    }

    /// A number within `range`; reports text that is not a number and values out of range.
    public func number(
        _ key: String, required: Bool = false,
        in range: ClosedRange<Double> = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude,
        unit: String = "", diagnostics: inout DiagnosticCollector
    ) -> Double? {
        guard let text = string(key, required: required, diagnostics: &diagnostics) else { return nil }
        return InputValue.number(text, key: key, in: range, unit: unit, diagnostics: &diagnostics)
    }

    /// A whole number within `range`; a fraction is refused, not truncated.
    public func integer(
        _ key: String, required: Bool = false, in range: ClosedRange<Int>, unit: String = "", diagnostics: inout DiagnosticCollector
    ) -> Int? {
        guard let text = string(key, required: required, diagnostics: &diagnostics) else { return nil }
        return InputValue.integer(text, key: key, in: range, unit: unit, diagnostics: &diagnostics)
    }

    /// A duration such as `5m` or `4h`.
    public func duration(_ key: String, required: Bool = false, diagnostics: inout DiagnosticCollector) -> TimeSpan? {
        guard let text = string(key, required: required, diagnostics: &diagnostics) else { return nil }
        return InputValue.duration(text, key: key, diagnostics: &diagnostics)
    }

    /// A sequence of text values; a single scalar is accepted as a one-element list.
    public func strings(_ key: String, diagnostics: inout DiagnosticCollector) -> [Located<String>] {
        guard let value = self[key] else { return [] }
        switch value {
        case .scalar(let scalar): return [Located(scalar.string, at: file.location(of: value))]
        case .sequence(let sequence):
            return sequence.compactMap { item in
                guard case .scalar(let scalar) = item else {
                    diagnostics.error("'\(key)' must list plain values", at: file.location(of: item))
                    return nil
                }
                return Located(scalar.string, at: file.location(of: item))
            }
        default:
            diagnostics.error("'\(key)' must be a list", at: file.location(of: value))
            return []
        }
    }

    /// A sequence of mappings, each opened with `keys`.
    public func maps(_ key: String, what: String, keys: [String], diagnostics: inout DiagnosticCollector) -> [YAMLMap] {
        guard let value = self[key] else { return [] }
        guard case .sequence(let sequence) = value else {
            diagnostics.error("'\(key)' must be a list", at: file.location(of: value))
            return []
        }
        return sequence.compactMap { YAMLMap($0, in: file, what: what, keys: keys, diagnostics: &diagnostics) }
    }

    /// A nested mapping opened with `keys`.
    public func map(_ key: String, what: String, keys: [String], diagnostics: inout DiagnosticCollector) -> YAMLMap? {
        guard let value = self[key] else { return nil }
        return YAMLMap(value, in: file, what: what, keys: keys, diagnostics: &diagnostics)
    }
}
