import Foundation
import Testing

@testable import NinesKit

/// Every manifest checked by the real validators from Debian (installed by .ci/run):
/// `virt-xml-validate FILE domain`, `drbdadm -c FILE dump all`, `crm_verify --xml-file FILE`.
/// Skipped, naming the packages, where they are not installed (never in CI: `ExternalTool`).
@Suite(.serialized) struct ManifestValidatorTests {
    static let validators = ["virt-xml-validate", "xmllint", "drbdadm", "crm_verify"]
    static let packages: Comment = "needs the validators from Debian's libvirt-clients, libxml2-utils, drbd-utils and pacemaker-cli-utils"

    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.environment = ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LC_ALL": "C"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Writes the manifests of an engagement and checks each with its validator.
    static func validate(_ engagement: URL) throws -> [String] {
        let out = try TestPaths.temporaryFolder().appendingPathComponent("manifests")
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        _ = try Pipeline.manifests(
            Pipeline.Options(
                engagement: engagement.path, catalog: TestPaths.catalog.path, templates: TestPaths.templates.path, output: out.path))
        let files = try FileManager.default.subpathsOfDirectory(atPath: out.path).sorted()
        // Nothing outside the folder, and every path made of generated identifiers.
        let siblings = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
        #expect(siblings == ["manifests"])
        for path in files { #expect(path.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./".contains($0)) }, "\(path)") }
        var failures: [String] = []
        var checked = (domains: 0, drbd: 0, cib: 0)
        for path in files {
            let file = out.appendingPathComponent(path).path
            if path.hasSuffix(".xml") && (path.contains("/vms/") || path.contains("/domains/")) {
                let result = try run("virt-xml-validate", [file, "domain"])
                if result.status != 0 { failures.append("\(path): \(result.output)") }
                checked.domains += 1
            } else if path.hasSuffix(".res") {
                let result = try run("drbdadm", ["-c", file, "dump", "all"])
                if result.status != 0 { failures.append("\(path): \(result.output)") }
                checked.drbd += 1
            } else if path.hasSuffix("cib.xml") {
                let result = try run("crm_verify", ["--xml-file", file])
                if result.status != 0 || result.output.contains("error") { failures.append("\(path): \(result.output)") }
                checked.cib += 1
            }
        }
        // All resources of one pair in one configuration: minors and ports must not clash.
        for pair in Set(files.filter { $0.hasSuffix(".res") }.map { String($0.split(separator: "/").prefix(3).joined(separator: "/")) }) {
            let combined = files.filter { $0.hasPrefix(pair + "/") && $0.hasSuffix(".res") }
                .map { (try? String(contentsOf: out.appendingPathComponent($0), encoding: .utf8)) ?? "" }.joined(separator: "\n")
            let file = out.deletingLastPathComponent().appendingPathComponent("combined.res")
            try combined.write(to: file, atomically: true, encoding: .utf8)
            let result = try run("drbdadm", ["-c", file.path, "dump", "all"])
            if result.status != 0 { failures.append("\(pair) (all resources together): \(result.output)") }
            try? FileManager.default.removeItem(at: file)
        }
        #expect(checked.domains > 0 && checked.drbd > 0 && checked.cib > 0, "validated \(checked)")
        return failures
    }

    @Test(.enabled(if: ExternalTool.enabled(validators), packages))
    func sampleManifestsPassTheValidators() throws {
        let failures = try Self.validate(TestPaths.acme)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// VM names with markup, quotes, `../`, spaces and non-ASCII still give valid manifests with
    /// unique, stable identifiers, and nothing is written outside the output folder.
    @Test(.enabled(if: ExternalTool.enabled(validators), packages))
    func hostileNamesStillValidate() throws {
        let folder = try TestPaths.acmeCopy(edits: [
            ("inventory.csv", "erp-app01,", "\"<b>erp</b> & \"\"app\"\"\","),
            ("inventory.csv", "erp-app02,", "../../etc/passwd,"),
            ("inventory.csv", "erp-app03,", "erp app 03,"),
            ("inventory.csv", "mes-app01,", "Größe-服务器,"),
            ("inventory.csv", "mes-app02,", "Größe 服务器,"),
            ("inventory.csv", "dc01,", "'; DROP TABLE vms;--,"),
        ])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let failures = try Self.validate(folder)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// A two-disk VM (`disks_gib` 200;1000) keeps both disks: two mirrored volumes in its pair,
    /// two virtio disks in its domains, one DRBD resource with two volumes; all validate.
    @Test(.enabled(if: ExternalTool.enabled(validators), packages))
    func twoDiskVMKeepsBothDisks() throws {
        let folder = try TestPaths.acmeCopy()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let url = folder.appendingPathComponent("inventory.csv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").enumerated().map { index, line in
            index == 0 ? line + ",disks_gib" : line.hasPrefix("erp-db01,") ? line + ",200;1000" : line + ","
        }
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        let failures = try Self.validate(folder)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        let out = try TestPaths.temporaryFolder().appendingPathComponent("manifests")
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        _ = try Pipeline.manifests(
            Pipeline.Options(
                engagement: folder.path, catalog: TestPaths.catalog.path, templates: TestPaths.templates.path, output: out.path))
        let files = try FileManager.default.subpathsOfDirectory(atPath: out.path)
        func text(_ suffix: String) throws -> String {
            let path = try #require(files.first { $0.hasSuffix(suffix) }, "\(suffix)")
            return try String(contentsOf: out.appendingPathComponent(path), encoding: .utf8)
        }
        let domain = try text("/vms/erp-db01.xml")
        #expect(domain.contains("/dev/mapper/erp-db01-disk0") && domain.contains("/dev/mapper/erp-db01-disk1"))
        #expect(domain.contains("dev=\"vdb\""))
        let pairFolder = try #require(files.first { $0.hasSuffix("/vms/erp-db01.xml") }).split(separator: "/").first!
        let pair = try text("\(pairFolder)/pair.yaml")
        #expect(pair.contains("erp-db01-disk1") && pair.contains("size_gib: 1000"))
        let drbd = try text("/drbd/erp-db01-disks.res")
        #expect(drbd.contains("volume 0 {") && drbd.contains("volume 1 {") && drbd.contains("/dev/vg_nines/erp-db01-disk1"))
        let alternative = try text("/domains/erp-db01.xml")
        #expect(alternative.contains("/dev/drbd/by-res/erp-db01-disks/1"))
    }

    @Test func namesAreUniqueStableIdentifiers() {
        let names = ManifestNames(["web 01", "web/01", "web-01", "../x", "Größe", "<b>", ""])
        let ids = ["web 01", "web/01", "web-01", "../x", "Größe", "<b>", ""].map { names[$0] }
        #expect(Set(ids).count == ids.count)
        #expect(names["web-01"] == "web-01")
        #expect(
            ids.allSatisfy { $0.first!.isLetter && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") } })
        #expect(ManifestNames(["web/01", "web 01"])["web/01"] == names["web/01"])
    }
}
