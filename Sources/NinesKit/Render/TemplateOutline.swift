import Foundation

/// The section structure of a Mustache template, read without rendering it: how deep its
/// sections nest (and where the deepest one opens), and per section name the longest literal
/// body, which `RenderBudget` charges for each repetition. Tags are `{{…}}`, `{{{…}}}` and
/// `{{=<% %>=}}` delimiter changes, as Mustache reads them.
struct TemplateOutline {
    /// 1-based line of the first section opening at each depth: `[0]` at depth 1, and so on.
    private(set) var linesByDepth: [Int] = []
    /// Deepest nesting of `{{#…}}` / `{{^…}}` sections (0: none).
    var depth: Int { linesByDepth.count }
    /// 1-based line of the first section that opens at `depth` (0: no section).
    var deepestLine: Int { linesByDepth.last ?? 0 }
    /// Longest body of each section name, bytes of the template between its tags.
    private(set) var bodyBytes: [String: Int] = [:]

    init(_ text: String) {
        let bytes = Array(text.utf8)
        var open: [(name: String, start: Int)] = []
        var (opening, closing) = (Array("{{".utf8), Array("}}".utf8))
        var line = 1
        var at = 0
        while let start = Self.find(opening, in: bytes, from: at) {
            line += bytes[at..<start].lazy.filter { $0 == 10 }.count
            var contentStart = start + opening.count
            var close = closing
            if opening == Array("{{".utf8), contentStart < bytes.count, bytes[contentStart] == UInt8(ascii: "{") {
                contentStart += 1
                close = Array("}}}".utf8)
            }
            guard let end = Self.find(close, in: bytes, from: contentStart) else { break }
            let content = String(decoding: bytes[contentStart..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            let name = content.dropFirst().trimmingCharacters(in: .whitespaces)
            switch content.first {
            case "#", "^":
                open.append((name, end + close.count))
                if open.count > depth { linesByDepth.append(line) }
            case "/":
                if let index = open.lastIndex(where: { $0.name == name }) {
                    bodyBytes[name] = max(bodyBytes[name] ?? 0, start - open[index].start)
                    open.removeSubrange(index...)
                }
            case "=" where content.hasSuffix("="):
                let parts = content.dropFirst().dropLast().split(separator: " ", omittingEmptySubsequences: true)
                if parts.count == 2 { (opening, closing) = (Array(parts[0].utf8), Array(parts[1].utf8)) }
            default: break
            }
            line += bytes[start..<end].lazy.filter { $0 == 10 }.count
            at = end + close.count
        }
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, start + needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0] && bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
