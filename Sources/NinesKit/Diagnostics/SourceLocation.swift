/// A place in an input file: the path as the user gave it and a 1-based line (0 when the
/// problem concerns the whole file).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file's path, as given on the command line or resolved from the engagement.
    public var file: String
    /// 1-based line; 0 means the whole file.
    public var line: Int

    public init(file: String, line: Int = 0) {
        self.file = file
        self.line = line
    }

    /// `path:line`, or just `path` for a whole-file location.
    public var description: String { line > 0 ? "\(file):\(line)" : file }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line) < (rhs.file, rhs.line)
    }
}

/// A value read from an input file together with where it was read.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
