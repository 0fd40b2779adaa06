import Foundation
import Testing

@testable import NinesKit

@Suite(.serialized) struct RobustOutputTests {
    /// The `nines` executable built beside the tests (.ci/run builds it before `swift test`).
    static let binary = TestPaths.root.appendingPathComponent(".build/debug/nines")

    static func digest(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            let url = folder.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { result[path] = try Data(contentsOf: url) }
        }
        return result
    }

    /// `kill -9` at several moments of a run that writes thousands of files: the output folder
    /// is always either the previous output, whole, or the new one, whole.
    @Test(.enabled(if: NinesExecutable.enabled, NinesExecutable.needed))
    func killDuringPlanLeavesAWholeOutput() throws {
        let work = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let engagement = try TestPaths.bigEngagement(in: work)
        let out = work.appendingPathComponent("out")
        func run() throws -> Process {
            let process = Process()
            process.executableURL = Self.binary
            process.arguments = [
                "plan", engagement.path, "--out", out.path, "--no-record", "--trials", "0", "--catalog", TestPaths.catalog.path,
                "--templates", TestPaths.templates.path,
            ]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        let first = try run()
        let started = Date()
        first.waitUntilExit()
        let duration = Date().timeIntervalSince(started)
        #expect(first.terminationStatus == 0)
        let previous = try Self.digest(out)
        #expect(previous.count > 1000)
        for fraction in [0.2, 0.5, 0.8, 0.9, 0.97] {
            let process = try run()
            Thread.sleep(forTimeInterval: duration * fraction)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try Self.digest(out)
            #expect(now == previous, "after kill -9 at \(Int(fraction * 100))% the output folder is not the previous one, whole")
        }
        // The next run cleans what the killed ones left beside the folder.
        let last = try run()
        last.waitUntilExit()
        let siblings = try FileManager.default.contentsOfDirectory(atPath: work.path).sorted()
        #expect(siblings == ["big", "out"])
    }

    /// Two runs are byte-identical; another seed changes only the simulated figures.
    @Test func otherSeedChangesOnlyTheSimulation() throws {
        func render(seed: UInt64) throws -> [String: Data] {
            let plan = try Pipeline.assess(
                Pipeline.Options(engagement: TestPaths.acme.path, catalog: TestPaths.catalog.path, trials: 2000, seed: seed))
            return try PlanRenderer(templates: TemplateSet.load(from: TestPaths.templates)).files(for: plan)
        }
        let one = try render(seed: 1)
        #expect(try render(seed: 1) == one)
        let two = try render(seed: 2)
        #expect(Set(one.keys) == Set(two.keys))
        var differing: [String] = []
        for (path, data) in one where two[path] != data { differing.append(path) }
        #expect(Set(differing).isSubset(of: ["plan.json", "report.md", "report.html", "applications.csv"]), "\(differing)")
        func withoutRisk(_ data: Data) throws -> NSDictionary {
            var object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
            object["risk"] = nil
            return object as NSDictionary
        }
        #expect(try withoutRisk(one["plan.json"]!) == withoutRisk(two["plan.json"]!))
        #expect(one["plan.json"] != two["plan.json"])
    }
}
