import Foundation
import Testing

@testable import NinesKit

@Suite struct PipelineTests {
    /// The benchmark's rows come from `stageFinished`: every stage of `run`, once, in order,
    /// and the simulation's automatic trial count is the sample's full 20,000 years.
    @Test func reportsEveryStageOnce() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        final class Stages: @unchecked Sendable {
            let lock = NSLock()
            var names: [String] = []
        }
        let stages = Stages()
        var options = Pipeline.Options(
            engagement: TestPaths.acme.path, catalog: TestPaths.catalog.path, templates: TestPaths.templates.path,
            output: folder.appendingPathComponent("acme").path)
        options.database = folder.appendingPathComponent("nines.sqlite").path
        options.stageFinished = { name, seconds in
            #expect(seconds >= 0)
            stages.lock.withLock { stages.names.append(name) }
        }
        let (plan, _) = try Pipeline.run(options)
        #expect(
            stages.names == ["ingest", "tiers and pairs", "risk and TCO", "digests and history", "render and write", "record (SQLite)"])
        #expect(plan.risk?.trials == 20_000)
        #expect(plan.tco != nil)
    }
}
