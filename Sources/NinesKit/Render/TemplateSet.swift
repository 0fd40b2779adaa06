import Crypto
import Foundation
import Mustache

/// The Mustache templates every human-facing output is rendered from (Templates/ in the
/// repository, or a user's edited copy passed with `--templates`). Templates are logic-less:
/// the view models computed in Swift hold every figure already formatted and escaped.
public struct TemplateSet: Sendable {
    public var directory: String
    private var templates: [String: MustacheTemplate]
    private var outlines: [String: TemplateOutline] = [:]

    /// Deepest nesting of sections a template may have (the default templates use 3): deeper
    /// nesting repeats the inner text once per combination of the lists above it.
    public static let maxSectionDepth = 6
    /// Largest file a template may render, bytes: 256 MiB (the default report of a 100,000-VM
    /// estate is far below). A rendering also stops after `RenderBudget.maxSeconds`.
    public static let maxOutputBytes = 256 * 1024 * 1024

    /// Template files Nines renders.
    public static let names = ["report.md", "report.html", "runbook.md"]

    /// SHA-256 of the templates shipped in Templates/ (a test fails when they drift). These are
    /// reviewed to render output linear in the view, so they render without `RenderBudget`'s
    /// per-value accounting (a tenth of a 10,000-VM report's rendering time); any other
    /// template, an edited copy included, renders within the budget.
    static let shipped: [String: String] = [
        "report.html": "21ae09b8a6853fd4fbdc0a06ff458ad70652ed7e1a4d582d37bf09e16e8d2a21",
        "report.md": "81b1ef752de79eb8258d124b14330464ecf4acdc04cfbdf66f6aaffc574526ce",
        "runbook.md": "2cafd2750af340fb283764aa3af8e0d7623710bbb4b27a2232c6464d831cdaa6",
    ]
    /// Names of the loaded templates that are byte for byte the shipped ones.
    private var trusted: Set<String> = []

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
        var outlines: [String: TemplateOutline] = [:]
        var trusted: Set<String> = []
        for name in names {
            let url = directory.appendingPathComponent(name + ".mustache")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw MissingInputError(path: url.path, reason: "template missing or unreadable")
            }
            let outline = TemplateOutline(text)
            outlines[name] = outline
            if SHA256.hash(data: Data(text.utf8)).map({ String(format: "%02x", $0) }).joined() == shipped[name] {
                trusted.insert(name)
            }
            if outline.depth > maxSectionDepth {
                diagnostics.error(
                    "template sections nest \(outline.depth) deep; the limit is \(maxSectionDepth)",
                    at: SourceLocation(file: url.path, line: outline.linesByDepth[maxSectionDepth]),
                    fix: "close a section before opening the next; each nested list multiplies the output")
                continue
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
        var set = TemplateSet(directory: directory.path, templates: templates, outlines: outlines)
        set.trusted = trusted
        return set
    }

    /// Renders the template `name` with `view`, within `RenderBudget`'s size and time bounds
    /// (`maxBytes` overrides the size bound, for tests); past a bound it throws an `InputError`
    /// at the template file and the line of its deepest section, and nothing is kept.
    public func render(_ name: String, _ view: Any, maxBytes: Int = TemplateSet.maxOutputBytes) throws(InputError) -> String {
        let outline = outlines[name] ?? TemplateOutline("")
        let budget = RenderBudget(outline: outline, maxBytes: maxBytes)
        let text = templates[name]!.render(trusted.contains(name) ? view : BoundedView(value: view, budget: budget))
        let reason = budget.exceeded ?? (text.utf8.count > maxBytes ? "renders more than \(maxBytes / 1_048_576) MiB" : nil)
        guard let reason else { return text }
        let file = URL(fileURLWithPath: directory).appendingPathComponent(name + ".mustache").path
        throw InputError(
            "template \(reason); stopped", at: SourceLocation(file: file, line: outline.deepestLine),
            fix:
                "render fewer lists inside one another (the output is bounded at \(maxBytes / 1_048_576) MiB and \(Int(RenderBudget.maxSeconds)) s a file)"
        )
    }

    /// `--templates`, `$NINES_TEMPLATES`, a `Templates` folder beside the catalog, one in the
    /// repository (looking up from the current folder and the executable), then the installed
    /// `share/nines/Templates`; the folder beside the catalog when none of them exists.
    public static func find(explicit: String?, catalog: Catalog) -> ResourceFolder {
        if let explicit { return ResourceFolder(URL(fileURLWithPath: explicit), origin: .option) }
        if let env = ProcessInfo.processInfo.environment["NINES_TEMPLATES"], !env.isEmpty {
            return ResourceFolder(URL(fileURLWithPath: env), origin: .environment("NINES_TEMPLATES"))
        }
        let beside = URL(fileURLWithPath: catalog.directory).deletingLastPathComponent().appendingPathComponent("Templates")
        let marker = "report.md.mustache"
        if FileManager.default.fileExists(atPath: beside.appendingPathComponent(marker).path) {
            return ResourceFolder(beside, origin: .besideCatalog)
        }
        if let found = ResourceFolder.lookUp("Templates", holding: marker, from: ResourceFolder.repositoryStarts(near: [])) {
            return ResourceFolder(found, origin: .repository)
        }
        if let share = ResourceFolder.installedShare?.appendingPathComponent("Templates"),
            FileManager.default.fileExists(atPath: share.appendingPathComponent(marker).path)
        {
            return ResourceFolder(share, origin: .installation)
        }
        return ResourceFolder(beside, origin: .besideCatalog)
    }

    /// The templates folder's URL as `find` chooses it.
    public static func locate(explicit: String?, catalog: Catalog) -> URL {
        find(explicit: explicit, catalog: catalog).url
    }
}
