import Foundation

/// Paths into the repository, found from this file's location so tests run from any folder.
enum TestPaths {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let catalog = root.appendingPathComponent("Catalog")
    static let templates = root.appendingPathComponent("Templates")
    static let acme = catalog.appendingPathComponent("examples/acme")
    static let fixtures = root.appendingPathComponent("Tests/NinesKitTests/Fixtures")

    /// A fresh temporary folder, removed by the caller with `cleanUp`.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nines-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The sample with its inventory copied 31 times (1,550 VMs) as `big/` in `folder`: enough
    /// files that writing the output takes a while (for the kill and interrupt tests).
    static func bigEngagement(in folder: URL) throws -> URL {
        let engagement = folder.appendingPathComponent("big")
        try FileManager.default.copyItem(at: acme, to: engagement)
        var inventory = try String(contentsOf: engagement.appendingPathComponent("inventory.csv"), encoding: .utf8)
        let rows = inventory.split(separator: "\n").dropFirst()
        for copy in 1...30 { inventory += rows.map { "c\(copy)-" + $0 }.joined(separator: "\n") + "\n" }
        try inventory.write(to: engagement.appendingPathComponent("inventory.csv"), atomically: true, encoding: .utf8)
        return engagement
    }

    /// Copies the acme sample into a temporary folder, applying `edits` (file → (old, new)).
    static func acmeCopy(edits: [(file: String, old: String, new: String)] = []) throws -> URL {
        let folder = try temporaryFolder().appendingPathComponent("acme")
        try FileManager.default.copyItem(at: acme, to: folder)
        for edit in edits {
            let url = folder.appendingPathComponent(edit.file)
            let text = try String(contentsOf: url, encoding: .utf8)
            precondition(text.contains(edit.old), "fixture edit not applicable: \(edit.old)")
            try text.replacingOccurrences(of: edit.old, with: edit.new).write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// The sample with three impact ranges (ERP's and MES's revenue per hour, MES's cost per
    /// incident) and an outage record over 2024–2025 (`Fixtures/uncertainty/incidents.csv`).
    static func uncertainAcmeCopy() throws -> URL {
        let folder = try acmeCopy(edits: [
            ("applications.yaml", "revenue_per_hour: 40000\n", "revenue_per_hour: {low: 20000, likely: 40000, high: 90000}\n"),
            ("applications.yaml", "revenue_per_hour: 90000 ", "revenue_per_hour: {low: 40000, likely: 90000, high: 200000} "),
            ("applications.yaml", "per_incident: 25000 ", "per_incident: 10000..25000..60000 "),
            (
                "engagement.yaml", "applications: applications.yaml\n",
                "applications: applications.yaml\nincident_history: {file: incidents.csv, from: 2024-01-01, to: 2025-12-31}\n"
            ),
        ])
        try FileManager.default.copyItem(
            at: fixtures.appendingPathComponent("uncertainty/incidents.csv"), to: folder.appendingPathComponent("incidents.csv"))
        return folder
    }
}
