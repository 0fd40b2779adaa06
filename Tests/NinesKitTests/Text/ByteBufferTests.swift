import Foundation
import Testing

@testable import NinesKit

/// `ByteBuffer` keeps every byte across its growth, writes indents and decimals as `[UInt8]` and
/// `String` would, and hands its bytes to `Data` as they are.
@Suite struct ByteBufferTests {
    @Test func appendsAcrossGrowth() {
        var buffer = ByteBuffer(capacity: 0)
        var expected: [UInt8] = []
        for round in 0..<300 {
            buffer.append(UInt8(round % 256))
            expected.append(UInt8(round % 256))
            buffer.appendSpaces(round % 19)
            expected += Array(repeating: 0x20, count: round % 19)
            buffer.append("<tag>")
            expected += Array("<tag>".utf8)
            let value = round % 2 == 0 ? round * 7_919 : -round
            buffer.append(decimal: value)
            expected += Array(String(value).utf8)
        }
        for value in [Int.min, Int.max, 0, -1] {
            buffer.append(decimal: value)
            expected += Array(String(value).utf8)
        }
        #expect(buffer.count == expected.count)
        #expect(buffer.bytes == expected)
        #expect(buffer.data() == Data(expected))
    }
}
