import Foundation
import Testing

@testable import NinesKit

/// The history lives where users keep data, never under the current folder by default.
struct HistoryLocationTests {
    @Test(arguments: [
        (["XDG_DATA_HOME": "/data", "HOME": "/home/ann"], "/data/nines/assessments.sqlite"),
        (["HOME": "/home/ann"], "/home/ann/.local/share/nines/assessments.sqlite"),
        (["XDG_DATA_HOME": "relative", "HOME": "/home/ann"], "/home/ann/.local/share/nines/assessments.sqlite"),
        (["NINES_DB": "/srv/nines.sqlite", "HOME": "/home/ann"], "/srv/nines.sqlite"),
    ])
    func defaultFollowsTheEnvironment(environment: [String: String], expected: String) throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let location = HistoryLocation.resolve(explicit: nil, environment: environment, currentDirectory: folder.path)
        #expect(location == HistoryLocation(path: expected))
    }

    @Test func optionWins() {
        let location = HistoryLocation.resolve(explicit: "mine.sqlite", environment: ["NINES_DB": "/srv/nines.sqlite"])
        #expect(location == HistoryLocation(path: "mine.sqlite"))
    }

    /// An `Output/nines.sqlite` left by an older Nines is used, with a note on where the default
    /// now is and how to move it.
    @Test func olderHistoryInTheCurrentFolderIsUsedAndExplained() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Output"), withIntermediateDirectories: true)
        try Data().write(to: folder.appendingPathComponent("Output/nines.sqlite"))
        let location = HistoryLocation.resolve(explicit: nil, environment: ["HOME": "/home/ann"], currentDirectory: folder.path)
        #expect(location.path == "Output/nines.sqlite")
        let note = try #require(location.note)
        #expect(note.contains("the default is now /home/ann/.local/share/nines/assessments.sqlite"))
        #expect(note.contains("mv Output/nines.sqlite /home/ann/.local/share/nines/assessments.sqlite"))
    }

    /// `history DIR` matches the engagement's `name:`, not the folder's name; the older
    /// `Output/nines.sqlite` is explained once.
    @Test(.enabled(if: NinesExecutable.enabled, NinesExecutable.needed))
    func historyOfAFolderMatchesItsName() throws {
        let work = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let folder = work.appendingPathComponent("client-2026")
        try FileManager.default.copyItem(at: TestPaths.acme, to: folder)
        let plan = try NinesExecutable.run(["plan", "client-2026"], in: work)
        #expect(plan.status == 0, "\(plan.errors)")
        let history = try NinesExecutable.run(["history", "client-2026"], in: work)
        #expect(history.status == 0, "\(history.errors)")
        #expect(history.output.contains(" acme "), "\(history.output)")
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("Output/nines.sqlite").path))

        let legacy = try NinesExecutable.run(["plan", "client-2026", "--db", "Output/nines.sqlite"], in: work)
        #expect(legacy.status == 0, "\(legacy.errors)")
        let again = try NinesExecutable.run(["history", "client-2026"], in: work)
        #expect(again.errors.components(separatedBy: "note: using the history in Output/nines.sqlite").count == 2, "\(again.errors)")
    }
}
