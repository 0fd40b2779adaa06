import Foundation

/// The entries of a ustar archive (an OVA). Written by hand because no tar reader is among the
/// project's packages and the format needed here is tiny: 512-byte headers, sizes in octal.
/// Only regular files are listed; names are never used as paths on disk.
struct TarArchive {
    struct Entry {
        var name: String
        var offset: Int
        var size: Int
    }

    /// Largest entry read into memory (an OVF descriptor is kilobytes; disks are skipped).
    static let maxDescriptorBytes = 64 << 20

    let data: Data
    let path: String
    var entries: [Entry] = []

    init(url: URL, shownAs path: String) throws(ImportError) {
        self.path = path
        do { data = try Data(contentsOf: url, options: .mappedIfSafe) } catch { throw ImportError("\(path): cannot read the file") }
        var offset = 0
        while offset + 512 <= data.count {
            let header = data[data.startIndex + offset..<data.startIndex + offset + 512]
            if header.allSatisfy({ $0 == 0 }) { break }
            let name = Self.string(header, 0, 100)
            let prefix = Self.string(header, 345, 155)
            guard let size = Int(Self.string(header, 124, 12).trimmingCharacters(in: .whitespaces), radix: 8), size >= 0 else {
                throw ImportError("\(path): not a tar archive (bad header at byte \(offset))")
            }
            let type = header[header.startIndex + 156]
            let body = offset + 512
            guard body + size <= data.count else { throw ImportError("\(path): truncated tar entry '\(Escape.plain(name))'") }
            if type == 0x30 || type == 0 {
                entries.append(Entry(name: prefix.isEmpty ? name : prefix + "/" + name, offset: body, size: size))
            }
            offset = body + (size + 511) / 512 * 512
        }
        if entries.isEmpty { throw ImportError("\(path): not a tar archive, or an empty one") }
    }

    func read(_ entry: Entry) throws(ImportError) -> Data {
        guard entry.size <= Self.maxDescriptorBytes else {
            throw ImportError(
                "\(path): entry '\(Escape.plain(entry.name))' is \(entry.size) bytes, over the \(Self.maxDescriptorBytes)-byte limit")
        }
        return data[data.startIndex + entry.offset..<data.startIndex + entry.offset + entry.size]
    }

    private static func string(_ header: Data, _ start: Int, _ length: Int) -> String {
        let bytes = header[header.startIndex + start..<header.startIndex + start + length].prefix { $0 != 0 }
        return String(decoding: bytes, as: UTF8.self)
    }
}
