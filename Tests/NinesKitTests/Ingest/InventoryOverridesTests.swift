import Foundation
import Testing

@testable import NinesKit

/// overrides.csv: decisions kept beside the inventory, applied at every load and listed in
/// the report; each bad line an error at its line.
@Suite struct InventoryOverridesTests {
    static let overrides = """
        vm,action,value,reason
        print01,exclude,,decommissioned in June
        jumpbox01,application,Remote Access,the admins' way in
        lyon-fs01,site,hq,moved to the head office
        erp-web01,tier,ft,the customer asked for FT

        """

    static func engagement(overrides text: String) throws -> URL {
        let folder = try TestPaths.acmeCopy()
        try text.write(to: folder.appendingPathComponent("overrides.csv"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func overridesExcludeAndRemapAtPlanTime() throws {
        let folder = try Self.engagement(overrides: Self.overrides)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let options = Pipeline.Options(engagement: folder.path, catalog: TestPaths.catalog.path, trials: 0)
        let assessment = try Pipeline.assess(options)
        let vms = Dictionary(uniqueKeysWithValues: assessment.engagement.workloads.map { ($0.name, $0) })
        #expect(vms["print01"] == nil)
        #expect(vms["jumpbox01"]?.application == "Remote Access")
        #expect(vms["lyon-fs01"]?.site == "hq")
        #expect(vms["erp-web01"]?.pinnedTier == TierID(.ft))
        #expect(assessment.engagement.overrides.map(\.location.line) == [2, 3, 4, 5])
        let report = try TemplateSet.load(from: TestPaths.templates).render("report.md", ReportView(assessment))
        #expect(report.contains("## Decisions after import"))
        #expect(report.contains("- exclude print01 — decommissioned in June (line 2)"))
        #expect(report.contains("- erp-web01: tier ft — the customer asked for FT (line 5)"))
    }

    @Test func badLinesAreErrorsAtTheirLine() throws {
        let folder = try Self.engagement(
            overrides: """
                vm,action,value,reason
                prnt01,exclude,,gone
                print01,exclude,,
                dc01,tier,platinum,
                dc01,application,Nope,
                dc01,site,mars,
                dc01,rename,x,
                fs01,tier,ha,
                fs01,tier,ft,second thoughts

                """)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let error = #expect(throws: InputError.self) {
            try Pipeline.assess(Pipeline.Options(engagement: folder.path, catalog: TestPaths.catalog.path, trials: 0))
        }
        let errors = (error?.diagnostics ?? []).filter { $0.location.file.hasSuffix("overrides.csv") }
        #expect(errors.map(\.location.line) == [2, 3, 4, 5, 6, 7, 9])
        #expect(errors.first?.fix == "did you mean 'print01'?")
        #expect(errors[1].message.contains("needs a 'reason'"))
        #expect(errors.last?.message.contains("second 'tier' override (first on line 8)") == true)
    }

    /// The import summary's counts per rule: the VMs whose application or site each rule set.
    @Test func mappingRulesCountTheirVMs() throws {
        func vm(_ name: String, folder: String) -> ImportedVM {
            var vm = ImportedVM(
                name: name, vcpus: 1, memoryGiB: 1, diskGiB: 1, os: "", poweredOn: true, location: SourceLocation(file: "x"))
            vm.folder = folder
            return vm
        }
        let location = SourceLocation(file: "engagement.yaml", line: 1)
        let rules = MappingRules(rules: [
            .init(match: "folder", pattern: "^/ERP", application: "ERP", site: nil, location: location, regex: try Regex("^/ERP")),
            .init(match: "name", pattern: "^erp", application: "Other", site: "hq", location: location, regex: try Regex("^erp")),
            .init(match: "name", pattern: "^zzz", application: "Z", site: nil, location: location, regex: try Regex("^zzz")),
        ])
        let (workloads, unmapped, matched) = rules.workloads(from: [
            vm("erp1", folder: "/ERP"), vm("erp2", folder: "/x"), vm("web", folder: "/x"),
        ])
        #expect(workloads.map(\.application) == ["ERP", "Other", "web"])
        #expect(matched == [1, 2, 0])
        #expect(unmapped == ["web"])
    }
}
