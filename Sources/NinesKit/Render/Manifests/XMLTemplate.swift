import Foundation

/// An `XMLTree` document rendered once with placeholders in place of its variable text, then
/// filled in for each use: tens of thousands of manifests share one shape, and building and
/// walking a tree per manifest was most of their cost.
///
/// The bytes are exactly those of rendering the tree with the values in place: XML escaping
/// works character by character, so a value escaped alone and set into its escaped
/// surroundings reads the same as the whole escaped at once (a test compares the two).
struct XMLTemplate: Sendable {
    /// Constant bytes between the slots: `pieces[0] slot pieces[1] slot … pieces[n]`.
    private let pieces: [[UInt8]]
    /// The value each slot takes, by index into the values given to `render`.
    private let slots: [Int]

    /// `build` receives one placeholder string per value and returns the document's tree with
    /// them where the values go (in text or attributes, alone or inside longer strings).
    init(values count: Int, _ build: ([String]) -> XMLTree) {
        let placeholders = (0..<count).map { Self.placeholder($0) }
        let rendered = build(placeholders).documentBytes()
        var pieces: [[UInt8]] = []
        var slots: [Int] = []
        var start = 0
        var index = 0
        // Placeholders are four-byte private-use scalars (F3 B0 …): no constant text of a
        // manifest holds one, and the values are not part of the rendered template.
        while index + 3 < rendered.count {
            if rendered[index] == 0xF3, rendered[index + 1] == 0xB0 {
                pieces.append(Array(rendered[start..<index]))
                slots.append((Int(rendered[index + 2]) - 0x80) << 6 | (Int(rendered[index + 3]) - 0x80))
                index += 4
                start = index
            } else {
                index += 1
            }
        }
        pieces.append(Array(rendered[start...]))
        self.pieces = pieces
        self.slots = slots
    }

    /// Up to 4,096 values: U+F0000 + i, whose UTF-8 is F3 B0 then i in two six-bit bytes.
    private static func placeholder(_ index: Int) -> String {
        precondition(index < 4096, "at most 4,096 values in an XML template")
        return String(UnicodeScalar(0xF0000 + UInt32(index))!)
    }

    /// The document with `values` (escaped) in place of the placeholders.
    func render(_ values: [String]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(pieces.reduce(0) { $0 + $1.count } + 64 * slots.count)
        for (offset, slot) in slots.enumerated() {
            out.append(contentsOf: pieces[offset])
            Escape.appendXML(values[slot], to: &out)
        }
        out.append(contentsOf: pieces[pieces.count - 1])
        return out
    }
}

extension XMLTemplate {
    /// Templates built on first use, one per shape (a VM count, a number of networks).
    final class Cache<Key: Hashable & Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var templates: [Key: XMLTemplate] = [:]

        init() {}

        func template(_ key: Key, values: Int, _ build: ([String]) -> XMLTree) -> XMLTemplate {
            if let known = lock.withLock({ templates[key] }) { return known }
            let made = XMLTemplate(values: values, build)
            lock.withLock { templates[key] = made }
            return made
        }
    }
}
