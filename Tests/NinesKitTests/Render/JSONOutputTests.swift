import Foundation
import Testing

@testable import NinesKit

/// `JSONText`, long arrays written in slices on every core included, gives exactly the bytes of
/// one JSONEncoder pass (`.prettyPrinted, .sortedKeys, .withoutEscapingSlashes`), the reference.
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

    /// Long arrays at two depths, between other members.
    struct Document: Encodable, Sendable, JSONValue {
        struct Nested: Encodable, Sendable, JSONValue {
            var items: [Item]
            var label: String

            func write(to json: inout JSONText) {
                json.object { json in
                    json.member("items", items, slices: PlanDocument.slice)
                    json.member("label", label)
                }
            }
        }

        var title: String
        var items: [Item]
        var nested: Nested
        var tail: [String]

        func write(to json: inout JSONText) {
            json.object { json in
                json.member("items", items, slices: PlanDocument.slice)
                json.member("nested", nested)
                json.member("tail", tail)
                json.member("title", title)
            }
        }
    }

    static func items(_ count: Int) -> [Item] {
        (0..<count).map { i in
            Item(
                name: "item \(i) with \"quotes\", a \\ and\nline break </script> é",
                values: i % 3 == 0 ? [] : [Double(i), 0.5, -0.0, 1e-7],
                notes: i % 2 == 0 ? [] : ["n\(i)"], inner: i % 5 == 0 ? [] : [Inner(count: -i, flag: i % 2 == 0)],
                missing: i % 4 == 0 ? "here" : nil)
        }
    }

    static func text(_ value: some JSONValue) -> [UInt8] {
        var json = JSONText()
        value.write(to: &json)
        return json.bytes
    }

    /// Around the slice size: no slice, one short slice, exactly one, one and one element, many.
    @Test(arguments: [0, 1, PlanDocument.slice - 1, PlanDocument.slice, PlanDocument.slice + 1, 1000])
    func slicedArraysEqualOnePass(count: Int) throws {
        let document = Document(
            title: "t", items: Self.items(count), nested: .init(items: Self.items(count / 2 + 1), label: "n"), tail: ["x"])
        #expect(Self.text(document) == Array(try JSONEncoder.nines.encode(document)))
    }

    /// Every control character, quotes, backslashes, slashes, non-ASCII, doubles from the
    /// smallest subnormal to the largest finite (whole ones around the digits-only range) and
    /// integers at their limits, each as JSONEncoder writes it.
    @Test func stringsAndNumbersMatchJSONEncoder() throws {
        let strings =
            (0..<0x20).map { String(UnicodeScalar(UInt8($0))) } + [
                "\"", "\\", "a/b", "</script>", "\u{7F}", "é€😀\u{2028}", "", "plain", "x\"y\\z\u{1}",
            ]
        var numbers: [Double] = [
            0, -0.0, 1, -1, 0.1, 0.3, 1e-5, 1e-4, 2.5e-7, 1e15, 1e16, 123_456_789_012.5, 4.9406564584124654e-324,
            1.7976931348623157e308, 99.99999, 1.0 / 3, 999_999_999_999_999, -999_999_999_999_999, 9_007_199_254_740_992, 42, -7,
        ]
        for i in 0..<2000 { numbers.append(Double(i * 7919) * (i % 2 == 0 ? 1 : -1)) }
        let integers = [Int.min, Int.max, 0, -1, 10, 1_000_000]
        #expect(Self.text(integers) == Array(try JSONEncoder.nines.encode(integers)))
        #expect(Self.text(strings) == Array(try JSONEncoder.nines.encode(strings)))
        var json = JSONText()
        json.array(numbers)
        let (bytes, nonFinite) = (json.bytes, json.nonFinite)
        #expect(bytes == Array(try JSONEncoder.nines.encode(numbers)))
        #expect(!nonFinite)
    }

    /// A dictionary's keys sorted by their UTF-8 bytes, escaped, never converted to snake_case.
    @Test func dictionaryMatchesJSONEncoder() throws {
        let keys = [
            "helloWorld", "a10", "a9", "B", "a", "é", "z", "A_b", "a b", "\"q", "", "ab", "aB", "x/y", "a\u{301}", "_", "\u{1E0A}\u{323}",
            "\u{1E0B}", "tab\t", "😀", "\u{FFFD}",
        ]
        let dictionary = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($0.element, $0.offset) })
        struct Holder: Encodable, JSONValue {
            var perTier: [String: Int]
            var empty: [String: Double]

            func write(to json: inout JSONText) {
                json.object { json in
                    json.member("empty", empty)
                    json.member("per_tier", perTier)
                }
            }
        }
        #expect(
            Self.text(Holder(perTier: dictionary, empty: [:]))
                == Array(try JSONOutput.data(Holder(perTier: dictionary, empty: [:])).dropLast()))
    }

    /// An investment that never pays back writes `payback_months: null`, as its `encode` does.
    @Test func nullPaybackMatchesJSONEncoder() throws {
        for payback in [nil, 14.5] {
            let investment = PlanDocument.Investment(
                alternative: "a", name: "n", capex: 1, opexPerYear: 2, exposureWith: 4, netYearlySaving: -3, paybackMonths: payback)
            #expect(Self.text(investment) == Array(try JSONOutput.data(investment).dropLast()))
        }
    }

    /// The whole plan.json of the sample, and of a copy with hostile names (control characters
    /// are refused in names, so they are checked above), is byte for byte what one JSONEncoder
    /// pass over the same document gives; so is the TCO document alone.
    @Test(arguments: [false, true])
    func planDocumentEqualsOnePass(hostile: Bool) throws {
        let folder = try TestPaths.acmeCopy(
            edits: hostile
                ? [
                    ("inventory.csv", "erp-app01,", "\"<b>erp</b> & \"\"app\"\"\","),
                    ("inventory.csv", "mes-app01,", "Größe-服务器\\,"),
                    ("inventory.csv", "erp-app02,", "\"</script>/é\","),
                ] : [])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        var options = Pipeline.Options(engagement: folder.path, catalog: TestPaths.catalog.path)
        options.trials = 500
        let plan = try Pipeline.assess(options)
        #expect(plan.risk != nil && plan.tco != nil)
        let document = PlanDocument(plan)
        #expect(try document.json() == JSONOutput.data(document))
        let tco = try #require(document.tco)
        #expect(Self.text(tco) == Array(try JSONOutput.data(tco).dropLast()))
    }

    /// JSON cannot spell NaN or infinity: a NaN in a slice of a long array other than the first
    /// refuses the document, naming the key.
    @Test func refusesANonFiniteNumberInASlice() throws {
        var items = Self.items(1000)
        items[700].values = [1, .nan]
        var json = JSONText()
        Document(title: "t", items: [], nested: .init(items: items, label: "n"), tail: []).write(to: &json)
        let (nonFinite, keys) = (json.nonFinite, json.nonFiniteKeys)
        #expect(nonFinite)
        #expect(keys == ["nested", "items", "values"])
        #expect(throws: (any Error).self) { _ = try JSONEncoder.nines.encode(items) }

        let folder = try TestPaths.acmeCopy()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        var document = PlanDocument(try Pipeline.assess(Pipeline.Options(engagement: folder.path, catalog: TestPaths.catalog.path)))
        var pairs = Array(repeating: document.pairs[0], count: 3 * PlanDocument.slice)
        pairs[PlanDocument.slice + 7].utilization.threads = .infinity
        document.pairs = pairs
        #expect {
            _ = try document.json()
        } throws: { error in
            "\(error)" == "plan.json: cannot write output: a number in 'pairs.utilization.threads' is not finite (NaN or infinity)"
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
