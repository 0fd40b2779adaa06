import Foundation

/// Imports an RVTools export — an .xlsx workbook or the folder of `RVTools_tab*.csv` files of
/// its CSV mode — from vInfo (VMs), vDisk (capacity per disk) and vHost (today's hosts).
public struct RVToolsImporter: Sendable {
    /// Keep powered-off and suspended VMs (templates are always excluded).
    public var includePoweredOff: Bool

    public init(includePoweredOff: Bool = false) {
        self.includePoweredOff = includePoweredOff
    }

    public func importWorkbook(_ url: URL, shownAs path: String) throws(ImportError) -> ImportResult {
        let workbook = try XlsxWorkbook(url: url, shownAs: path)
        guard let vInfo = try RVToolsSheet.workbook(workbook, sheet: "vInfo", key: RVToolsColumns.vm, shownAs: path) else {
            throw ImportError(
                "\(path): no vInfo sheet; is this an RVTools export? (sheets: \(workbook.sheets.map(\.name).joined(separator: ", ")))")
        }
        return try importSheets(
            vInfo: vInfo, vDisk: try RVToolsSheet.workbook(workbook, sheet: "vDisk", key: RVToolsColumns.diskVM, shownAs: path),
            vHost: try RVToolsSheet.workbook(workbook, sheet: "vHost", key: RVToolsColumns.hostName, shownAs: path))
    }

    public func importCSVFolder(_ url: URL, shownAs path: String) throws(ImportError) -> ImportResult {
        guard let vInfo = try RVToolsSheet.csv(tab: "vInfo", in: url, shownAs: path) else {
            throw ImportError("\(path): no RVTools_tabvInfo.csv in this folder", kind: .missing)
        }
        return try importSheets(
            vInfo: vInfo, vDisk: try RVToolsSheet.csv(tab: "vDisk", in: url, shownAs: path),
            vHost: try RVToolsSheet.csv(tab: "vHost", in: url, shownAs: path))
    }

    func importSheets(vInfo: RVToolsSheet, vDisk: RVToolsSheet?, vHost: RVToolsSheet?) throws(ImportError) -> ImportResult {
        var result = ImportResult()
        for sheet in [vInfo, vDisk, vHost].compactMap({ $0 }) { result.warnings += sheet.headerWarnings() }
        for sheet in [vDisk, vHost].compactMap({ $0 }) where !sheet.headerFound {
            result.warnings.append(
                Diagnostic(
                    .warning, sheet.missingKey(sheet.name == "vDisk" ? "VM" : "Host") + "; the tab is not read", at: sheet.headerLocation))
        }
        let disks = try vDisk.flatMap { $0.headerFound ? $0 : nil }.map(RVToolsDisks.read) ?? RVToolsDisks()
        let listed = try RVToolsVInfo(header: HeaderMap(vInfo.header), includePoweredOff: includePoweredOff).read(
            vInfo, disks: disks, into: &result)
        let orphans = Set(disks.disksGiB.keys).union(disks.problems.keys).subtracting(listed).sorted()
        if let vDisk, !orphans.isEmpty {
            // Never dropped silently: disk rows of a VM vInfo does not list have nowhere to go.
            let names = orphans.prefix(10).map(Escape.plain).joined(separator: ", ") + (orphans.count > 10 ? ", …" : "")
            result.warnings.append(
                Diagnostic(
                    .warning,
                    "vDisk has disk rows for \(orphans.count) VM(s) that vInfo does not list, which are not imported: \(names)",
                    at: vDisk.headerLocation, fix: "export vInfo and vDisk from the same RVTools run"))
        }
        if let vHost, vHost.headerFound { try hosts(vHost, into: &result) }
        result.disambiguateNames()
        return result
    }

    /// Today's hosts; a host row with a bad number is left out with a located error.
    private func hosts(_ sheet: RVToolsSheet, into result: inout ImportResult) throws(ImportError) {
        let header = HeaderMap(sheet.header)
        guard let name = header.column(RVToolsColumns.hostName) else { return }
        try sheet.rows(nil) { row in
            let host = row.cell(name).trimmingCharacters(in: .whitespaces)
            guard !host.isEmpty else { return }
            var check = RowCheck()
            func count(_ aliases: [String], _ field: String, _ range: ClosedRange<Int>) -> Int {
                guard let column = header.column(aliases) else { return 0 }
                return check.count(row.cell(column), field: field, at: row.reference(column), in: range, required: false) ?? 0
            }
            let sockets = count(RVToolsColumns.hostSockets, "# CPU", 0...1024)
            let cores = count(RVToolsColumns.hostCores, "# Cores", 0...65_536)
            let memoryMiB = count(RVToolsColumns.hostMemory, "# Memory", 0...(1 << 40))
            let vms = count(RVToolsColumns.hostVMs, "# VMs", 0...1_000_000)
            guard check.isClean else {
                let reason = check.problems.joined(separator: "; ")
                result.warnings.append(Diagnostic(.error, "host '\(Escape.plain(host))' left out: \(reason)", at: row.location))
                return
            }
            result.hosts.append(
                ImportedHost(
                    name: host, datacenter: header.column(RVToolsColumns.datacenter).map(row.cell) ?? "",
                    cluster: header.column(RVToolsColumns.cluster).map(row.cell) ?? "", cpuSockets: sockets, cores: cores,
                    memoryGiB: Double(memoryMiB) / 1024, vms: vms))
        }
    }
}
