import Foundation
import Testing

@testable import NinesKit

/// deploy.sh builds the configuration cib.xml states: run with Debian's `pcs -f` against an
/// empty CIB (`cibadmin --empty`), checked with `crm_verify`, its resources, operations and
/// constraints compared with cib.xml's. Skipped, naming the packages, where they are missing.
@Suite(.serialized) struct PacemakerScriptTests {
    static let tools = ["pcs", "cibadmin", "crm_verify"]
    static let packages: Comment = "needs pcs (Debian's pcs) and cibadmin, crm_verify (pacemaker-cli-utils)"

    /// The configuration as a set of comparable lines: properties, resources with their
    /// attributes, the operations cib.xml sets, constraints (ids included).
    struct Configuration: Equatable {
        var lines: Set<String> = []
        var operations: Set<String> = []

        init(_ data: Data) throws {
            let root = try XMLNode.parse(XMLPullReader(data: data, source: "cib.xml"))
            let configuration = try #require(root.child("configuration"))
            for nv in configuration.child("crm_config")?.descendants("nvpair") ?? [] where nv.attributes["name"] != "cluster-name" {
                lines.insert("property \(nv.attributes["name"] ?? "")=\(nv.attributes["value"] ?? "")")
            }
            let resources = try #require(configuration.child("resources"))
            for clone in resources.descendants("clone") {
                let child = clone.child("primitive")?.attributes["id"] ?? ""
                lines.insert("clone \(clone.attributes["id"] ?? "") of \(child)")
                for nv in clone.child("meta_attributes")?.children("nvpair") ?? [] {
                    lines.insert("meta \(clone.attributes["id"] ?? "") \(Self.nv(nv))")
                }
            }
            for primitive in resources.descendants("primitive") {
                let id = primitive.attributes["id"] ?? ""
                let a = primitive.attributes
                lines.insert("primitive \(id) \(a["class"] ?? ""):\(a["provider"] ?? ""):\(a["type"] ?? "")")
                for nv in primitive.child("instance_attributes")?.children("nvpair") ?? [] { lines.insert("attr \(id) \(Self.nv(nv))") }
                for nv in primitive.child("meta_attributes")?.children("nvpair") ?? [] { lines.insert("meta \(id) \(Self.nv(nv))") }
                for op in primitive.child("operations")?.children("op") ?? [] {
                    let o = op.attributes
                    operations.insert("op \(id) \(o["name"] ?? "") \(o["interval"] ?? "") \(o["role"] ?? "-") \(o["timeout"] ?? "")")
                }
            }
            let constraints = try #require(configuration.child("constraints"))
            for c in constraints.children {
                let a = c.attributes
                switch c.name {
                case "rsc_colocation":
                    lines.insert(
                        "colocation \(a["id"] ?? "") \(a["rsc"] ?? "") with \(a["with-rsc"] ?? "") \(a["with-rsc-role"] ?? "") \(a["score"] ?? "")"
                    )
                case "rsc_order":
                    lines.insert(
                        "order \(a["id"] ?? "") \(a["first-action"] ?? "") \(a["first"] ?? "") then \(a["then-action"] ?? "") \(a["then"] ?? "")"
                    )
                case "rsc_location": lines.insert("location \(a["id"] ?? "") \(a["rsc"] ?? "") \(a["node"] ?? "") \(a["score"] ?? "")")
                default: lines.insert("constraint \(c.name)")
                }
            }
        }

        static func nv(_ node: XMLNode) -> String { "\(node.attributes["name"] ?? "")=\(node.attributes["value"] ?? "")" }
    }

    /// Runs deploy.sh against an empty CIB in `folder`; returns the CIB it built.
    static func stage(_ script: URL, in folder: URL) throws -> Data {
        let staged = folder.appendingPathComponent("staged.xml")
        let empty = try ManifestValidatorTests.run("cibadmin", ["--empty"])
        try #require(empty.status == 0, "cibadmin --empty: \(empty.output)")
        try Data(empty.output.utf8).write(to: staged)
        let result = try ManifestValidatorTests.run("sh", [script.path, staged.path])
        try #require(result.status == 0, "deploy.sh: \(result.output)")
        let verify = try ManifestValidatorTests.run("crm_verify", ["--xml-file", staged.path])
        #expect(verify.status == 0 && !verify.output.contains("error"), "crm_verify on what deploy.sh built: \(verify.output)")
        return try Data(contentsOf: staged)
    }

    /// deploy.sh and cib.xml of a pair agree: the same resources, attributes, constraints, and
    /// every operation cib.xml sets is in what pcs built, with its timeout.
    static func expectAgreement(cib: Data, staged: Data) throws {
        let expected = try Configuration(cib)
        let built = try Configuration(staged)
        #expect(expected.lines.subtracting(built.lines).sorted() == [], "in cib.xml, not built by deploy.sh")
        #expect(built.lines.subtracting(expected.lines).sorted() == [], "built by deploy.sh, not in cib.xml")
        #expect(expected.operations.subtracting(built.operations).sorted() == [], "operations of cib.xml deploy.sh does not set")
    }

    /// Both modes, with names the shell must quote.
    @Test(.enabled(if: ExternalTool.enabled(tools), packages), arguments: [true, false])
    func scriptBuildsTheCIB(liveMigration: Bool) throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let nodes = [PacemakerCIB.Node(name: "kvm-07-a", ipmi: "10.21.0.14"), PacemakerCIB.Node(name: "kvm-07-b", ipmi: "10.21.0.15")]
        let vms = ["erp-db01", "web_02"].map { PacemakerCIB.VM(id: $0, resource: "\($0)-disk0", config: "/etc/libvirt/qemu/\($0).xml") }
        let script = folder.appendingPathComponent("deploy.sh")
        try Data(PacemakerScript.text(nodes: nodes, vms: vms, liveMigration: liveMigration).utf8).write(to: script)
        let staged = try Self.stage(script, in: folder)
        try Self.expectAgreement(cib: PacemakerCIB.xml(nodes: nodes, vms: vms, liveMigration: liveMigration), staged: staged)
        let text = String(decoding: PacemakerCIB.xml(nodes: nodes, vms: vms, liveMigration: liveMigration), as: UTF8.self)
        #expect(text.contains("name=\"allow-migrate\" value=\"\(liveMigration)\""))
        #expect(text.contains("name=\"promoted-max\" value=\"\(liveMigration ? 2 : 1)\""))
    }

    /// The sample's first Pacemaker pair as `nines plan` writes it.
    @Test(.enabled(if: ExternalTool.enabled(tools), packages))
    func samplePairScriptBuildsItsCIB() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("manifests")
        _ = try Pipeline.manifests(
            Pipeline.Options(
                engagement: TestPaths.acme.path, catalog: TestPaths.catalog.path, templates: TestPaths.templates.path, output: out.path))
        let pair = out.appendingPathComponent("alternatives/pacemaker-drbd/pair-01")
        let staged = try Self.stage(pair.appendingPathComponent("deploy.sh"), in: folder)
        try Self.expectAgreement(cib: Data(contentsOf: pair.appendingPathComponent("cib.xml")), staged: staged)
        let resource = try FileManager.default.contentsOfDirectory(atPath: pair.appendingPathComponent("drbd").path).sorted().first
        let res = try String(contentsOf: pair.appendingPathComponent("drbd/\(try #require(resource))"), encoding: .utf8)
        #expect(res.contains("allow-two-primaries yes;"), "the catalog asks for live migration: dual-primary DRBD")
    }
}
