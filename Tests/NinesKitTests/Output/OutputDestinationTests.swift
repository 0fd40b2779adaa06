import Foundation
import Testing

@testable import NinesKit

/// The rules a destination folder passes before a run may replace it.
@Suite struct OutputDestinationTests {
    static func check(_ url: URL, protected: [ProtectedFolder] = [], force: Bool = false) -> Result<OutputDestination.State, OutputError> {
        Result { () throws(OutputError) in try OutputDestination(url, protected: protected, force: force).check() }
    }

    @Test func absentAndEmptyFoldersMayBeWritten() throws {
        let work = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        #expect(try Self.check(work.appendingPathComponent("new")).get() == .absent)
        #expect(try Self.check(work).get() == .empty)
        try FileManager.default.createDirectory(at: work.appendingPathComponent("a/b"), withIntermediateDirectories: true)
        #expect(try Self.check(work).get() == .empty)
    }

    /// A marked output is recognised; growing, shrinking, touching or adding a file is not.
    @Test func markedOutputIsReplacedOnlyAsWritten() throws {
        let work = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let out = work.appendingPathComponent("out")
        try OutputWriter(destination: out, protected: []).write(["a.txt": Data("a".utf8), "sub/b.txt": Data("bb".utf8)])
        #expect(try Self.check(out).get() == .previousOutput)
        // A file deleted by the user is no reason to refuse: nothing of theirs is lost.
        try FileManager.default.removeItem(at: out.appendingPathComponent("a.txt"))
        #expect(try Self.check(out).get() == .previousOutput)
        // Same size, written later: changed.
        Thread.sleep(forTimeInterval: 0.01)
        try Data("cc".utf8).write(to: out.appendingPathComponent("sub/b.txt"))
        guard case .failure(let changed) = Self.check(out) else { Issue.record("a changed file was accepted"); return }
        #expect(changed.refusal == .changedSinceWritten(added: [], changed: ["sub/b.txt"], count: 1))
        #expect(try Self.check(out, force: true).get() == .previousOutput)
        // A link the user put in is foreign, even when it points at a listed file.
        try OutputWriter(destination: out, protected: [], force: true).write(["a.txt": Data("a".utf8)])
        try FileManager.default.createSymbolicLink(atPath: out.appendingPathComponent("b.txt").path, withDestinationPath: "a.txt")
        guard case .failure(let added) = Self.check(out) else { Issue.record("an added link was accepted"); return }
        #expect(added.refusal == .changedSinceWritten(added: ["b.txt"], changed: [], count: 1))
    }

    /// A folder without a marker is never replaced, not even with force; a marker file that is
    /// not one Nines wrote does not make it Nines'.
    @Test func foreignFolderIsRefusedEvenWithForce() throws {
        let work = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try Data("thesis".utf8).write(to: work.appendingPathComponent("thesis.txt"))
        for force in [false, true] {
            guard case .failure(let error) = Self.check(work, force: force) else { Issue.record("a foreign folder was accepted"); return }
            #expect(error.refusal == .notNinesOutput(entries: ["thesis.txt"], count: 1))
        }
        try Data("nines-output 1\n12 thesis.txt".utf8).write(to: work.appendingPathComponent(OutputMarker.fileName))
        guard case .failure = Self.check(work, force: true) else { Issue.record("a forged marker was trusted"); return }
    }

    /// The destination may not be, nor hold, a protected folder, whichever way it is written.
    @Test func protectedFoldersAndTheirParentsAreRefused() throws {
        let work = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let engagement = work.appendingPathComponent("acme")
        try FileManager.default.createDirectory(at: engagement, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: work.appendingPathComponent("alias").path, withDestinationPath: "acme")
        let protected = [ProtectedFolder(.engagement, path: engagement.path), ProtectedFolder(.root, path: "/")]
        for path in [engagement.path, engagement.path + "/", work.path, work.path + "/acme/..", "/"] {
            guard case .failure(let error) = Self.check(URL(fileURLWithPath: path), protected: protected, force: true) else {
                Issue.record("\(path) was accepted")
                continue
            }
            if case .protected = error.refusal {} else { Issue.record("\(path): \(error)") }
        }
        guard case .failure(let link) = Self.check(work.appendingPathComponent("alias"), protected: protected) else {
            Issue.record("a link was accepted")
            return
        }
        #expect(link.refusal == .symbolicLink(target: "acme"))
        #expect(try Self.check(engagement.appendingPathComponent("out"), protected: protected).get() == .absent)
    }

    @Test func regularFileIsNotAFolder() throws {
        let work = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let file = work.appendingPathComponent("f")
        try Data("f".utf8).write(to: file)
        guard case .failure(let error) = Self.check(file, force: true) else { Issue.record("a file was accepted"); return }
        #expect(error.refusal == .notAFolder)
        #expect(try Data(contentsOf: file) == Data("f".utf8))
    }

    /// The marker lists every file with its size, in path order, one line per file whatever
    /// the name holds; it reads back to the same list.
    @Test func markerRoundTrips() throws {
        let files = ["plan.json": 12, "a b/c%d.xml": 0, "Größe/服务器\n.txt": 7, "x\ty": 3]
        let marker = OutputMarker(files: files)
        let text = String(decoding: marker.data, as: UTF8.self)
        #expect(text.split(separator: "\n").count == files.count + 1)
        #expect(text.hasPrefix("nines-output 1\n") && text.contains("\n0 a%20b/c%25d.xml\n") && text.contains("\n3 x%09y\n"))
        #expect(OutputMarker.read(marker.data) == marker)
        #expect(OutputMarker.read(Data("nines-output 1\n3 ../x\n".utf8)) == nil)
        #expect(OutputMarker.read(Data("something else\n".utf8)) == nil)
    }

    /// Foundation's Linux I/O errors become the system's words.
    @Test func ioErrorsReadAsSentences() {
        let error = NSError(domain: NSCocoaErrorDomain, code: NSFileWriteNoPermissionError)
        #expect(OutputError(path: "/x", error: error).description == "/x: cannot write output: permission denied")
    }
}

extension OutputDestinationTests {
    /// The byte scan agrees with the definition: no empty, `.` or `..` component, no leading `/`.
    @Test func safePathsMatchTheirDefinition() {
        func reference(_ path: String) -> Bool {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            return !path.hasPrefix("/") && !parts.contains { $0.isEmpty || $0 == ".." || $0 == "." }
        }
        let samples = [
            "", "a", "a/b", "/a", "a/", "a//b", ".", "..", "...", "a/./b", "a/../b", "..a", "a..", ".a/b.", "a/...", "./a", "../a",
            "a/.", "a/..", "Größe/服务器.xml", "pair-01/vms/x.xml", "....", "a/.../b",
        ]
        for path in samples { #expect(OutputWriter.isSafe(path) == reference(path), "\(path)") }
    }
}

extension OutputDestinationTests {
    /// A folder of the user's kept inside a Nines output (none of its files listed by the
    /// output's marker) is somebody else's folder: refused even with force. A listed subfolder
    /// (the manifests `nines manifests` rewrites) stays replaceable.
    @Test func userFolderInsideANinesOutputIsForeign() throws {
        let work = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let out = work.appendingPathComponent("out")
        try OutputWriter(destination: out, protected: []).write(["report.md": Data("r".utf8), "manifests/p.yaml": Data("p".utf8)])
        let notes = out.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: notes.appendingPathComponent("mine.txt"))
        guard case .failure(let error) = Self.check(notes, force: true) else { Issue.record("a user's folder was accepted"); return }
        #expect(error.refusal == .notNinesOutput(entries: ["mine.txt"], count: 1))
        #expect(try Self.check(out.appendingPathComponent("manifests")).get() == .previousOutput)
    }
}
