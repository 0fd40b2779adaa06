import Foundation
import Testing

/// The exit codes `nines --help` promises, each from the built executable with a realistic
/// trigger: 0 ok, 64 usage, 65 bad input data, 66 input missing, 73 cannot write output; and
/// every failure says on stderr what went wrong.
@Suite(.serialized, .enabled(if: NinesExecutable.enabled, NinesExecutable.needed))
struct CommandLineExitCodeTests {
    /// A work folder holding a copy of the sample as `acme/`, with `edits` applied.
    static func work(edits: [(file: String, old: String, new: String)] = []) throws -> URL {
        try TestPaths.acmeCopy(edits: edits).deletingLastPathComponent()
    }

    @Test func zeroWhenTheEngagementIsValid() throws {
        let work = try Self.work()
        defer { try? FileManager.default.removeItem(at: work) }
        let run = try NinesExecutable.run(["check", "acme"], in: work)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("OK: 24 applications, 51 VMs"), "\(run.output)")
        #expect(!run.errors.contains("error:"), "\(run.errors)")
    }

    /// Usage errors: the message names the option and the usage line follows.
    @Test(arguments: [
        (["plan", "acme", "--frobnicate"], "Unknown option '--frobnicate'"),
        (["plan", "acme", "--trials", "-1"], "--trials is between 0 and 10,000,000"),
        (["simulate", "acme", "--trials=-1"], "--trials is between 0 and 10,000,000"),
        (["plan", "acme", "--trials", "many"], "The value 'many' is invalid for '--trials <trials>'"),
        (["calc", "pair", "--mtbf", "5000h"], "--mttr"),
        (["frobnicate"], "frobnicate"),
        (["size", "acme/inventory.csv", "--headroom", "95"], "--headroom is a percentage between 0 and 90"),
        (["size", "acme/inventory.csv", "--headroom", "nan"], "--headroom is a percentage between 0 and 90"),
        (["size", "acme/inventory.csv", "--headroom=-inf"], "--headroom is a percentage between 0 and 90"),
    ])
    func sixtyFourForAUsageError(arguments: [String], message: String) throws {
        let work = try Self.work()
        defer { try? FileManager.default.removeItem(at: work) }
        let run = try NinesExecutable.run(arguments, in: work)
        #expect(run.status == 64, "\(arguments): \(run.errors)")
        #expect(run.errors.contains(message), "\(run.errors)")
        #expect(run.errors.contains("Usage: nines"), "\(run.errors)")
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("Output").path))
    }

    /// An availability over 100% in applications.yaml: `check` and `plan` name the file, the
    /// line and the bound, and `plan` writes nothing.
    @Test func sixtyFiveForBadInputData() throws {
        let work = try Self.work(edits: [
            (
                "applications.yaml", "- name: ERP\n  business_unit: Finance\n  sla:\n    availability: 99.99\n",
                "- name: ERP\n  business_unit: Finance\n  sla:\n    availability: 101\n"
            )
        ])
        defer { try? FileManager.default.removeItem(at: work) }
        for command in ["check", "plan"] {
            let run = try NinesExecutable.run([command, "acme"], in: work)
            #expect(run.status == 65, "\(command): \(run.errors)")
            #expect(
                run.errors.contains("acme/applications.yaml:11: error: 'sla.availability' is 101%; it must be between 0 and 100%"),
                "\(run.errors)")
            #expect(run.errors.contains("nothing was written"), "\(run.errors)")
        }
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("Output").path))
    }

    /// A missing engagement folder, import file, inventory to size or catalog: the message names it.
    @Test(arguments: [
        (["check", "nowhere"], "nowhere: no such engagement folder (create one with `nines init nowhere`)"),
        (["plan", "nowhere"], "nowhere: no such engagement folder"),
        (["import", "rvtools", "RVTools_export.xlsx", "-o", "inventory.csv"], "RVTools_export.xlsx: no such file"),
        (["size", "missing.csv", "--catalog", TestPaths.catalog.path], "missing.csv: no such file"),
        (["plan", "acme", "--catalog", "no-catalog"], "no-catalog/tiers.yaml: the catalog has no tiers.yaml"),
    ])
    func sixtySixForMissingInput(arguments: [String], message: String) throws {
        let work = try Self.work()
        defer { try? FileManager.default.removeItem(at: work) }
        let run = try NinesExecutable.run(arguments, in: work)
        #expect(run.status == 66, "\(arguments): \(run.errors)")
        #expect(run.errors.contains("error: ") && run.errors.contains(message), "\(run.errors)")
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("inventory.csv").path))
    }

    /// `plan --out` onto a folder of someone else's files, with or without --force: refused,
    /// the files named, the folder left as it was.
    @Test func seventyThreeWhenTheOutputIsSomeoneElsesFolder() throws {
        let work = try Self.work()
        defer { try? FileManager.default.removeItem(at: work) }
        let theirs = work.appendingPathComponent("thesis")
        try FileManager.default.createDirectory(at: theirs, withIntermediateDirectories: true)
        try Data("chapter 1\n".utf8).write(to: theirs.appendingPathComponent("chapter1.md"))
        let before = try FolderSnapshot(theirs)
        for force in [[], ["--force"]] {
            let run = try NinesExecutable.run(["plan", "acme", "--out", "thesis"] + force, in: work)
            #expect(run.status == 73, "\(force): \(run.errors)")
            #expect(run.errors.contains("was not written by Nines"), "\(run.errors)")
            #expect(run.errors.contains("chapter1.md"), "\(run.errors)")
            #expect(run.errors.contains("choose an empty or new folder with --out"), "\(run.errors)")
        }
        #expect(try FolderSnapshot(theirs) == before)
    }

    /// `init` onto an existing folder: refused, the folder untouched.
    @Test func seventyThreeWhenInitMeetsAnExistingFolder() throws {
        let work = try Self.work()
        defer { try? FileManager.default.removeItem(at: work) }
        let before = try FolderSnapshot(work.appendingPathComponent("acme"))
        let run = try NinesExecutable.run(["init", "acme"], in: work)
        #expect(run.status == 73, "\(run.errors)")
        #expect(run.errors.contains("acme already exists; choose a new folder"), "\(run.errors)")
        #expect(try FolderSnapshot(work.appendingPathComponent("acme")) == before)
    }
}
