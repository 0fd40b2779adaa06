import ArgumentParser
import Foundation
import NinesKit

/// Options shared by the commands that read an engagement.
struct EngagementOptions: ParsableArguments {
    @Argument(help: "The engagement folder (engagement.yaml, inventory, applications).")
    var engagement: String

    @Option(help: "Catalog folder to use instead of $NINES_CATALOG, the engagement's, the repository's or the installed one.")
    var catalog: String?

    /// A file given where the folder is expected (`nines plan acme/engagement.yaml`) is named
    /// as such, with the command to type instead.
    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: engagement, isDirectory: &isDirectory), !isDirectory.boolValue else { return }
        let command = CommandLine.arguments.dropFirst().first { !$0.hasPrefix("-") } ?? "check"
        let folder = EngagementLoader.containingFolder(of: engagement)
        Console.error("error: \(engagement) is a file; \(command) takes the engagement folder that holds it: `nines \(command) \(folder)`")
        throw ExitCode(64)
    }
}

/// Runs a body, printing the library's errors the way a compiler does and exiting with the
/// sysexits code that fits: 65 bad input, 66 input missing (or not a regular file), 73
/// cannot write.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as InputError {
        Console.printDiagnostics(error.diagnostics)
        Console.error("\(error.errorCount) error(s); nothing was written.")
        throw ExitCode(65)
    } catch let error as ImportError {
        Console.error(error.description)
        Console.error("nothing was written.")
        throw ExitCode(error.kind == .missing ? 66 : 65)
    } catch let error as MissingInputError {
        Console.error("error: \(error)")
        throw ExitCode(66)
    } catch let error as StoreError {
        Console.error("error: \(error)")
        throw ExitCode(73)
    } catch let error as OutputError {
        Console.error("error: \(error)")
        throw ExitCode(73)
    }
}

/// Help shared by the commands that write an output folder.
enum OutputHelp {
    static let force =
        "Replace a previous Nines output even if files in it were added or changed since it was written (never a folder Nines did not write, the engagement, the history, the current folder or a parent of them)."
}
