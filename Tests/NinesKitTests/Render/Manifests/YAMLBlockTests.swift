import Foundation
import Testing
import Yams

@testable import NinesKit

/// The hand-written YAML emitter of pair.yaml, checked against an independent reader (Yams /
/// libyaml): every string, however hostile, reads back as the same string, and numbers and
/// booleans keep their types.
@Suite struct YAMLBlockTests {
    static let awkward = [
        "plain name", "Windows Server 2022", "true", "No", "off", "null", "~", "y", "N", "", " leading", "trailing ",
        "10.20.5.10", "0x1F", "1e3", ".inf", "-.5", "+1", "1:20", "a: b", "a #b", "#comment", "- item", "? key", "[flow]",
        "{map}", "'single'", "\"double\"", "back\\slash", "&anchor", "*alias", "!tag", "%directive", "@at", "`tick`",
        "|literal", ">folded", "line\nbreak", "tab\there", "cr\rhere", "nul\u{0}here", "bell\u{7}", "del\u{7F}", "c1\u{85}",
        "ls\u{2028}ps\u{2029}", "bom\u{FEFF}", "naïve café", "日本語", "emoji 🚀", "<script>alert(1)</script>",
        "=cmd|'/c calc'!A1", "../../etc/passwd", "ends with colon:", "colon:inside", "a,b", "(paren)", "/dev/sda",
        "_under", "---", "...", "<<", "=",
    ]

    @Test func everyStringReadsBackUnchanged() throws {
        let block = YAMLBlock.map(Self.awkward.enumerated().map { ("k\($0.offset)", .string($0.element)) })
        let node = try #require(try Yams.compose(yaml: block.document()))
        for (index, text) in Self.awkward.enumerated() {
            let value = try #require(node["k\(index)"], "key k\(index) for \(text.debugDescription)")
            #expect(value.tag.description == "tag:yaml.org,2002:str", "\(text.debugDescription) should stay a string")
            #expect(value.string == text, "\(text.debugDescription) read back as \(String(describing: value.string).debugDescription)")
        }
    }

    @Test func stringsAsKeysAndInListsReadBack() throws {
        let block = YAMLBlock.map([
            ("names", .list(Self.awkward.map { .string($0) })),
            ("nested", .list([.map([("first", .string("a: b")), ("second", .list([.string("x"), .string("yes")]))])])),
        ])
        let node = try #require(try Yams.compose(yaml: block.document()))
        #expect(node["names"]?.array().map { $0.string ?? "?" } == Self.awkward)
        let nested = try #require(node["nested"]?.array().first)
        #expect(nested["first"]?.string == "a: b")
        #expect(nested["second"]?.array().map { $0.string ?? "?" } == ["x", "yes"])
    }

    @Test func numbersAndBooleansKeepTheirTypes() throws {
        let block = YAMLBlock.map([
            ("int", .number(9000)), ("fraction", .number(0.125)), ("on", .bool(true)), ("off", .bool(false)),
            ("empty", .list([])), ("none", .map([])),
        ])
        let text = block.document()
        #expect(text == "int: 9000\nfraction: 0.125\n\"on\": true\n\"off\": false\nempty: []\nnone: {}\n")
        let node = try #require(try Yams.compose(yaml: text))
        #expect(node["int"]?.int == 9000)
        #expect(node["fraction"]?.float == 0.125)
        // The keys "on" and "off" stay strings (quoted); a plain lookup would resolve them to booleans.
        let byKey = Dictionary(uniqueKeysWithValues: node.mapping?.map { ($0.key.string ?? "?", $0.value) } ?? [])
        #expect(byKey["on"]?.bool == true)
        #expect(byKey["off"]?.bool == false)
    }
}
