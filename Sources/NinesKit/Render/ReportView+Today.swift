/// The report's picture of today beyond its hosts: the clusters (RVTools vCluster) and the disk
/// provisioned against the space used inside the guests (RVTools vPartition, or the
/// inventory's `used_gib`). Each is empty when the inventory does not say.
extension ReportView {
    /// One line per cluster: `Prod: 4 hosts (4 effective), 96 cores, 1,536 GiB of memory
    /// (1,480 GiB effective), HA on, DRS on (fullyAutomated)`.
    static func clusterLines(_ clusters: [ImportedCluster]) -> [String] {
        clusters.map { c in
            var parts: [String] = []
            if let hosts = c.hosts {
                parts.append("\(hosts) host\(hosts == 1 ? "" : "s")" + (c.effectiveHosts.map { " (\($0) effective)" } ?? ""))
            }
            if let cores = c.cores { parts.append("\(cores) cores") }
            if let memory = c.memoryGiB {
                parts.append(
                    "\(Number.grouped(memory)) GiB of memory"
                        + (c.effectiveMemoryGiB.map { " (\(Number.grouped($0)) GiB effective)" } ?? ""))
            }
            if let ha = c.haEnabled { parts.append("HA \(ha ? "on" : "off")") }
            if let drs = c.drsEnabled {
                parts.append("DRS \(drs ? "on" : "off")" + (drs && !c.drsBehavior.isEmpty ? " (\(c.drsBehavior))" : ""))
            }
            return c.name + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", "))
        }
    }

    /// Disk provisioned and used in the guests, per site in the engagement's order (and in
    /// total when there are several), over the powered-on VMs; empty when no VM has a used
    /// figure. `hq: 42 VMs, 1,250 GiB provisioned; the 40 measured use 640 GiB of their 1,200 GiB (53%)`.
    static func diskLines(_ engagement: Engagement) -> [String] {
        let vms = engagement.workloads.filter(\.poweredOn)
        guard vms.contains(where: { $0.usedGiB != nil }) else { return [] }
        let sites = engagement.sites.map(\.id)
        let bySite = Dictionary(grouping: vms, by: \.site)
        var lines = (sites + bySite.keys.filter { !sites.contains($0) }.sorted()).compactMap { site in
            bySite[site].map { "\(site): " + diskLine($0) }
        }
        if lines.count > 1 { lines.append("All sites: " + diskLine(vms)) }
        return lines.count == 1 ? [diskLine(vms)] : lines
    }

    private static func diskLine(_ vms: [Workload]) -> String {
        let provisioned = vms.reduce(0) { $0 + $1.diskGiB }
        let measured = vms.filter { $0.usedGiB != nil }
        let used = measured.reduce(0) { $0 + ($1.usedGiB ?? 0) }
        let theirs = measured.reduce(0) { $0 + $1.diskGiB }
        var line = "\(vms.count) VM\(vms.count == 1 ? "" : "s"), \(Number.grouped(provisioned)) GiB provisioned"
        if measured.isEmpty { return line + "; none measured in the guest" }
        let share = theirs > 0 ? " (\(Number.plain(100 * used / theirs, maxFraction: 0))%)" : ""
        let who = measured.count == vms.count ? "they use" : "the \(measured.count) measured use"
        line += "; \(who) \(Number.grouped(used)) GiB of their \(Number.grouped(theirs)) GiB\(share)"
        return line
    }
}
