import Foundation
import Yams

/// A YAML input file composed into a node tree that keeps every value's line, so that semantic
/// errors can point at `file:line`. Hostile input is bounded: the file size, the nesting depth
/// and the nodes alias uses add (which is how a YAML "billion laughs" grows) are capped. The
/// nodes written out in the file are bounded only by its size: 45,000 applications without an
/// alias are read (`YAMLNodeCensus` counts alias uses without expanding them).
public struct YAMLFile {
    /// The path as shown in messages.
    public var path: String
    public var root: Node

    /// Largest YAML file read, bytes (32 MiB: about 100,000 applications of a few lines each).
    public static let maxBytes = 32 * 1024 * 1024
    /// Most nodes alias uses may add to a document, each use counted with everything it repeats
    /// (the nodes written out are bounded by `maxBytes`).
    public static let maxAliasNodes = 100_000
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
        let data = try InputFileKind.contents(of: url, shownAs: path)
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
            // Before anything walks the tree whole: an alias bomb is a small graph until expanded.
            let census = YAMLNodeCensus(root, maxDepth: maxDepth, maxAliasNodes: maxAliasNodes)
            let top = SourceLocation(file: path, line: root.mark?.line ?? 0)
            if census.tooManyAliasNodes {
                diagnostics.error(
                    "the document expands to more than \(maxAliasNodes) nodes through its aliases (each use counted with what it repeats)",
                    at: top, fix: "remove the repeated aliases")
                return nil
            }
            if census.tooDeep {
                diagnostics.error("the document nests deeper than \(maxDepth) levels", at: top, fix: "flatten the structure")
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
