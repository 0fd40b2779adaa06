import Foundation
import Testing

@testable import NinesKit

/// libxml2's `xmlReaderForMemory` reads its buffer for the reader's whole life; a `Data` of up
/// to 14 bytes is stored inline, so a pointer taken inside `withUnsafeBytes` points at a copy
/// that is gone when the closure returns. These documents are that small.
@Suite struct XMLPullReaderTests {
    /// Tiny well-formed documents and the events each reads as.
    static var documents: [(text: String, events: [XMLPullReader.Event])] {
        [
            ("<a/>", [.start(name: "a"), .end(name: "a")]),
            ("<a></a>", [.start(name: "a"), .end(name: "a")]),
            ("<a>b</a>", [.start(name: "a"), .text("b"), .end(name: "a")]),
            ("<a><b/></a>", [.start(name: "a"), .start(name: "b"), .end(name: "b"), .end(name: "a")]),
            ("<ab>cde</ab>", [.start(name: "ab"), .text("cde"), .end(name: "ab")]),
            ("<abcdefghijk/>", [.start(name: "abcdefghijk"), .end(name: "abcdefghijk")]),
            ("<abcdefghijkl/>", [.start(name: "abcdefghijkl"), .end(name: "abcdefghijkl")]),
            ("<q>1&lt;2</q>", [.start(name: "q"), .text("1<2"), .end(name: "q")]),
        ]
    }

    /// Tiny documents that are not XML: each must throw, not crash or read garbage.
    static let malformed: [[UInt8]] = [
        [], Array("<".utf8), Array("a".utf8), [0], [0xFF], Array("<?xml?>".utf8), Array("<a>".utf8), Array("<a></b>".utf8),
        Array("</a>".utf8), Array("<a/><b/>".utf8),
    ]

    static func events(_ reader: XMLPullReader) throws(ImportError) -> [XMLPullReader.Event] {
        var events: [XMLPullReader.Event] = []
        while let event = try reader.next() { events.append(event) }
        return events
    }

    @Test func tinyDocumentsAreStoredInline() {
        // Guards the premise: most documents here are under the inline limit.
        #expect(Self.documents.filter { $0.text.utf8.count <= 14 }.count >= 6)
    }

    @Test func readsTinyDocumentsOneAtATime() throws {
        for round in 0..<200 {
            for (text, expected) in Self.documents {
                let reader = try XMLPullReader(data: Data(text.utf8), source: "tiny.xml")
                // Other allocations and calls between creating the reader and reading it.
                let noise = (0..<(round % 7 + 1)).map { String(repeating: "#", count: $0 * 13) }
                #expect(noise.count > 0)
                #expect(try Self.events(reader) == expected, "\(text) in round \(round)")
            }
        }
    }

    @Test func readsManyTinyDocumentsCreatedBeforeAnyIsRead() throws {
        for _ in 0..<50 {
            let readers = try Self.documents.map { document in
                (document, try XMLPullReader(data: Data(document.text.utf8), source: "tiny.xml"))
            }
            var scratch: [Data] = []
            for (index, (document, reader)) in readers.enumerated().reversed() {
                scratch.append(Data(repeating: UInt8(index), count: 9))
                #expect(try Self.events(reader) == document.events, "\(document.text)")
            }
            #expect(scratch.count == readers.count)
        }
    }

    @Test func readsAttributesOfATinyDocument() throws {
        for _ in 0..<100 {
            let reader = try XMLPullReader(data: Data("<a b='c'/>".utf8), source: "tiny.xml")
            _ = [String](repeating: "noise", count: 3)
            #expect(try reader.next() == .start(name: "a"))
            #expect(reader.attribute("b") == "c")
            #expect(reader.attribute(local: "b") == "c")
            #expect(reader.allAttributes() == ["b": "c"])
            #expect(try reader.next() == .end(name: "a"))
            #expect(try reader.next() == nil)
        }
    }

    @Test func refusesTinyMalformedDocuments() throws {
        for _ in 0..<50 {
            for bytes in Self.malformed {
                let reader = try XMLPullReader(data: Data(bytes), source: "tiny.xml")
                _ = Data(repeating: 0x3C, count: 12)
                #expect(throws: ImportError.self, "\(bytes)") { try Self.events(reader) }
            }
        }
    }

    @Test func treeOfATinyDocument() throws {
        for _ in 0..<100 {
            let root = try XMLNode.parse(XMLPullReader(data: Data("<r><i/>t</r>".utf8), source: "tiny.xml"))
            #expect(root.name == "r")
            #expect(root.children.map(\.name) == ["i"])
            #expect(root.text == "t")
        }
    }

    @Test func readsADataSlice() throws {
        // Tiny slice (of an inline Data) and a slice of a heap-backed Data, both starting past 0.
        let small = Data("..<a>b</a>..".utf8)
        let smallSlice = small[2..<10]
        #expect(smallSlice.startIndex == 2)
        let expected: [XMLPullReader.Event] = [.start(name: "a"), .text("b"), .end(name: "a")]
        #expect(try Self.events(XMLPullReader(data: smallSlice, source: "slice.xml")) == expected)

        let reader: XMLPullReader
        do {
            let padding = String(repeating: "-", count: 1000)
            let large = Data((padding + "<root><v>42</v></root>" + padding).utf8)
            let slice = large[1000..<(large.count - 1000)]
            #expect(slice.startIndex == 1000)
            reader = try XMLPullReader(data: slice, source: "slice.xml")
        }
        _ = Data(repeating: 0, count: 4096)
        #expect(
            try Self.events(reader) == [
                .start(name: "root"), .start(name: "v"), .text("42"), .end(name: "v"), .end(name: "root"),
            ])
    }

    @Test func skipsAFloodOfCommentsWithoutRecursing() throws {
        // Comments and processing instructions are skipped in a loop (they were skipped by
        // recursion, a stack frame each).
        let flood = String(repeating: "<!---->", count: 200_000) + String(repeating: "<?p?>", count: 100_000)
        let reader = try XMLPullReader(data: Data("<r>\(flood)x</r>".utf8), source: "flood.xml")
        #expect(try Self.events(reader) == [.start(name: "r"), .text("x"), .end(name: "r")])
    }
}
