/// An XML element tree with a deterministic serialisation (attributes in the order given, two
/// spaces of indent, text and attribute values escaped). Written here rather than with
/// FoundationXML so the bytes of every manifest are the same on every platform and run.
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
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out.reserveCapacity(4096)
        render(into: &out, indent: 0)
        out += "\n"
        return out
    }

    func render(into out: inout String, indent: Int) {
        for _ in 0..<indent { out.append("  ") }
        out.append("<")
        out.append(name)
        for (key, value) in attributes {
            out.append(" ")
            out.append(key)
            out.append("=\"")
            Escape.appendXML(value, to: &out)
            out.append("\"")
        }
        if children.isEmpty {
            guard let text else {
                out.append("/>")
                return
            }
            out.append(">")
            Escape.appendXML(text, to: &out)
            out.append("</")
            out.append(name)
            out.append(">")
            return
        }
        out.append(">\n")
        for child in children {
            child.render(into: &out, indent: indent + 1)
            out.append("\n")
        }
        for _ in 0..<indent { out.append("  ") }
        out.append("</")
        out.append(name)
        out.append(">")
    }
}
