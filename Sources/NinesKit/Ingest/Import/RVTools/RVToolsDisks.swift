/// The vDisk tab: each VM's disks (one row per disk), GiB, in sheet order, and the VMs whose
/// disk rows hold a capacity that is not a number (those VMs are refused rather than imported
/// with a wrong size).
struct RVToolsDisks {
    /// Capacity of each disk of a VM, GiB, in sheet order.
    var disksGiB: [String: [Double]] = [:]
    /// Problems of a VM's disk rows, each naming its cell.
    var problems: [String: [String]] = [:]
    /// Disk rows read (blank rows and rows without a VM name are not counted).
    var rows = 0

    static func read(_ sheet: RVToolsSheet) throws(ImportError) -> RVToolsDisks {
        var disks = RVToolsDisks()
        let header = HeaderMap(sheet.header)
        guard let vm = header.column(RVToolsColumns.diskVM), let capacity = header.column(RVToolsColumns.diskCapacity) else {
            return disks
        }
        try sheet.rows([vm, capacity]) { row in
            let name = row.cell(vm).trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { return }
            disks.rows += 1
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
}
