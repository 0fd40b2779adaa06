/// The vCluster tab: today's clusters, with what RVTools gives of them (hosts, cores, memory,
/// HA and DRS). A row with a bad number is left out with a located warning; the VMs are not
/// affected.
enum RVToolsClusters {
    static func read(_ sheet: RVToolsSheet, into result: inout ImportResult, source: String) throws(ImportError) {
        var tally = SheetTally(sheet: "vCluster", source: source)
        defer { result.sheets.append(tally) }
        let header = HeaderMap(sheet.header)
        guard let nameColumn = header.column(RVToolsColumns.clusterName) else { return }
        try sheet.rows(nil) { row in
            tally.rows += 1
            let name = row.cell(nameColumn).trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else {
                tally.leftOut += 1
                result.warnings.append(sheet.unnamedRow(row, column: nameColumn))
                return
            }
            var check = RowCheck()
            func number(_ aliases: [String], _ range: ClosedRange<Double>, whole: Bool = false) -> Double? {
                guard let column = header.column(aliases) else { return nil }
                return check.number(
                    row.cell(column), field: header.names[column], at: row.reference(column), in: range, whole: whole, required: false)
            }
            func flag(_ aliases: [String]) -> Bool? {
                guard let text = header.column(aliases).map(row.cell)?.trimmingWhitespace.lowercased(), !text.isEmpty else { return nil }
                return text == "true" || text == "yes" || text == "1"
            }
            var cluster = ImportedCluster(name: name)
            cluster.hosts = number(RVToolsColumns.clusterHosts, 0...100_000, whole: true).map { Int($0) }
            cluster.effectiveHosts = number(RVToolsColumns.clusterEffectiveHosts, 0...100_000, whole: true).map { Int($0) }
            cluster.cores = number(RVToolsColumns.clusterCores, 0...10_000_000, whole: true).map { Int($0) }
            cluster.totalCPUMHz = number(RVToolsColumns.clusterTotalCPU, .nonNegative)
            cluster.memoryGiB = number(RVToolsColumns.clusterTotalMemory, .nonNegative).map { $0 / 1_073_741_824 }
            cluster.effectiveMemoryGiB = number(RVToolsColumns.clusterEffectiveMemory, .nonNegative).map { $0 / 1024 }
            cluster.haEnabled = flag(RVToolsColumns.clusterHA)
            cluster.drsEnabled = flag(RVToolsColumns.clusterDRS)
            cluster.drsBehavior = header.column(RVToolsColumns.clusterDRSBehavior).map(row.cell)?.trimmingWhitespace ?? ""
            guard check.isClean else {
                tally.leftOut += 1
                let reason = check.problems.joined(separator: "; ")
                result.warnings.append(Diagnostic(.warning, "cluster '\(Escape.plain(name))' left out: \(reason)", at: row.location))
                return
            }
            tally.used += 1
            result.clusters.append(cluster)
        }
    }
}
