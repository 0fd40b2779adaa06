/// Escaping of text that came from the input (VM and application names, notes) for each
/// output format, so that a VM named `<script>` or `=cmd|'/c calc'!A1` is only ever text.
public enum Escape {
    /// For messages on a terminal: control characters shown as `?`, long text cut at 80.
    public static func plain(_ text: String) -> String {
        let cleaned = String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : Character($0) })
        return cleaned.count > 80 ? String(cleaned.prefix(77)) + "..." : cleaned
    }

    /// For HTML text and attribute values.
    public static func html(_ text: String) -> String {
        // Most names need no escaping: hand them back without building a new string.
        if !text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) {
            return text
        }
        // By scalar, not by Character: a combining mark after `<` must not hide it.
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// For XML text and attribute values (manifests: `XMLStreamWriter.escape` writes the same
    /// bytes). Characters XML 1.0 cannot hold at all (control characters other than tab and
    /// line breaks) become U+FFFD.
    public static func xml(_ text: String) -> String {
        if isPlainXML(text) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out += "&#\(scalar.value);"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Printable ASCII without markup characters: its own XML escape (most names).
    private static func isPlainXML(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x26 && $0 != 0x3C && $0 != 0x3E && $0 != 0x22 && $0 != 0x27 }
    }

    /// For a Markdown table cell: inline markup and HTML are backslash-escaped or encoded, the
    /// pipe that would end the cell is escaped, line breaks become spaces.
    public static func markdown(_ text: String) -> String {
        // Most names and figures need no escaping: hand them back as they are.
        if !text.utf8.contains(where: isMarkdownSpecial) { return text }
        // By scalar, not by Character: a combining mark after `|` must not hide the pipe.
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "|", "#", "~", "!":
                out += "\\"
                out.unicodeScalars.append(scalar)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r", "\t": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A byte `markdown` changes.
    private static func isMarkdownSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"),
            UInt8(ascii: "|"), UInt8(ascii: "#"), UInt8(ascii: "~"), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: ">"),
            UInt8(ascii: "&"), 0x0A, 0x0D, 0x09:
            true
        default: false
        }
    }

    /// For one CSV field (RFC 4180): quoted when needed, and neutralised with a leading `'`
    /// when a spreadsheet would read it as a formula (`=`, `+`, `-`, `@`, tab, CR), except for
    /// plain negative numbers.
    public static func csv(_ text: String) -> String {
        // Most cells (figures, plain names) need neither: hand them back as they are.
        if let first = text.utf8.first, !"=+-@\t\r".utf8.contains(first),
            !text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D })
        {
            return text
        }
        var value = text
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
            !(first == "-" && Double(value) != nil)
        {
            value = "'" + value
        }
        // By scalar: "\r\n" is one Character, equal to neither "\r" nor "\n".
        if value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }
}
