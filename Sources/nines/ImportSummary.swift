import NinesKit

/// What `nines import` prints: what was kept, what was left out and why, and the totals.
enum ImportSummary {
    /// The mapping rules, how many VMs each set the application or site of, and the VMs no
    /// rule gave an application.
    struct Mapping {
        var rules: [MappingRules.Rule]
        var matched: [Int]
        var unmapped: [String]
    }

    static func text(_ result: ImportResult, workloads: [Workload], mapping: Mapping, output: String?) -> String {
        let vcpus = workloads.reduce(0) { $0 + $1.vcpus }
        let memory = workloads.reduce(0) { $0 + $1.memoryGiB }
        let disk = workloads.reduce(0) { $0 + $1.diskGiB }
        let totals = TextTable(
            header: ["", "VMs", "vCPUs", "memory GiB", "disk GiB"],
            rows: [["imported", "\(workloads.count)", "\(vcpus)", Number.grouped(memory, fraction: 1), Number.grouped(disk, fraction: 1)]],
            rightAligned: [1, 2, 3, 4])
        var lines = [totals.render()]
        if !result.excluded.isEmpty {
            // Skipped by design (powered off, suspended, templates).
            let reasons = Dictionary(grouping: result.excluded, by: \.reason).map { ($0.key, $0.value.count) }.sorted { $0.0 < $1.0 }
            lines.append("\nskipped: \(result.excluded.count) (" + reasons.map { "\($0.1) \($0.0)" }.joined(separator: ", ") + ")")
            let rows = result.excluded.prefix(50).map { [Escape.plain($0.name), $0.reason, $0.location.description] }
            lines.append(TextTable(header: ["VM", "reason", "where"], rows: rows).render())
            if result.excluded.count > 50 { lines.append("… and \(result.excluded.count - 50) more") }
        }
        if !result.refused.isEmpty {
            let rows = result.refused.prefix(50).map { [Escape.plain($0.name), $0.reason, $0.location.description] }
            lines.append("\nrefused: \(result.refused.count)")
            lines.append(TextTable(header: ["VM", "reason", "where"], rows: rows).render())
            if result.refused.count > 50 { lines.append("… and \(result.refused.count - 50) more") }
        }
        lines.append(
            "\nrows read: \(result.rows) = \(result.vms.count) imported + \(result.excluded.count) skipped + \(result.refused.count) refused"
        )
        // Every row of every other tab read, accounted for the same way.
        let sources = Set(result.sheets.map(\.source)).count
        lines += result.sheets.map { $0.sentence + (sources > 1 ? " (\($0.source))" : "") }
        lines += rules(mapping)
        lines += estate(result, workloads: workloads)
        if let output { lines.append("\nWrote \(output)") }
        return lines.joined(separator: "\n")
    }

    /// The space used in the guests (vPartition), today's hosts (vHost) and clusters (vCluster).
    private static func estate(_ result: ImportResult, workloads: [Workload]) -> [String] {
        var lines: [String] = []
        let measured = workloads.filter { $0.usedGiB != nil }
        if !measured.isEmpty {
            let used = measured.reduce(0) { $0 + ($1.usedGiB ?? 0) }
            let provisioned = measured.reduce(0) { $0 + $1.diskGiB }
            lines.append(
                "\nused in the guests (vPartition): \(Number.grouped(used, fraction: 1)) GiB of \(Number.grouped(provisioned, fraction: 1)) GiB provisioned, \(measured.count) of \(workloads.count) VMs measured"
            )
        }
        if !result.hosts.isEmpty {
            lines.append(
                "\ntoday's hosts (vHost): \(result.hosts.count), \(result.hosts.reduce(0) { $0 + $1.cores }) cores, \(Number.grouped(result.hosts.reduce(0) { $0 + $1.memoryGiB })) GiB"
            )
        }
        if !result.clusters.isEmpty {
            let ha = result.clusters.filter { $0.haEnabled == true }.count
            let drs = result.clusters.filter { $0.drsEnabled == true }.count
            lines.append(
                "\ntoday's clusters (vCluster): \(result.clusters.count), \(ha) with HA, \(drs) with DRS: "
                    + result.clusters.prefix(20).map { Escape.plain($0.name) }.joined(separator: ", ")
                    + (result.clusters.count > 20 ? ", …" : ""))
        }
        return lines
    }

    /// VMs per mapping rule, and the VMs no rule maps (only when there are rules).
    private static func rules(_ mapping: Mapping) -> [String] {
        guard !mapping.rules.isEmpty else { return [] }
        let rows = zip(mapping.rules, mapping.matched).map { rule, count in
            [
                "\(rule.match) ~ \(Escape.plain(rule.pattern))",
                [rule.application, rule.site.map { "site \($0)" }].compactMap { $0 }
                    .map(Escape.plain).joined(separator: ", "), "\(count)", rule.location.description,
            ]
        }
        var lines = ["\nmapping rules:", TextTable(header: ["rule", "sets", "VMs", "where"], rows: rows, rightAligned: [2]).render()]
        let unmapped = mapping.unmapped
        if !unmapped.isEmpty {
            lines.append(
                "\n\(unmapped.count) VM(s) match no mapping rule and become their own application: "
                    + unmapped.prefix(20).map(Escape.plain).joined(separator: ", ") + (unmapped.count > 20 ? ", …" : ""))
        }
        return lines
    }
}
