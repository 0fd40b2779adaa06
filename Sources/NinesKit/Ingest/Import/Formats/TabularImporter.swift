import Foundation

/// Imports the CSV exports of other tools, with columns found by header name:
/// - Azure Migrate's import CSV (`Server name`, `Cores`, `Memory (In MB)`, `OS name`,
///   `Disk N size (In GB)`);
/// - PowerCLI's `Get-VM | Export-Csv` (`Name`, `PowerState`, `NumCpu`, `MemoryGB`,
///   `ProvisionedSpaceGB`, `Guest`, `VMHost`, `Folder`, `Notes`), with or without its
///   `#TYPE` first line.
public enum TabularImporter {
    public enum Format: Sendable {
        case azureMigrate, powerCLI
    }

    public static func importFile(_ url: URL, format: Format, shownAs path: String, includePoweredOff: Bool) throws(ImportError)
        -> ImportResult
    {
        try InputFileKind.requireRegularFile(url.path, shownAs: path)
        var data: Data
        do { data = try Data(contentsOf: url) } catch { throw ImportError("\(path): cannot read the file", kind: .missing) }
        var lineOffset = 0
        if data.starts(with: Data("#TYPE".utf8)), let newline = data.firstIndex(of: 0x0A) {
            data = data[data.index(after: newline)...]
            lineOffset = 1
        }
        var diagnostics = DiagnosticCollector()
        guard let table = CSVTable.parse(Data(data), shownAs: path, diagnostics: &diagnostics) else {
            throw diagnostics.errors.first.map { ImportError($0.message, at: $0.location) } ?? ImportError("\(path): cannot read the CSV")
        }
        let header = HeaderMap(table.header)
        let spec = Spec(format)
        guard let nameColumn = header.column(spec.name), let cpuColumn = header.column(spec.cpus),
            let memoryColumn = header.column(spec.memory)
        else {
            throw ImportError(
                "\(path): not \(format == .azureMigrate ? "an Azure Migrate import CSV" : "a PowerCLI Get-VM export"): it needs the columns \(spec.name[0]), \(spec.cpus[0]) and \(spec.memory[0])",
                at: SourceLocation(file: path, line: 1 + lineOffset))
        }
        let columns = Columns(
            name: nameColumn, cpus: cpuColumn, memory: memoryColumn, power: header.column(["PowerState"]),
            disks: table.header.indices.filter { spec.isDisk(table.header[$0]) }, os: spec.os.compactMap { header.column([$0]) },
            host: header.column(["VMHost"]), folder: header.column(["Folder"]), notes: header.column(["Notes"]))
        var result = ImportResult()
        for row in table.rows {
            result.rows += 1
            let location = SourceLocation(file: path, line: row.line + lineOffset)
            read(row.fields, columns, spec: spec, header: table.header, at: location, includePoweredOff: includePoweredOff, into: &result)
        }
        result.disambiguateNames()
        return result
    }

    /// Column indices of the fields read.
    private struct Columns {
        var name, cpus, memory: Int
        var power: Int?
        var disks: [Int]
        var os: [Int]
        var host, folder, notes: Int?
    }

    /// One data line: skipped (powered off), refused with its reasons, or admitted.
    private static func read(
        _ fields: [String], _ columns: Columns, spec: Spec, header: [String], at location: SourceLocation, includePoweredOff: Bool,
        into result: inout ImportResult
    ) {
        func cell(_ index: Int?) -> String {
            index.map { $0 < fields.count ? fields[$0].trimmingCharacters(in: .whitespaces) : "" } ?? ""
        }
        let name = cell(columns.name)
        guard !name.isEmpty else {
            result.refuse("", reasons: ["'\(spec.name[0])' is empty"], at: location)
            return
        }
        let power = cell(columns.power).lowercased()
        let poweredOn = power.isEmpty || power == "poweredon"
        if !poweredOn && !includePoweredOff {
            result.skip(name, reason: "powered off", at: location)
            return
        }
        var check = RowCheck()
        let cpus = check.number(cell(columns.cpus), field: header[columns.cpus], at: nil, in: InventoryRules.vcpus, whole: true)
        let memory = check.number(cell(columns.memory), field: header[columns.memory], at: nil, in: .nonNegative)
        let disk = columns.disks.reduce(0.0) {
            $0 + (check.number(cell($1), field: header[$1], at: nil, in: .nonNegative, required: false) ?? 0)
        }
        guard check.isClean, let cpus, let memory else {
            result.refuse(name, reasons: check.problems, at: location)
            return
        }
        let os = columns.os.map(cell).filter { !$0.isEmpty }.joined(separator: " ")
        var vm = ImportedVM(
            name: name, vcpus: Int(cpus), memoryGiB: memory / spec.memoryDivisor, diskGiB: disk, os: os, poweredOn: poweredOn,
            location: location)
        vm.host = cell(columns.host)
        vm.folder = cell(columns.folder)
        vm.annotation = cell(columns.notes)
        result.admit(vm)
    }

    private struct Spec {
        var name: [String]
        var cpus: [String]
        var memory: [String]
        var memoryDivisor: Double
        var os: [String]
        var isDisk: (String) -> Bool

        init(_ format: Format) {
            switch format {
            case .azureMigrate:
                name = ["Server name", "Server Name", "Machine name"]
                cpus = ["Cores", "Number of cores"]
                memory = ["Memory (In MB)", "Memory (MB)"]
                memoryDivisor = 1024
                os = ["OS name", "OS version"]
                isDisk = { header in
                    let h = header.lowercased()
                    return h.hasPrefix("disk ") && h.contains("size") && h.contains("gb")
                }
            case .powerCLI:
                name = ["Name"]
                cpus = ["NumCpu"]
                memory = ["MemoryGB"]
                memoryDivisor = 1
                os = ["Guest"]
                isDisk = { $0 == "ProvisionedSpaceGB" }
            }
        }
    }
}
