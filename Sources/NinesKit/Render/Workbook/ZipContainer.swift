import Foundation
import ZIPFoundation

#if canImport(CZlib)
    import CZlib
#endif

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

    /// Bytes deflated as one piece; a larger entry is cut into pieces of this size, deflated
    /// on every core and joined (each piece but the last ends on a byte boundary with a sync
    /// flush, as pigz does), so the bytes depend on the data alone.
    static let piece = 4 << 20

    /// Raw deflate and the CRC-32 of the input.
    private static func deflate(_ data: Data) throws -> (bytes: Data, crc: UInt32) {
        #if canImport(CZlib)
            let pieces = max(1, (data.count + piece - 1) / piece)
            let deflated = try Parallel.map(pieces) { index in
                try data.withUnsafeBytes { raw in
                    let start = index * piece
                    let slice = UnsafeRawBufferPointer(rebasing: raw[start..<min(start + piece, raw.count)])
                    return try deflatePiece(slice, last: index == pieces - 1)
                }
            }
            let crc = data.withUnsafeBytes { raw -> UInt32 in
                guard let base = raw.bindMemory(to: UInt8.self).baseAddress else { return 0 }
                return UInt32(crc32_z(0, base, raw.count))
            }
            return (deflated.reduce(into: Data()) { $0.append($1) }, crc)
        #else
            var bytes = Data()
            let crc = try Data.compress(
                size: Int64(data.count), bufferSize: 1 << 16,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) },
                consumer: { bytes.append($0) })
            return (bytes, crc)
        #endif
    }

    #if canImport(CZlib)
        /// Raw deflate at zlib's level 3: on the sheets of a 10,000-VM plan (14.7 MB of XML)
        /// 2.3 times as fast as the default level 6 for 14% more bytes.
        private static func deflatePiece(_ input: UnsafeRawBufferPointer, last: Bool) throws -> Data {
            var stream = z_stream()
            guard
                deflateInit2_(&stream, 3, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
                    == Z_OK
            else { throw OutputError(path: "plan.xlsx", reason: "zlib could not start") }
            defer { deflateEnd(&stream) }
            var output = Data(count: Int(deflateBound(&stream, UInt(input.count))) + 16)
            let written = try output.withUnsafeMutableBytes { out -> Int in
                stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: UInt8.self).baseAddress)
                stream.avail_in = UInt32(input.count)
                stream.next_out = out.bindMemory(to: UInt8.self).baseAddress
                stream.avail_out = UInt32(out.count)
                let result = CZlib.deflate(&stream, last ? Z_FINISH : Z_SYNC_FLUSH)
                guard result == (last ? Z_STREAM_END : Z_OK), stream.avail_in == 0, stream.avail_out > 0 else {
                    throw OutputError(path: "plan.xlsx", reason: "zlib could not deflate (\(result))")
                }
                return out.count - Int(stream.avail_out)
            }
            output.count = written
            return output
        }
    #endif

    private static func le16(_ value: UInt16) -> Data { withUnsafeBytes(of: value.littleEndian) { Data($0) } }
    private static func le32(_ value: UInt32) -> Data { withUnsafeBytes(of: value.littleEndian) { Data($0) } }
}
