import CXMLShim
import Foundation

/// A streaming XML reader over libxml2 (through CXMLShim), safe for hostile input: no
/// network, no DTDs, no entities, bounded depth and size. Used for xlsx sheets, OVF and
/// libvirt domain XML.
public final class XMLPullReader {
    public enum Event: Equatable {
        case start(name: String)
        case text(String)
        case end(name: String)
    }

    /// Largest XML document read, bytes.
    public static let maxBytes = 1 << 30

    /// Owns its copy of the document (see `cx_reader_new`): libxml2 reads the buffer it is
    /// given for the reader's whole life, and the bytes `Data.withUnsafeBytes` lends are valid
    /// only inside the closure (for a `Data` of up to 14 bytes they are a temporary copy).
    private let reader: OpaquePointer
    /// Where errors are reported (file, and sheet or entry inside it).
    public let source: String
    private var pendingEnd: String?

    public init(data: Data, source: String) throws(ImportError) {
        guard data.count <= Self.maxBytes else {
            throw ImportError("\(source): XML of \(data.count) bytes is over the \(Self.maxBytes)-byte limit")
        }
        self.source = source
        let reader = data.withUnsafeBytes { raw in
            cx_reader_new(raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count, source)
        }
        guard let reader else { throw ImportError("\(source): out of memory for an XML document of \(data.count) bytes") }
        self.reader = reader
    }

    deinit { cx_reader_free(reader) }

    /// The next event, or nil at the end of the document.
    public func next() throws(ImportError) -> Event? {
        if let name = pendingEnd {
            pendingEnd = nil
            return .end(name: name)
        }
        // A loop, not recursion: a document can hold millions of comments in a row.
        while true {
            switch cx_reader_next(reader) {
            case 0: return nil
            case -1:
                let message = cx_reader_error(reader).map { String(cString: $0) } ?? "malformed XML"
                throw ImportError(message, at: SourceLocation(file: source, line: Int(cx_reader_error_line(reader))))
            case Int32(CX_ELEMENT):
                let name = String(cString: cx_reader_name(reader))
                if cx_reader_is_empty(reader) == 1 { pendingEnd = name }
                return .start(name: name)
            case Int32(CX_TEXT), Int32(CX_CDATA):
                return .text(String(cString: cx_reader_value(reader)))
            case Int32(CX_END_ELEMENT):
                return .end(name: String(cString: cx_reader_name(reader)))
            default:
                continue
            }
        }
    }

    /// An attribute of the element just started, by qualified name (`r`, `r:id`).
    public func attribute(_ name: String) -> String? {
        cx_reader_attribute(reader, name).map { String(cString: $0) }
    }

    /// An attribute by local name, whatever its prefix (`rasd:ResourceType` → `ResourceType`).
    public func attribute(local name: String) -> String? {
        cx_reader_attribute_local(reader, name).map { String(cString: $0) }
    }

    public var line: Int { Int(cx_reader_line(reader)) }

    /// Every attribute of the element just started, by local name.
    public func allAttributes() -> [String: String] {
        var result: [String: String] = [:]
        let count = cx_reader_attribute_count(reader)
        guard count > 0 else { return result }
        for index in 0..<count {
            var name: UnsafePointer<CChar>?
            var value: UnsafePointer<CChar>?
            if cx_reader_attribute_at(reader, index, &name, &value) == 1, let name, let value {
                result[String(cString: name)] = String(cString: value)
            }
        }
        return result
    }

    /// The text inside the element just started, up to its end (nested text concatenated).
    public func text(of name: String) throws(ImportError) -> String {
        var result = ""
        var depth = 1
        while let event = try next() {
            switch event {
            case .start: depth += 1
            case .text(let text): result += text
            case .end:
                depth -= 1
                if depth == 0 { return result }
            }
        }
        return result
    }
}
