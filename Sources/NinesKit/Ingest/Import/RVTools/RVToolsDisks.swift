/// The vDisk tab: provisioned capacity per VM name, GiB, and the VMs whose disk rows hold a
/// capacity that is not a number (those VMs are refused rather than imported with a wrong size).
struct RVToolsDisks {
    /// Sum of the disk capacities of each VM, GiB.
    var capacityGiB: [String: Double] = [:]
    /// Problems of a VM's disk rows, each naming its cell.
    var problems: [String: [String]] = [:]

    static func read(_ sheet: RVToolsSheet) throws(ImportError) -> RVToolsDisks {
        var disks = RVToolsDisks()
        let header = HeaderMap(sheet.header)
        guard let vm = header.column(RVToolsColumns.diskVM), let capacity = header.column(RVToolsColumns.diskCapacity) else {
            return disks
        }
        try sheet.rows([vm, capacity]) { row in
            let name = row.cell(vm).trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { return }
            var check = RowCheck()
            let mib = check.number(
                row.cell(capacity), field: "Capacity MiB", at: row.reference(capacity) ?? row.location.description, in: .nonNegative,
                required: false)
            guard check.isClean else {
                disks.problems[name, default: []] += check.problems
                return
            }
            disks.capacityGiB[name, default: 0] += (mib ?? 0) / 1024
        }
        return disks
    }
}
