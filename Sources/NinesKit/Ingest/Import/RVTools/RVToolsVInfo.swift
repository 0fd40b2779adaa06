/// Reads the vInfo sheet row by row into VMs and exclusions. Reading stops at the first row
/// whose VM cell is blank, whatever the sheet's dimension claims.
struct RVToolsVInfo {
    var header: HeaderMap
    var includePoweredOff: Bool

    func read(_ sheet: RVToolsImporter.Sheet, disks: [String: Double], into result: inout ImportResult) throws(ImportError) {
        guard let vm = header.column(RVToolsColumns.vm) else {
            throw ImportError("vInfo has no 'VM' column (headers: \(header.names.prefix(12).joined(separator: ", ")))")
        }
        let columns = (
            power: header.column(RVToolsColumns.power), template: header.column(RVToolsColumns.template),
            cpus: header.column(RVToolsColumns.cpus), memory: header.column(RVToolsColumns.memory),
            provisioned: header.column(RVToolsColumns.provisioned), total: header.column(RVToolsColumns.totalDisk),
            os: header.column(RVToolsColumns.os), datacenter: header.column(RVToolsColumns.datacenter),
            cluster: header.column(RVToolsColumns.cluster), host: header.column(RVToolsColumns.host),
            folder: header.column(RVToolsColumns.folder), annotation: header.column(RVToolsColumns.annotation),
            ftState: header.column(RVToolsColumns.ftState)
        )
        let tagColumns = header.names.enumerated().filter {
            !$0.element.isEmpty && !RVToolsColumns.standardVInfo.contains(HeaderMap.normalise($0.element))
        }
        var local = result
        let wanted = Set(
            [vm]
                + [
                    columns.power, columns.template, columns.cpus, columns.memory, columns.provisioned, columns.total, columns.os,
                    columns.datacenter, columns.cluster, columns.host, columns.folder, columns.annotation, columns.ftState,
                ].compactMap { $0 }
                + tagColumns.map(\.offset))
        try sheet.rows(wanted) { location, cell in
            let name = cell(vm).trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { return false }
            let power = columns.power.map(cell)?.lowercased() ?? "poweredon"
            if columns.template.map(cell)?.lowercased() == "true" {
                local.excluded.append(.init(name: name, reason: "template", location: location))
                return true
            }
            let poweredOn = power == "poweredon"
            if !poweredOn && !includePoweredOff {
                local.excluded.append(.init(name: name, reason: power == "suspended" ? "suspended" : "powered off", location: location))
                return true
            }
            let cpus = columns.cpus.flatMap { Int(Double(cell($0)) ?? 0) } ?? 0
            let memoryMiB = columns.memory.flatMap { Double(cell($0)) } ?? 0
            guard cpus > 0, memoryMiB > 0 else {
                let missing = [cpus > 0 ? nil : "CPUs", memoryMiB > 0 ? nil : "memory"].compactMap { $0 }.joined(separator: " and ")
                local.excluded.append(.init(name: name, reason: "incomplete row: no \(missing)", location: location))
                return true
            }
            let provisioned = (columns.provisioned ?? columns.total).flatMap { Double(cell($0)) }.map { $0 / 1024 }
            var imported = ImportedVM(
                name: name, vcpus: cpus, memoryGiB: memoryMiB / 1024, diskGiB: disks[name] ?? provisioned ?? 0,
                os: columns.os.map(cell) ?? "", poweredOn: poweredOn, location: location)
            imported.datacenter = columns.datacenter.map(cell) ?? ""
            imported.cluster = columns.cluster.map(cell) ?? ""
            imported.host = columns.host.map(cell) ?? ""
            imported.folder = columns.folder.map(cell) ?? ""
            imported.annotation = columns.annotation.map(cell) ?? ""
            for (index, tag) in tagColumns where !cell(index).isEmpty { imported.tags[tag] = cell(index) }
            if let ft = columns.ftState.map(cell), !ft.isEmpty, ft != "notConfigured" {
                imported.tags["FT State"] = ft
            }
            local.vms.append(imported)
            return true
        }
        result = local
    }
}
