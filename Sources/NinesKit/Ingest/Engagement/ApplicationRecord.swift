/// One application entry as flat, located key/value pairs (`sla.rto`, `impact.curve.4h`,
/// `depends_on`), whether it came from applications.yaml or applications.csv, so that both
/// are validated by the same code.
public struct ApplicationRecord {
    public var location: SourceLocation
    public var values: [String: Located<String>] = [:]
    public var lists: [String: [Located<String>]] = [:]
    /// Keys in the order they were read (for unknown-key reports).
    public var order: [(key: String, location: SourceLocation)] = []

    public init(location: SourceLocation) {
        self.location = location
    }

    public mutating func set(_ key: String, _ value: Located<String>) {
        values[key] = value
        order.append((key, value.location))
    }

    public mutating func setList(_ key: String, _ items: [Located<String>], at location: SourceLocation) {
        lists[key] = items
        order.append((key, location))
    }
}
