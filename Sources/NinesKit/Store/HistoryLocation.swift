import Foundation

/// Where the assessment history lives: `--db`, `$NINES_DB`, an `Output/nines.sqlite` left in
/// the current folder by an older Nines, then `$XDG_DATA_HOME/nines/assessments.sqlite`
/// (`~/.local/share/nines/assessments.sqlite` when unset) — never a folder under the current
/// one by default.
public struct HistoryLocation: Sendable, Equatable {
    /// The database file.
    public var path: String
    /// A note to print once when the old `Output/nines.sqlite` was chosen: where the default
    /// now is and how to move the file there.
    public var note: String?

    /// The older default, relative to the current folder.
    public static let legacyPath = "Output/nines.sqlite"

    /// Chooses the database from the option, the environment and the current folder.
    public static func resolve(
        explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) -> HistoryLocation {
        if let explicit { return HistoryLocation(path: explicit) }
        if let env = environment["NINES_DB"], !env.isEmpty { return HistoryLocation(path: env) }
        let standard = defaultPath(environment: environment)
        let legacy = URL(fileURLWithPath: currentDirectory).appendingPathComponent(legacyPath).path
        if FileManager.default.fileExists(atPath: legacy) {
            let note = """
                note: using the history in \(legacyPath), where an older Nines kept it; the default is now \(standard). \
                To move it: mkdir -p \(shellQuoted(URL(fileURLWithPath: standard).deletingLastPathComponent().path)) && \
                mv \(legacyPath) \(shellQuoted(standard)) (or pass --db, or set NINES_DB).
                """
            return HistoryLocation(path: legacyPath, note: note)
        }
        return HistoryLocation(path: standard)
    }

    /// `$XDG_DATA_HOME/nines/assessments.sqlite`, or under `$HOME/.local/share` when
    /// `XDG_DATA_HOME` is unset, empty or relative (as the XDG specification says).
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let data: URL
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            data = URL(fileURLWithPath: xdg)
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            data = URL(fileURLWithPath: home).appendingPathComponent(".local/share")
        }
        return data.appendingPathComponent("nines").appendingPathComponent("assessments.sqlite").path
    }

    private static func shellQuoted(_ path: String) -> String {
        path.allSatisfy { $0.isLetter || $0.isNumber || "/._-+".contains($0) }
            ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
