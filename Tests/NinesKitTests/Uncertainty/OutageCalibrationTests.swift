import Foundation
import Testing

@testable import NinesKit

/// Today's figures against the customer's outage record (`OutageCalibration`), on the sample
/// with `Fixtures/uncertainty/incidents.csv`: 2024-01-01 to 2025-12-31 is 731 days, T =
/// 731/365 = 2.00274 years; ERP has three unplanned outages (108, 25 and 155 minutes: one row
/// names its VM erp-db01) and a planned one, MES one of 50 minutes (+01:00), Email one of 45.
@Suite struct OutageCalibrationTests {
    static func assess() throws -> (Assessment, URL) {
        let folder = try TestPaths.uncertainAcmeCopy()
        var options = Pipeline.Options(engagement: folder.path, catalog: TestPaths.catalog.path, trials: 0)
        options.samples = 200
        return (try Pipeline.assess(options), folder)
    }

    /// The conjugate update by hand: with the prior's weight w = 2 years, λ = (w·λₘ + n)/(w + T).
    /// Every application moves from the model toward the record, and no further than it.
    @Test func todayMovesTowardTheRecord() throws {
        let (assessment, folder) = try Self.assess()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let c = try #require(assessment.plan.calibration)
        let years = 731.0 / 365
        #expect(abs(c.years - years) < 1e-9)
        let counts = ["ERP": 3, "MES": 1, "Email": 1]
        let minutes = ["ERP": 288.0, "MES": 50, "Email": 45]
        for a in c.applications {
            let n = Double(counts[a.application] ?? 0)
            #expect(a.observedCount == counts[a.application] ?? 0)
            #expect(abs(a.observedMinutes - (minutes[a.application] ?? 0) / years) < 1e-6)
            guard a.modelledIncidents > 0 else { continue }
            let posterior = (2 * a.modelledIncidents + n) / (2 + years)
            #expect(abs(a.calibratedIncidents - posterior) < 1e-9 * max(1, posterior))
            let observed = n / years
            #expect(min(observed, a.modelledIncidents) <= a.calibratedIncidents + 1e-12)
            #expect(a.calibratedIncidents <= max(observed, a.modelledIncidents) + 1e-12)
            // Here every application and everything it depends on had fewer outages recorded than
            // modelled, so today's cost falls for all.
            #expect(observed < a.modelledIncidents)
            #expect(a.costCalibrated <= a.costModelled + 1e-9)
        }
        // The factor applies to every tier: an application whose tier does not change (a SaaS
        // one, or one kept on backup) and that depends on nothing has the same figures today
        // and planned — CRM, Microsoft 365, Branch Files among them.
        var unchanged = 0
        for d in assessment.decisions
        where d.chosen.tier == d.current.tier && !(d.chosen.tier?.local.runsOnPair ?? false) && d.application.dependsOn.isEmpty {
            #expect(abs(d.service.totalCost - d.currentService.totalCost) < 1e-9 * max(1, d.service.totalCost), "\(d.application.name)")
            unchanged += 1
        }
        #expect(unchanged >= 3)
        // The recorded outages priced at ERP's impact model: 108, 25 and 155 minutes.
        let impact = try #require(assessment.decision(for: "ERP")).application.impact
        let priced = [108.0, 25, 155].reduce(0) { $0 + impact.outageCost(duration: TimeSpan(seconds: $1 * 60)) } / years
        #expect(abs((c.application("ERP")?.observedCost ?? 0) - priced) < 1e-6)
        let erp = try #require(c.application("ERP"))
        #expect(erp.plannedCount == 1)
        // One figure: today's exposure everywhere is the calibrated one.
        let calibrated = c.applications.reduce(0) { $0 + $1.costCalibrated }
        #expect(abs(assessment.plan.exposureBefore - calibrated) < 1e-6 * calibrated)
        #expect(abs(assessment.figures.exposureBefore - calibrated) < 1e-6 * calibrated)
    }

    /// plan.json carries the record per application, written as one JSONEncoder pass would.
    @Test func planJSONCarriesModelledObservedAndCalibrated() throws {
        let (assessment, folder) = try Self.assess()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let document = PlanDocument(assessment)
        #expect(try document.json() == JSONOutput.data(document))
        let json = try #require(try JSONSerialization.jsonObject(with: document.json()) as? [String: Any])
        let apps = try #require(json["applications"] as? [[String: Any]])
        let erp = try #require(apps.first { $0["name"] as? String == "ERP" })
        let observed = try #require(erp["observed"] as? [String: Any])
        #expect(observed["incidents"] as? Int == 3)
        #expect(abs((observed["incidents_per_year"] as? Double ?? 0) - 3 / (731.0 / 365)) < 1e-5)
        #expect(erp["calibrated"] != nil && erp["modelled"] != nil)
        #expect(erp["tier_probabilities"] != nil && erp["decision_confidence"] != nil)
        #expect((json["calibration"] as? [String: Any])?["from"] as? String == "2024-01-01")
        #expect((json["calibration"] as? [String: Any])?["to"] as? String == "2025-12-31")
    }

    /// A broken record: every bad row reported in one pass at its line, nothing planned.
    @Test func badRowsAreReportedAtTheirLines() throws {
        let folder = try TestPaths.uncertainAcmeCopy()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try """
        application,start,end,cause,planned
        ERP,2024-02-12T09:14:00Z,2024-02-12T11:02:00Z,ok,false
        Payrol,2024-03-01T10:00:00Z,2024-03-01T11:00:00Z,typo,false
        MES,yesterday,2024-03-01T11:00:00Z,bad time,false
        Email,2024-03-02T11:00:00Z,2024-03-02T10:00:00Z,reversed,false
        CRM,2024-03-03T10:00:00Z,2024-03-03T11:00:00Z,bad flag,maybe
        ERP,2019-03-03T10:00:00Z,2019-03-03T11:00:00Z,too early,false
        """.write(to: folder.appendingPathComponent("incidents.csv"), atomically: true, encoding: .utf8)
        #expect {
            _ = try EngagementLoader.load(folder.path, catalogPath: TestPaths.catalog.path)
        } throws: { error in
            guard let error = error as? InputError else { return false }
            let lines = error.diagnostics.filter { $0.severity == .error }.map(\.location.line)
            let text = error.diagnostics.map { "\($0.location.line): \($0.message) \($0.fix ?? "")" }.joined(separator: "\n")
            return lines == [3, 4, 5, 6] && text.contains("3: the incident names 'Payrol'") && text.contains("did you mean 'Payroll'?")
                && text.contains("4: 'start' is 'yesterday'") && text.contains("5: the incident ends")
                && text.contains("6: 'planned' is 'maybe'")
                && text.contains("7: the incident of ERP at 2019-03-03T10:00:00Z is outside the record's period")
        }
    }

    /// engagement.yaml's `incident_history:` refused at its line: a file outside the engagement
    /// folder (by path or through a symbolic link), a missing file, a day that does not exist,
    /// a period that ends before it starts, an unknown key.
    @Test(arguments: [
        ("{file: ../outside.csv, from: 2024-01-01, to: 2025-12-31}", "must be a path inside the engagement folder"),
        ("{file: link.csv, from: 2024-01-01, to: 2025-12-31}", "leads outside the engagement folder through the symbolic link"),
        ("{file: none.csv, from: 2024-01-01, to: 2025-12-31}", "the incident history 'none.csv' does not exist"),
        ("{file: incidents.csv, from: 2024-02-30, to: 2025-12-31}", "'incident_history.from' is '2024-02-30', not a calendar date"),
        ("{file: incidents.csv, from: 2025-01-01, to: 2024-12-31}", "'incident_history' ends before it starts"),
        ("{file: incidents.csv, from: 2024-01-01, to: 2025-12-31, weight: 2}", "weight"),
    ])
    func badHistorySettingsAreRefused(setting: String, message: String) throws {
        let folder = try TestPaths.uncertainAcmeCopy()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let outside = folder.deletingLastPathComponent().appendingPathComponent("outside.csv")
        try "application,start,end,cause,planned\n".write(to: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("link.csv"), withDestinationURL: outside)
        let url = folder.appendingPathComponent("engagement.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        try text.replacingOccurrences(
            of: "incident_history: {file: incidents.csv, from: 2024-01-01, to: 2025-12-31}", with: "incident_history: \(setting)"
        ).write(to: url, atomically: true, encoding: .utf8)
        #expect {
            _ = try EngagementLoader.load(folder.path, catalogPath: TestPaths.catalog.path)
        } throws: { error in
            guard let error = error as? InputError else { return false }
            return error.diagnostics.contains {
                $0.severity == .error && $0.location.file.hasSuffix("engagement.yaml") && $0.location.line > 1
                    && $0.message.contains(message)
            }
        }
    }
}
