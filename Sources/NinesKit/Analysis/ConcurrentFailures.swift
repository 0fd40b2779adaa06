/// Two failures an application survives alone that overlap in time and together take more of
/// its VMs than it can spare (docs/MODEL.md §4, "Redundancy inside an application").
///
/// The failures it tolerates are grouped into independent units, each with the VMs it takes: a
/// pair or a server (its host failures and both-hosts-down modes — the pair's chain already
/// counts both of its hosts down), a site (outage and loss), a VM (guest crash). Failures A and B
/// of two different units begin to overlap at rate λ_A λ_B (d_A + d_B) and overlap for
/// d_A d_B / (d_A + d_B) on average: λ_A λ_B d_A d_B of a year each year. Three at once are
/// neglected. Identical units (the same VMs per site and the same failures) are counted with
/// multiplicity, so the work grows with the distinct units, not with the VMs.
struct ConcurrentFailures {
    enum Kind: Hashable { case host, site, guest }

    /// A failure a unit survives alone.
    struct Failure: Hashable {
        /// Events per year.
        var rate: Double
        /// Outage per event, in years.
        var years: Double
        /// Data lost per event, in seconds.
        var lossSeconds: Double
    }

    /// A unit: what fails together, the VMs it takes, its failures.
    struct Unit: Hashable {
        var kind: Kind
        var vmsBySite: [String: Int]
        var failures: [Failure] = []
        /// VMs it takes.
        var vms: Int { vmsBySite.values.reduce(0, +) }
    }

    /// Days in the year the rates are counted over.
    let yearDays: Double
    private var units: [String: Unit] = [:]
    private var guestCrash: Failure?

    init(yearDays: Double) { self.yearDays = yearDays }

    /// States the VMs a unit takes, before its failures.
    mutating func register(_ key: String, kind: Kind, vmsBySite: [String: Int]) {
        if units[key] == nil { units[key] = Unit(kind: kind, vmsBySite: vmsBySite) }
    }

    /// A failure of a registered unit that is no outage alone.
    mutating func tolerate(_ key: String, rate: Double, duration: TimeSpan, loss: TimeSpan) {
        guard rate > 0, duration.seconds > 0 else { return }
        let failure = Failure(rate: rate, years: duration.seconds / yearSeconds, lossSeconds: loss.seconds)
        units[key]?.failures.append(failure)
    }

    /// Guest crashes, `rate` per VM a year: one unit per VM.
    mutating func tolerateGuestCrashes(rate: Double, duration: TimeSpan) {
        guard rate > 0, duration.seconds > 0 else { return }
        guestCrash = Failure(rate: rate, years: duration.seconds / yearSeconds, lossSeconds: 0)
    }

    private var yearSeconds: Double { yearDays * 86_400 }

    /// The overlaps that take more than `spare` of the application's VMs (`vmsBySite`), as one
    /// incident class of the application's own; nil when there are none.
    ///
    /// Data loss: a failure the application survives alone loses none of its data (the other
    /// VMs hold it). Two at once lose data only when they take every VM, and then only what the
    /// newer surviving copy lacks: the smaller of the two failures' losses.
    func incident(vmsBySite: [String: Int], spare: Int) -> IncidentClass? {
        let classes = distinctUnits(vmsBySite: vmsBySite)
        let all = vmsBySite.values.reduce(0, +)
        var rate = 0.0, overlap = 0.0, loss = 0.0
        for i in classes.indices {
            for j in i..<classes.count {
                for (pairs, union) in combinations(classes[i], classes[j], same: i == j) where pairs > 0 && union > spare {
                    for a in classes[i].unit.failures {
                        for b in classes[j].unit.failures {
                            let started = pairs * a.rate * b.rate * (a.years + b.years)
                            rate += started
                            overlap += pairs * a.rate * b.rate * a.years * b.years
                            if union >= all { loss += started * min(a.lossSeconds, b.lossSeconds) }
                        }
                    }
                }
            }
        }
        guard rate > 0, overlap > 0 else { return nil }
        return IncidentClass(
            mode: .concurrentFailures, ratePerYear: rate, duration: TimeSpan(seconds: overlap / rate * yearSeconds),
            dataLoss: TimeSpan(seconds: loss / rate), planned: false)
    }

    /// The units with failures, identical ones merged with their count; guest crashes as one
    /// unit per site, counted once per VM there.
    private func distinctUnits(vmsBySite: [String: Int]) -> [(unit: Unit, count: Double)] {
        var counts: [Unit: Int] = [:]
        for unit in units.values where !unit.failures.isEmpty { counts[unit, default: 0] += 1 }
        if let guestCrash {
            for (site, vms) in vmsBySite where vms > 0 {
                counts[Unit(kind: .guest, vmsBySite: [site: 1], failures: [guestCrash]), default: 0] += vms
            }
        }
        // In a fixed order: the sums do not depend on a dictionary's.
        return counts.map { (unit: $0.key, count: Double($0.value)) }.sorted { order($0.unit) < order($1.unit) }
    }

    private func order(_ unit: Unit) -> String {
        "\(unit.kind) \(unit.vmsBySite.sorted { $0.key < $1.key }) \(unit.failures.map { [$0.rate, $0.years, $0.lossSeconds] })"
    }

    /// The pairs of distinct units, one from each class (two from one class when `same`), as
    /// (how many pairs, VMs the two take together).
    private func combinations(
        _ a: (unit: Unit, count: Double), _ b: (unit: Unit, count: Double), same: Bool
    ) -> [(Double, Int)] {
        if same { return [(a.count * (a.count - 1) / 2, 2 * a.unit.vms)] }
        if a.unit.kind == .guest || b.unit.kind == .guest {
            // A crashed VM inside the other unit's VMs adds none to them, outside it adds one.
            let (guest, other) = a.unit.kind == .guest ? (a, b) : (b, a)
            let site = guest.unit.vmsBySite.keys.first ?? ""
            let inside = Double(other.unit.vmsBySite[site] ?? 0)
            let atSite = guest.count
            return [(other.count * inside, other.unit.vms), (other.count * (atSite - inside), other.unit.vms + 1)]
        }
        // Two hosts, or two sites, share no VM; a host shares its VMs at a site with the site.
        var shared = 0
        if a.unit.kind != b.unit.kind {
            for (site, vms) in a.unit.vmsBySite { shared += min(vms, b.unit.vmsBySite[site] ?? 0) }
        }
        return [(a.count * b.count, a.unit.vms + b.unit.vms - shared)]
    }

    /// The VMs per site of each of `placement`'s distinct hosts, in `distinctHosts`' order.
    static func footprints(_ placement: Placement) -> [[String: Int]] {
        var merged: [[String: Int]] = []
        var at: [String: Int] = [:]
        for host in placement.hosts {
            if !host.scope.isEmpty, let index = at[host.scope] {
                merged[index][host.site, default: 0] += host.vms
                continue
            }
            if !host.scope.isEmpty { at[host.scope] = merged.count }
            merged.append([host.site: host.vms])
        }
        return merged
    }
}
