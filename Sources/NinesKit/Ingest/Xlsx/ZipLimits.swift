import Foundation
import ZIPFoundation

/// Opens a zip archive (an xlsx workbook) with its size checked before anything is inflated:
/// entry count, declared uncompressed size and compression ratio; while inflating, the bytes
/// actually produced are counted too, since the sizes a zip declares can lie. A zip bomb is
/// refused in milliseconds, before it can exhaust memory.
public struct ZipLimits: Sendable {
    /// Most entries in one archive.
    public var maxEntries = 10_000
    /// Largest uncompressed entry, bytes.
    public var maxEntryBytes: UInt64 = 1 << 30
    /// Largest uncompressed total of the entries read, bytes.
    public var maxTotalBytes: UInt64 = 2 << 30
    /// Highest uncompressed ÷ compressed ratio of one entry (XML sheets compress 5–50×).
    public var maxRatio: Double = 200

    public init() {}

    /// Opens `url` and checks every entry's declared sizes.
    public func open(_ url: URL, shownAs path: String) throws(ImportError) -> Archive {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw ImportError("\(path): not a zip archive (an .xlsx workbook is one): \(error)")
        }
        var count = 0
        var total: UInt64 = 0
        for entry in archive {
            count += 1
            guard count <= maxEntries else { throw ImportError("\(path): more than \(maxEntries) entries; refused as a possible zip bomb") }
            try check(entry, in: path)
            total += entry.uncompressedSize
        }
        guard total <= maxTotalBytes else {
            throw ImportError(
                "\(path): entries inflate to \(total) bytes, over the \(maxTotalBytes)-byte limit; refused as a possible zip bomb")
        }
        return archive
    }

    private func check(_ entry: Entry, in path: String) throws(ImportError) {
        let size = entry.uncompressedSize
        guard size <= maxEntryBytes else {
            throw ImportError(
                "\(path): entry '\(Escape.plain(entry.path))' inflates to \(size) bytes, over the \(maxEntryBytes)-byte limit; refused as a possible zip bomb"
            )
        }
        let ratio = Double(size) / Double(max(entry.compressedSize, 1))
        guard size < 1 << 20 || ratio <= maxRatio else {
            throw ImportError(
                "\(path): entry '\(Escape.plain(entry.path))' compresses \(Int(ratio)):1, over the \(Int(maxRatio)):1 limit; refused as a possible zip bomb"
            )
        }
    }

    /// Inflates one entry into memory, stopping as soon as it produces more than it declared.
    public func read(_ entry: Entry, from archive: Archive, shownAs path: String) throws(ImportError) -> Data {
        var data = Data()
        let limit = min(entry.uncompressedSize, maxEntryBytes)
        data.reserveCapacity(Int(limit))
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard UInt64(data.count + chunk.count) <= limit else { throw Overflow() }
                data.append(chunk)
            }
        } catch is Overflow {
            throw ImportError(
                "\(path): entry '\(Escape.plain(entry.path))' inflates past its declared size; refused as a possible zip bomb")
        } catch {
            throw ImportError("\(path): entry '\(Escape.plain(entry.path))' cannot be inflated: \(error)")
        }
        return data
    }

    private struct Overflow: Error {}
}
