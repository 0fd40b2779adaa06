/// The vPartition tab: the space used inside each VM's guest file systems (one row per
/// partition, as VMware Tools reports it), for thin-provisioned sizing and the report's
/// picture of today. Only the VM, capacity, consumed and free columns are read, so the tab
/// costs little beside vInfo.
///
/// A VM's used space is Σ (capacity − free) over its partitions, or Σ consumed when the tab has
/// no free column. A row whose numbers cannot be read leaves that VM's used space unknown (a
/// partial sum would understate it) with a warning at the row; the VM itself is imported.
struct RVToolsPartitions {
    /// Used space per VM, MiB (as the tab counts), summed over its readable partitions.
    private var usedMiB: [String: Double] = [:]
    /// VMs with a row whose numbers could not be read: their used space is unknown.
    private(set) var unreadable: Set<String> = []
    /// Rows per VM name, unreadable ones included.
    private(set) var rowsPerVM: [String: Int] = [:]
    /// Non-blank rows read.
    private(set) var rows = 0
    /// Non-blank rows without a VM name (each has a warning).
    private(set) var unnamed = 0
    private(set) var warnings: [Diagnostic] = []

    /// A VM's used space, GiB; nil when the tab has no readable row for it.
    func usedGiB(of vm: String) -> Double? {
        guard !unreadable.contains(vm), let mib = usedMiB[vm] else { return nil }
        return mib / 1024
    }

    /// Reads the tab; one without a VM column or without capacity and free (or consumed)
    /// columns gives a warning and no figures.
    static func read(_ sheet: RVToolsSheet) throws(ImportError) -> RVToolsPartitions {
        var partitions = RVToolsPartitions()
        let header = HeaderMap(sheet.header)
        let capacity = header.column(RVToolsColumns.partitionCapacity)
        let free = header.column(RVToolsColumns.partitionFree)
        let consumed = header.column(RVToolsColumns.partitionConsumed)
        guard let vm = header.column(RVToolsColumns.partitionVM), (capacity != nil && free != nil) || consumed != nil else {
            partitions.warnings.append(
                Diagnostic(
                    .warning, "vPartition has neither 'Capacity MiB' and 'Free MiB' nor 'Consumed MiB' columns; the tab is not read",
                    at: sheet.headerLocation, fix: "export vPartition with its standard columns, or delete the tab"))
            return partitions
        }
        let wanted = Set([vm, capacity, free, consumed].compactMap { $0 })
        try sheet.rows(wanted) { row in
            partitions.rows += 1
            let name = row.cell(vm).trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else {
                partitions.unnamed += 1
                partitions.warnings.append(sheet.unnamedRow(row, column: vm))
                return
            }
            partitions.rowsPerVM[name, default: 0] += 1
            guard let used = Self.used(row, header: header, capacity: capacity, free: free, consumed: consumed) else {
                if partitions.unreadable.insert(name).inserted {
                    partitions.warnings.append(Self.unreadableWarning(name, row, header, [capacity, free, consumed]))
                }
                return
            }
            partitions.usedMiB[name, default: 0] += used
        }
        return partitions
    }

    /// A row's used space, MiB: capacity − free, else consumed; nil when a cell is not a
    /// number (an empty cell is not one either: the partition's use is then unknown).
    private static func used(_ row: RVToolsSheet.Row, header: HeaderMap, capacity: Int?, free: Int?, consumed: Int?) -> Double? {
        var check = RowCheck()
        func read(_ column: Int) -> Double? {
            check.number(row.cell(column), field: header.names[column], at: row.reference(column), in: .nonNegative)
        }
        if let capacity, let free, let total = read(capacity), let left = read(free) { return max(0, total - left) }
        guard let consumed else { return nil }
        return read(consumed)
    }

    /// One warning per VM (at its first bad row), the same words for every VM so that many
    /// fold into one entry when printed.
    private static func unreadableWarning(_ vm: String, _ row: RVToolsSheet.Row, _ header: HeaderMap, _ columns: [Int?]) -> Diagnostic {
        let names = columns.compactMap { $0 }.map { "'\(header.names[$0])'" }.joined(separator: ", ")
        return Diagnostic(
            .warning,
            "VM '\(Escape.plain(vm))' has a vPartition row whose \(names) are not all numbers; its used disk space is left unknown",
            at: row.location, fix: "correct the row in the export; the VM is sized on its provisioned disk meanwhile")
    }

    /// How the rows were used, once vInfo has been read.
    func tally(source: String, listed: Set<String>, imported: Set<String>) -> SheetTally {
        .perVM(
            "vPartition", source: source, rows: rows, unnamed: unnamed, rowsPerVM: rowsPerVM, leftOutVMs: unreadable, listed: listed,
            imported: imported)
    }
}
