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
    /// `indent` spaces) in `document` with `elements`, encoded in slices on every core in the
    /// same style (`snakeCase: false` when the elements' keys are already spelled, which
    /// saves converting every key). JSON strings hold no raw line breaks, so every line break in an encoded slice
    /// is layout and re-indenting it is safe.
    static func splice<T: Encodable & Sendable>(
        _ elements: [T], into document: Data, key: String, indent: Int, snakeCase: Bool = true
    ) throws -> Data {
        let pad = String(repeating: " ", count: indent)
        let empty = Data("\n\(pad)\"\(key)\" : [\n\n\(pad)]".utf8)
        guard let range = document.range(of: empty) else {
            throw OutputError(path: key, reason: "no empty '\(key)' array to fill in the JSON document")
        }
        guard !elements.isEmpty else { return document }
        let sliceSize = 256
        let slices = (elements.count + sliceSize - 1) / sliceSize
        let results = ResultSlots<Data>(count: slices)
        let failure = FirstError()
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            do {
                let part = Array(elements[(slice * sliceSize)..<min(elements.count, (slice + 1) * sliceSize)])
                var encoded = try data(part, snakeCase: snakeCase)
                // "[\n  {…},\n  {…}\n]\n" → the elements alone, each line indented `indent` more.
                encoded.removeFirst(2)
                encoded.removeLast(3)
                results.set(slice, reindented(encoded, by: indent))
            } catch {
                failure.set(error)
            }
        }
        if let error = failure.value { throw error }
        var out = Data()
        out.reserveCapacity(document.count + (0..<slices).reduce(0) { $0 + (results.value($1)?.count ?? 0) + 2 })
        out.append(document[..<range.lowerBound])
        out.append(Data("\n\(pad)\"\(key)\" : [\n".utf8))
        for slice in 0..<slices {
            if slice > 0 { out.append(Data(",\n".utf8)) }
            out.append(results.value(slice)!)
        }
        out.append(Data("\n\(pad)]".utf8))
        out.append(document[range.upperBound...])
        return out
    }

    /// Every line indented by `spaces` more, except empty lines (JSONEncoder leaves the blank
    /// line inside an empty array unindented).
    private static func reindented(_ data: Data, by spaces: Int) -> Data {
        var out = [UInt8]()
        out.reserveCapacity(data.count + data.count / 8)
        var lineStart = true
        data.withUnsafeBytes { bytes in
            for byte in bytes {
                if lineStart && byte != 0x0A { out.append(contentsOf: repeatElement(0x20, count: spaces)) }
                out.append(byte)
                lineStart = byte == 0x0A
            }
        }
        return Data(out)
    }
}
