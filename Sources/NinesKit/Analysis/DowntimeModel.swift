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
/// once per VM; with `required_vms` a failure is an outage only when too few VMs are left.
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
    /// others can cover is no outage; concurrent failures of two VMs are neglected (docs/MODEL.md §2).
    public func incidents(
        tier: TierID, spec: TierSpec, site: SiteProtectionSpec, placement: Placement, required: Int?
    ) -> [IncidentClass] {
        let hours = yearDays * 24
        let vmCount = max(1, placement.vmCount)
        let spare = vmCount - min(vmCount, required ?? vmCount)
        var list: [IncidentClass] = []
        func add(
            _ mode: IncidentClass.Mode, _ rate: Double, _ duration: TimeSpan, loss: TimeSpan = .zero, planned: Bool = false,
            scope: String = "", vms: Int
        ) {
            guard vms > spare, rate > 0, duration.seconds > 0 || mode == .hostFailure else { return }
            list.append(IncidentClass(mode: mode, ratePerYear: rate, duration: duration, dataLoss: loss, planned: planned, scope: scope))
        }
        let hosts = placement.hosts.isEmpty ? [Placement.Host(site: "", vms: vmCount)] : placement.distinctHosts
        if tier.local.runsOnPair {
            let pair = hardwarePair
            let p = solved.probabilities(of: pair)
            let λ = hostFailureRate
            let beta = pair.beta
            let coverage = spec.failoverCoverage?.value ?? 1
            let hostRate = p[0] * (1 - beta) * λ * hours
            let repair = TimeSpan.hours(pair.bothDownHours)
            var pairs: [String: Int] = [:]
            for (index, host) in hosts.enumerated() {
                // The VM's own host fails while the pair is whole: covered, or not.
                add(.hostFailure, hostRate * coverage, spec.hostFailureRecovery.value, scope: host.scope, vms: host.vms)
                if let uncovered = spec.uncoveredRecovery?.value, coverage < 1 {
                    add(.uncoveredFailure, hostRate * (1 - coverage), uncovered, scope: host.scope, vms: host.vms)
                }
                let key = host.pairScope.isEmpty ? "#\(index)" : host.pairScope
                pairs[key, default: 0] += host.vms
            }
            for (key, vms) in pairs.sorted(by: { $0.key < $1.key }) {
                let scope = key.hasPrefix("#") ? "" : key
                add(.pairOverlap, p[1] * λ * hours, repair, scope: scope, vms: vms)
                add(.commonCause, p[0] * beta * λ * hours, repair, scope: scope, vms: vms)
            }
        } else {
            // A single server: failures arrive only while it is up, a fraction 1 − U of the time.
            let repair = spec.hostFailureRecovery.value
            let up = 1 - PairModel.singleUnavailability(mtbfHours: 1 / hostFailureRate, mttrHours: repair.hours)
            let unmasked = rates.componentFailuresPerYear.value * (1 - rates.componentMaskedFraction.value)
            for host in hosts {
                add(
                    .hostFailure, rates.hostFailuresPerYear.value * up, repair, loss: spec.expectedDataLossPerHostFailure.value,
                    vms: host.vms)
                add(.componentFailure, unmasked * up, rates.hostRepairTime.value, vms: host.vms)
            }
        }
        // A guest crash takes one VM.
        if spare == 0 { add(.guestCrash, Double(vmCount) * rates.guestCrashesPerYear.value, spec.guestRecovery.value, vms: 1) }
        let outage = site.siteOutageRecovery.map { min($0.value, rates.siteOutageDuration.value) } ?? rates.siteOutageDuration.value
        let disaster = site.siteDisasterRecovery?.value ?? rates.siteRebuildTime.value
        for (id, vms) in placement.hosts.isEmpty ? [("", vmCount)] : placement.vmsBySite {
            add(.siteOutage, rates.siteOutagesPerYear.value, outage, scope: "site:\(id)", vms: vms)
            add(
                .siteDisaster, rates.siteDisastersPerYear.value, disaster, loss: site.siteDataLoss?.value ?? .zero, scope: "site:\(id)",
                vms: vms)
        }
        if spec.maintenanceDowntime {
            // Patching takes one server at a time: with enough spare VMs it is rolled through.
            add(
                .maintenance, rates.maintenanceWindowsPerYear.value, rates.maintenanceWindowLength.value, planned: true,
                vms: hosts.map(\.vms).max() ?? vmCount)
        }
        return list
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
