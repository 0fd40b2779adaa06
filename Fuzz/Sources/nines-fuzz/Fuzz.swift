import Foundation
import NinesKit

/// One entry point for libFuzzer; NINES_FUZZ_TARGET picks the reader: csv, yaml,
/// applications, xml, xlsx, number (the number grammar and a cell of every importer), tabular
/// (Azure Migrate and PowerCLI CSVs). Any crash, hang or sanitizer report is a bug; an error thrown for
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
        fuzzPullReader(data)
    case "xlsx":
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nines-fuzz-\(getpid()).xlsx")
        try? data.write(to: url)
        _ = try? InventoryImporter.read([url.path], format: .rvtools)
    case "number":
        fuzzNumber(data, diagnostics: &diagnostics)
    case "tabular":
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nines-fuzz-\(getpid()).csv")
        try? data.write(to: url)
        _ = try? InventoryImporter.read([url.path], format: .azureMigrate)
        _ = try? InventoryImporter.read([url.path], format: .powercli)
    default:
        break
    }
    return 0
}

/// The bytes through the pull reader as a slice (non-zero start index), read after other
/// allocations, with the attribute look-ups the xlsx reader makes on every element.
func fuzzPullReader(_ data: Data) {
    let padded = Data([0x20]) + data
    guard let reader = try? XMLPullReader(data: padded[1...], source: "fuzz.xml") else { return }
    _ = [UInt8](repeating: 0x3C, count: 64)
    while case .some(let event) = try? reader.next() {
        if case .start = event {
            _ = reader.attribute("r")
            _ = reader.attribute(local: "id")
        }
    }
}

/// The bytes as a number: through the decimal grammar, `InputValue` (YAML and inventory CSV),
/// and as the CPU, memory and disk cells of a PowerCLI row and a libvirt domain.
func fuzzNumber(_ data: Data, diagnostics: inout DiagnosticCollector) {
    let text = String(decoding: data.prefix(256), as: UTF8.self)
    if case .success(let value) = DecimalNumber.parse(text) { precondition(value.isFinite, "non-finite number accepted") }
    let located = Located(text, at: SourceLocation(file: "fuzz", line: 1))
    _ = InputValue.number(located, key: "n", in: 0...1e9, diagnostics: &diagnostics)
    _ = InputValue.integer(located, key: "n", in: 1...20, diagnostics: &diagnostics)
    let escaped = text.replacingOccurrences(of: "\"", with: "\"\"")
    let csv = "Name,PowerState,NumCpu,MemoryGB,ProvisionedSpaceGB\nvm,PoweredOn,\"\(escaped)\",\"\(escaped)\",\"\(escaped)\"\n"
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("nines-fuzz-number-\(getpid()).csv")
    try? Data(csv.utf8).write(to: url)
    if let result = try? InventoryImporter.read([url.path], format: .powercli) {
        precondition(result.vms.count + result.excluded.count + result.refused.count == result.rows, "rows unaccounted")
        for vm in result.vms { precondition(vm.memoryGiB.isFinite && vm.diskGiB.isFinite && vm.vcpus >= 1, "bad VM admitted") }
    }
    let xml = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    if let reader = try? XMLPullReader(
        data: Data("<domain><name>d</name><vcpu>\(xml)</vcpu><memory unit='MiB'>\(xml)</memory></domain>".utf8), source: "fuzz.xml"),
        let root = try? XMLNode.parse(reader)
    {
        _ = try? LibvirtImporter.domain(root, source: "fuzz.xml")
    }
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
