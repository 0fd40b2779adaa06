/// The requirements judged on what the application's users experience: its availability, its
/// RTO and its site-disaster requirement, on its service figures (its own VMs in series with
/// everything it depends on). The same checks judge a tier alone (on its own figures), which is
/// a necessary condition: composing can only add downtime.
enum ServiceFeasibility {
    /// A failure mode rarer than this (once a century) does not bind the RTO: the SLA's RTO
    /// is read as the recovery of what can be expected to happen (docs/MODEL.md §7).
    static let negligibleRatePerYear = 0.01

    /// The failure of one host or one component, what `rto_scope: hardware` holds to the RTO:
    /// the failures a tier is bought to cover. Both hosts down at once is a disaster the
    /// availability target and `site_disaster` cover.
    static let hardwareModes: Set<IncidentClass.Mode> = [.hostFailure, .uncoveredFailure, .componentFailure]

    /// How far a site protection goes: 0 accept, 1 recover elsewhere, 2 survive.
    static func siteLevel(_ spec: SiteProtectionSpec) -> Int {
        spec.survivesSiteLoss ? 2 : spec.recoversSiteLoss ? 1 : 0
    }

    /// The failures of `sla` against `service` when the weakest site protection in the service
    /// is `siteLevel`.
    static func failures(sla: SLA, service: DowntimeEstimate, siteLevel: Int) -> [TierFailure] {
        var failures: [TierFailure] = []
        if let binding = bindingRecovery(sla: sla, incidents: service.incidents), binding.duration > sla.rto {
            failures.append(.rto(mode: binding.mode, recovers: binding.duration, required: sla.rto))
        }
        if service.availabilityPercent + 1e-9 < sla.availability {
            failures.append(.availability(modelled: service.availabilityPercent, required: sla.availability))
        }
        switch sla.siteDisaster {
        case .survive where siteLevel < 2: failures.append(.doesNotSurviveSiteLoss)
        case .recover where siteLevel < 1: failures.append(.cannotRecoverAtAnotherSite)
        default: break
        }
        return failures
    }

    /// The longest recovery among the unplanned modes the RTO covers whose rate is not
    /// negligible (a mode's rate summed over its incidents).
    static func bindingRecovery(sla: SLA, incidents: [IncidentClass]) -> (mode: IncidentClass.Mode, duration: TimeSpan)? {
        // By the mode's `slot`: this runs once per option evaluation, and a dictionary keyed by
        // the mode hashed its raw string, most of its time.
        var rates = [Double](repeating: 0, count: IncidentClass.Mode.allCases.count)
        for incident in incidents where !incident.planned { rates[incident.mode.slot] += incident.ratePerYear }
        var binding: (mode: IncidentClass.Mode, duration: TimeSpan)?
        for incident in incidents where !incident.planned && incident.mode != .siteDisaster {
            guard rates[incident.mode.slot] >= negligibleRatePerYear else { continue }
            if sla.rtoScope == .hardware && !hardwareModes.contains(incident.mode) { continue }
            if binding == nil || incident.duration > binding!.duration { binding = (incident.mode, incident.duration) }
        }
        return binding
    }

    /// The requirements judged on the service, which composing can change.
    static func dependsOnService(_ failure: TierFailure) -> Bool {
        switch failure {
        case .rto, .availability, .doesNotSurviveSiteLoss, .cannotRecoverAtAnotherSite: true
        default: false
        }
    }
}
