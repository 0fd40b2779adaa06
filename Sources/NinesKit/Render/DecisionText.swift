/// The sentences of a decision, written from its values: the paragraph a consultant reads out
/// for each application, each failed requirement, and the warnings of an assessment. The
/// only place planning's reasons become prose (report, plan.json and the terminal use it).
public enum DecisionText {
    /// The paragraph for one decision: why this tier, and what else cost.
    public static func explanation(_ decision: TierDecision, engagement: Engagement) -> String {
        let money = { (value: Double) in Number.money(value, currency: engagement.currency) }
        let chosen = decision.chosen
        var text = decision.reason.joint.map(joint) ?? ""
        switch decision.reason.kind {
        case .pinned(let tier, let location):
            text += "\(tier) is pinned in the inventory (\(location.relative(to: engagement.directory)))."
            if !chosen.feasible { text += " It does not meet: \(chosen.failures.map(failure).joined(separator: "; "))." }
        case .cheapest:
            let cost =
                "\(money(chosen.annualCost)) a year (\(money(chosen.protectionCost)) protection + \(money(chosen.figures.totalCost)) expected downtime)"
            if let runnerUp = decision.runnerUp, runnerUp.annualCost < chosen.annualCost - 0.5 {
                // Chosen with the pairs its combination packs into: on the final packing's
                // prices another tier can show less, and the sentence must not call it cheapest.
                text += "\(chosen.label) meets the SLA at \(cost); it was chosen with the pairs its tiers pack into. "
                text += "On the final pairs' prices \(runnerUp.label) shows \(money(runnerUp.annualCost)) a year, "
                text += "but a pair's cost is shared by what it carries, so moving it changes the packing (see the note on the choice)."
            } else {
                text += "\(chosen.label) is the cheapest tier that meets the SLA: \(cost)."
                if let runnerUp = decision.runnerUp { text += " Next: \(runnerUp.label) at \(money(runnerUp.annualCost))." }
            }
            let infeasible = decision.options.filter { !$0.feasible }.map(\.label)
            if !infeasible.isEmpty { text += " Not feasible: \(infeasible.joined(separator: ", "))." }
        case .noFeasibleTier:
            let failedByAll = decision.failedByAll
            let closest = TierDecision.closest(decision.options)
            text += "No tier meets every requirement"
            text += failedByAll.isEmpty ? "." : "; no tier meets the \(failedByAll.map(\.rawValue).joined(separator: " and "))."
            text +=
                " Closest: "
                + closest.map { "\($0.label) (fails \($0.failures.map(failure).joined(separator: "; ")))" }.joined(separator: "; ")
            text += ". Planned on \(closest[0].label), the cheapest of these."
        case .vendor(let vendor, let required):
            text +=
                chosen.feasible
                ? "Run by its vendor at \(Number.plain(vendor))%, which meets the \(Number.plain(required))% target."
                : "Run by its vendor: gap — the vendor's SLA (\(Number.plain(vendor))%) is below the required \(Number.plain(required))%; negotiate the SLA or plan a fallback."
        }
        return text
    }

    /// Every decision's paragraph, in decision order, written once on every core (the report
    /// and plan.json both print them).
    public static func explanations(_ assessment: Assessment) -> [String] {
        let decisions = assessment.decisions
        let engagement = assessment.engagement
        return Parallel.map(decisions.count) { explanation(decisions[$0], engagement: engagement) }
    }

    /// "Chosen together with ERP, MES, which depend on it: alone it would take ha. ";
    /// past the names listed, "… and 12 more".
    static func joint(_ joint: DecisionReason.Joint) -> String {
        var names = joint.dependents.joined(separator: ", ")
        let more = joint.dependentCount - joint.dependents.count
        if more > 0 { names += " and \(more) more" }
        let verb = joint.dependentCount == 1 ? "depends" : "depend"
        let alone =
            joint.alone.map {
                "alone it would take \($0), but its tier is chosen with theirs (the lowest total that meets their SLAs end to end)"
            }
            ?? "its tier is chosen with theirs"
        return "\(names) \(verb) on it: \(alone). "
    }

    /// "Tiers chosen together: …" — the joint choice's total and whether it is proven optimal.
    public static func choice(_ quality: ChoiceQuality, missedBy applications: Int, money: (Double) -> String) -> String {
        var text =
            "Tiers chosen together for the lowest yearly total of protection and expected downtime on every application's service: \(money(quality.cost))"
        if quality.proven && quality.fixedPoint {
            text += ", proven optimal (branch and bound, \(Number.grouped(Double(quality.evaluations))) options evaluated)."
        } else if quality.proven {
            text +=
                ", proven optimal at the pair prices and placements it was chosen on (branch and bound, \(Number.grouped(Double(quality.evaluations))) options evaluated); chosen again on its own pairs, a cheaper-looking choice packs into dearer pairs, so this one is kept."
        } else {
            text +=
                "; no combination costs less than \(money(quality.lowerBound)) (gap \(Number.plain(100 * quality.gap, maxFraction: 1))%)."
        }
        if applications > 0 {
            text +=
                " \(applications) application\(applications == 1 ? "" : "s") cannot meet \(applications == 1 ? "its" : "their") SLA end to end with any combination (see Warnings)."
        }
        return text
    }

    /// One failed requirement, starting with its name: "rto: recovers in 10m, the RTO is 5m".
    public static func failure(_ failure: TierFailure) -> String {
        let detail: String
        switch failure {
        case .rto(let mode, let recovers, let required): detail = "\(ModeText.name(mode)) recovers in \(recovers), the RTO is \(required)"
        case .rpo(let loses, let required): detail = "can lose \(loses) of data, the RPO is \(required)"
        case .availability(let modelled, let required):
            detail = "\(Number.plain(modelled, maxFraction: 4))% modelled, \(Number.plain(required))% required"
        case .vendorAvailability(let vendor, let required):
            detail = "the vendor's SLA is \(Number.plain(vendor))%, below the required \(Number.plain(required))%"
        case .doesNotSurviveSiteLoss: detail = "does not survive the loss of a site (needs splitsite)"
        case .cannotRecoverAtAnotherSite: detail = "cannot recover at another site (needs dr or splitsite)"
        case .noPartnerSite(let site, let protection): detail = "\(site) has no partner site for \(protection)"
        case .platformLacks(let platform, let protection): detail = "\(platform) does not offer \(protection)"
        case .tooManyVCPUs(let vm, let vcpus, let protection, let limit, let parts):
            detail = "\(vm) has \(vcpus) vCPUs, over the \(protection) limit of \(limit); split it into \(parts) VMs of ≤ \(limit) vCPUs"
        case .largerThanAHost(let vm, let memory, let threads, let hostMemory, let hostThreads):
            detail =
                "\(vm) needs \(Number.plain(memory, maxFraction: 1)) GiB and \(threads) threads; a host offers \(Number.plain(hostMemory, maxFraction: 1)) GiB and \(hostThreads)"
        case .diskLargerThanAHost(let vm, let disk, let hostDisk):
            detail =
                "\(vm) needs \(Number.grouped(disk)) GiB of storage with growth and snapshots; a host offers \(Number.grouped(hostDisk)) GiB to VMs"
        }
        return failure.requirement.rawValue + ": " + detail
    }

    /// Every warning of an assessment, as the outputs and the terminal print them: the input's,
    /// then planning's notes, then a skipped simulation.
    public static func warnings(_ assessment: Assessment) -> [Diagnostic] {
        let engagement = assessment.engagement
        var warnings = assessment.plan.warnings
        for note in assessment.plan.notes {
            switch note {
            case .unplacedVM(let vm, let overruns, let location):
                warnings.append(
                    Diagnostic(
                        .warning, "VM '\(Escape.plain(vm))' is larger than one host\(overrunText(overruns)) and was not placed on a pair",
                        at: location))
            case .decisionNeedsAttention(let index):
                let decision = assessment.decisions[index]
                warnings.append(
                    Diagnostic(
                        .warning, "\(Escape.plain(decision.application.name)): \(explanation(decision, engagement: engagement))",
                        at: decision.application.location))
            case .pairOverDisk(let pair, let needed, let held, let hardware, let location):
                warnings.append(
                    Diagnostic(
                        .warning,
                        "\(pair)'s storage group needs \(Number.grouped(needed)) GiB on each host; a '\(Escape.plain(hardware))' host holds \(Number.grouped(held)) GiB (hardware.yaml, disk_gib)",
                        at: location, fix: "choose a hardware profile with more disk for this site, or move VMs to another pair"))
            }
        }
        if let skipped = assessment.simulationSkipped {
            warnings.append(
                Diagnostic(
                    .warning, simulationSkipped(skipped),
                    at: SourceLocation(file: EngagementLoader.shown(engagement.directory, "engagement.yaml")),
                    fix: "the report gives expected values only; shorten the dependency chains to simulate"))
        }
        return warnings
    }

    /// What an unplaced VM needs against what a host offers: " (storage: needs 40,000 GiB with
    /// growth and snapshots, a host offers 28,546 GiB)"; empty when the limits are not known.
    static func overrunText(_ overruns: [LimitOverrun]) -> String {
        guard !overruns.isEmpty else { return "" }
        let parts = overruns.map { o -> String in
            switch o.limit {
            case .memory:
                "memory: needs \(Number.plain(o.needed, maxFraction: 1)) GiB with overhead, a host offers \(Number.plain(o.offered, maxFraction: 1)) GiB"
            case .threads: "threads: needs \(Number.plain(o.needed)), a host offers \(Number.plain(o.offered))"
            case .vms: "VM count: the platform allows \(Number.plain(o.offered)) VMs on a pair"
            case .disk:
                "disk: needs \(Number.grouped(o.needed)) GiB with growth and snapshots, a host offers \(Number.grouped(o.offered)) GiB to VMs"
            }
        }
        return " (" + parts.joined(separator: "; ") + ")"
    }

    static func simulationSkipped(_ tooLarge: RiskModelTooLarge) -> String {
        if let events = tooLarge.eventsPerYear {
            return
                "the Monte Carlo simulation was skipped: failures reach \(Number.grouped(events)) applications a simulated year through the dependencies (the bound is \(Number.grouped(RiskModelBuilder.maxEventsPerYear)))"
        }
        return
            "the Monte Carlo simulation was skipped: failures reach more than \(Number.grouped(Double(tooLarge.impacts ?? 0))) applications through the dependencies (a long chain), more than the simulation holds"
    }
}
