import Foundation
import Testing

@testable import NinesKit

@Suite struct CSVTableTests {
    @Test func numbersRecordsByTheLineTheyStartOn() throws {
        // Line 3 holds a quoted field that spans two lines, so the next record starts on line 5;
        // line 6 is blank and skipped.
        let text = "vm,notes\r\na,plain\r\nb,\"two\r\nlines, and a comma\"\r\nc,\"say \"\"hi\"\"\"\r\n\r\nd,last"
        var diagnostics = DiagnosticCollector()
        let table = try #require(CSVTable.parse(Data(text.utf8), shownAs: "t.csv", diagnostics: &diagnostics))
        #expect(table.header == ["vm", "notes"])
        #expect(table.rows.map(\.line) == [2, 3, 5, 7])
        #expect(table.rows[1].fields[1] == "two\r\nlines, and a comma")
        #expect(table.rows[2].fields[1] == "say \"hi\"")
        #expect(!diagnostics.hasErrors)
    }

    @Test func acceptsAByteOrderMark() throws {
        var diagnostics = DiagnosticCollector()
        let table = try #require(CSVTable.parse(Data("\u{FEFF}vm,site\nx,hq\n".utf8), shownAs: "t.csv", diagnostics: &diagnostics))
        #expect(table.header == ["vm", "site"])
    }

    @Test func refusesAnUnclosedQuote() {
        var diagnostics = DiagnosticCollector()
        #expect(CSVTable.parse(Data("vm,site\n\"x,hq\ny,hq\n".utf8), shownAs: "t.csv", diagnostics: &diagnostics) == nil)
        #expect(diagnostics.errors.first?.message.contains("never closed") == true)
    }

    @Test func refusesBinaryAndEmptyFiles() {
        var diagnostics = DiagnosticCollector()
        #expect(CSVTable.parse(Data([0xFF, 0xFE, 0x00, 0xD8]), shownAs: "t.csv", diagnostics: &diagnostics) == nil)
        #expect(CSVTable.parse(Data(), shownAs: "e.csv", diagnostics: &diagnostics) == nil)
        #expect(diagnostics.errors.count == 2)
    }

    @Test func inventoryRowWithTooFewFieldsIsLocated() throws {
        let text = "vm,application,vcpus,memory_gib,disk_gib,os,site,power_state\nok,A,2,4,10,Linux,hq,poweredOn\nshort,A,2\n"
        var diagnostics = DiagnosticCollector()
        let table = try #require(CSVTable.parse(Data(text.utf8), shownAs: "inv.csv", diagnostics: &diagnostics))
        let workloads = InventoryCSVReader.read(table, diagnostics: &diagnostics)
        #expect(workloads.map(\.name) == ["ok"])
        #expect(diagnostics.errors.map(\.location.line) == [3])
    }

    @Test func powerStatesAndEmptyApplication() throws {
        let text = """
            vm,application,vcpus,memory_gib,disk_gib,os,site,power_state
            a,,2,4,,Linux,hq,poweredOff
            b,B,1,0.5,10,Linux,hq,running
            c,C,1,1,10,Linux,hq,hibernating
            """
        var diagnostics = DiagnosticCollector()
        let table = try #require(CSVTable.parse(Data(text.utf8), shownAs: "inv.csv", diagnostics: &diagnostics))
        let workloads = InventoryCSVReader.read(table, diagnostics: &diagnostics)
        #expect(workloads.map(\.poweredOn) == [false, true])
        #expect(workloads[0].application == "a")
        #expect(workloads[0].diskGiB == 0)
        #expect(diagnostics.errors.map(\.location.line) == [4])
    }
}

@Suite struct YAMLFileTests {
    /// A YAML "billion laughs": each alias doubles the size. The node budget stops it quickly.
    @Test func refusesAliasBombs() {
        var yaml = "a0: &a0 [x, x]\n"
        for i in 1...30 { yaml += "a\(i): &a\(i) [*a\(i - 1), *a\(i - 1)]\n" }
        var diagnostics = DiagnosticCollector()
        let start = Date()
        #expect(YAMLFile.parse(Data(yaml.utf8), shownAs: "bomb.yaml", diagnostics: &diagnostics) == nil)
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(diagnostics.errors.first?.message.contains("expands to more than") == true)
    }

    @Test func reportsSyntaxErrorsWithTheirLine() {
        var diagnostics = DiagnosticCollector()
        _ = YAMLFile.parse(Data("a: 1\nb: [1, 2\nc: 3\n".utf8), shownAs: "bad.yaml", diagnostics: &diagnostics)
        let error = diagnostics.errors.first
        #expect(error?.message.hasPrefix("invalid YAML") == true)
        #expect((error?.location.line ?? 0) >= 2)
    }

    @Test func reportsDuplicateKeys() {
        var diagnostics = DiagnosticCollector()
        _ = YAMLFile.parse(Data("a: 1\na: 2\n".utf8), shownAs: "dup.yaml", diagnostics: &diagnostics)
        #expect(diagnostics.errors.first?.message.contains("duplicate key 'a'") == true)
    }

    /// Every value is read as text, so a quoted and a plain spelling of one key are one key
    /// (with YAML's implicit types, `2` would be an int and `'2'` a string, and both would pass).
    @Test func quotedAndPlainSpellingsOfAKeyAreDuplicates() {
        for text in ["2: x\n'2': y\n", "yes: x\n\"yes\": y\n", "a: 1\n'a': 2\n"] {
            var diagnostics = DiagnosticCollector()
            _ = YAMLFile.parse(Data(text.utf8), shownAs: "dup.yaml", diagnostics: &diagnostics)
            #expect(diagnostics.errors.first?.message.contains("duplicate key") == true, "\(text)")
        }
    }
}
