/// The vHost tab: today's hosts. A host row with a bad number is left out with a located
/// error; a row without a host name with a warning; both are counted in the tab's tally.
enum RVToolsHosts {
    static func read(_ sheet: RVToolsSheet, into result: inout ImportResult, source: String) throws(ImportError) {
        var tally = SheetTally(sheet: "vHost", source: source)
        defer { result.sheets.append(tally) }
        let header = HeaderMap(sheet.header)
        guard let name = header.column(RVToolsColumns.hostName) else { return }
        try sheet.rows(nil) { row in
            tally.rows += 1
            let host = row.cell(name).trimmingCharacters(in: .whitespaces)
            guard !host.isEmpty else {
                tally.leftOut += 1
                result.warnings.append(sheet.unnamedRow(row, column: name))
                return
            }
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
                tally.leftOut += 1
                let reason = check.problems.joined(separator: "; ")
                result.warnings.append(Diagnostic(.error, "host '\(Escape.plain(host))' left out: \(reason)", at: row.location))
                return
            }
            tally.used += 1
            result.hosts.append(
                ImportedHost(
                    name: host, datacenter: header.column(RVToolsColumns.datacenter).map(row.cell) ?? "",
                    cluster: header.column(RVToolsColumns.cluster).map(row.cell) ?? "", cpuSockets: sockets, cores: cores,
                    memoryGiB: Double(memoryMiB) / 1024, vms: vms))
        }
    }
}
