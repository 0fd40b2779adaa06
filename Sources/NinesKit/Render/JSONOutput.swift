import Foundation

/// The one JSON style of every machine-readable output: pretty, keys sorted, snake_case unless
/// the keys are already spelled, a trailing newline. JSONEncoder writes the small outputs
/// (`tco --json`, `size --json`, `calc --json`, `history --json`); plan.json is written by
/// `JSONText` in the same layout.
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
}
