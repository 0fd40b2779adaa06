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

    /// Replaces the empty array under `key` (a key of the object whose members are indented by
    /// `indent` spaces) in `document` with `elements`, written by `JSONText` in slices on every
    /// core in the same layout.
    static func splice<T: JSONValue & Sendable>(_ elements: [T], into document: Data, key: String, indent: Int) throws -> Data {
        let pad = String(repeating: " ", count: indent)
        let empty = Data("\n\(pad)\"\(key)\" : [\n\n\(pad)]".utf8)
        guard let range = document.range(of: empty) else {
            throw OutputError(path: key, reason: "no empty '\(key)' array to fill in the JSON document")
        }
        guard !elements.isEmpty else { return document }
        let sliceSize = 256
        let slices = (elements.count + sliceSize - 1) / sliceSize
        let results = ResultSlots<[UInt8]>(count: slices)
        let failure = FirstError()
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            // Each slice as the elements of an array at `indent`: ",\n" + indent + 2 before each.
            var json = JSONText(indent: indent + 2, capacity: 64 * 1024)
            for element in elements[(slice * sliceSize)..<min(elements.count, (slice + 1) * sliceSize)] {
                json.element(element)
            }
            if json.nonFinite {
                failure.set(OutputError(path: key, reason: "a number in '\(key)' is not finite (NaN or infinity)"))
            }
            results.set(slice, json.bytes)
        }
        if let error = failure.value { throw error }
        var out = Data()
        out.reserveCapacity(document.count + (0..<slices).reduce(0) { $0 + (results.value($1)?.count ?? 0) })
        out.append(document[..<range.lowerBound])
        out.append(Data("\n\(pad)\"\(key)\" : [".utf8))
        for slice in 0..<slices {
            if slice > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: results.value(slice)!)
        }
        out.append(Data("\n\(pad)]".utf8))
        out.append(document[range.upperBound...])
        return out
    }
}
