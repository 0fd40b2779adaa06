import Foundation
import Yams

/// A YAML input file composed into a node tree that keeps every value's line, so that semantic
/// errors can point at `file:line`. Hostile input is bounded: the file size and the number of
/// nodes (aliases included, which is how a YAML "billion laughs" grows) are capped.
public struct YAMLFile {
    /// The path as shown in messages.
    public var path: String
    public var root: Node

    /// Largest YAML file read, bytes.
    public static let maxBytes = 16 * 1024 * 1024
    /// Most nodes a document may expand to, aliases counted at every use.
    public static let maxNodes = 500_000
    /// Deepest nesting of mappings and sequences.
    public static let maxDepth = 64

    public init(path: String, root: Node) {
        self.path = path
        self.root = root
    }

    /// Reads and composes a file; problems go to `diagnostics` and nil is returned.
    public static func load(contentsOf url: URL, shownAs path: String, diagnostics: inout DiagnosticCollector)
        throws(MissingInputError) -> YAMLFile?
    {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw MissingInputError(path: path, reason: "cannot read the file (\(error.localizedDescription))")
        }
        return parse(data, shownAs: path, diagnostics: &diagnostics)
    }

    /// Composes YAML text; problems go to `diagnostics` and nil is returned.
    public static func parse(_ data: Data, shownAs path: String, diagnostics: inout DiagnosticCollector) -> YAMLFile? {
        let whole = SourceLocation(file: path)
        guard data.count <= maxBytes else {
            diagnostics.error("file is \(data.count) bytes; the limit is \(maxBytes)", at: whole)
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.error("not UTF-8 text", at: whole, fix: "save the file as UTF-8")
            return nil
        }
        do {
            // Every value is read as text and parsed by `InputValue`, so the basic resolver (all
            // plain scalars are strings) is enough, and it keeps Yams' duplicate-key check from
            // running every key through the implicit-type regular expressions: `1` and `'1'`
            // are then the same key, as they are to the readers.
            guard let root = try Yams.compose(yaml: text, .basic) else {
                diagnostics.error("the file is empty", at: whole)
                return nil
            }
            var budget = maxNodes
            guard withinBudget(root, &budget) else {
                diagnostics.error(
                    "the document expands to more than \(maxNodes) nodes (aliases counted at each use)",
                    at: SourceLocation(file: path, line: root.mark?.line ?? 0),
                    fix: "remove the repeated aliases")
                return nil
            }
            // After the node budget: an alias bomb must be refused before anything walks it whole.
            guard depth(of: root, limit: maxDepth) <= maxDepth else {
                diagnostics.error(
                    "the document nests deeper than \(maxDepth) levels", at: SourceLocation(file: path, line: root.mark?.line ?? 0),
                    fix: "flatten the structure")
                return nil
            }
            return YAMLFile(path: path, root: root)
        } catch let error as YamlError {
            diagnostics.error(Self.describe(error), at: SourceLocation(file: path, line: Self.line(of: error)))
            return nil
        } catch {
            diagnostics.error("cannot parse YAML: \(error)", at: whole)
            return nil
        }
    }

    /// Location of a node in this file.
    public func location(of node: Node) -> SourceLocation {
        SourceLocation(file: path, line: node.mark?.line ?? 0)
    }

    /// Nesting depth, counted no further than `limit` + 1.
    private static func depth(of node: Node, limit: Int) -> Int {
        guard limit >= 0 else { return 1 }
        switch node {
        case .scalar, .alias: return 1
        case .mapping(let mapping): return 1 + (mapping.map { depth(of: $0.value, limit: limit - 1) }.max() ?? 0)
        case .sequence(let sequence): return 1 + (sequence.map { depth(of: $0, limit: limit - 1) }.max() ?? 0)
        }
    }

    private static func withinBudget(_ node: Node, _ budget: inout Int) -> Bool {
        budget -= 1
        if budget < 0 { return false }
        switch node {
        case .scalar, .alias: return true
        case .mapping(let mapping):
            for (key, value) in mapping {
                guard withinBudget(key, &budget), withinBudget(value, &budget) else { return false }
            }
            return true
        case .sequence(let sequence):
            for child in sequence {
                guard withinBudget(child, &budget) else { return false }
            }
            return true
        }
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        case .duplicatedKeysInMapping(_, let context):
            return context.mark.line
        default:
            return 0
        }
    }

    private static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
            .composer(let context, let problem, _, _):
            let prefix = context.map { "\($0.text): " } ?? ""
            return "invalid YAML: \(prefix)\(problem)"
        case .duplicatedKeysInMapping(let duplicates, _):
            return "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))"
        default:
            return "invalid YAML: \(error)"
        }
    }
}
