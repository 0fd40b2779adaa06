import Foundation

/// The text a reader sees in report.html, read with a few patterns (the report is generated, so
/// its shape is known): each section's words, the headings.
enum ReportText {
    /// The cover (`<header>`, as `cover`) and each `<section id="…">` with its visible text:
    /// tags, styles and SVG tooltips (`<title>`, never printed) removed, entities decoded.
    static func sections(_ html: String) -> [(id: String, text: String)] {
        var result: [(id: String, text: String)] = []
        if let header = html.firstMatch(of: /(?s)<header>(.*?)<\/header>/) { result.append(("cover", visible(String(header.1)))) }
        for match in html.matches(of: /(?s)<section id="([^"]+)">(.*?)<\/section>/) {
            result.append((String(match.1), visible(String(match.2))))
        }
        return result
    }

    /// The text of every `<h2>`, `<h3>` and `<summary>`.
    static func headings(_ html: String) -> [String] {
        html.matches(of: /<(h2|h3|summary)>(.*?)<\/(h2|h3|summary)>/).map {
            visible(String($0.2)).trimmingCharacters(in: .whitespaces)
        }
    }

    /// Lower-cased words of two or more letters or digits.
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init).filter { $0.count >= 2 }
    }

    /// The words of `text` that `printed` lacks. A word counts as printed when it is among its
    /// words or inside its letters and digits run together: `pdftotext` joins a word hyphenated
    /// at a line's end (`sql-` + `shared01` reads `sqlshared01`), and a table cell's last line
    /// may come after its neighbours' cells.
    static func missing(_ text: String, from printed: String) -> [String] {
        let known = Set(words(printed))
        let runTogether = String(printed.lowercased().filter { $0.isLetter || $0.isNumber })
        return Set(words(text)).subtracting(known).filter { !runTogether.contains($0) }.sorted()
    }

    /// `html` as text: elements that do not print dropped, tags replaced by spaces, the
    /// entities Nines writes decoded.
    static func visible(_ html: String) -> String {
        html.replacing(/(?s)<title>.*?<\/title>/, with: "").replacing(/(?s)<style>.*?<\/style>/, with: "")
            .replacing(/<[^>]*>/, with: " ")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
