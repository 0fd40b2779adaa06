import Foundation

/// Renders a plan into the files of its output folder: plan.json, report.md, the CSV files
/// and one manifests/pair-NN/pair.yaml per pair.
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
        for pair in plan.packing.pairs {
            files["manifests/\(pair.id)/pair.yaml"] = Data(try PairManifest.yaml(pair, plan: plan).utf8)
        }
        return files
    }
}
