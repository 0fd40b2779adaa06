/// XML written element by element straight into UTF-8 bytes, in one layout: an XML declaration,
/// two spaces of indent per level, attributes in the order given, an element without content
/// as `<name/>`, text inline (`<name>text</name>`), child elements each on a line of their own,
/// a trailing newline. Text and attribute values are escaped as `Escape.xml` escapes them.
///
/// Writes the libvirt domains and Pacemaker CIBs: tens of thousands of small documents, with
/// no tree built per document (the tests keep the element tree as the reference).
struct XMLStreamWriter {
    private var out: [UInt8] = []
    /// The open elements.
    private var names: [StaticString] = []
    /// What the innermost open element holds so far.
    private var content = Content.tag

    private enum Content {
        /// Nothing: its start tag is still open (`<name attr="…"`), attributes may follow.
        case tag
        case text
        case children
    }

    init(capacity: Int = 4096) {
        out.reserveCapacity(capacity)
        names.reserveCapacity(8)
        append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    }

    /// The document; every element must be ended.
    var document: [UInt8] {
        precondition(names.isEmpty, "XML elements left open")
        return out
    }

    /// `<name`, on a line of its own under its parent.
    mutating func start(_ name: StaticString) {
        if !names.isEmpty {
            assert(content != .text, "an element after text in the same element")
            if content == .tag { append(">\n") }
        }
        indent(names.count)
        out.append(UInt8(ascii: "<"))
        append(name)
        names.append(name)
        content = .tag
    }

    /// ` name="value"` on the element just started.
    mutating func attribute(_ name: StaticString, _ value: String) {
        beginAttribute(name)
        attributeValue(value)
        endAttribute()
    }

    /// ` name="value"` for a constant value (written as it is: no markup in it).
    mutating func attribute(_ name: StaticString, constant value: StaticString) {
        beginAttribute(name)
        append(value)
        endAttribute()
    }

    /// ` name="`: an attribute whose value is written in parts (`attributeValue`) up to
    /// `endAttribute` (escaping each part alone gives the bytes of escaping them joined).
    mutating func beginAttribute(_ name: StaticString) {
        assert(!names.isEmpty && content == .tag, "an attribute after an element's content")
        out.append(0x20)
        append(name)
        append("=\"")
    }

    /// Part of an attribute's value, escaped.
    mutating func attributeValue(_ part: String) {
        Self.escape(part, into: &out)
    }

    /// Part of an attribute's value that needs no escaping.
    mutating func attributeValue(_ part: StaticString) {
        append(part)
    }

    mutating func endAttribute() {
        out.append(UInt8(ascii: "\""))
    }

    /// The element's text (its only content).
    mutating func text(_ value: String) {
        assert(!names.isEmpty && content == .tag, "text after an element's content")
        out.append(UInt8(ascii: ">"))
        Self.escape(value, into: &out)
        content = .text
    }

    /// `</name>` (or `/>` for an element without content), then a line break.
    mutating func end() {
        let name = names.removeLast()
        switch content {
        case .tag:
            append("/>")
        case .text:
            closeTag(name)
        case .children:
            indent(names.count)
            closeTag(name)
        }
        out.append(0x0A)
        // The parent, if any, now holds at least this child.
        content = .children
    }

    /// `<name/>`.
    mutating func empty(_ name: StaticString) {
        start(name)
        end()
    }

    /// `<name k1="v1"/>`.
    mutating func empty(_ name: StaticString, _ k1: StaticString, _ v1: String) {
        start(name)
        attribute(k1, v1)
        end()
    }

    /// `<name>text</name>`.
    mutating func element(_ name: StaticString, text value: String) {
        start(name)
        text(value)
        end()
    }

    /// `<name k1="v1">text</name>`, the attribute a constant.
    mutating func element(_ name: StaticString, _ k1: StaticString, _ v1: StaticString, text value: String) {
        start(name)
        attribute(k1, constant: v1)
        text(value)
        end()
    }

    private mutating func closeTag(_ name: StaticString) {
        append("</")
        append(name)
        out.append(UInt8(ascii: ">"))
    }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    private mutating func indent(_ level: Int) {
        let spaces: StaticString = "                                                                "
        spaces.withUTF8Buffer { buffer in
            var remaining = 2 * level
            while remaining > 0 {
                let count = min(remaining, buffer.count)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
                remaining -= count
            }
        }
    }

    /// `Escape.xml(text)` appended as UTF-8, without building the escaped string: `&<>"'` as
    /// entities, tab, LF and CR as character references, other C0 controls and U+FFFE/U+FFFF
    /// as U+FFFD, everything else as it is.
    static func escape(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            var mark = 0
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                // Printable ASCII but markup, and UTF-8 other than U+FFFE/U+FFFF's lead byte.
                if byte >= 0x20 && byte != 0xEF
                    && (byte > 0x3E || !(byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27))
                {
                    index += 1
                    continue
                }
                var length = 1
                let replacement: StaticString
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&apos;"
                case 0x09: replacement = "&#9;"
                case 0x0A: replacement = "&#10;"
                case 0x0D: replacement = "&#13;"
                case 0x00..<0x20: replacement = "\u{FFFD}"
                case 0xEF where index + 2 < utf8.count && utf8[index + 1] == 0xBF && (utf8[index + 2] == 0xBE || utf8[index + 2] == 0xBF):
                    replacement = "\u{FFFD}"
                    length = 3
                default:
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark..<index]))
                replacement.withUTF8Buffer { out.append(contentsOf: $0) }
                index += length
                mark = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark...]))
        }
    }
}
