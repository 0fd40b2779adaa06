/// Expected annual downtime of an application on a tier, as a sum over failure modes (DESIGN.md
/// §5): each a rate from failure-rates.yaml times a duration from tiers.yaml.
///
/// The pair's both-hosts-down state uses the one-repair-crew approximation: the pair enters it
/// at rate 2λρ (one host down with probability 2ρ, ρ = λ·MTTR, then the other fails) and
/// leaves after one repair (MTTR), so its unavailability is 2ρ²; common cause adds β·λ events of
/// MTTR. With λ = 1/5000 h, MTTR = 4 h this gives 0.673 and 21.64 min/yr, DESIGN.md's values.
public struct DowntimeModel: Sendable {
    public var rates: FailureRates
    public var yearDays: Double

    public init(rates: FailureRates, yearDays: Double) {
        self.rates = rates
        self.yearDays = yearDays
    }

    /// The incident classes of an application with `vmCount` VMs spread over `siteCount` sites.
    public func incidents(tier: TierID, spec: TierSpec, site: SiteProtectionSpec, vmCount: Int, siteCount: Int) -> [IncidentClass] {
        let lambda = rates.hostFailuresPerYear.value
        let repair = rates.hostRepairTime.value
        let beta = spec.hostsPerCopy == 2 ? rates.commonCauseBeta.value : 0
        let hosts = Double(max(1, min(vmCount, siteCount)))
        var list: [IncidentClass] = []
        func add(_ mode: IncidentClass.Mode, _ rate: Double, _ duration: TimeSpan, loss: TimeSpan = .zero, planned: Bool = false) {
            guard rate > 0 else { return }
            list.append(IncidentClass(mode: mode, ratePerYear: rate, duration: duration, dataLoss: loss, planned: planned))
        }
        add(.hostFailure, hosts * lambda * (1 - beta), spec.hostFailureRecovery.value, loss: spec.expectedDataLossPerHostFailure.value)
        if spec.hostsPerCopy == 2 {
            let rho = lambda * repair.hours / (yearDays * 24)
            add(.pairOverlap, hosts * 2 * lambda * rho * (1 - beta) * (1 - beta), repair)
            add(.commonCause, hosts * lambda * beta, repair)
        }
        add(.guestCrash, Double(vmCount) * rates.guestCrashesPerYear.value, spec.guestRecovery.value)
        let outage = site.siteOutageRecovery.map { min($0.value, rates.siteOutageDuration.value) } ?? rates.siteOutageDuration.value
        add(.siteOutage, Double(siteCount) * rates.siteOutagesPerYear.value, outage)
        let disaster = site.siteDisasterRecovery?.value ?? rates.siteRebuildTime.value
        add(
            .siteDisaster, Double(siteCount) * rates.siteDisastersPerYear.value, disaster,
            loss: site.siteDataLoss?.value ?? .zero)
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
