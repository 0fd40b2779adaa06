import Foundation
import Mustache

/// The Mustache templates every human-facing output is rendered from (Templates/ in the
/// repository, or a user's edited copy passed with `--templates`). Templates are logic-less:
/// the view models computed in Swift hold every figure already formatted and escaped.
public struct TemplateSet: Sendable {
    public var directory: String
    private var templates: [String: MustacheTemplate]

    /// Template files Nines renders.
    public static let names = ["report.md", "report.html", "runbook.md"]

    /// Escapes `{{value}}` for Markdown in templates that start with
    /// `{{% CONTENT_TYPE: MARKDOWN}}`.
    struct MarkdownContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { Escape.markdown(text) }
    }

    /// Escapes `{{value}}` for HTML in templates that start with `{{% CONTENT_TYPE: HTML}}`:
    /// the same five characters as Mustache's own HTML escaping, which looks every Character
    /// up in a dictionary (a tenth of the report's rendering time at 100,000 VMs), by scalar.
    struct HTMLContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { Escape.html(text) }
    }

    /// Loads and parses every template; a syntax error is reported as `file:line`.
    public static func load(from directory: URL) throws -> TemplateSet {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        MustacheContentTypes.register(HTMLContentType(), named: "HTML")
        var diagnostics = DiagnosticCollector()
        var templates: [String: MustacheTemplate] = [:]
        for name in names {
            let url = directory.appendingPathComponent(name + ".mustache")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw MissingInputError(path: url.path, reason: "template missing or unreadable")
            }
            do {
                templates[name] = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.error(
                    "template syntax error: \(error.error) near '\(Escape.plain(error.context.line))'",
                    at: SourceLocation(file: url.path, line: error.context.lineNumber))
            }
        }
        try diagnostics.throwIfErrors()
        return TemplateSet(directory: directory.path, templates: templates)
    }

    public func render(_ name: String, _ view: Any) -> String {
        templates[name]!.render(view)
    }

    /// `--templates`, `$NINES_TEMPLATES`, or a `Templates` folder beside the catalog's parent.
    public static func locate(explicit: String?, catalog: Catalog) -> URL {
        if let explicit { return URL(fileURLWithPath: explicit) }
        if let env = ProcessInfo.processInfo.environment["NINES_TEMPLATES"] { return URL(fileURLWithPath: env) }
        return URL(fileURLWithPath: catalog.directory).deletingLastPathComponent().appendingPathComponent("Templates")
    }
}
