import Foundation
import Testing

@testable import NinesKit

@Suite struct BootOrderTests {
    /// By hand: A depends on nothing (wave 1), B on A (2), C on B and A (3), D on C (4), E on
    /// nothing (1).
    @Test func wavesFollowTheLatestDependency() {
        func app(_ name: String, _ deps: [String]) -> Application {
            var application = TinyEngagement.app(name)
            application.dependsOn = deps
            return application
        }
        let waves = BootOrder.waves([app("D", ["C"]), app("C", ["B", "A"]), app("B", ["A"]), app("A", []), app("E", [])])
        #expect(waves == ["A": 1, "B": 2, "C": 3, "D": 4, "E": 1])
    }

    /// On the sample, the same waves as the recursive definition (1 + the deepest dependency).
    @Test func sampleMatchesTheRecursiveDefinition() throws {
        let loaded = try EngagementLoader.load(TestPaths.acme.path, catalogPath: TestPaths.catalog.path)
        let applications = loaded.engagement.applications
        let byName = Dictionary(uniqueKeysWithValues: applications.map { ($0.name, $0) })
        func level(_ name: String) -> Int { 1 + ((byName[name]?.dependsOn ?? []).map(level).max() ?? 0) }
        let waves = BootOrder.waves(applications)
        for app in applications { #expect(waves[app.name] == level(app.name), "\(app.name)") }
        #expect(waves.values.max()! >= 2)
    }

    /// 10,000 applications in a chain: linear, no recursion.
    @Test func longChainIsLinear() {
        let apps = (0..<10_000).map { i -> Application in
            var application = TinyEngagement.app("app\(i)")
            application.dependsOn = i == 0 ? [] : ["app\(i - 1)"]
            return application
        }
        #expect(BootOrder.waves(apps)["app9999"] == 10_000)
    }
}
