import Foundation
import Testing

@testable import NinesKit

@Suite struct AssessmentStoreTests {
    static func samplePlan() throws -> Assessment {
        try Pipeline.assess(Pipeline.Options(engagement: TestPaths.acme.path, catalog: TestPaths.catalog.path, trials: 500))
    }

    @Test func roundTrip() throws {
        let store = try AssessmentStore(path: nil)
        let plan = try Self.samplePlan()
        let inputs = [InputDigest(path: "engagement.yaml", sha256: "abc", bytes: 10)]
        let id = try store.record(plan, inputs: inputs, catalog: [])
        let history = try store.history(engagement: "acme")
        #expect(history.map(\.id) == [id])
        let detail = try #require(try store.assessment(id))
        #expect(detail.row.vms == 50 && detail.row.pairs == plan.packing.pairs.count)
        #expect(abs(detail.row.exposureAfter - plan.figures.exposureAfter) < 1e-6)
        #expect(detail.applications.count == plan.decisions.count)
        #expect(detail.tco.count == plan.tco?.alternatives.count)
        #expect(detail.row.estateP90 == plan.risk?.estate.p90)
        #expect(try store.appliedMigrations() == ["v1-assessments", "v2-tco-and-risk", "v3-application-inputs"])
        #expect(detail.inputs.count == plan.decisions.count)
        #expect(detail.inputs.first { $0.name == "ERP" }?.availabilityPercent == 99.99)
        #expect(detail.files.map(\.path) == ["engagement.yaml"])
    }

    /// A database written by the first schema version is migrated in place and keeps its data.
    @Test func migratesAFirstVersionDatabase() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("nines.sqlite").path
        try FileManager.default.copyItem(atPath: TestPaths.fixtures.appendingPathComponent("store/v1.sqlite").path, toPath: path)
        let store = try AssessmentStore(path: path)
        #expect(try store.appliedMigrations() == ["v1-assessments", "v2-tco-and-risk", "v3-application-inputs"])
        let old = try #require(try store.history(engagement: "acme").first)
        #expect(old.assessmentYear == 2025 && old.estateP90 == nil)
        let newID = try store.record(try Self.samplePlan(), inputs: [], catalog: [])
        let comparison = AssessmentComparison(
            from: try #require(try store.assessment(old.id!)), to: try #require(try store.assessment(newID)))
        #expect(comparison.applicationsRemoved == ["Legacy CRM"])
        #expect(comparison.vmsRemoved == ["crm01"])
        #expect(comparison.tierMoves.contains { $0.application == "ERP" && $0.from == "ft" })
        #expect(ComparisonText.lines(comparison, currency: "USD").first?.contains("fell by") == true)
    }

    /// Two runs writing at once both succeed (WAL and a busy timeout).
    @Test func concurrentWritersBothSucceed() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("nines.sqlite").path
        let plan = try Self.samplePlan()
        _ = try AssessmentStore(path: path)
        let failures = Counter()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            do {
                let store = try AssessmentStore(path: path)
                for _ in 0..<5 { try store.record(plan, inputs: [], catalog: []) }
            } catch {
                _ = failures.increment()
            }
        }
        #expect(failures.increment() == 1, "a writer failed")
        #expect(try AssessmentStore(path: path).history().count == 10)
    }

    @Test func corruptFileIsLeftByteForByteUnchanged() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("nines.sqlite")
        var generator = SeededGenerator(seed: 9)
        let garbage = Data((0..<8192).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
        try garbage.write(to: url)
        let error = #expect(throws: StoreError.self) { try AssessmentStore(path: url.path) }
        #expect(error?.kind == .notADatabase)
        #expect(try Data(contentsOf: url) == garbage)
        // A damaged database (valid header, broken pages) is refused as well, and kept as it was.
        var damaged = try Data(contentsOf: TestPaths.fixtures.appendingPathComponent("store/v1.sqlite"))
        for index in 100..<min(damaged.count, 4000) { damaged[index] = 0xA5 }
        try damaged.write(to: url)
        #expect(throws: StoreError.self) { try AssessmentStore(path: url.path) }
        #expect(try Data(contentsOf: url) == damaged)
    }

    @Test func newerSchemaIsRefusedAndUnchanged() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("nines.sqlite")
        _ = try AssessmentStore(path: url.path)
        let store = try AssessmentStore(path: url.path)
        try store.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9-from-the-future')") }
        let before = try Data(contentsOf: url)
        let error = #expect(throws: StoreError.self) { try AssessmentStore(path: url.path) }
        #expect(error?.kind == .newerSchema)
        #expect(try Data(contentsOf: url) == before)
    }

    @Test func unwritableAndMissingDatabasesAreClearErrors() {
        let error = #expect(throws: StoreError.self) { try AssessmentStore(path: "/proc/nines/nines.sqlite") }
        #expect(error?.kind == .readOnly || error?.kind == .other)
        let missing = #expect(throws: StoreError.self) { try AssessmentStore(path: "/nonexistent/nines.sqlite", readOnly: true) }
        #expect(missing?.kind == .missing)
    }

    /// A re-run of the same inputs is compared with the last assessment of other inputs, so
    /// its report is byte-identical; changed inputs bring a "Since the last assessment" section.
    @Test func reportsSinceTheLastAssessment() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("nines.sqlite").path
        func run(_ engagement: URL, _ out: String) throws -> String {
            let options = Pipeline.Options(
                engagement: engagement.path, catalog: TestPaths.catalog.path, templates: TestPaths.templates.path,
                output: folder.appendingPathComponent(out).path, trials: 0)
            var withDB = options
            withDB.database = db
            _ = try Pipeline.run(withDB)
            return try String(contentsOf: folder.appendingPathComponent(out).appendingPathComponent("report.md"), encoding: .utf8)
        }
        let first = try run(TestPaths.acme, "one")
        let second = try run(TestPaths.acme, "two")
        #expect(first == second)
        #expect(!first.contains("Since the last assessment"))
        let changed = try TestPaths.acmeCopy(edits: [("inventory.csv", "print01,Print Services,2,4,", "print01,Print Services,2,8,")])
        defer { try? FileManager.default.removeItem(at: changed.deletingLastPathComponent()) }
        let third = try run(changed, "three")
        #expect(third.contains("## Since the last assessment"))
        // The cause beside the effects: the VM resized and the file that changed.
        #expect(third.contains("VM print01's memory 4 GiB → 8 GiB"), "\(third)")
        #expect(third.contains("inventory.csv edited"))
        #expect(try AssessmentStore(path: db).history(engagement: "acme").count == 3)
    }

    /// `compare` lists the causes beside the effects: an SLA target and an impact figure
    /// changed in applications.yaml, a VM resized in inventory.csv, each with its values.
    @Test func comparisonListsTheChangedInputs() throws {
        let before = try Self.samplePlan()
        let edited = try TestPaths.acmeCopy(edits: [
            ("applications.yaml", "revenue_per_hour: 40000", "revenue_per_hour: 50000"),
            ("inventory.csv", "print01,Print Services,2,4,", "print01,Print Services,4,4,"),
        ])
        defer { try? FileManager.default.removeItem(at: edited.deletingLastPathComponent()) }
        let after = try Pipeline.assess(Pipeline.Options(engagement: edited.path, catalog: TestPaths.catalog.path, trials: 0))
        let comparison = AssessmentComparison(
            from: AssessmentDetail(assessment: before, inputs: [], catalog: []),
            to: AssessmentDetail(assessment: after, inputs: [], catalog: []))
        let erp = InputChange(kind: .impact, subject: "ERP", field: "cost per hour", from: "47211.54", to: "57211.54")
        #expect(comparison.causes.contains(erp))
        #expect(comparison.causes.contains(InputChange(kind: .vm, subject: "print01", field: "vcpus", from: "2", to: "4")))
        #expect(!comparison.causes.contains { $0.kind == .sla || $0.kind == .catalog })
        let text = ComparisonText.lines(comparison, currency: "USD").joined(separator: "\n")
        #expect(text.contains("ERP's cost per hour 47211.54 → 57211.54"), "\(text)")
    }
}
