import Foundation
import Testing

/// The repository is self-contained: nothing in it names the planning documents it was built
/// from or reads files outside it. Sources are cited as the public documents they are (see
/// docs/MODEL.md, "Sources").
@Suite struct RepositoryTests {
    /// The names no file may contain, built from pieces so that this file does not contain them.
    static let forbidden: [String] = [
        "DESIGN" + ".md",
        "FACTS" + ".md",
        // The two source documents' file names, by their hash part (Markdown escapes the `_`).
        "4c2184ea" + "33e9bb2e",
        "ef18e1ba" + "8ab159f0",
        ".." + "/shared",
    ]

    /// The folders and files checked, relative to the repository root.
    static let checked = ["Sources", "Templates", "Catalog", "Tests", "docs", "README.md"]

    /// Every text file under `checked` (a file with a NUL byte or that is not UTF-8 is binary).
    static func textFiles() throws -> [(path: String, text: String)] {
        let manager = FileManager.default
        var files: [(String, String)] = []
        for entry in checked {
            let url = TestPaths.root.appendingPathComponent(entry)
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: url.path, isDirectory: &isFolder) else { continue }
            var urls = [url]
            if isFolder.boolValue {
                let enumerator = manager.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey])
                urls = (enumerator?.allObjects as? [URL] ?? []).filter {
                    (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
                }
            }
            for file in urls {
                let data = try Data(contentsOf: file)
                guard !data.contains(0), let text = String(data: data, encoding: .utf8) else { continue }
                let path = String(file.standardizedFileURL.path.dropFirst(TestPaths.root.standardizedFileURL.path.count + 1))
                files.append((path, text))
            }
        }
        return files.sorted { $0.0 < $1.0 }
    }

    @Test func namesNoPlanningDocumentOrOutsideFile() throws {
        let files = try Self.textFiles()
        #expect(files.contains { $0.path == "README.md" })
        #expect(files.contains { $0.path == "docs/MODEL.md" })
        var found: [String] = []
        for (path, text) in files {
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for name in Self.forbidden where line.range(of: name, options: .caseInsensitive) != nil {
                    found.append("\(path):\(number + 1): names \(name)")
                }
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    /// The check itself finds a forbidden name.
    @Test func theCheckFindsAName() {
        let line = "see " + Self.forbidden[0] + " §5"
        #expect(Self.forbidden.contains { line.range(of: $0, options: .caseInsensitive) != nil })
    }
}
