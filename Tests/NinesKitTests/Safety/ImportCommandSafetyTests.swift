import Foundation
import Testing

@testable import NinesKit

/// `nines import` as a consultant runs it: bad rows write nothing unless asked, and a file of
/// the consultant's is never overwritten by mistake.
@Suite(.serialized, .enabled(if: NinesExecutable.enabled, NinesExecutable.needed))
struct ImportCommandSafetyTests {
    static let header =
        "\"Name\",\"PowerState\",\"Notes\",\"Guest\",\"NumCpu\",\"CoresPerSocket\",\"MemoryMB\",\"MemoryGB\",\"VMHost\",\"Folder\",\"ProvisionedSpaceGB\",\"UsedSpaceGB\"\n"
    static func row(_ name: String, cpus: String) -> String {
        "\"\(name)\",\"PoweredOn\",\"\",\"\(name):Linux\",\"\(cpus)\",\"1\",\"8192\",\"8\",\"esx01\",\"Prod\",\"100\",\"50\"\n"
    }

    /// One refused row (NaN CPUs): exit 65, the row named at its line, nothing written; with
    /// --skip-refused the other rows are written and the refusal still listed.
    @Test func refusedRowWritesNothingUnlessAsked() throws {
        let work = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try Data((Self.header + Self.row("a", cpus: "2") + Self.row("b", cpus: "NaN") + Self.row("c", cpus: "4")).utf8)
            .write(to: work.appendingPathComponent("vms.csv"))
        let strict = try NinesExecutable.run(["import", "powercli", "vms.csv", "-o", "inventory.csv"], in: work)
        #expect(strict.status == 65)
        #expect(strict.errors.contains("nothing was written"), "\(strict.errors)")
        #expect((strict.output + strict.errors).contains("vms.csv:3"))
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("inventory.csv").path))
        let lenient = try NinesExecutable.run(["import", "powercli", "vms.csv", "-o", "inventory.csv", "--skip-refused"], in: work)
        #expect(lenient.status == 0, "\(lenient.errors)")
        let written = try String(contentsOf: work.appendingPathComponent("inventory.csv"), encoding: .utf8)
        #expect(written.split(separator: "\n").count == 3)
    }

    /// An existing inventory is replaced only when it is `nines init`'s untouched sample, or
    /// with --force; an edited one, a link and a folder are refused with exit 73.
    @Test func existingInventoryIsReplacedOnlyWhenUntouchedOrForced() throws {
        let work = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try Data((Self.header + Self.row("a", cpus: "2")).utf8).write(to: work.appendingPathComponent("vms.csv"))
        #expect(try NinesExecutable.run(["init", "acme"], in: work).status == 0)
        let inventory = work.appendingPathComponent("acme/inventory.csv")
        #expect(try NinesExecutable.run(["import", "powercli", "vms.csv", "-o", "acme/inventory.csv"], in: work).status == 0)
        let edited = try String(contentsOf: inventory, encoding: .utf8) + "mine,ERP,2,4,10,Linux,hq,poweredOn,\n"
        try edited.write(to: inventory, atomically: true, encoding: .utf8)
        let refused = try NinesExecutable.run(["import", "powercli", "vms.csv", "-o", "acme/inventory.csv"], in: work)
        #expect(refused.status == 73 && refused.errors.contains("--force"), "\(refused.errors)")
        #expect(try String(contentsOf: inventory, encoding: .utf8) == edited)
        try FileManager.default.createSymbolicLink(
            atPath: work.appendingPathComponent("link.csv").path, withDestinationPath: "acme/inventory.csv")
        #expect(try NinesExecutable.run(["import", "powercli", "vms.csv", "-o", "link.csv", "--force"], in: work).status == 73)
        #expect(try NinesExecutable.run(["import", "powercli", "vms.csv", "-o", "acme", "--force"], in: work).status == 73)
        #expect(try String(contentsOf: inventory, encoding: .utf8) == edited)
        #expect(try NinesExecutable.run(["import", "powercli", "vms.csv", "-o", "acme/inventory.csv", "--force"], in: work).status == 0)
        #expect(try String(contentsOf: inventory, encoding: .utf8) != edited)
    }
}
