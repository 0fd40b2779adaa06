import Foundation

/// Imports an RVTools export — an .xlsx workbook or the folder of `RVTools_tab*.csv` files of
/// its CSV mode — from vInfo (VMs), vDisk (capacity per disk) and vHost (today's hosts).
public struct RVToolsImporter: Sendable {
    /// Keep powered-off and suspended VMs (templates are always excluded).
    public var includePoweredOff: Bool

    public init(includePoweredOff: Bool = false) {
        self.includePoweredOff = includePoweredOff
    }

    /// A sheet as header + rows, from either source.
    struct Sheet {
        var header: [String]
        /// Calls the body per data row with its location and a cell accessor, reading only the
        /// given columns (nil: all); stops when the body returns false.
        var rows: (Set<Int>?, (SourceLocation, (Int) -> String) throws(ImportError) -> Bool) throws(ImportError) -> Void
    }

    public func importWorkbook(_ url: URL, shownAs path: String) throws(ImportError) -> ImportResult {
        let workbook = try XlsxWorkbook(url: url, shownAs: path)
        func sheet(_ name: String) throws(ImportError) -> Sheet? {
            guard workbook.sheets.contains(where: { $0.name == name }) else { return nil }
            var header: [String] = []
            try workbook.forEachRow(of: name) { row throws(ImportError) in
                let width = (row.cells.keys.max() ?? -1) + 1
                header = (0..<width).map { row.cells[$0]?.trimmingCharacters(in: .whitespaces) ?? "" }
                return false
            }
            return Sheet(header: header) { columns, body throws(ImportError) in
                var first = true
                try workbook.forEachRow(of: name, columns: columns) { row throws(ImportError) in
                    if first {
                        first = false
                        return true
                    }
                    return try body(SourceLocation(file: "\(path) [\(name)]", line: row.number)) { row.cells[$0] ?? "" }
                }
            }
        }
        guard let vInfo = try sheet("vInfo") else {
            throw ImportError(
                "\(path): no vInfo sheet; is this an RVTools export? (sheets: \(workbook.sheets.map(\.name).joined(separator: ", ")))")
        }
        return try importSheets(vInfo: vInfo, vDisk: try sheet("vDisk"), vHost: try sheet("vHost"))
    }

    public func importCSVFolder(_ url: URL, shownAs path: String) throws(ImportError) -> ImportResult {
        func sheet(_ tab: String) throws(ImportError) -> Sheet? {
            let file = url.appendingPathComponent("RVTools_tab\(tab).csv")
            guard FileManager.default.fileExists(atPath: file.path) else { return nil }
            var diagnostics = DiagnosticCollector()
            let shown = "\(path)/RVTools_tab\(tab).csv"
            let table: CSVTable?
            do {
                table = try CSVTable.load(contentsOf: file, shownAs: shown, keepBlankRows: true, diagnostics: &diagnostics)
            } catch {
                throw ImportError(error.description)
            }
            guard let table else { throw diagnostics.errors.first.map { ImportError($0.message, at: $0.location) } ?? ImportError(shown) }
            return Sheet(header: table.header) { _, body throws(ImportError) in
                for row in table.rows {
                    let fields = row.fields
                    guard try body(table.location(ofLine: row.line), { $0 < fields.count ? fields[$0] : "" }) else { return }
                }
            }
        }
        guard let vInfo = try sheet("vInfo") else { throw ImportError("\(path): no RVTools_tabvInfo.csv in this folder") }
        return try importSheets(vInfo: vInfo, vDisk: try sheet("vDisk"), vHost: try sheet("vHost"))
    }

    func importSheets(vInfo: Sheet, vDisk: Sheet?, vHost: Sheet?) throws(ImportError) -> ImportResult {
        var result = ImportResult()
        let disks = try vDisk.map(diskCapacities) ?? [:]
        try RVToolsVInfo(header: HeaderMap(vInfo.header), includePoweredOff: includePoweredOff).read(vInfo, disks: disks, into: &result)
        if let vHost { result.hosts = try hosts(vHost) }
        result.disambiguateNames()
        return result
    }

    /// Sum of disk capacities per VM name, GiB.
    private func diskCapacities(_ sheet: Sheet) throws(ImportError) -> [String: Double] {
        let header = HeaderMap(sheet.header)
        guard let vm = header.column(RVToolsColumns.diskVM), let capacity = header.column(RVToolsColumns.diskCapacity) else { return [:] }
        var sums: [String: Double] = [:]
        try sheet.rows([vm, capacity]) { _, cell in
            let name = cell(vm).trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { return false }
            sums[name, default: 0] += (Double(cell(capacity)) ?? 0) / 1024
            return true
        }
        return sums
    }

    private func hosts(_ sheet: Sheet) throws(ImportError) -> [ImportedHost] {
        let header = HeaderMap(sheet.header)
        guard let name = header.column(RVToolsColumns.hostName) else { return [] }
        var hosts: [ImportedHost] = []
        try sheet.rows(nil) { _, cell in
            let host = cell(name).trimmingCharacters(in: .whitespaces)
            guard !host.isEmpty else { return false }
            func int(_ aliases: [String]) -> Int { header.column(aliases).flatMap { Int(Double(cell($0)) ?? 0) } ?? 0 }
            hosts.append(
                ImportedHost(
                    name: host, datacenter: header.column(RVToolsColumns.datacenter).map(cell) ?? "",
                    cluster: header.column(RVToolsColumns.cluster).map(cell) ?? "", cpuSockets: int(RVToolsColumns.hostSockets),
                    cores: int(RVToolsColumns.hostCores), memoryGiB: Double(int(RVToolsColumns.hostMemory)) / 1024,
                    vms: int(RVToolsColumns.hostVMs)))
            return true
        }
        return hosts
    }
}
