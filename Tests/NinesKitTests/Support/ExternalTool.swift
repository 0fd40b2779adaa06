import Foundation

/// Programs from Debian packages that some tests drive (validators, the built `nines`). On a
/// machine with only the build dependencies such a test is skipped with a message naming the
/// package; with `NINES_REQUIRE_TOOLS=1` (set by `.ci/run`, which installs them) it runs and
/// fails when the program is missing, so CI never passes by skipping.
enum ExternalTool {
    static let searchPath = ["/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/bin"]

    /// True when every tool is on the search path.
    static func installed(_ tools: [String]) -> Bool {
        tools.allSatisfy { tool in searchPath.contains { FileManager.default.isExecutableFile(atPath: $0 + "/" + tool) } }
    }

    /// Whether a test that needs `tools` runs: when they are installed, or when CI requires them.
    static func enabled(_ tools: [String]) -> Bool {
        installed(tools) || ProcessInfo.processInfo.environment["NINES_REQUIRE_TOOLS"] == "1"
    }

    /// True when python3 can import `module` (checked once per module).
    static func pythonHas(_ module: String) -> Bool {
        guard installed(["python3"]) else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import \(module)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// Whether a test that needs a Python module runs: when it imports, or when CI requires it.
    static func enabled(pythonModule module: String) -> Bool {
        pythonHas(module) || ProcessInfo.processInfo.environment["NINES_REQUIRE_TOOLS"] == "1"
    }
}
