import Foundation
import NinesKit

/// One entry point for libFuzzer; NINES_FUZZ_TARGET picks the reader: csv, yaml,
/// applications, xml, xlsx. Any crash, hang or sanitizer report is a bug; an error thrown for
/// bad input is the expected outcome.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    var diagnostics = DiagnosticCollector()
    switch ProcessInfo.processInfo.environment["NINES_FUZZ_TARGET"] ?? "csv" {
    case "csv":
        if let table = CSVTable.parse(data, shownAs: "fuzz.csv", diagnostics: &diagnostics) {
            _ = InventoryCSVReader.read(table, diagnostics: &diagnostics)
        }
    case "yaml":
        _ = YAMLFile.parse(data, shownAs: "fuzz.yaml", diagnostics: &diagnostics)
    case "applications":
        if let file = YAMLFile.parse(data, shownAs: "fuzz.yaml", diagnostics: &diagnostics) {
            for record in ApplicationsFileReader.records(yaml: file, diagnostics: &diagnostics) {
                _ = ApplicationBuilder.build(record, diagnostics: &diagnostics)
            }
        }
    case "xml":
        if let reader = try? XMLPullReader(data: data, source: "fuzz.xml"), let root = try? XMLNode.parse(reader) {
            _ = try? LibvirtImporter.domain(root, source: "fuzz.xml")
        }
    case "xlsx":
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nines-fuzz-\(getpid()).xlsx")
        try? data.write(to: url)
        _ = try? InventoryImporter.read([url.path], format: .rvtools)
    default:
        break
    }
    return 0
}

/// libFuzzer's driver, called from the entry point SwiftPM links executables with (on Linux it
/// names `main` after the module), since libFuzzer's own `main` is not the one used.
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("nines_fuzz_main")
public func ninesFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments) { bytes, size in fuzz(bytes, size) }
}
