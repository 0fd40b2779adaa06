import Foundation

/// The one JSON style of every machine-readable output: pretty, keys sorted, snake_case unless
/// the keys are already spelled, a trailing newline.
public enum JSONOutput {
    public static func data<T: Encodable>(_ value: T, snakeCase: Bool = true) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        if snakeCase { encoder.keyEncodingStrategy = .convertToSnakeCase }
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    public static func string<T: Encodable>(_ value: T, snakeCase: Bool = true) throws -> String {
        String(decoding: try data(value, snakeCase: snakeCase), as: UTF8.self)
    }

    /// An array to write into a document in place of its empty `"key" : [ ]` (a key of the
    /// object whose members are indented by `indent` spaces).
    struct Fill {
        var key: String
        var indent: Int
        /// The elements, written in slices.
        var slices: [[UInt8]]
        var nonFinite: Bool

        /// `elements` written by `JSONText` in slices on every core, in JSONEncoder's layout.
        init<T: JSONValue & Sendable>(_ elements: [T], key: String, indent: Int) {
            self.key = key
            self.indent = indent
            let sliceSize = 256
            let count = (elements.count + sliceSize - 1) / sliceSize
            let results = Parallel.map(count) { slice in
                // Each slice as elements of an array at `indent`: ",\n" + indent + 2 before each.
                var json = JSONText(indent: indent + 2, capacity: 64 * 1024)
                for element in elements[(slice * sliceSize)..<min(elements.count, (slice + 1) * sliceSize)] {
                    json.element(element)
                }
                return (bytes: json.bytes, nonFinite: json.nonFinite)
            }
            slices = results.map(\.bytes)
            nonFinite = results.contains { $0.nonFinite }
        }
    }

    /// `document` with each fill's empty array replaced by its elements. The empty arrays are
    /// found in `document` alone (small: the long arrays are left out of it), so the bytes
    /// filled in are never searched.
    static func fill(_ document: Data, with fills: [Fill]) throws -> Data {
        var places: [(range: Range<Data.Index>, fill: Fill)] = []
        for fill in fills where !fill.slices.isEmpty {
            let pad = String(repeating: " ", count: fill.indent)
            guard let range = document.range(of: Data("\n\(pad)\"\(fill.key)\" : [\n\n\(pad)]".utf8)) else {
                throw OutputError(path: fill.key, reason: "no empty '\(fill.key)' array to fill in the JSON document")
            }
            if fill.nonFinite {
                throw OutputError(path: fill.key, reason: "a number in '\(fill.key)' is not finite (NaN or infinity)")
            }
            places.append((range, fill))
        }
        places.sort { $0.range.lowerBound < $1.range.lowerBound }
        var out = Data()
        out.reserveCapacity(document.count + places.reduce(0) { $0 + $1.fill.slices.reduce(0) { $0 + $1.count + 1 } })
        var cursor = document.startIndex
        for (range, fill) in places {
            let pad = String(repeating: " ", count: fill.indent)
            out.append(document[cursor..<range.lowerBound])
            out.append(Data("\n\(pad)\"\(fill.key)\" : [".utf8))
            for (index, slice) in fill.slices.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: slice)
            }
            out.append(Data("\n\(pad)]".utf8))
            cursor = range.upperBound
        }
        out.append(document[cursor...])
        return out
    }
}
