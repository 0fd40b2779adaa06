import Foundation

/// Renders a plan into the files of its output folder: the reports, plan.json, the CSV files,
/// plan.xlsx and the manifests.
public struct PlanRenderer: Sendable {
    public var templates: TemplateSet

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    /// Renders every file of the output folder into `sink`, the five kinds of output (plan.json,
    /// reports, CSV, the workbook, manifests) side by side, each file handed over as soon as it is rendered.
    public func render(_ assessment: Assessment, into sink: any OutputSink) throws {
        // Each decision's paragraph written once, for the report and plan.json.
        let explanations = DecisionText.explanations(assessment)
        try Parallel.sideBySide([
            { try ManifestRenderer(templates: templates).render(assessment, prefix: "manifests/", into: sink) },
            { try sink.put("plan.json", try PlanDocument(assessment, explanations: explanations).json()) },
            {
                let view = ReportView(assessment, explanations: explanations)
                try sink.put("report.md", text: try templates.render("report.md", view))
                try sink.put("report.html", text: try templates.render("report.html", view))
            },
            { for (name, text) in SpreadsheetExport.files(assessment) { try sink.put(name, text: text) } },
            { try sink.put(PlanWorkbook.fileName, try PlanWorkbook(assessment).data()) },
        ])
    }

    /// Every file of the output folder, in memory.
    public func files(for assessment: Assessment) throws -> [String: Data] {
        let collector = OutputCollector()
        try render(assessment, into: collector)
        return collector.files
    }

    /// Only the manifests (for `nines manifests`), relative to the manifests folder.
    public func renderManifests(_ assessment: Assessment, into sink: any OutputSink) throws {
        try ManifestRenderer(templates: templates).render(assessment, prefix: "", into: sink)
    }

    /// `renderManifests` in memory.
    public func manifests(for assessment: Assessment) throws -> [String: Data] {
        let collector = OutputCollector()
        try renderManifests(assessment, into: collector)
        return collector.files
    }
}
