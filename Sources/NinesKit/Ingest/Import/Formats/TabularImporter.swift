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
        var data: Data
        do { data = try Data(contentsOf: url) } catch { throw ImportError("\(path): cannot read the file") }
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
        let diskColumns = table.header.indices.filter { spec.isDisk(table.header[$0]) }
        var result = ImportResult()
        for row in table.rows {
            let location = SourceLocation(file: path, line: row.line + lineOffset)
            func cell(_ index: Int?) -> String {
                index.map { $0 < row.fields.count ? row.fields[$0].trimmingCharacters(in: .whitespaces) : "" } ?? ""
            }
            let name = cell(nameColumn)
            guard !name.isEmpty else { continue }
            let power = cell(header.column(["PowerState"])).lowercased()
            let poweredOn = power.isEmpty || power == "poweredon"
            if !poweredOn && !includePoweredOff {
                result.excluded.append(.init(name: name, reason: "powered off", location: location))
                continue
            }
            let cpus = Int(Double(cell(cpuColumn)) ?? 0)
            let memoryGiB = (Double(cell(memoryColumn)) ?? 0) / spec.memoryDivisor
            guard cpus > 0, memoryGiB > 0 else {
                result.excluded.append(.init(name: name, reason: "incomplete row: no \(cpus > 0 ? "memory" : "CPUs")", location: location))
                continue
            }
            let disk = diskColumns.reduce(0.0) { $0 + (Double(cell($1)) ?? 0) }
            let os = spec.os.compactMap { header.column([$0]).map(cell) }.filter { !$0.isEmpty }.joined(separator: " ")
            var vm = ImportedVM(
                name: name, vcpus: cpus, memoryGiB: memoryGiB, diskGiB: disk, os: os, poweredOn: poweredOn, location: location)
            vm.host = cell(header.column(["VMHost"]))
            vm.folder = cell(header.column(["Folder"]))
            vm.annotation = cell(header.column(["Notes"]))
            result.vms.append(vm)
        }
        result.disambiguateNames()
        return result
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
