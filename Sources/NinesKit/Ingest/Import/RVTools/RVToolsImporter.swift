import Foundation

/// Imports an RVTools export — an .xlsx workbook or the folder of `RVTools_tab*.csv` files of
/// its CSV mode — from vInfo (VMs), vDisk (capacity per disk), vPartition (space used in the
/// guests), vHost (today's hosts) and vCluster (today's clusters). Every tab but vInfo is
/// optional; each one read has a `SheetTally` in the result.
public struct RVToolsImporter: Sendable {
    /// Keep powered-off and suspended VMs (templates are always excluded).
    public var includePoweredOff: Bool

    public init(includePoweredOff: Bool = false) {
        self.includePoweredOff = includePoweredOff
    }

    /// The tabs read besides vInfo, with the column that marks each one's header row.
    struct Tabs {
        var vDisk, vPartition, vHost, vCluster: RVToolsSheet?

        static let keys: [(tab: String, key: [String], shown: String)] = [
            ("vDisk", RVToolsColumns.diskVM, "VM"), ("vPartition", RVToolsColumns.partitionVM, "VM"),
            ("vHost", RVToolsColumns.hostName, "Host"), ("vCluster", RVToolsColumns.clusterName, "Name"),
        ]

        init(_ sheet: (String, [String]) throws(ImportError) -> RVToolsSheet?) throws(ImportError) {
            var found: [String: RVToolsSheet] = [:]
            for (tab, key, _) in Self.keys { found[tab] = try sheet(tab, key) }
            (vDisk, vPartition, vHost, vCluster) = (found["vDisk"], found["vPartition"], found["vHost"], found["vCluster"])
        }

        var all: [RVToolsSheet] { [vDisk, vPartition, vHost, vCluster].compactMap { $0 } }
    }

    public func importWorkbook(_ url: URL, shownAs path: String) throws(ImportError) -> ImportResult {
        let workbook = try XlsxWorkbook(url: url, shownAs: path)
        guard let vInfo = try RVToolsSheet.workbook(workbook, sheet: "vInfo", key: RVToolsColumns.vm, shownAs: path) else {
            throw ImportError(
                "\(path): no vInfo sheet; is this an RVTools export? (sheets: \(workbook.sheets.map(\.name).joined(separator: ", ")))")
        }
        let tabs = try Tabs { (name, key) throws(ImportError) in try RVToolsSheet.workbook(workbook, sheet: name, key: key, shownAs: path) }
        return try importSheets(vInfo: vInfo, tabs: tabs, source: path)
    }

    public func importCSVFolder(_ url: URL, shownAs path: String) throws(ImportError) -> ImportResult {
        guard let vInfo = try RVToolsSheet.csv(tab: "vInfo", in: url, shownAs: path) else {
            throw ImportError("\(path): no RVTools_tabvInfo.csv in this folder", kind: .missing)
        }
        let tabs = try Tabs { (name, _) throws(ImportError) in try RVToolsSheet.csv(tab: name, in: url, shownAs: path) }
        return try importSheets(vInfo: vInfo, tabs: tabs, source: path)
    }

    func importSheets(vInfo: RVToolsSheet, tabs: Tabs, source: String) throws(ImportError) -> ImportResult {
        var result = ImportResult()
        for sheet in [vInfo] + tabs.all { result.warnings += sheet.headerWarnings() }
        for sheet in tabs.all where !sheet.headerFound {
            let key = Tabs.keys.first { $0.tab == sheet.name }?.shown ?? "VM"
            result.warnings.append(Diagnostic(.warning, sheet.missingKey(key) + "; the tab is not read", at: sheet.headerLocation))
        }
        let found = { (sheet: RVToolsSheet?) in sheet.flatMap { $0.headerFound ? $0 : nil } }
        let disks = try found(tabs.vDisk).map(RVToolsDisks.read)
        let partitions = try found(tabs.vPartition).map(RVToolsPartitions.read)
        result.warnings += (disks?.warnings ?? []) + (partitions?.warnings ?? [])
        let listed = try RVToolsVInfo(header: HeaderMap(vInfo.header), includePoweredOff: includePoweredOff).read(
            vInfo, disks: disks ?? RVToolsDisks(), partitions: partitions, into: &result)
        // Only when a tab needs it: 100,000 names are 2–3 MiB of a vInfo-only import's peak.
        let imported = disks == nil && partitions == nil ? [] : Set(result.vms.map(\.name))
        if let disks, let vDisk = tabs.vDisk {
            result.sheets.append(disks.tally(source: source, listed: listed, imported: imported))
            warnUnlisted(Set(disks.rowsPerVM.keys).subtracting(listed), in: vDisk, rows: "disk rows", into: &result)
        }
        if let partitions, let vPartition = tabs.vPartition {
            result.sheets.append(partitions.tally(source: source, listed: listed, imported: imported))
            warnUnlisted(Set(partitions.rowsPerVM.keys).subtracting(listed), in: vPartition, rows: "partition rows", into: &result)
        }
        if let vHost = found(tabs.vHost) { try RVToolsHosts.read(vHost, into: &result, source: source) }
        if let vCluster = found(tabs.vCluster) { try RVToolsClusters.read(vCluster, into: &result, source: source) }
        result.disambiguateNames()
        return result
    }

    /// Never dropped silently: rows of a VM vInfo does not list have nowhere to go, so one
    /// warning names those VMs.
    private func warnUnlisted(_ orphans: Set<String>, in sheet: RVToolsSheet, rows: String, into result: inout ImportResult) {
        guard !orphans.isEmpty else { return }
        let sorted = orphans.sorted()
        let names = sorted.prefix(10).map(Escape.plain).joined(separator: ", ") + (sorted.count > 10 ? ", …" : "")
        result.warnings.append(
            Diagnostic(
                .warning, "\(sheet.name) has \(rows) for \(sorted.count) VM(s) that vInfo does not list, which are not imported: \(names)",
                at: sheet.headerLocation, fix: "export vInfo and \(sheet.name) from the same RVTools run"))
    }
}
