import Foundation
import Testing

@testable import NinesKit

/// The sliced, parallel encoding of long arrays gives exactly the bytes of one JSONEncoder pass.
@Suite struct JSONOutputTests {
    struct Item: Encodable, Sendable {
        var name: String
        var values: [Double]
        var notes: [String]
        var nested: [String: Int]
    }

    struct Document: Encodable, Sendable {
        var title: String
        var items: [Item]
        var tail: [String]
    }

    @Test(arguments: [0, 1, 255, 256, 257, 1000])
    func splicedArrayEqualsOnePass(count: Int) throws {
        var items: [Item] = []
        for i in 0..<count {
            let values: [Double] = i % 3 == 0 ? [] : [Double(i), 0.5]
            let notes: [String] = i % 2 == 0 ? [] : ["n\(i)"]
            let nested: [String: Int] = i % 5 == 0 ? [:] : ["a": i, "b": -i]
            items.append(Item(name: "item \(i) with \"quotes\", a \\ and\nline break", values: values, notes: notes, nested: nested))
        }
        let document = Document(title: "t", items: items, tail: ["x"])
        var shell = document
        shell.items = []
        let spliced = try JSONOutput.splice(items, into: JSONOutput.data(shell), key: "items", indent: 2)
        #expect(spliced == (try JSONOutput.data(document)))
    }

    @Test func refusesADocumentWithoutTheArray() throws {
        #expect(throws: OutputError.self) {
            let empty: [String: [Int]] = ["other": []]
            _ = try JSONOutput.splice([1, 2], into: JSONOutput.data(empty), key: "items", indent: 2)
        }
    }
}
