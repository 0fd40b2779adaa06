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
/// An application's VMs on one site share a host (a server, or the same primary host of a
/// pair), so host-level modes count once per site and guest crashes once per VM.
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

    /// The incident classes of an application with `vmCount` VMs at `sites`.
    public func incidents(tier: TierID, spec: TierSpec, site: SiteProtectionSpec, vmCount: Int, sites: [String]) -> [IncidentClass] {
        let hours = yearDays * 24
        let hosts = Double(max(1, min(vmCount, sites.count)))
        var list: [IncidentClass] = []
        func add(
            _ mode: IncidentClass.Mode, _ rate: Double, _ duration: TimeSpan, loss: TimeSpan = .zero, planned: Bool = false,
            scope: String = ""
        ) {
            guard rate > 0, duration.seconds > 0 || mode == .hostFailure else { return }
            list.append(IncidentClass(mode: mode, ratePerYear: rate, duration: duration, dataLoss: loss, planned: planned, scope: scope))
        }
        if tier.local.runsOnPair {
            let pair = pairModel(spec)
            let p = solved.probabilities(of: pair)
            let λ = hostFailureRate
            let beta = pair.beta
            let coverage = pair.coverage
            // The VM's own host fails while the pair is whole.
            add(.hostFailure, hosts * p[0] * (1 - beta) * λ * coverage * hours, spec.hostFailureRecovery.value)
            if let uncovered = spec.uncoveredRecovery?.value {
                add(.uncoveredFailure, hosts * p[0] * (1 - beta) * λ * (1 - coverage) * hours, uncovered)
            }
            let repair = TimeSpan.hours(pair.bothDownHours)
            add(.pairOverlap, hosts * p[1] * λ * hours, repair)
            add(.commonCause, hosts * p[0] * beta * λ * hours, repair)
        } else {
            // A single server: failures arrive only while it is up, a fraction 1 − U of the time.
            let repair = spec.hostFailureRecovery.value
            let up = 1 - PairModel.singleUnavailability(mtbfHours: 1 / hostFailureRate, mttrHours: repair.hours)
            add(.hostFailure, hosts * rates.hostFailuresPerYear.value * up, repair, loss: spec.expectedDataLossPerHostFailure.value)
            let unmasked = rates.componentFailuresPerYear.value * (1 - rates.componentMaskedFraction.value)
            add(.componentFailure, hosts * unmasked * up, rates.hostRepairTime.value)
        }
        add(.guestCrash, Double(vmCount) * rates.guestCrashesPerYear.value, spec.guestRecovery.value)
        let outage = site.siteOutageRecovery.map { min($0.value, rates.siteOutageDuration.value) } ?? rates.siteOutageDuration.value
        let disaster = site.siteDisasterRecovery?.value ?? rates.siteRebuildTime.value
        for id in sites.isEmpty ? [""] : sites {
            add(.siteOutage, rates.siteOutagesPerYear.value, outage, scope: "site:\(id)")
            add(.siteDisaster, rates.siteDisastersPerYear.value, disaster, loss: site.siteDataLoss?.value ?? .zero, scope: "site:\(id)")
        }
        if spec.maintenanceDowntime {
            add(.maintenance, rates.maintenanceWindowsPerYear.value, rates.maintenanceWindowLength.value, planned: true)
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
