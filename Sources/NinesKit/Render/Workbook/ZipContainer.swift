import Foundation
import ZIPFoundation

/// A zip file written in one pass, for the xlsx package: every entry deflated (the entries on
/// every core), stamped 1980-01-01 00:00 (the first date a zip can hold) and kept in the order
/// given, with no extra fields, so the same entries always give the same bytes.
enum ZipContainer {
    struct Entry: Sendable {
        /// Path inside the archive, ASCII, `/`-separated.
        var path: String
        var data: Data
    }

    /// The archive's bytes; entries over 4 GiB (which would need ZIP64) are refused.
    static func data(_ entries: [Entry]) throws -> Data {
        let deflated = try Parallel.map(entries.count) { index in try deflate(entries[index].data) }
        var out = Data()
        var central = Data()
        for (entry, packed) in zip(entries, deflated) {
            guard out.count < UInt32.max, packed.bytes.count < UInt32.max, entry.data.count < UInt32.max else {
                throw OutputError(path: entry.path, reason: "the workbook is over 4 GiB")
            }
            let name = Data(entry.path.utf8)
            let common = header(crc: packed.crc, compressed: packed.bytes.count, size: entry.data.count, nameLength: name.count)
            central.append(le32(0x0201_4b50) + le16(20) + common + le16(0) + le16(0) + le16(0) + le32(0) + le32(UInt32(out.count)))
            central.append(name)
            out.append(le32(0x0403_4b50) + common)
            out.append(name)
            out.append(packed.bytes)
        }
        let centralOffset = out.count
        out.append(central)
        let count = le16(UInt16(entries.count))
        out.append(le32(0x0605_4b50) + le16(0) + le16(0) + count + count + le32(UInt32(central.count)) + le32(UInt32(centralOffset)))
        out.append(le16(0))
        return out
    }

    /// The fields a local header and a central directory record share, from "version needed"
    /// to the extra field's length: deflate, 1980-01-01 00:00.
    private static func header(crc: UInt32, compressed: Int, size: Int, nameLength: Int) -> Data {
        let dosTime: UInt16 = 0
        let dosDate: UInt16 = 1 | 1 << 5  // day 1, month 1, year 1980 + 0
        return le16(20) + le16(0) + le16(8) + le16(dosTime) + le16(dosDate) + le32(crc) + le32(UInt32(compressed))
            + le32(UInt32(size)) + le16(UInt16(nameLength)) + le16(0)
    }

    /// Raw deflate (zlib's default level) and the CRC-32 of the input.
    private static func deflate(_ data: Data) throws -> (bytes: Data, crc: UInt32) {
        var bytes = Data()
        bytes.reserveCapacity(data.count / 8 + 64)
        let chunk = 1 << 16
        let crc = try Data.compress(
            size: Int64(data.count), bufferSize: chunk,
            provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) },
            consumer: { bytes.append($0) })
        return (bytes, crc)
    }

    private static func le16(_ value: UInt16) -> Data { withUnsafeBytes(of: value.littleEndian) { Data($0) } }
    private static func le32(_ value: UInt32) -> Data { withUnsafeBytes(of: value.littleEndian) { Data($0) } }
}
