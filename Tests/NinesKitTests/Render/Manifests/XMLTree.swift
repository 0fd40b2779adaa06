@testable import NinesKit

/// An XML element tree with a deterministic serialisation (attributes in the order given, two
/// spaces of indent, text and attribute values escaped by `Escape.xml`): the manifests' former
/// writer, kept as the reference `XMLStreamWriter` is compared with.
struct XMLTree {
    var name: String
    var attributes: [(String, String)] = []
    var children: [XMLTree] = []
    var text: String?

    init(_ name: String, _ attributes: [(String, String)] = [], text: String? = nil, _ children: [XMLTree] = []) {
        self.name = name
        self.attributes = attributes
        self.text = text
        self.children = children
    }

    /// The document with an XML declaration and a trailing newline.
    func document() -> String {
        String(decoding: documentBytes(), as: UTF8.self)
    }

    /// `document()` as UTF-8 bytes: appending to a byte array is several times cheaper than
    /// appending to a String, and the manifests are tens of thousands of documents.
    func documentBytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        out.append(contentsOf: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8)
        render(into: &out, indent: 0)
        out.append(0x0A)
        return out
    }

    func render(into out: inout [UInt8], indent: Int) {
        for _ in 0..<indent { out.append(0x20); out.append(0x20) }
        out.append(UInt8(ascii: "<"))
        out.append(contentsOf: name.utf8)
        for (key, value) in attributes {
            out.append(0x20)
            out.append(contentsOf: key.utf8)
            out.append(UInt8(ascii: "="))
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: Escape.xml(value).utf8)
            out.append(UInt8(ascii: "\""))
        }
        if children.isEmpty {
            guard let text else {
                out.append(UInt8(ascii: "/"))
                out.append(UInt8(ascii: ">"))
                return
            }
            out.append(UInt8(ascii: ">"))
            out.append(contentsOf: Escape.xml(text).utf8)
            closeTag(into: &out)
            return
        }
        out.append(UInt8(ascii: ">"))
        out.append(0x0A)
        for child in children {
            child.render(into: &out, indent: indent + 1)
            out.append(0x0A)
        }
        for _ in 0..<indent { out.append(0x20); out.append(0x20) }
        closeTag(into: &out)
    }

    private func closeTag(into out: inout [UInt8]) {
        out.append(UInt8(ascii: "<"))
        out.append(UInt8(ascii: "/"))
        out.append(contentsOf: name.utf8)
        out.append(UInt8(ascii: ">"))
    }
}
