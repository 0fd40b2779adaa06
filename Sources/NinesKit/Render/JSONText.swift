/// A value that writes itself as JSON, keys in sorted order.
protocol JSONValue {
    func write(to json: inout JSONText)
}

/// Pretty JSON written straight into UTF-8 bytes, in exactly JSONEncoder's layout
/// (`.prettyPrinted, .sortedKeys, .withoutEscapingSlashes`): two-space indent, `"key" : value`,
/// an empty container as an open line, doubles in Swift's shortest form without `.0`.
///
/// Written by hand for the plan's long arrays: JSONEncoder spent 0.75 CPU-seconds of a
/// 10,000-VM plan (a tenth of the run) boxing them through Codable containers. Types list their
/// members in sorted order themselves (checked in debug builds); a test compares the bytes with
/// JSONEncoder's on the sample, on hostile names and on every control character.
struct JSONText {
    private(set) var bytes: [UInt8] = []
    /// The indent of the container being written.
    private var indent: Int
    /// Nothing written yet in the container being written.
    private var empty = true
    /// A NaN or an infinity was met (JSON has no spelling for them; JSONEncoder throws).
    private(set) var nonFinite = false
    #if DEBUG
        private var lastKeys: [String] = [""]
    #endif

    /// A writer for a value at `indent` spaces.
    init(indent: Int = 0, capacity: Int = 0) {
        self.indent = indent
        bytes.reserveCapacity(capacity)
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
            let name = key.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
            assert(lastKeys[lastKeys.count - 1] < name, "JSON keys out of order: \(lastKeys[lastKeys.count - 1]) before \(name)")
            lastKeys[lastKeys.count - 1] = name
        #endif
        separate()
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), 0x20, UInt8(ascii: ":"), 0x20])
        value.write(to: &self)
    }

    /// One member, left out when `value` is nil (as the synthesised `Encodable` does).
    mutating func member<T: JSONValue>(_ key: StaticString, _ value: T?) {
        if let value { member(key, value) }
    }

    /// One element of the array being written.
    mutating func element<T: JSONValue>(_ value: T) {
        separate()
        value.write(to: &self)
    }

    mutating func number(_ value: Double) {
        guard value.isFinite else {
            nonFinite = true
            bytes.append(contentsOf: "null".utf8)
            return
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\n`-style or `\u00XX` escapes,
    /// everything else (slashes, non-ASCII) as it is.
    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                bytes.append(contentsOf: Self.escape(byte))
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func escape(_ byte: UInt8) -> [UInt8] {
        switch byte {
        case UInt8(ascii: "\""): return Array(#"\""#.utf8)
        case UInt8(ascii: "\\"): return Array(#"\\"#.utf8)
        case 0x08: return Array(#"\b"#.utf8)
        case 0x09: return Array(#"\t"#.utf8)
        case 0x0A: return Array(#"\n"#.utf8)
        case 0x0C: return Array(#"\f"#.utf8)
        case 0x0D: return Array(#"\r"#.utf8)
        default:
            let hex = Array("0123456789abcdef".utf8)
            return Array(#"\u00"#.utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
        }
    }

    /// Before a member or element: `,` after the previous one, a new line, the indent.
    private mutating func separate() {
        if !empty { bytes.append(UInt8(ascii: ",")) }
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: indent))
        empty = false
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        indent += 2
        empty = true
    }

    private mutating func close(_ bracket: UInt8) {
        // An empty container keeps an empty line, as JSONEncoder writes it.
        if empty { bytes.append(0x0A) }
        indent -= 2
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: indent))
        bytes.append(bracket)
        // The container itself is now the last thing written in its parent.
        empty = false
    }
}

extension Double: JSONValue {
    func write(to json: inout JSONText) { json.number(self) }
}

extension Int: JSONValue {
    func write(to json: inout JSONText) { json.raw(String(self)) }
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
