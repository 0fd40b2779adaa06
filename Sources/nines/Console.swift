import Foundation
import NinesKit

/// Printing for the executable; the library never prints.
enum Console {
    /// At most this many distinct diagnostics are printed; the rest are counted.
    static let maxDiagnostics = 200

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints diagnostics with identical problems (same severity, message and fix) folded into
    /// one line that counts the other places, and at most `maxDiagnostics` lines.
    static func printDiagnostics(_ diagnostics: [Diagnostic]) {
        let folded = DiagnosticFolding.fold(diagnostics)
        for group in folded.prefix(maxDiagnostics) { error(group.description) }
        if folded.count > maxDiagnostics {
            let rest = folded.dropFirst(maxDiagnostics).reduce(0) { $0 + $1.count }
            error("… and \(rest) more")
        }
    }
}
