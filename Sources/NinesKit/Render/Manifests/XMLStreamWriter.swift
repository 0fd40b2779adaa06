import Foundation

/// XML written element by element straight into UTF-8 bytes, in one layout: an XML declaration,
/// two spaces of indent per level, attributes in the order given, an element without content
/// as `<name/>`, text inline (`<name>text</name>`), child elements each on a line of their own,
/// a trailing newline. Text and attribute values are escaped as `Escape.xml` escapes them.
///
/// Writes the libvirt domains and Pacemaker CIBs: tens of thousands of small documents, with
/// no tree built per document (the tests keep the element tree as the reference).
struct XMLStreamWriter: ~Copyable {
    private var out: ByteBuffer
    /// The open elements, `depth` of them (the manifests nest six levels at most).
    private var names = InlineArray<8, StaticString>(repeating: "")
    private var depth = 0
    /// What the innermost open element holds so far.
    private var content = Content.tag

    private enum Content {
        /// Nothing: its start tag is still open (`<name attr="…"`), attributes may follow.
        case tag
        case text
        case children
    }

    init(capacity: Int = 4096) {
        out = ByteBuffer(capacity: capacity)
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    }

    /// The document (every element must be ended), handed over without a copy.
    consuming func document() -> Data {
        precondition(depth == 0, "XML elements left open")
        return out.data()
    }

    /// `<name`, on a line of its own under its parent.
    @inline(__always)
    mutating func start(_ name: StaticString) {
        if depth > 0 {
            assert(content != .text, "an element after text in the same element")
            if content == .tag { out.append(">\n") }
        }
        out.appendSpaces(2 * depth)
        out.append(UInt8(ascii: "<"))
        out.append(name)
        names[depth] = name
        depth += 1
        content = .tag
    }

    /// ` name="value"` on the element just started.
    @inline(__always)
    mutating func attribute(_ name: StaticString, _ value: String) {
        beginAttribute(name)
        attributeValue(value)
        endAttribute()
    }

    /// ` name="value"` for a constant value (written as it is: no markup in it).
    @inline(__always)
    mutating func attribute(_ name: StaticString, constant value: StaticString) {
        beginAttribute(name)
        out.append(value)
        endAttribute()
    }

    /// ` name="`: an attribute whose value is written in parts (`attributeValue`) up to
    /// `endAttribute` (escaping each part alone gives the bytes of escaping them joined).
    @inline(__always)
    mutating func beginAttribute(_ name: StaticString) {
        assert(depth > 0 && content == .tag, "an attribute after an element's content")
        out.append(0x20)
        out.append(name)
        out.append("=\"")
    }

    /// Part of an attribute's value, escaped.
    @inline(__always)
    mutating func attributeValue(_ part: String) {
        Self.escape(part, into: &out)
    }

    /// Part of an attribute's value, escaped before.
    @inline(__always)
    mutating func attributeValue(_ part: Escaped) {
        if part.text.utf8.withContiguousStorageIfAvailable({ out.append($0) }) == nil {
            var text = part.text
            text.withUTF8 { out.append($0) }
        }
    }

    /// Part of an attribute's value that needs no escaping.
    @inline(__always)
    mutating func attributeValue(_ part: StaticString) {
        out.append(part)
    }

    @inline(__always)
    mutating func endAttribute() {
        out.append(UInt8(ascii: "\""))
    }

    /// The element's text (its only content), a constant (written as it is: no markup in it).
    @inline(__always)
    mutating func text(constant value: StaticString) {
        assert(depth > 0 && content == .tag, "text after an element's content")
        out.append(UInt8(ascii: ">"))
        out.append(value)
        content = .text
    }

    /// The element's text (its only content).
    @inline(__always)
    mutating func text(_ value: String) {
        assert(depth > 0 && content == .tag, "text after an element's content")
        out.append(UInt8(ascii: ">"))
        Self.escape(value, into: &out)
        content = .text
    }

    /// `</name>` (or `/>` for an element without content), then a line break.
    @inline(__always)
    mutating func end() {
        depth -= 1
        let name = names[depth]
        switch content {
        case .tag:
            out.append("/>")
        case .text:
            closeTag(name)
        case .children:
            out.appendSpaces(2 * depth)
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

    /// `<name>text</name>`, the text a constant.
    mutating func element(_ name: StaticString, constant value: StaticString) {
        start(name)
        text(constant: value)
        end()
    }

    /// `<name k1="v1">value</name>`, the attribute a constant, the text a number.
    mutating func element(_ name: StaticString, _ k1: StaticString, _ v1: StaticString, decimal value: Int) {
        start(name)
        attribute(k1, constant: v1)
        assert(content == .tag, "text after an element's content")
        out.append(UInt8(ascii: ">"))
        out.append(decimal: value)
        content = .text
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

    @inline(__always)
    private mutating func closeTag(_ name: StaticString) {
        out.append("</")
        out.append(name)
        out.append(UInt8(ascii: ">"))
    }

    /// The bytes below 0x40 `escape` changes: C0 controls and `"&'<>`.
    private static let special: UInt64 = 0xFFFF_FFFF | 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E

    /// Text escaped once (`Escape.xml`), for a name written into many attribute values.
    struct Escaped {
        fileprivate var text: String

        init(_ text: String) { self.text = Escape.xml(text) }
    }

    /// `Escape.xml(text)` appended as UTF-8, without building the escaped string: `&<>"'` as
    /// entities, tab, LF and CR as character references, other C0 controls and U+FFFE/U+FFFF
    /// as U+FFFD, everything else as it is.
    static func escape(_ text: String, into out: inout ByteBuffer) {
        // Native strings are contiguous UTF-8: no copy, no retain.
        if text.utf8.withContiguousStorageIfAvailable({ escape($0, into: &out) }) == nil {
            var text = text
            text.withUTF8 { escape($0, into: &out) }
        }
    }

    private static func escape(_ utf8: UnsafeBufferPointer<UInt8>, into out: inout ByteBuffer) {
        var mark = 0
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            // As it is: printable ASCII but markup, and UTF-8 other than U+FFFE/U+FFFF's lead byte.
            if byte < 0x40 ? (Self.special >> UInt64(byte)) & 1 == 0 : byte != 0xEF {
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
            out.append(UnsafeBufferPointer(rebasing: utf8[mark..<index]))
            out.append(replacement)
            index += length
            mark = index
        }
        out.append(UnsafeBufferPointer(rebasing: utf8[mark...]))
    }
}
