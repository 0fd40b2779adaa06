/// A YAML value written as block-style text (the layout Yams writes: two spaces per map
/// level, sequences not indented under their key).
///
/// Written by hand rather than with `Yams.serialize` because the emitter dominated the render
/// stage of large plans: building and emitting a Yams node tree took about 0.8 ms a pair
/// (10 s of CPU for a 100,000-VM plan); this takes a few µs. Strings are written plain only
/// when they are unmistakably strings in YAML 1.1 and 1.2; anything else is double-quoted with
/// escapes, so a name from the input always reads back as the same string (checked in the tests
/// by parsing hostile names back with Yams).
enum YAMLBlock {
    case string(String)
    case number(Double)
    case bool(Bool)
    case map([(String, YAMLBlock)])
    case list([YAMLBlock])

    /// The document, ending in a newline.
    func document() -> String {
        var out = ""
        out.reserveCapacity(4096)
        switch self {
        case .map(let entries): Self.writeMap(entries, indent: 0, inline: false, into: &out)
        case .list(let items): Self.writeList(items, indent: 0, into: &out)
        default:
            writeScalar(into: &out)
            out.append("\n")
        }
        return out
    }

    private static func writeMap(_ entries: [(String, YAMLBlock)], indent: Int, inline: Bool, into out: inout String) {
        for (index, (key, value)) in entries.enumerated() {
            if !(inline && index == 0) { pad(indent, &out) }
            writeString(key, into: &out)
            switch value {
            case .map(let nested) where nested.isEmpty: out.append(": {}\n")
            case .map(let nested):
                out.append(":\n")
                writeMap(nested, indent: indent + 2, inline: false, into: &out)
            case .list(let items) where items.isEmpty: out.append(": []\n")
            case .list(let items):
                out.append(":\n")
                writeList(items, indent: indent, into: &out)
            default:
                out.append(": ")
                value.writeScalar(into: &out)
                out.append("\n")
            }
        }
    }

    private static func writeList(_ items: [YAMLBlock], indent: Int, into out: inout String) {
        for item in items {
            pad(indent, &out)
            switch item {
            case .map(let entries) where !entries.isEmpty:
                out.append("- ")
                writeMap(entries, indent: indent + 2, inline: true, into: &out)
            case .list(let nested) where !nested.isEmpty:
                out.append("-\n")
                writeList(nested, indent: indent + 2, into: &out)
            case .map: out.append("- {}\n")
            case .list: out.append("- []\n")
            default:
                out.append("- ")
                item.writeScalar(into: &out)
                out.append("\n")
            }
        }
    }

    private func writeScalar(into out: inout String) {
        switch self {
        case .string(let text): Self.writeString(text, into: &out)
        case .number(let value): out.append(Number.plain(value, maxFraction: 3))
        case .bool(let value): out.append(value ? "true" : "false")
        case .map, .list: break
        }
    }

    private static func pad(_ indent: Int, _ out: inout String) {
        for _ in 0..<indent { out.append(" ") }
    }

    /// Words YAML 1.1 reads as booleans or null.
    private static let reserved: Set<String> = [
        "true", "false", "yes", "no", "on", "off", "null", "y", "n", "~",
    ]

    static func writeString(_ text: String, into out: inout String) {
        if isPlainSafe(text) {
            out.append(text)
            return
        }
        out.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\t": out.append("\\t")
            case "\r": out.append("\\r")
            default:
                let value = scalar.value
                if value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) {
                    out.append("\\x")
                    out.append(Self.hex(value, digits: 2))
                } else if value == 0x2028 || value == 0x2029 || value == 0xFEFF || value == 0xFFFE || value == 0xFFFF {
                    out.append("\\u")
                    out.append(Self.hex(value, digits: 4))
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append("\"")
    }

    /// Plain only for ASCII letters, digits and ` _-./(),:` that cannot be read as anything
    /// but a string: not starting with a digit or sign, not a reserved word, no `: ` or ` #`,
    /// no leading, trailing or doubled meaning-bearing punctuation.
    static func isPlainSafe(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last else { return false }
        let isLetter = { (b: UInt8) in (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
        guard isLetter(first) || first == 0x5F || first == 0x2F else { return false }
        guard last != 0x20, last != 0x3A else { return false }
        var previous: UInt8 = 0
        for b in bytes {
            let allowed =
                isLetter(b) || (b >= 0x30 && b <= 0x39) || b == 0x20 || b == 0x5F || b == 0x2D || b == 0x2E || b == 0x2F
                || b == 0x28 || b == 0x29 || b == 0x2C || b == 0x3A
            guard allowed else { return false }
            if previous == 0x3A && b == 0x20 { return false }
            previous = b
        }
        // The reserved words are at most five letters: longer text needs no lowercased copy.
        return bytes.count > 5 || !reserved.contains(text.lowercased())
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
