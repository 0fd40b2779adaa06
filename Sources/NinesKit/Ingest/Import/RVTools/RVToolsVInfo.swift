/// Reads the vInfo sheet row by row into VMs, exclusions and refusals. Every non-blank row is
/// accounted for: a row whose VM cell is empty (or a formula without a cached value) is refused
/// at that cell and reading goes on.
struct RVToolsVInfo {
    var header: HeaderMap
    var includePoweredOff: Bool

    /// Column indices of the fields read (nil: the sheet has no such column).
    private struct Columns {
        var vm: Int
        var power, template, cpus, memory, provisioned, total, os: Int?
        var datacenter, cluster, host, folder, annotation, ftState: Int?
        var tags: [(offset: Int, element: String)]

        var wanted: Set<Int> {
            Set(
                [vm]
                    + [power, template, cpus, memory, provisioned, total, os, datacenter, cluster, host, folder, annotation, ftState]
                    .compactMap { $0 } + tags.map(\.offset))
        }
    }

    /// Returns the names of the VMs the sheet lists (each row's VM cell, trimmed).
    @discardableResult
    func read(_ sheet: RVToolsSheet, disks: RVToolsDisks, partitions: RVToolsPartitions?, into result: inout ImportResult)
        throws(ImportError) -> Set<String>
    {
        guard sheet.header.count <= RVToolsSheet.maxColumns else {
            throw ImportError("vInfo has \(sheet.header.count) header columns; the limit is \(RVToolsSheet.maxColumns)")
        }
        guard let vm = header.column(RVToolsColumns.vm) else {
            throw ImportError(sheet.missingKey("VM"), at: sheet.headerLocation)
        }
        let columns = Columns(
            vm: vm, power: header.column(RVToolsColumns.power), template: header.column(RVToolsColumns.template),
            cpus: header.column(RVToolsColumns.cpus), memory: header.column(RVToolsColumns.memory),
            provisioned: header.column(RVToolsColumns.provisioned), total: header.column(RVToolsColumns.totalDisk),
            os: header.column(RVToolsColumns.os), datacenter: header.column(RVToolsColumns.datacenter),
            cluster: header.column(RVToolsColumns.cluster), host: header.column(RVToolsColumns.host),
            folder: header.column(RVToolsColumns.folder), annotation: header.column(RVToolsColumns.annotation),
            ftState: header.column(RVToolsColumns.ftState),
            tags: header.names.enumerated().filter {
                !$0.element.isEmpty && header.isRead($0.offset) && !RVToolsColumns.standardVInfo.contains(HeaderMap.normalise($0.element))
            })
        var local = result
        var names = Set<String>()
        try sheet.rows(columns.wanted) { row in
            local.rows += 1
            names.insert(row.cell(columns.vm).trimmingCharacters(in: .whitespaces))
            self.row(row, columns, disks: disks, partitions: partitions, into: &local)
        }
        result = local
        return names
    }

    /// One data row: skipped (template, powered off), refused with its reasons, or admitted.
    private func row(
        _ row: RVToolsSheet.Row, _ columns: Columns, disks: RVToolsDisks, partitions: RVToolsPartitions?, into result: inout ImportResult
    ) {
        let name = row.cell(columns.vm).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else {
            let what = row.isUncachedFormula(columns.vm) ? "the VM cell is a formula without a cached value" : "the VM cell is empty"
            let reference = row.reference(columns.vm)
            result.refuse("", reasons: [reference.map { "\($0): \(what)" } ?? what], at: row.location)
            return
        }
        let power = columns.power.map(row.cell)?.lowercased() ?? "poweredon"
        if columns.template.map(row.cell)?.lowercased() == "true" {
            result.skip(name, reason: "template", at: row.location)
            return
        }
        let poweredOn = power == "poweredon"
        if !poweredOn && !includePoweredOff {
            result.skip(name, reason: power == "suspended" ? "suspended" : "powered off", at: row.location)
            return
        }
        var check = RowCheck()
        func number(_ column: Int?, _ wanted: String, _ range: ClosedRange<Double>, whole: Bool = false, required: Bool = true) -> Double? {
            guard let column else {
                if required { check.report("the sheet has no '\(wanted)' column", at: nil) }
                return nil
            }
            let field = header.names[column]
            if row.isUncachedFormula(column) {
                check.report("'\(field)' is a formula without a cached value", at: row.reference(column))
                return nil
            }
            return check.number(row.cell(column), field: field, at: row.reference(column), in: range, whole: whole, required: required)
        }
        let cpus = number(columns.cpus, "CPUs", InventoryRules.vcpus, whole: true)
        let memoryMiB = number(columns.memory, "Memory", .nonNegative)
        let provisionedMiB = number(columns.provisioned ?? columns.total, "Provisioned MiB", .nonNegative, required: false)
        if let problems = disks.problems[name] { problems.forEach { check.report($0, at: nil) } }
        guard check.isClean, let cpus, let memoryMiB else {
            result.refuse(name, reasons: check.problems, at: row.location)
            return
        }
        let vDisk = disks.disksGiB[name] ?? []
        var imported = ImportedVM(
            name: name, vcpus: Int(cpus), memoryGiB: memoryMiB / 1024,
            diskGiB: vDisk.isEmpty ? (provisionedMiB ?? 0) / 1024 : vDisk.reduce(0, +), os: columns.os.map(row.cell) ?? "",
            poweredOn: poweredOn, location: row.location)
        imported.disksGiB = vDisk
        imported.usedGiB = partitions?.usedGiB(of: name)
        describe(&imported, row, columns)
        result.admit(imported)
    }

    /// The descriptive fields and custom attributes of a VM.
    private func describe(_ vm: inout ImportedVM, _ row: RVToolsSheet.Row, _ columns: Columns) {
        vm.datacenter = columns.datacenter.map(row.cell) ?? ""
        vm.cluster = columns.cluster.map(row.cell) ?? ""
        vm.host = columns.host.map(row.cell) ?? ""
        vm.folder = columns.folder.map(row.cell) ?? ""
        vm.annotation = columns.annotation.map(row.cell) ?? ""
        for (index, tag) in columns.tags where !row.cell(index).isEmpty { vm.tags[tag] = row.cell(index) }
        if let ft = columns.ftState.map(row.cell), !ft.isEmpty, ft != "notConfigured" {
            vm.tags["FT State"] = ft
        }
    }
}
