import Foundation
import NinesKit

/// Printing for the executable; the library never prints.
enum Console {
    static func error(_ text: String) {
        ProgressBar.finish()
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    nonisolated(unsafe) private static var said: Set<String> = []

    /// Prints a note on stderr the first time this run asks for it.
    static func once(_ text: String) {
        guard said.insert(text).inserted else { return }
        error(text)
    }

    /// Prints diagnostics folded and capped (`DiagnosticDigest`): the same problem on many
    /// lines once, at most `DiagnosticDigest.maxShown` entries, the rest counted.
    static func printDiagnostics(_ diagnostics: [Diagnostic]) {
        let text = DiagnosticDigest(diagnostics).lines().joined(separator: "\n")
        if !text.isEmpty { error(text) }
    }
}
