import Foundation
import Testing

@testable import NinesKit

/// Bad-input cases, each a small edit of the sample engagement paired with the errors it must
/// produce. The expected line is found by searching the edited file for a marker text, so each
/// case says *where* in the input the error is, not a line number copied from the output.
@Suite struct InvalidEngagementTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var edits: [(file: String, old: String, new: String)]
        /// (file, marker text on the expected line — or nil for line 1 —, message fragment)
        var expected: [(file: String, marker: String?, message: String)]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "duplicate VM and negative memory",
            edits: [
                ("inventory.csv", "erp-app02,ERP,4,32", "erp-app01,ERP,4,32"),
                ("inventory.csv", "erp-web01,ERP,2,8,60", "erp-web01,ERP,2,-16,60"),
            ],
            expected: [
                (
                    "inventory.csv", "erp-app01,ERP,4,32,120,Windows Server 2022,hq,poweredOn,\nerp-app03",
                    "duplicate VM name 'erp-app01' (first on line 3)"
                ),
                ("inventory.csv", "erp-web01,ERP,2,-16", "'memory_gib' is -16 GiB"),
            ]),
        Case(
            name: "unknown and missing column",
            edits: [("inventory.csv", "site,power_state,tier", "site,powerstate,tier")],
            expected: [
                ("inventory.csv", nil, "unknown column 'powerstate'"), ("inventory.csv", nil, "missing column 'power_state'"),
            ]),
        Case(
            name: "non-numeric vCPUs and a fractional one",
            edits: [
                ("inventory.csv", "dc01,Active Directory,2,", "dc01,Active Directory,two,"),
                ("inventory.csv", "dc02,Active Directory,2,", "dc02,Active Directory,2.5,"),
            ],
            expected: [
                ("inventory.csv", "dc01,", "'vcpus' must be a number, not 'two'"),
                ("inventory.csv", "dc02,", "'vcpus' is 2.5; it must be a whole number"),
            ]),
        Case(
            name: "unknown dependency",
            edits: [("applications.yaml", "depends_on: [Active Directory, Shared SQL]", "depends_on: [Active Directory, Shared SQLL]")],
            expected: [("applications.yaml", "- name: ERP", "depends on unknown application 'Shared SQLL' — did you mean 'Shared SQL'?")]),
        Case(
            name: "dependency cycle",
            edits: [
                (
                    "applications.yaml", "- name: Active Directory\n  business_unit: IT\n",
                    "- name: Active Directory\n  business_unit: IT\n  depends_on: [WMS]\n"
                )
            ],
            expected: [("applications.yaml", "- name: ERP", "dependency cycle: ERP → Active Directory → WMS → ERP")]),
        Case(
            name: "unknown platform and hardware",
            edits: [
                ("engagement.yaml", "platform: everrun-enterprise", "platform: everrun-enterprize"),
                ("engagement.yaml", "hardware: edge-1s-128", "hardware: edge-2s-128"),
            ],
            expected: [
                ("engagement.yaml", "platform: everrun-enterprize", "unknown platform 'everrun-enterprize'"),
                ("engagement.yaml", "- id: lyon", "unknown hardware profile 'edge-2s-128'"),
            ]),
        Case(
            name: "unknown pinned tier",
            edits: [
                (
                    "inventory.csv", "print01,Print Services,2,4,60,Windows Server 2022,hq,poweredOn,",
                    "print01,Print Services,2,4,60,Windows Server 2022,hq,poweredOn,gold"
                )
            ],
            expected: [("inventory.csv", "print01,", "unknown tier 'gold'")]),
        Case(
            name: "percentage out of range and unparseable duration",
            edits: [
                (
                    "applications.yaml",
                    "availability: 99.95\n    rto: 15m\n    rto_scope: hardware\n    rpo: 0s\n    service_hours: mon-sat",
                    "availability: 199.95\n    rto: 15m\n    rto_scope: hardware\n    rpo: 0s\n    service_hours: mon-sat"
                ),
                (
                    "applications.yaml",
                    "rto: 4h\n    rto_scope: hardware\n    rpo: 1h\n  impact:\n    users: 900\n    loaded_cost_per_user_hour: 50\n    productivity_loss: 0.1\n    data_loss_per_hour: 2000",
                    "rto: 4 fortnights\n    rto_scope: hardware\n    rpo: 1h\n  impact:\n    users: 900\n    loaded_cost_per_user_hour: 50\n    productivity_loss: 0.1\n    data_loss_per_hour: 2000"
                ),
            ],
            expected: [
                ("applications.yaml", "availability: 199.95", "'sla.availability' is 199.95%; it must be between 0 and 100%"),
                ("applications.yaml", "rto: 4 fortnights", "'sla.rto' is '4 fortnights', not a duration"),
            ]),
        Case(
            name: "mistyped keys",
            edits: [
                ("applications.yaml", "business_unit: Finance", "busines_unit: Finance"),
                ("engagement.yaml", "growth_headroom: 10", "growth_headroon: 10"),
            ],
            expected: [
                ("applications.yaml", "busines_unit: Finance", "unknown key 'busines_unit' in application — did you mean 'business_unit'?"),
                (
                    "engagement.yaml", "growth_headroon",
                    "unknown key 'growth_headroon' in engagement.yaml — did you mean 'growth_headroom'?"
                ),
            ]),
        Case(
            name: "VM at an undeclared site and of an undefined application",
            edits: [("inventory.csv", "vpn02,Remote Access,2,4,40,Ubuntu 22.04,dr,", "vpn02,Remote Acess,2,4,40,Ubuntu 22.04,paris,")],
            expected: [
                ("inventory.csv", "vpn02,", "VM 'vpn02' names site 'paris', which is not declared")
            ]),
        Case(
            name: "required_vms over the VMs mapped, and not a whole number",
            edits: [
                ("applications.yaml", "required_vms: 1\n  anti_affinity: true", "required_vms: 4\n  anti_affinity: true"),
                (
                    "applications.yaml", "business_unit: Communications\n  required_vms: 1\n",
                    "business_unit: Communications\n  required_vms: 1.5\n"
                ),
            ],
            expected: [
                ("applications.yaml", "- name: Active Directory", "'Active Directory' needs 4 VMs running ('required_vms') but has 3"),
                ("applications.yaml", "required_vms: 1.5", "'required_vms' is 1.5; it must be a whole number"),
            ]),
        Case(
            name: "unknown rto_scope and a noticeable_after that is not a duration",
            edits: [
                (
                    "applications.yaml", "availability: 99\n    rto: 1d\n    rpo: 24h",
                    "availability: 99\n    rto: 1d\n    rto_scope: sometimes\n    rpo: 24h"
                ),
                ("applications.yaml", "productivity_loss: 0.02\n", "productivity_loss: 0.02\n    noticeable_after: soon\n"),
            ],
            expected: [
                ("applications.yaml", "rto_scope: sometimes", "'sla.rto_scope' is 'sometimes'"),
                ("applications.yaml", "noticeable_after: soon", "'impact.noticeable_after' is 'soon', not a duration"),
            ]),
        Case(
            name: "invalid YAML",
            edits: [("engagement.yaml", "currency: USD", "currency: [USD")],
            expected: [("engagement.yaml", "platform:", "invalid YAML")]),
    ]

    @Test(arguments: cases)
    func reportsEveryProblemWithItsLine(_ testCase: Case) throws {
        let folder = try TestPaths.acmeCopy(edits: testCase.edits)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let error = try #require(throws: InputError.self) {
            try EngagementLoader.load(folder.path, catalogPath: TestPaths.catalog.path)
        }
        for expected in testCase.expected {
            let text = try String(contentsOf: folder.appendingPathComponent(expected.file), encoding: .utf8)
            let line =
                try expected.marker.map { marker in
                    let offset = try #require(text.range(of: marker), "marker not in \(expected.file): \(marker)")
                    return text[..<offset.lowerBound].filter { $0 == "\n" }.count + 1
                } ?? 1
            let match = error.diagnostics.first {
                $0.severity == .error && $0.location.file.hasSuffix(expected.file) && $0.description.contains(expected.message)
            }
            #expect(match != nil, "no error containing \"\(expected.message)\" in:\n\(error)")
            if let match, expected.file != "engagement.yaml" || expected.message != "invalid YAML" {
                #expect(match.location.line == line, "\(match) should be on line \(line)")
            }
        }
    }

    /// One indentation error in applications.yaml is one error: the VMs that name its
    /// applications are its consequences, not problems of their own (it gave 24 lines).
    @Test func anUnreadableApplicationsFileIsOneError() throws {
        let folder = try TestPaths.acmeCopy(edits: [
            ("applications.yaml", "  business_unit: Finance\n  sla:", "  business_unit: Finance\n sla:")
        ])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let error = try #require(throws: InputError.self) {
            try EngagementLoader.load(folder.path, catalogPath: TestPaths.catalog.path)
        }
        #expect(error.errorCount == 1, "\(error)")
        #expect(error.diagnostics.first { $0.severity == .error }?.description.contains("invalid YAML") == true)
    }

    /// The acceptance case: the input is rejected and nothing is written, and an
    /// earlier output folder is left as it was.
    @Test func invalidInputWritesNothing() throws {
        let folder = try TestPaths.acmeCopy(edits: [
            ("inventory.csv", "erp-app02,ERP,4,32", "erp-app01,ERP,4,32"),
            ("inventory.csv", "erp-web01,ERP,2,8,60", "erp-web01,ERP,2,-16,60"),
        ])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let out = folder.deletingLastPathComponent().appendingPathComponent("out")
        let options = Pipeline.Options(
            engagement: folder.path, catalog: TestPaths.catalog.path, templates: TestPaths.templates.path, output: out.path)
        #expect(throws: InputError.self) { try Pipeline.run(options) }
        #expect(!FileManager.default.fileExists(atPath: out.path))
        try OutputWriter(destination: out).write(["report.md": Data("previous".utf8)])
        #expect(throws: InputError.self) { try Pipeline.run(options) }
        #expect(try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8) == "previous")
        let siblings = try FileManager.default.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path)
        #expect(siblings.sorted() == ["acme", "out"])
    }

    @Test func missingEngagementIsAMissingInput() {
        #expect(throws: MissingInputError.self) { try EngagementLoader.load("/nonexistent/acme", catalogPath: TestPaths.catalog.path) }
    }

    @Test func pathsMustStayInsideTheEngagement() throws {
        let folder = try TestPaths.acmeCopy(edits: [("engagement.yaml", "inventory: inventory.csv", "inventory: ../../../etc/passwd")])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let error = try #require(throws: InputError.self) { try EngagementLoader.load(folder.path, catalogPath: TestPaths.catalog.path) }
        #expect(error.description.contains("must be a path inside the engagement folder"))
    }
}
