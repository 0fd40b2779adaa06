import Foundation
import NinesKit

/// Printing for the executable; the library never prints.
enum Console {
    /// At most this many diagnostics are printed; the rest are counted.
    static let maxDiagnostics = 200

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func printDiagnostics(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics.prefix(maxDiagnostics) { error(diagnostic.description) }
        if diagnostics.count > maxDiagnostics {
            error("… and \(diagnostics.count - maxDiagnostics) more")
        }
    }
}
