import Foundation
import Testing

@testable import NinesKit

/// Inputs stay inside the engagement, and outputs do not depend on where it lies or on how
/// its path was typed.
@Suite struct InputBoundaryTests {
    /// A file named in engagement.yaml that is a link to /etc/passwd is refused before it is
    /// read: the error names the link, and nothing of the file's content is echoed.
    @Test func linkOutOfTheEngagementIsNotRead() throws {
        let folder = try TestPaths.acmeCopy()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("inventory.csv"))
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("inventory.csv").path, withDestinationPath: "/etc/passwd")
        do {
            _ = try EngagementLoader.load(folder.path, catalogPath: TestPaths.catalog.path)
            Issue.record("a link out of the engagement was read")
        } catch let error as InputError {
            #expect(error.errorCount == 1)
            let text = error.diagnostics.map(\.description).joined(separator: "\n")
            #expect(text.contains("'inventory.csv' leads outside the engagement folder"), "\(text)")
            #expect(!text.contains("root:"))
            // The inventory's error is not followed by one "no VM" warning per application.
            #expect(error.diagnostics.count == 1, "\(text)")
        }
    }

    /// A link to a folder outside, used as the applications file's folder, is refused too; a
    /// link that stays inside the engagement is fine.
    @Test func linkInsideTheEngagementIsRead() throws {
        let folder = try TestPaths.acmeCopy()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let fm = FileManager.default
        try fm.moveItem(at: folder.appendingPathComponent("inventory.csv"), to: folder.appendingPathComponent("real.csv"))
        try fm.createSymbolicLink(atPath: folder.appendingPathComponent("inventory.csv").path, withDestinationPath: "real.csv")
        #expect(try EngagementLoader.load(folder.path, catalogPath: TestPaths.catalog.path).engagement.workloads.count > 0)
        let boundary = EngagementBoundary(folder.path)
        try fm.createSymbolicLink(atPath: folder.appendingPathComponent("exports").path, withDestinationPath: "/etc")
        #expect(boundary.firstEscape("exports") == "exports")
        #expect(boundary.firstEscape("real.csv") == nil)
        #expect(boundary.firstEscape("missing.csv") == nil)
    }

    /// The reports and plan.json name files inside the engagement relative to it, so the path
    /// as typed (relative, absolute, with a trailing slash) gives the same bytes.
    @Test func outputsDoNotDependOnThePathAsTyped() throws {
        func render(_ path: String) throws -> [String: Data] {
            let plan = try Pipeline.assess(Pipeline.Options(engagement: path, catalog: TestPaths.catalog.path, trials: 0))
            return try PlanRenderer(templates: TemplateSet.load(from: TestPaths.templates)).files(for: plan)
        }
        let plain = try render(TestPaths.acme.path)
        let trailing = try render(TestPaths.acme.path + "/")
        let dotted = try render(TestPaths.acme.path + "/../acme")
        #expect(plain == trailing)
        #expect(plain == dotted)
        let report = String(decoding: plain["report.md"]!, as: UTF8.self)
        #expect(report.contains("(inventory.csv, line 52)"))
        #expect(!report.contains(TestPaths.root.path))
    }

    /// What Nines wrote inside the engagement (an output folder, a staging folder, a history
    /// database) is not digested as input, so planning twice gives the same inputs digest.
    @Test func ownOutputInsideTheEngagementIsNotAnInput() throws {
        let folder = try TestPaths.acmeCopy()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let before = InputDigest.files(in: folder.path)
        let out = folder.appendingPathComponent("out")
        try OutputWriter(destination: out).write(["report.md": Data("x".utf8), "m/pair.yaml": Data("y".utf8)])
        try Data("db".utf8).write(to: folder.appendingPathComponent("nines.sqlite"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".out.tmp-99999"), withIntermediateDirectories: true)
        try Data("z".utf8).write(to: folder.appendingPathComponent(".out.tmp-99999/report.md"))
        #expect(InputDigest.files(in: folder.path) == before)
        // A folder the user made is still an input.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("notes"), withIntermediateDirectories: true)
        try Data("n".utf8).write(to: folder.appendingPathComponent("notes/n.txt"))
        #expect(InputDigest.files(in: folder.path).map(\.path).contains("notes/n.txt"))
    }
}

extension InputBoundaryTests {
    /// A FIFO or a folder where an engagement file is expected is named as such and never
    /// opened (a FIFO would block the run), for the YAML and the CSV inputs alike.
    @Test(arguments: ["engagement.yaml", "applications.yaml", "inventory.csv"])
    func fifoOrFolderInputIsNotRead(name: String) throws {
        let folder = try TestPaths.acmeCopy()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let url = folder.appendingPathComponent(name)
        try FileManager.default.removeItem(at: url)
        #expect(mkfifo(url.path, 0o644) == 0)
        let fifo = try #require(throws: MissingInputError.self) {
            try EngagementLoader.load(folder.path, catalogPath: TestPaths.catalog.path)
        }
        #expect(fifo.reason == "not a regular file (a FIFO, socket or device)")
        try FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let directory = try #require(throws: MissingInputError.self) {
            try EngagementLoader.load(folder.path, catalogPath: TestPaths.catalog.path)
        }
        #expect(directory.reason == "is a folder, not a regular file")
    }
}
