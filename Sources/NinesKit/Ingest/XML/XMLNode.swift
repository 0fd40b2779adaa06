/// A small element tree for the short XML documents Nines reads whole (OVF descriptors,
/// libvirt domains). Names are local names: namespace prefixes are dropped.
public struct XMLNode: Sendable {
    public var name: String
    public var attributes: [String: String]
    public var children: [XMLNode]
    public var text: String
    /// 1-based line of the start tag.
    public var line: Int

    /// Largest number of elements in one document.
    public static let maxElements = 200_000

    /// Reads a whole document into a tree.
    public static func parse(_ reader: XMLPullReader) throws(ImportError) -> XMLNode {
        var stack: [XMLNode] = []
        var root: XMLNode?
        var count = 0
        while let event = try reader.next() {
            switch event {
            case .start(let name):
                count += 1
                guard count <= maxElements else { throw ImportError("\(reader.source): more than \(maxElements) elements") }
                stack.append(XMLNode(name: name, attributes: reader.allAttributes(), children: [], text: "", line: reader.line))
            case .text(let text):
                if !stack.isEmpty { stack[stack.count - 1].text += text }
            case .end:
                guard let node = stack.popLast() else { continue }
                if stack.isEmpty { root = node } else { stack[stack.count - 1].children.append(node) }
            }
        }
        guard let root else { throw ImportError("\(reader.source): the document is empty") }
        return root
    }

    public func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }
    public func children(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }

    /// Every descendant element called `name`, in document order.
    public func descendants(_ name: String) -> [XMLNode] {
        children.flatMap { ($0.name == name ? [$0] : []) + $0.descendants(name) }
    }

    public var trimmedText: String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
}
