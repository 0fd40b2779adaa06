import Foundation
import Testing

@testable import NinesKit

/// `JSONText` and the sliced, parallel writing of long arrays give exactly the bytes of one
/// JSONEncoder pass (`.prettyPrinted, .sortedKeys, .withoutEscapingSlashes`), the reference.
@Suite struct JSONOutputTests {
    struct Inner: Encodable, Sendable, JSONValue {
        var count: Int
        var flag: Bool

        func write(to json: inout JSONText) {
            json.object { json in
                json.member("count", count)
                json.member("flag", flag)
            }
        }
    }

    struct Item: Encodable, Sendable, JSONValue {
        var name: String
        var values: [Double]
        var notes: [String]
        var inner: [Inner]
        var missing: String?

        func write(to json: inout JSONText) {
            json.object { json in
                json.member("inner", inner)
                json.member("missing", missing)
                json.member("name", name)
                json.member("notes", notes)
                json.member("values", values)
            }
        }
    }

    struct Document: Encodable, Sendable {
        var title: String
        var items: [Item]
        var tail: [String]
    }

    static func items(_ count: Int) -> [Item] {
        (0..<count).map { i in
            Item(
                name: "item \(i) with \"quotes\", a \\ and\nline break", values: i % 3 == 0 ? [] : [Double(i), 0.5, -0.0, 1e-7],
                notes: i % 2 == 0 ? [] : ["n\(i)"], inner: i % 5 == 0 ? [] : [Inner(count: -i, flag: i % 2 == 0)],
                missing: i % 4 == 0 ? "here" : nil)
        }
    }

    @Test(arguments: [0, 1, 255, 256, 257, 1000])
    func splicedArrayEqualsOnePass(count: Int) throws {
        let document = Document(title: "t", items: Self.items(count), tail: ["x"])
        var shell = document
        shell.items = []
        let spliced = try JSONOutput.fill(JSONOutput.data(shell), with: [.init(document.items, key: "items", indent: 2)])
        #expect(spliced == (try JSONOutput.data(document)))
    }

    /// Every control character, quotes, backslashes, slashes, non-ASCII, and doubles from the
    /// smallest subnormal to the largest finite, each as JSONEncoder writes it.
    @Test func stringsAndNumbersMatchJSONEncoder() throws {
        let strings =
            (0..<0x20).map { String(UnicodeScalar(UInt8($0))) } + [
                "\"", "\\", "a/b", "</script>", "\u{7F}", "é€😀\u{2028}", "", "plain", "x\"y\\z\u{1}",
            ]
        let numbers: [Double] = [
            0, -0.0, 1, -1, 0.1, 0.3, 1e-5, 1e-4, 2.5e-7, 1e15, 1e16, 123_456_789_012.5, 4.9406564584124654e-324,
            1.7976931348623157e308, 99.99999, 1.0 / 3,
        ]
        var json = JSONText()
        json.array(strings)
        #expect(json.bytes == Array(try JSONEncoder.nines.encode(strings)))
        json = JSONText()
        json.array(numbers)
        #expect(json.bytes == Array(try JSONEncoder.nines.encode(numbers)))
        #expect(!json.nonFinite)
        json = JSONText()
        json.array([Double.nan])
        #expect(json.nonFinite)
    }

    /// The whole plan.json of the sample, and of a copy with hostile names, is byte for byte
    /// what one JSONEncoder pass over the same document gives.
    @Test(arguments: [false, true])
    func planDocumentEqualsOnePass(hostile: Bool) throws {
        let folder = try TestPaths.acmeCopy(
            edits: hostile
                ? [
                    ("inventory.csv", "erp-app01,", "\"<b>erp</b> & \"\"app\"\"\","),
                    ("inventory.csv", "mes-app01,", "Größe-服务器\\,"),
                ] : [])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        var options = Pipeline.Options(engagement: folder.path, catalog: TestPaths.catalog.path)
        options.trials = 500
        let plan = try Pipeline.assess(options)
        #expect(plan.risk != nil && plan.tco != nil)
        let document = PlanDocument(plan)
        #expect(try document.json() == JSONOutput.data(document))
    }

    /// JSON cannot spell NaN or infinity: the document is refused, as JSONEncoder refuses it.
    @Test func refusesANonFiniteNumber() throws {
        let shell: [String: [Double]] = ["items": []]
        #expect(throws: OutputError.self) {
            _ = try JSONOutput.fill(JSONOutput.data(shell), with: [.init([1.0, .nan], key: "items", indent: 2)])
        }
        #expect(throws: (any Error).self) { _ = try JSONOutput.data(["items": [Double.infinity]]) }
    }

    @Test func refusesADocumentWithoutTheArray() throws {
        #expect(throws: OutputError.self) {
            let empty: [String: [Int]] = ["other": []]
            _ = try JSONOutput.fill(JSONOutput.data(empty), with: [.init([1, 2], key: "items", indent: 2)])
        }
    }
}

extension JSONEncoder {
    /// The reference encoder: JSONOutput's style without the key conversion.
    fileprivate static var nines: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
