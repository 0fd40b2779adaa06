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
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + render(indent: 0) + "\n"
    }

    func render(indent: Int) -> String {
        let pad = String(repeating: "  ", count: indent)
        let attrs = attributes.map { " \($0.0)=\"\(Escape.xml($0.1))\"" }.joined()
        if children.isEmpty {
            guard let text else { return "\(pad)<\(name)\(attrs)/>" }
            return "\(pad)<\(name)\(attrs)>\(Escape.xml(text))</\(name)>"
        }
        let inner = children.map { $0.render(indent: indent + 1) }.joined(separator: "\n")
        return "\(pad)<\(name)\(attrs)>\n\(inner)\n\(pad)</\(name)>"
    }
}
