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
}
