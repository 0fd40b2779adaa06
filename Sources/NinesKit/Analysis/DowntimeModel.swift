import Foundation
import Synchronization

/// Expected annual downtime of an application on a tier, as a sum over failure modes
/// (docs/MODEL.md §2), each a rate from failure-rates.yaml times a duration from tiers.yaml:
///
/// | mode | single server (backup) | pair (ha, ft) |
/// |---|---|---|
/// | host failure | repair or restore | restart on partner (HA) or failover (FT, coverage c) |
/// | uncovered failure | — | FT failures the failover misses: restart |
/// | both hosts down | — | overlap and common cause, from the pair's Markov chain |
/// | disk / NIC / PSU | the share its redundancy does not mask | masked |
/// | guest OS crash | restart, per VM | restart, per VM (FT does not mask it) |
/// | site outage, site loss | per site, shortened by SplitSite / DR | same |
/// | maintenance | patch windows (planned) | none: live migration |
///
/// Host-level modes count once per host the application's VMs run on (`Placement`: a server
/// per site, or the application's primary host on each pair it is packed on), guest crashes
/// once per VM; with `required_vms` a failure is an outage only when too few VMs are left, and
/// two such failures at once are one more class (`ConcurrentFailures`).
public struct DowntimeModel: Sendable {
    public var rates: FailureRates
    public var yearDays: Double
    /// Steady states of the pair chain already solved, by (coverage, recovery hours): a plan
    /// asks for the same two or three chains thousands of times.
    private let solved = SolvedChains()

    public init(rates: FailureRates, yearDays: Double) {
        self.rates = rates
        self.yearDays = yearDays
    }

    /// Host failures per hour.
    public var hostFailureRate: Double { rates.hostFailuresPerYear.value / (yearDays * 24) }

    /// The pair's Markov chain with the catalog's rates and a tier's coverage.
    public func pairModel(_ spec: TierSpec) -> PairModel {
        PairModel(
            failureRate: hostFailureRate, repairHours: rates.hostRepairTime.value.hours, crews: Int(rates.repairCrews.value),
            beta: rates.commonCauseBeta.value, coverage: spec.failoverCoverage?.value ?? 1,
            recoveryHours: spec.uncoveredRecovery?.value.hours ?? 0)
    }

    /// The hosts' own Markov chain (docs/MODEL.md §3) without any tier's failover coverage: the
    /// rates at which a host of a pair fails and both hosts go down are the hardware's, the
    /// same for every application on the pair; coverage only decides what each one suffers.
    public var hardwarePair: PairModel {
        PairModel(
            failureRate: hostFailureRate, repairHours: rates.hostRepairTime.value.hours, crews: Int(rates.repairCrews.value),
            beta: rates.commonCauseBeta.value)
    }

    /// The incident classes of an application with `vmCount` VMs spread over `sites`, before
    /// packing (one host per site).
    public func incidents(tier: TierID, spec: TierSpec, site: SiteProtectionSpec, vmCount: Int, sites: [String]) -> [IncidentClass] {
        let sites = sites.isEmpty ? [""] : sites
        var bySite: [String: Int] = [:]
        for index in 0..<max(1, vmCount) { bySite[sites[index % sites.count], default: 0] += 1 }
        return incidents(tier: tier, spec: spec, site: site, placement: .estimated(vmsBySite: bySite), required: nil)
    }

    /// The incident classes of an application placed as `placement` on a tier. With
    /// `required` of its VMs needed (nil: all), a failure that takes down no more VMs than the
    /// others can cover is no outage alone; two of them at once that take more are one class,
    /// `concurrentFailures` (docs/MODEL.md §4).
    public func incidents(
        tier: TierID, spec: TierSpec, site: SiteProtectionSpec, placement: Placement, required: Int?
    ) -> [IncidentClass] {
        let vmCount = max(1, placement.vmCount)
        var gathered = Gathered(spare: vmCount - min(vmCount, required ?? vmCount), yearDays: yearDays)
        let hosts = placement.hosts.isEmpty ? [Placement.Host(site: "", vms: vmCount)] : placement.distinctHosts
        if gathered.tolerated != nil {
            let footprints = placement.hosts.isEmpty ? [["": vmCount]] : ConcurrentFailures.footprints(placement)
            for (index, host) in hosts.enumerated() {
                gathered.tolerated?.register(unitKey(host, index), kind: .host, vmsBySite: footprints[index])
            }
        }
        if tier.local.runsOnPair {
            pairIncidents(&gathered, spec: spec, hosts: hosts)
        } else {
            serverIncidents(&gathered, spec: spec, hosts: hosts)
        }
        // A guest crash takes one VM.
        if gathered.spare == 0 {
            gathered.add(.guestCrash, Double(vmCount) * rates.guestCrashesPerYear.value, spec.guestRecovery.value, vms: 1)
        } else {
            gathered.tolerated?.tolerateGuestCrashes(rate: rates.guestCrashesPerYear.value, duration: spec.guestRecovery.value)
        }
        let outage = site.siteOutageRecovery.map { min($0.value, rates.siteOutageDuration.value) } ?? rates.siteOutageDuration.value
        let disaster = site.siteDisasterRecovery?.value ?? rates.siteRebuildTime.value
        let bySite = placement.hosts.isEmpty ? [("", vmCount)] : placement.vmsBySite
        for (id, vms) in bySite {
            gathered.tolerated?.register("site:\(id)", kind: .site, vmsBySite: [id: vms])
            gathered.add(.siteOutage, rates.siteOutagesPerYear.value, outage, scope: "site:\(id)", vms: vms, unit: "site:\(id)")
            gathered.add(
                .siteDisaster, rates.siteDisastersPerYear.value, disaster, loss: site.siteDataLoss?.value ?? .zero, scope: "site:\(id)",
                vms: vms, unit: "site:\(id)")
        }
        if let concurrent = gathered.tolerated?.incident(
            vmsBySite: Dictionary(bySite.map { ($0.0, $0.1) }, uniquingKeysWith: +), spare: gathered.spare)
        {
            gathered.list.append(concurrent)
        }
        if spec.maintenanceDowntime {
            // Patching takes one server at a time: with enough spare VMs it is rolled through.
            gathered.add(
                .maintenance, rates.maintenanceWindowsPerYear.value, rates.maintenanceWindowLength.value, planned: true,
                vms: hosts.map(\.vms).max() ?? vmCount)
        }
        return gathered.list
    }

    /// The independent unit a host belongs to: its pair (shared or the application's own), or
    /// its server.
    private func unitKey(_ host: Placement.Host, _ index: Int) -> String {
        host.pairScope.isEmpty ? "#\(index)" : host.pairScope
    }

    /// Host failures and both hosts down on a pair tier.
    private func pairIncidents(_ gathered: inout Gathered, spec: TierSpec, hosts: [Placement.Host]) {
        let hours = yearDays * 24
        let pair = hardwarePair
        let p = solved.probabilities(of: pair)
        let λ = hostFailureRate
        let beta = pair.beta
        let coverage = spec.failoverCoverage?.value ?? 1
        let hostRate = p[0] * (1 - beta) * λ * hours
        let repair = TimeSpan.hours(pair.bothDownHours)
        var pairs: [String: Int] = [:]
        for (index, host) in hosts.enumerated() {
            let key = unitKey(host, index)
            // The VM's own host fails while the pair is whole: covered, or not.
            gathered.add(.hostFailure, hostRate * coverage, spec.hostFailureRecovery.value, scope: host.scope, vms: host.vms, unit: key)
            if let uncovered = spec.uncoveredRecovery?.value, coverage < 1 {
                gathered.add(.uncoveredFailure, hostRate * (1 - coverage), uncovered, scope: host.scope, vms: host.vms, unit: key)
            }
            pairs[key, default: 0] += host.vms
        }
        for (key, vms) in pairs.sorted(by: { $0.key < $1.key }) {
            let scope = key.hasPrefix("#") ? "" : key
            gathered.add(.pairOverlap, p[1] * λ * hours, repair, scope: scope, vms: vms, unit: key)
            gathered.add(.commonCause, p[0] * beta * λ * hours, repair, scope: scope, vms: vms, unit: key)
        }
    }

    /// Server and component failures on a single-server tier.
    private func serverIncidents(_ gathered: inout Gathered, spec: TierSpec, hosts: [Placement.Host]) {
        // A single server: failures arrive only while it is up, a fraction 1 − U of the time.
        let repair = spec.hostFailureRecovery.value
        let up = 1 - PairModel.singleUnavailability(mtbfHours: 1 / hostFailureRate, mttrHours: repair.hours)
        let unmasked = rates.componentFailuresPerYear.value * (1 - rates.componentMaskedFraction.value)
        for (index, host) in hosts.enumerated() {
            let key = unitKey(host, index)
            gathered.add(
                .hostFailure, rates.hostFailuresPerYear.value * up, repair, loss: spec.expectedDataLossPerHostFailure.value,
                vms: host.vms, unit: key)
            gathered.add(.componentFailure, unmasked * up, rates.hostRepairTime.value, vms: host.vms, unit: key)
        }
    }

    /// Incidents of a SaaS application, from the vendor's availability.
    public func vendorIncidents(availabilityPercent: Double) -> [IncidentClass] {
        let minutes = (1 - availabilityPercent / 100) * yearDays * 1440
        let duration = rates.saasOutageDuration.value
        guard minutes > 0, duration.seconds > 0 else { return [] }
        return [
            IncidentClass(mode: .vendorOutage, ratePerYear: minutes / duration.minutes, duration: duration, dataLoss: .zero, planned: false)
        ]
    }
}

/// The incident classes of one application as they are gathered, and the failures it survives
/// alone (nil when it has no spare VM).
private struct Gathered {
    /// VMs the application can lose and still run.
    let spare: Int
    var list: [IncidentClass] = []
    var tolerated: ConcurrentFailures?

    init(spare: Int, yearDays: Double) {
        self.spare = spare
        tolerated = spare > 0 ? ConcurrentFailures(yearDays: yearDays) : nil
    }

    /// A failure that takes `vms` of the application's VMs: an outage when that is more than it
    /// can spare; otherwise a failure of `unit` it survives alone.
    mutating func add(
        _ mode: IncidentClass.Mode, _ rate: Double, _ duration: TimeSpan, loss: TimeSpan = .zero, planned: Bool = false,
        scope: String = "", vms: Int, unit: String? = nil
    ) {
        if vms <= spare, let unit { tolerated?.tolerate(unit, rate: rate, duration: duration, loss: loss) }
        guard vms > spare, rate > 0, duration.seconds > 0 || mode == .hostFailure else { return }
        list.append(IncidentClass(mode: mode, ratePerYear: rate, duration: duration, dataLoss: loss, planned: planned, scope: scope))
    }
}

/// A small thread-safe cache of solved pair chains.
final class SolvedChains: Sendable {
    private let cache = Mutex<[PairModel: [Double]]>([:])

    func probabilities(of model: PairModel) -> [Double] {
        if let known = cache.withLock({ $0[model] }) { return known }
        let p = model.probabilities
        cache.withLock { $0[model] = p }
        return p
    }
}
