import Foundation

/// The file Nines leaves at the top of every output folder it writes: the list of the files it
/// wrote, with their sizes in bytes. A later run replaces a folder only when this marker says
/// Nines wrote everything in it and nothing was changed since (`OutputDestination`).
///
/// Plain text, one line per file in path order, so the same output gives the same bytes:
///
///     nines-output 1
///     1234 plan.json
///     56 manifests/pair-01/pair.yaml
///
/// Paths are percent-encoded where they hold `%`, a space, a control character or a non-ASCII
/// byte, so one line is always one file.
public struct OutputMarker: Sendable, Equatable {
    /// The marker's name inside the output folder.
    public static let fileName = ".nines-output"
    static let header = "nines-output 1"

    /// Relative path (`/`-separated) → size, bytes.
    public var files: [String: Int]

    public init(files: [String: Int]) {
        self.files = files
    }

    /// The marker's bytes, paths in order.
    public var data: Data {
        var bytes: [UInt8] = Array((Self.header + "\n").utf8)
        bytes.reserveCapacity(files.count * 48)
        for path in files.keys.sorted() {
            bytes.append(contentsOf: String(files[path]!).utf8)
            bytes.append(UInt8(ascii: " "))
            bytes.append(contentsOf: Self.encode(path).utf8)
            bytes.append(UInt8(ascii: "\n"))
        }
        return Data(bytes)
    }

    /// Reads a marker; nil when the file is not one (a file of that name Nines did not write
    /// is treated like any other foreign file).
    public static func read(_ data: Data) -> OutputMarker? {
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == Substring(header), lines.last == "" else { return nil }
        lines.removeFirst()
        lines.removeLast()
        var files: [String: Int] = [:]
        files.reserveCapacity(lines.count)
        for line in lines {
            guard let space = line.firstIndex(of: " "), let size = Int(line[..<space]), size >= 0,
                let path = decode(line[line.index(after: space)...]), OutputWriter.isSafe(path)
            else { return nil }
            files[path] = size
        }
        return OutputMarker(files: files)
    }

    static func encode(_ path: String) -> String {
        // Most paths need nothing: handed back as they are.
        if path.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "%") }) { return path }
        var out = ""
        for byte in path.utf8 {
            if byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "%") {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    static func decode(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var index = text.utf8.startIndex
        let utf8 = text.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%") {
                let high = utf8.index(after: index)
                guard high < utf8.endIndex, utf8.index(after: high) < utf8.endIndex,
                    let value = UInt8(String(decoding: [utf8[high], utf8[utf8.index(after: high)]], as: UTF8.self), radix: 16)
                else { return nil }
                bytes.append(value)
                index = utf8.index(high, offsetBy: 2)
            } else {
                bytes.append(byte)
                index = utf8.index(after: index)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
