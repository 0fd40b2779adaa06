import Foundation

/// Renders a plan into the files of its output folder: the reports, plan.json, the CSV files
/// and the manifests.
public struct PlanRenderer: Sendable {
    public var templates: TemplateSet

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    public func files(for plan: Plan) throws -> [String: Data] {
        var files: [String: Data] = [:]
        files["plan.json"] = try PlanDocument(plan).json()
        let view = ReportView(plan)
        files["report.md"] = Data(templates.render("report.md", view).utf8)
        files["report.html"] = Data(templates.render("report.html", view).utf8)
        for (name, text) in SpreadsheetExport.files(plan) { files[name] = Data(text.utf8) }
        for (path, text) in try ManifestRenderer(templates: templates).files(for: plan) { files[path] = Data(text.utf8) }
        return files
    }

    /// Only the manifests (for `nines manifests`), relative to the manifests folder.
    public func manifests(for plan: Plan) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for (path, text) in try ManifestRenderer(templates: templates).files(for: plan) {
            files[String(path.dropFirst("manifests/".count))] = Data(text.utf8)
        }
        return files
    }
}
