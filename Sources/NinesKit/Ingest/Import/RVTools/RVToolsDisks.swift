/// The vDisk tab: each VM's disks (one row per disk), GiB, in sheet order, and the VMs whose
/// disk rows hold a capacity that is not a number (those VMs are refused rather than imported
/// with a wrong size).
struct RVToolsDisks {
    /// Capacity of each disk of a VM, GiB, in sheet order.
    var disksGiB: [String: [Double]] = [:]
    /// Problems of a VM's disk rows, each naming its cell.
    var problems: [String: [String]] = [:]
    /// Rows per VM name, bad ones included.
    var rowsPerVM: [String: Int] = [:]
    /// Non-blank rows read.
    var rows = 0
    /// Non-blank rows without a VM name (each has a warning).
    var unnamed = 0
    var warnings: [Diagnostic] = []

    static func read(_ sheet: RVToolsSheet) throws(ImportError) -> RVToolsDisks {
        var disks = RVToolsDisks()
        let header = HeaderMap(sheet.header)
        guard let vm = header.column(RVToolsColumns.diskVM), let capacity = header.column(RVToolsColumns.diskCapacity) else {
            return disks
        }
        try sheet.rows([vm, capacity]) { row in
            disks.rows += 1
            let name = row.cell(vm).trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else {
                disks.unnamed += 1
                disks.warnings.append(sheet.unnamedRow(row, column: vm))
                return
            }
            disks.rowsPerVM[name, default: 0] += 1
            var check = RowCheck()
            let mib = check.number(
                row.cell(capacity), field: "Capacity MiB", at: row.reference(capacity) ?? row.location.description, in: .nonNegative,
                required: false)
            guard check.isClean else {
                disks.problems[name, default: []] += check.problems
                return
            }
            disks.disksGiB[name, default: []].append((mib ?? 0) / 1024)
        }
        return disks
    }

    /// How the rows were used, once vInfo has been read.
    func tally(source: String, listed: Set<String>, imported: Set<String>) -> SheetTally {
        .perVM(
            "vDisk", source: source, rows: rows, unnamed: unnamed, rowsPerVM: rowsPerVM, leftOutVMs: [], listed: listed,
            imported: imported)
    }
}
