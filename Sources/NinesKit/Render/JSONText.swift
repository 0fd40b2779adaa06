import Foundation

/// A value that writes itself as JSON, keys in sorted order.
protocol JSONValue {
    func write(to json: inout JSONText)
}

/// Pretty JSON written straight into UTF-8 bytes, in exactly JSONEncoder's layout
/// (`.prettyPrinted, .sortedKeys, .withoutEscapingSlashes`): two-space indent, `"key" : value`,
/// an empty container as an open line, doubles in Swift's shortest form without `.0`.
///
/// The one writer of plan.json, end to end: JSONEncoder spent 0.75 CPU-seconds of a
/// 10,000-VM plan (a tenth of the run) boxing its long arrays through Codable containers.
/// Types list their members in sorted order themselves (checked in debug builds); a test
/// compares the bytes with JSONEncoder's, the reference, on the sample, on hostile names and
/// on every control character.
struct JSONText: ~Copyable {
    /// Finished bytes before `out`: the slices of long arrays, kept as written, not copied.
    private var parts: [Data] = []
    /// The bytes being written.
    private var out: ByteBuffer
    /// The indent of the container being written.
    private var indent: Int
    /// Nothing written yet in the container being written.
    private var empty: Bool
    /// A NaN or an infinity was met (JSON has no spelling for them; JSONEncoder throws).
    private(set) var nonFinite = false
    /// The keys from the document down to the first NaN or infinity.
    private(set) var nonFiniteKeys: [String] = []
    #if DEBUG
        private var lastKeys: [String] = [""]
    #endif

    /// A writer for a value at `indent` spaces; `continuing` when elements were written
    /// before it in the same array (the first one it writes is then preceded by a comma).
    init(indent: Int = 0, capacity: Int = 4096, continuing: Bool = false) {
        self.indent = indent
        empty = !continuing
        out = ByteBuffer(capacity: capacity)
    }

    /// Everything written.
    var bytes: [UInt8] { parts.flatMap { Array($0) } + out.bytes }

    /// Everything written, and a line break (a document's last byte).
    consuming func document() -> Data {
        out.append(0x0A)
        let last = out.data()
        guard !parts.isEmpty else { return last }
        var data = Data(capacity: parts.reduce(last.count) { $0 + $1.count })
        for part in parts { data.append(part) }
        data.append(last)
        return data
    }

    /// The bytes written, in parts (a slice of a long array).
    private consuming func finished() -> [Data] {
        parts + [out.data()]
    }

    /// `{ … }`: `body` writes the members with `member`, in sorted key order.
    mutating func object(_ body: (inout JSONText) -> Void) {
        open(UInt8(ascii: "{"))
        #if DEBUG
            lastKeys.append("")
        #endif
        body(&self)
        #if DEBUG
            lastKeys.removeLast()
        #endif
        close(UInt8(ascii: "}"))
    }

    /// `[ … ]` of `values`.
    mutating func array<S: Sequence>(_ values: S) where S.Element: JSONValue {
        open(UInt8(ascii: "["))
        for value in values { element(value) }
        close(UInt8(ascii: "]"))
    }

    /// One member of the object being written; `key` is plain ASCII, written as it is.
    mutating func member<T: JSONValue>(_ key: StaticString, _ value: T) {
        #if DEBUG
            let name = key.description
            assert(lastKeys[lastKeys.count - 1] < name, "JSON keys out of order: \(lastKeys[lastKeys.count - 1]) before \(name)")
            lastKeys[lastKeys.count - 1] = name
        #endif
        separate()
        out.append(UInt8(ascii: "\""))
        out.append(key)
        out.append("\" : ")
        let before = nonFinite
        value.write(to: &self)
        if nonFinite && !before { nonFiniteKeys.insert(key.description, at: 0) }
    }

    /// One member, left out when `value` is nil (as the synthesised `Encodable` does).
    mutating func member<T: JSONValue>(_ key: StaticString, _ value: T?) {
        if let value { member(key, value) }
    }

    /// One member, `null` when `value` is nil (as `encode` of an optional does).
    mutating func member<T: JSONValue>(_ key: StaticString, orNull value: T?) {
        member(key, Nullable(value: value))
    }

    /// A member whose key comes from the data (a dictionary's), escaped as a string. The
    /// caller sorts the keys by their UTF-8 bytes, as JSONEncoder does.
    mutating func member<T: JSONValue>(string key: String, _ value: T) {
        separate()
        string(key)
        out.append(" : ")
        let before = nonFinite
        value.write(to: &self)
        if nonFinite && !before { nonFiniteKeys.insert(key, at: 0) }
    }

    /// A member holding a long array, its elements written in slices of `slice` on every core
    /// and kept in order: the same bytes as `member(key, elements)`.
    mutating func member<T: JSONValue & Sendable>(_ key: StaticString, _ elements: [T], slices slice: Int) {
        member(key, Sliced(elements: elements, size: slice))
    }

    private struct Sliced<T: JSONValue & Sendable>: JSONValue {
        var elements: [T]
        var size: Int

        func write(to json: inout JSONText) { json.slicedArray(elements, size: size) }
    }

    private struct Nullable<T: JSONValue>: JSONValue {
        var value: T?

        func write(to json: inout JSONText) {
            if let value { value.write(to: &json) } else { json.raw("null") }
        }
    }

    private mutating func slicedArray<T: JSONValue & Sendable>(_ elements: [T], size: Int) {
        guard elements.count > size else { return array(elements) }
        open(UInt8(ascii: "["))
        let indent = indent
        let slices = Parallel.map((elements.count + size - 1) / size) { slice in
            var json = JSONText(indent: indent, capacity: 64 * 1024, continuing: slice > 0)
            for element in elements[(slice * size)..<min(elements.count, (slice + 1) * size)] { json.element(element) }
            let keys = json.nonFinite ? json.nonFiniteKeys : nil
            return (parts: json.finished(), nonFiniteKeys: keys)
        }
        var written = ByteBuffer(capacity: 4096)
        swap(&written, &out)
        parts.append(written.data())
        for slice in slices { parts.append(contentsOf: slice.parts) }
        if !nonFinite, let keys = slices.lazy.compactMap(\.nonFiniteKeys).first {
            nonFinite = true
            nonFiniteKeys = keys
        }
        empty = false
        close(UInt8(ascii: "]"))
    }

    /// One element of the array being written.
    mutating func element<T: JSONValue>(_ value: T) {
        separate()
        value.write(to: &self)
    }

    /// A number as JSONEncoder writes it: Swift's shortest form, without `.0`; whole numbers
    /// below 10^15 (spelled in plain digits by `description`) written without it.
    mutating func number(_ value: Double) {
        guard value.isFinite else {
            nonFinite = true
            out.append("null")
            return
        }
        if value.magnitude < 1e15, value == value.rounded(.towardZero), !(value == 0 && value.sign == .minus) {
            out.append(decimal: Int(value))
            return
        }
        var text = value.description
        text.withUTF8 { utf8 in
            let whole = utf8.count >= 2 && utf8[utf8.count - 2] == UInt8(ascii: ".") && utf8[utf8.count - 1] == UInt8(ascii: "0")
            out.append(UnsafeBufferPointer(rebasing: utf8[..<(utf8.count - (whole ? 2 : 0))]))
        }
    }

    mutating func integer(_ value: Int) {
        out.append(decimal: value)
    }

    mutating func raw(_ text: StaticString) {
        out.append(text)
    }

    mutating func raw(_ text: String) {
        var text = text
        text.withUTF8 { out.append($0) }
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\n`-style or `\u00XX` escapes,
    /// everything else (slashes, non-ASCII) as it is.
    mutating func string(_ value: String) {
        out.append(UInt8(ascii: "\""))
        if value.utf8.withContiguousStorageIfAvailable({ Self.escape($0, into: &out) }) == nil {
            var value = value
            value.withUTF8 { Self.escape($0, into: &out) }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func escape(_ utf8: UnsafeBufferPointer<UInt8>, into out: inout ByteBuffer) {
        var start = 0
        for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
            out.append(UnsafeBufferPointer(rebasing: utf8[start..<index]))
            switch byte {
            case UInt8(ascii: "\""): out.append(#"\""#)
            case UInt8(ascii: "\\"): out.append(#"\\"#)
            case 0x08: out.append(#"\b"#)
            case 0x09: out.append(#"\t"#)
            case 0x0A: out.append(#"\n"#)
            case 0x0C: out.append(#"\f"#)
            case 0x0D: out.append(#"\r"#)
            default:
                let hex: StaticString = "0123456789abcdef"
                out.append(#"\u00"#)
                hex.withUTF8Buffer { digits in
                    out.append(digits[Int(byte >> 4)])
                    out.append(digits[Int(byte & 0x0F)])
                }
            }
            start = index + 1
        }
        out.append(UnsafeBufferPointer(rebasing: utf8[start...]))
    }

    /// Before a member or element: `,` after the previous one, a new line, the indent.
    private mutating func separate() {
        if !empty { out.append(UInt8(ascii: ",")) }
        out.append(0x0A)
        out.appendSpaces(indent)
        empty = false
    }

    private mutating func open(_ bracket: UInt8) {
        out.append(bracket)
        indent += 2
        empty = true
    }

    private mutating func close(_ bracket: UInt8) {
        // An empty container keeps an empty line, as JSONEncoder writes it.
        if empty { out.append(0x0A) }
        indent -= 2
        out.append(0x0A)
        out.appendSpaces(indent)
        out.append(bracket)
        // The container itself is now the last thing written in its parent.
        empty = false
    }
}

extension Double: JSONValue {
    func write(to json: inout JSONText) { json.number(self) }
}

extension Int: JSONValue {
    func write(to json: inout JSONText) { json.integer(self) }
}

extension UInt64: JSONValue {
    func write(to json: inout JSONText) { json.raw(String(self)) }
}

extension Bool: JSONValue {
    func write(to json: inout JSONText) { json.raw(self ? "true" : "false") }
}

extension String: JSONValue {
    func write(to json: inout JSONText) { json.string(self) }
}

extension Array: JSONValue where Element: JSONValue {
    func write(to json: inout JSONText) { json.array(self) }
}

/// An object whose keys are the dictionary's, sorted by their UTF-8 bytes (JSONEncoder's
/// order for `.sortedKeys`; not converted to snake_case, as JSONEncoder leaves them).
extension Dictionary: JSONValue where Key == String, Value: JSONValue {
    func write(to json: inout JSONText) {
        let sorted = self.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        json.object { json in
            for (key, value) in sorted { json.member(string: key, value) }
        }
    }
}
