import Foundation
import Testing

@testable import NinesKit

/// The remaining reproduced cases: huge headers, names import would write and check refuse,
/// numbers in other notations, and the paths an import reads and writes.
extension ImportSafetyTests {
    /// A 1,000,000-column header: one error, quickly. Before: 46 s, 634 MB, 1,000,051 errors.
    @Test func millionColumnHeaderIsOneQuickError() throws {
        let header = (0..<1_000_000).map { "c\($0)" }.joined(separator: ",")
        let data = Data((header + "\n" + String(repeating: "1,", count: 10) + "1\n").utf8)
        let start = Date()
        var diagnostics = DiagnosticCollector()
        #expect(CSVTable.parse(data, shownAs: "wide.csv", diagnostics: &diagnostics) == nil)
        let elapsed = Date().timeIntervalSince(start)
        #expect(diagnostics.diagnostics.map(\.message) == ["the header has 16385 columns; the limit is 16384"])
        #expect(diagnostics.diagnostics.first?.location.line == 1)
        #expect(elapsed < 1)
        // The same as an import (Azure Migrate CSV) and as a workbook sheet.
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("wide.csv")
        try data.write(to: url)
        let error = #expect(throws: ImportError.self) { try InventoryImporter.read([url.path], format: .azureMigrate) }
        #expect(error?.message.contains("limit is 16384") == true)
        let wide: [SafetyWorkbook.Cell] = (0..<20_000).map { .text("c\($0)") }
        let book = try Self.workbook([wide], in: folder)
        let sheetError = #expect(throws: ImportError.self) { try InventoryImporter.read([book], format: .rvtools) }
        #expect(sheetError?.message.contains("16,384 columns") == true)
    }

    /// Identical problems fold into one line with a count.
    @Test func identicalProblemsAreFolded() {
        let diagnostics = (1...1000).map { Diagnostic(.error, "unknown column 'x'", at: SourceLocation(file: "a.csv", line: $0)) }
        let digest = DiagnosticDigest(diagnostics + [Diagnostic(.error, "other", at: SourceLocation(file: "a.csv"))])
        #expect(digest.entries.map(\.lines.count) == [1000, 1])
        #expect(digest.lines()[0] == "a.csv:1: error: unknown column 'x' (and 999 more like this: lines 1–1000)")
    }

    /// A NUL in a VM name refuses the row (as `nines check` would); one in the OS is removed
    /// with a warning. No control character reaches the written inventory.csv.
    @Test func controlCharactersNeverReachTheInventory() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // XML cannot hold a NUL or an escape: the workbook carries a tab, the CSV folder a NUL.
        func rows(_ control: String) -> [[SafetyWorkbook.Cell]] {
            var rows = SafetyWorkbook.vInfo(count: 3)
            rows[1][0] = .text("web\(control)01")
            rows[2][6] = .text("Ubuntu\(control)[31m")
            return rows
        }
        for path in [try Self.workbook(rows("\t"), in: folder), try Self.csvFolder(rows("\u{0}"), in: folder)] {
            let result = try InventoryImporter.read([path], format: .rvtools)
            #expect(result.refused.map(\.reason) == ["the VM name 'web?01' contains control characters"])
            #expect(result.vms.map(\.os).contains("Ubuntu[31m"))
            #expect(result.warnings.contains { $0.severity == .warning && $0.message.contains("control characters removed from the OS") })
            let csv = InventoryCSVWriter.csv(MappingRules(defaultSite: "hq").workloads(from: result.vms).workloads)
            #expect(!InventoryRules.hasControlCharacters(csv.replacingOccurrences(of: "\n", with: "")))
            Self.expectAccounted(result, rows: 3)
        }
    }

    /// What import writes, check reads without an error: a 300-character name and infinite
    /// memory are refused at import, not written.
    @Test func importRefusesWhatCheckRefuses() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var rows = SafetyWorkbook.vInfo(count: 5)
        rows[1][0] = .text(String(repeating: "n", count: 300))
        rows[2][4] = .number("inf")
        rows[3][4] = .number("1e300")
        rows[4][5] = .number("1e300")
        let result = try InventoryImporter.read([try Self.workbook(rows, in: folder)], format: .rvtools)
        #expect(result.refused.map(\.location.line) == [2, 3, 4, 5])
        #expect(result.refused[0].reason == "the VM name is 300 characters long; the limit is 255")
        #expect(result.refused[1].reason == "vInfo!E3: 'Memory' is 'inf', not a finite number")
        #expect(result.refused[2].reason.hasPrefix("memory is "))
        #expect(result.refused[3].reason.hasPrefix("disk is "))
        let csv = InventoryCSVWriter.csv(MappingRules(defaultSite: "hq").workloads(from: result.vms).workloads)
        var diagnostics = DiagnosticCollector()
        let table = try #require(CSVTable.parse(Data(csv.utf8), shownAs: "inventory.csv", diagnostics: &diagnostics))
        #expect(InventoryCSVReader.read(table, diagnostics: &diagnostics).count == 1)
        #expect(!diagnostics.hasErrors)
        Self.expectAccounted(result, rows: 5)
    }

    /// `-o` onto the input file, onto a symbolic link to it, or into the input folder is
    /// refused; another file is fine.
    @Test func outputOntoInputIsRefused() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("export.csv")
        try "Name,NumCpu,MemoryGB\na,2,4\n".write(to: input, atomically: true, encoding: .utf8)
        let link = folder.appendingPathComponent("link.csv")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: input)
        #expect(throws: OutputError.self) { try ImportTarget.check(output: input.path, inputs: [input.path]) }
        #expect(throws: OutputError.self) { try ImportTarget.check(output: link.path, inputs: [input.path]) }
        #expect(throws: OutputError.self) { try ImportTarget.check(output: folder.path + "/./export.csv", inputs: [link.path]) }
        #expect(throws: OutputError.self) {
            try ImportTarget.check(output: folder.appendingPathComponent("x.csv").path, inputs: [folder.path])
        }
        try ImportTarget.check(output: folder.appendingPathComponent("inventory.csv").path, inputs: [input.path])
    }

    /// A missing file is an input-missing error (exit 66, not 65); so is a FIFO, named as
    /// "not a regular file" (before: "permission").
    @Test func missingFileAndFIFOAreMissingInputs() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = #expect(throws: ImportError.self) {
            try InventoryImporter.read([folder.appendingPathComponent("nope.xlsx").path], format: .rvtools)
        }
        #expect(missing?.kind == .missing)
        let fifo = folder.appendingPathComponent("pipe.csv")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        for format in InventoryImporter.Format.allCases {
            let error = #expect(throws: ImportError.self) { try InventoryImporter.read([fifo.path], format: format) }
            #expect(error?.kind == .missing)
            #expect(error?.message.contains("not a regular file") == true)
        }
        var diagnostics = DiagnosticCollector()
        #expect(throws: MissingInputError.self) { try CSVTable.load(contentsOf: fifo, shownAs: "pipe.csv", diagnostics: &diagnostics) }
    }

    /// Numbers in other notations are refused as "not a decimal number"; an integer setting
    /// given a fraction is refused at its line, not truncated.
    @Test func hexAndFractionsAreRefusedInYAMLAndCSV() throws {
        let yaml =
            "version: 1\nclient: A\nyear: 2025\nhorizon_years: 2.5\ndiscount_rate: 0x10\nplatform: p\nhardware: h\nsites: [{id: hq}]\n"
        var diagnostics = DiagnosticCollector()
        let file = try #require(YAMLFile.parse(Data(yaml.utf8), shownAs: "engagement.yaml", diagnostics: &diagnostics))
        _ = EngagementSettings.read(file, folderName: "x", diagnostics: &diagnostics)
        #expect(diagnostics.errors.map(\.location.line) == [4, 5])
        #expect(diagnostics.errors[0].message == "'horizon_years' is 2.5; it must be a whole number")
        #expect(diagnostics.errors[1].message.contains("not a decimal number"))
        let csv = "vm,application,vcpus,memory_gib,disk_gib,os,site,power_state\na,,0x10,4,10,,hq,poweredOn\nb,,0b11,0o7,017,,hq,on\n"
        var csvDiagnostics = DiagnosticCollector()
        let table = try #require(CSVTable.parse(Data(csv.utf8), shownAs: "inventory.csv", diagnostics: &csvDiagnostics))
        #expect(InventoryCSVReader.read(table, diagnostics: &csvDiagnostics).isEmpty)
        #expect(csvDiagnostics.errors.count == 4)
        #expect(csvDiagnostics.errors.allSatisfy { $0.message.contains("not a decimal number") })
    }

    @Test func decimalGrammar() {
        for good in ["0", "16", "-1", "+2", "0.5", ".5", "5.", "1e3", "1E-3", "007.5", "0.0"] {
            #expect((try? DecimalNumber.parse(good).get()) != nil, "\(good)")
        }
        let refused: [(String, DecimalNumber.Problem)] = [
            ("0x10", .notDecimal), ("0X1F", .notDecimal), ("0o17", .notDecimal), ("0b101", .notDecimal), ("017", .notDecimal),
            ("-0x10", .notDecimal), ("NaN", .notFinite), ("inf", .notFinite), ("-Infinity", .notFinite), ("1e400", .notFinite),
            ("", .empty), ("1,024", .notANumber), ("e5", .notANumber), ("1e", .notANumber), ("--1", .notANumber),
            (String(repeating: "9", count: 100), .notANumber), ("0x1p3", .notDecimal), ("1 2", .notANumber),
        ]
        for (text, problem) in refused {
            #expect(DecimalNumber.parse(text) == .failure(problem), "\(text)")
        }
    }
}

extension ImportSafetyTests {
    /// Two VMs with the same 255-character name: the second cannot take a `#2` suffix within
    /// the limit, so it is refused rather than written with a name check refuses.
    @Test func duplicateLongNameIsRefusedNotLengthened() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var rows = SafetyWorkbook.vInfo(count: 3)
        let name = String(repeating: "n", count: 255)
        rows[1][0] = .text(name)
        rows[2][0] = .text(name)
        let result = try InventoryImporter.read([try Self.workbook(rows, in: folder)], format: .rvtools)
        #expect(result.vms.map(\.name) == [name, "vm003"])
        #expect(result.refused.map(\.location.line) == [3])
        #expect(result.refused.first?.reason.hasPrefix("another VM has this name") == true)
        Self.expectAccounted(result, rows: 3)
    }
}
