import Foundation

/// plan.json: every number behind the report, for automation. Keys are snake_case and sorted,
/// money is rounded to cents and minutes to 1/1000, so the same plan gives the same bytes.
/// Written by `JSONText` (PlanDocument+JSONText.swift); `Encodable` for the tests' reference.
public struct PlanDocument: Encodable, Sendable {
    /// Bumped when a field changes meaning, is removed or added (2: the summary's derived
    /// figures — downtime saved, added protection, net saving, the investment and its payback;
    /// 3: each application's `sla` and `meets_sla` judged end to end, the summary's `choice`;
    /// 4: the summary's `disk_gib`, `used_disk_gib` and `used_disk_vms`; disk as a packing
    /// limit — each pair's `used_disk_gib`, `storage_group_gib`, `capacity.disk_gib`,
    /// `utilization.disk`, each VM's `storage_gib`, and `disk` as a `binding_dimension`; with
    /// ranges and an outage record, `uncertainty`, `calibration` and their per-application fields).
    public static let schemaVersion = 4

    var schemaVersion = PlanDocument.schemaVersion
    var engagement: EngagementInfo
    var summary: Summary
    var applications: [ApplicationEntry]
    var pairs: [PairEntry]
    var risk: Risk?
    var tco: TCODocument?
    /// How sure the decisions are, when impact inputs are ranges.
    var uncertainty: Uncertainty?
    /// The customer's outage record, when the engagement has one.
    var calibration: Calibration?
    var warnings: [String]

    struct Risk: Encodable {
        var trials: Int
        var seed: UInt64
        var method: String
        var estate: RiskReport.Distribution
        var applications: [RiskReport.Distribution]
    }

    struct EngagementInfo: Encodable {
        var name, client, currency, platform, hardware: String
        var year, horizonYears: Int
        var yearDays, discountRatePercent, growthHeadroomPercent: Double
    }

    struct Summary: Encodable {
        var applications, vms, protectedVms, pairs, pairsLowerBound: Int
        var exposureBefore, exposureAfter, protectionBefore, protectionAfter: Double
        var downtimeSaved, addedProtection, netSaving: Double
        var investment: Investment?
        /// `TCOComparison.recommendation`'s alternative: the lowest NPV with expected downtime.
        var recommendedAlternative: String?
        var applicationsPerTier: [String: Int]
        var choice: Choice
        /// Provisioned disk of the powered-on VMs, GiB.
        var diskGib: Double
        /// Space used inside the guests of the VMs whose use is known (RVTools vPartition,
        /// inventory `used_gib`), GiB; absent when no VM's is.
        var usedDiskGib: Double?
        /// Powered-on VMs whose used space is known.
        var usedDiskVms: Int
    }

    /// `ChoiceQuality`: the joint tier choice's total, its lower bound and whether it is proven.
    struct Choice: Encodable {
        var cost, lowerBound, gapPercent: Double
        var missedRequirements, evaluations: Int
        var proven, fixedPoint: Bool
    }

    /// The targets as written (the end-to-end figures are `service`).
    struct SLAEntry: Encodable {
        var availabilityPercent: Double
        var rtoSeconds, rpoSeconds: Double
        var rtoScope, siteDisaster, serviceHours: String
        var requiredVms: Int
    }

    /// `AssessmentFigures.Investment`: the recommended alternative's cost and payback.
    struct Investment: Encodable {
        var alternative, name: String
        var capex, opexPerYear, exposureWith, netYearlySaving: Double
        /// Months; null when the downtime saved never repays the investment.
        var paybackMonths: Double?
        var reconciliation: [Line] = []

        /// `AssessmentFigures.Line`: a figure a year (absent for a one-off) and over the horizon.
        struct Line: Encodable {
            var item: String
            var perYear: Double?
            var presentValue: Double
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(alternative, forKey: .alternative)
            try container.encode(name, forKey: .name)
            try container.encode(capex, forKey: .capex)
            try container.encode(opexPerYear, forKey: .opexPerYear)
            try container.encode(exposureWith, forKey: .exposureWith)
            try container.encode(netYearlySaving, forKey: .netYearlySaving)
            try container.encode(paybackMonths, forKey: .paybackMonths)
            try container.encode(reconciliation, forKey: .reconciliation)
        }

        enum CodingKeys: String, CodingKey {
            case alternative, name, capex, reconciliation
            case opexPerYear = "opex_per_year", exposureWith = "exposure_with"
            case netYearlySaving = "net_yearly_saving", paybackMonths = "payback_months"
        }
    }

    struct ApplicationEntry: Encodable {
        var name: String
        var businessUnit: String?
        /// The impact model's cost of an hour of downtime, money.
        var costPerHour: Double
        /// The wave it boots in after a full outage (`BootOrder`), 1-based.
        var bootWave: Int
        var vms: [String]
        var basis: String
        var explanation: String
        var chosen: Option
        var current: Option
        var options: [Option]
        /// The chosen tier in series with the dependencies.
        var service: Service
        var currentService: Service
        var sla: SLAEntry
        /// Every requirement holds end to end (on `service`, with what it depends on).
        var meetsSLA: Bool
        /// With ranges: the share of draws choosing each tier, the plan's tier's share, and
        /// the mean yearly cost of keeping it against the best tier of each draw.
        var tierProbabilities: [String: Double]? = nil
        var decisionConfidence: Double? = nil
        var expectedRegret: Double? = nil
        /// With an outage record: today as modelled, as recorded, and calibrated.
        var modelled: Record? = nil
        var observed: Record? = nil
        var calibrated: Record? = nil

        // Spelled as plan.json spells them (the key strategy leaves them as they are).
        enum CodingKeys: String, CodingKey {
            case name, vms, basis, explanation, chosen, current, options, service, sla
            case businessUnit = "business_unit", currentService = "current_service", costPerHour = "cost_per_hour", bootWave = "boot_wave"
            case meetsSLA = "meets_sla", tierProbabilities = "tier_probabilities", decisionConfidence = "decision_confidence"
            case expectedRegret = "expected_regret", modelled, observed, calibrated
        }
    }

    struct Service: Encodable {
        var availabilityPercent, unplannedMinutesPerYear, downtimeCost, dataLossCost: Double
        /// Downtime and data-loss cost together, money per year.
        var totalCost: Double

        enum CodingKeys: String, CodingKey {
            case availabilityPercent = "availability_percent", unplannedMinutesPerYear = "unplanned_minutes_per_year"
            case downtimeCost = "downtime_cost", dataLossCost = "data_loss_cost", totalCost = "total_cost"
        }

        init(_ e: DowntimeEstimate) {
            availabilityPercent = Number.round(e.availabilityPercent, 6)
            unplannedMinutesPerYear = Number.round(e.unplannedMinutes, 3)
            downtimeCost = Number.round(e.outageCost, 2)
            dataLossCost = Number.round(e.dataLossCost, 2)
            totalCost = Number.round(e.totalCost, 2)
        }
    }

    struct Option: Encodable {
        var tier: String
        var feasible: Bool
        var failures: [String]
        var availabilityPercent, unplannedMinutesPerYear, plannedMinutesInService: Double
        var recoveryTime, dataLoss: String
        var downtimeCost, dataLossCost, protectionCost, annualCost: Double
        /// Downtime and data-loss cost together, money per year.
        var totalCost: Double
        var incidents: [Incident]

        enum CodingKeys: String, CodingKey {
            case tier, feasible, failures, incidents
            case availabilityPercent = "availability_percent", unplannedMinutesPerYear = "unplanned_minutes_per_year"
            case plannedMinutesInService = "planned_minutes_in_service", recoveryTime = "recovery_time", dataLoss = "data_loss"
            case downtimeCost = "downtime_cost", dataLossCost = "data_loss_cost", protectionCost = "protection_cost"
            case annualCost = "annual_cost", totalCost = "total_cost"
        }
    }

    struct Incident: Encodable {
        var mode: String
        var ratePerYear, durationMinutes, minutesPerYear, dataLossHours: Double
        var planned: Bool

        enum CodingKeys: String, CodingKey {
            case mode, planned
            case ratePerYear = "rate_per_year", durationMinutes = "duration_minutes", minutesPerYear = "minutes_per_year"
            case dataLossHours = "data_loss_hours"
        }
    }

    /// One pair. `binding_dimension` is `Pair.bindingLimit` (memory, threads, vms or disk);
    /// `used_disk_gib` is the VMs' parts of the storage group against `capacity.disk_gib` (the
    /// host's disk less the engine's volumes; absent when the hardware gives no disk);
    /// `storage_group_gib` is the whole group the manifests create, the engine's volumes included.
    struct PairEntry: Encodable {
        var id, site, secondSite, hardware, bindingDimension: String
        var capacity: Capacity
        var usedMemoryGib, usedThreads, usedDiskGib, storageGroupGib: Double
        var utilization: Utilization
        var vms: [PairVM]

        enum CodingKeys: String, CodingKey {
            case id, site, hardware, capacity, utilization, vms
            case secondSite = "second_site", bindingDimension = "binding_dimension", usedMemoryGib = "used_memory_gib"
            case usedThreads = "used_threads", usedDiskGib = "used_disk_gib", storageGroupGib = "storage_group_gib"
        }
    }

    struct Utilization: Encodable {
        var memory, threads, vms, disk: Double
    }

    struct Capacity: Encodable {
        var memoryGib, threads, vms: Double
        /// Nil (left out) when disk is unlimited.
        var diskGib: Double?

        enum CodingKeys: String, CodingKey {
            case threads, vms
            case memoryGib = "memory_gib", diskGib = "disk_gib"
        }
    }

    struct PairVM: Encodable {
        var vm, application, tier: String
        var vcpus: Int
        /// `storage_gib`: the VM's part of the storage group (volumes, growth, snapshots).
        var memoryGib, footprintGib, threads, storageGib: Double

        enum CodingKeys: String, CodingKey {
            case vm, application, tier, vcpus, threads
            case memoryGib = "memory_gib", footprintGib = "footprint_gib", storageGib = "storage_gib"
        }
    }

    /// `explanations`: `DecisionText.explanations(assessment)`, when the caller has them.
    public init(_ assessment: Assessment, explanations: [String]? = nil) {
        let explained = explanations ?? DecisionText.explanations(assessment)
        let e = assessment.engagement
        engagement = EngagementInfo(
            name: e.name, client: e.client, currency: e.currency, platform: e.platform, hardware: e.hardware, year: e.year,
            horizonYears: e.horizonYears, yearDays: e.yearDays, discountRatePercent: e.discountRatePercent,
            growthHeadroomPercent: e.growthHeadroomPercent)
        let poweredOn = e.workloads.filter(\.poweredOn)
        let f = assessment.figures
        summary = Summary(
            applications: assessment.decisions.count, vms: poweredOn.count,
            protectedVms: assessment.packing.pairs.reduce(0) { $0 + $1.members.count }, pairs: assessment.packing.pairs.count,
            pairsLowerBound: assessment.packing.lowerBound, exposureBefore: f.exposureBefore, exposureAfter: f.exposureAfter,
            protectionBefore: f.protectionBefore, protectionAfter: f.protectionAfter, downtimeSaved: f.downtimeSaved,
            addedProtection: f.addedProtection, netSaving: f.netSaving,
            investment: f.investment.map {
                Investment(
                    alternative: $0.alternative, name: $0.name, capex: $0.capex, opexPerYear: $0.opexPerYear,
                    exposureWith: $0.exposureWith, netYearlySaving: $0.netYearlySaving, paybackMonths: $0.paybackMonths,
                    reconciliation: $0.reconciliation.map {
                        Investment.Line(item: $0.item.rawValue, perYear: $0.perYear, presentValue: $0.presentValue)
                    })
            },
            recommendedAlternative: assessment.tco?.recommendation?.alternative,
            applicationsPerTier: Dictionary(uniqueKeysWithValues: assessment.plan.applicationsPerTier.map { ($0.tier, $0.count) }),
            choice: Self.choice(assessment.plan.choice), diskGib: Number.round(poweredOn.reduce(0) { $0 + $1.diskGiB }, 3),
            usedDiskGib: poweredOn.contains { $0.usedGiB != nil }
                ? Number.round(poweredOn.reduce(0) { $0 + ($1.usedGiB ?? 0) }, 3) : nil,
            usedDiskVms: poweredOn.filter { $0.usedGiB != nil }.count)
        applications = assessment.decisions.enumerated().map { index, d in
            ApplicationEntry(
                name: d.application.name, businessUnit: d.application.businessUnit,
                costPerHour: Number.round(d.application.impact.hourlyRate, 2),
                bootWave: assessment.plan.bootWaves[d.application.name] ?? 1,
                vms: e.workloads(of: d.application.name).map(\.name), basis: d.basis.rawValue,
                explanation: explained[index],
                chosen: Self.option(d.chosen), current: Self.option(d.current),
                options: d.options.map { Self.option($0, incidents: false) },
                service: Service(d.service), currentService: Service(d.currentService),
                sla: Self.sla(d.application, vms: e.workloads(of: d.application.name).count), meetsSLA: d.chosen.feasible)
        }
        if let u = assessment.plan.uncertainty {
            for index in applications.indices {
                guard let outcome = u.outcome(for: applications[index].name) else { continue }
                applications[index].tierProbabilities = Dictionary(
                    uniqueKeysWithValues: outcome.tierProbabilities.map { ($0.tier, Number.round($0.share, 4)) })
                applications[index].decisionConfidence = Number.round(outcome.confidence, 4)
                applications[index].expectedRegret = Number.round(outcome.expectedRegret, 2)
            }
        }
        uncertainty = assessment.plan.uncertainty.map(Uncertainty.init)
        calibration = assessment.plan.calibration.map(Calibration.init)
        if let c = assessment.plan.calibration {
            for index in applications.indices {
                guard let a = c.application(applications[index].name) else { continue }
                applications[index].modelled = Record(
                    incidentsPerYear: Number.round(a.modelledIncidents, 6), downtimeMinutesPerYear: Number.round(a.modelledMinutes, 3),
                    totalCost: Number.round(a.costModelled, 2))
                applications[index].observed = Record(
                    incidentsPerYear: Number.round(a.observedIncidents, 6), downtimeMinutesPerYear: Number.round(a.observedMinutes, 3),
                    incidents: a.observedCount, totalCost: Number.round(a.observedCost, 2))
                applications[index].calibrated = Record(
                    incidentsPerYear: Number.round(a.calibratedIncidents, 6),
                    downtimeMinutesPerYear: Number.round(a.calibratedMinutes, 3), factor: a.factor.map { Number.round($0, 6) },
                    totalCost: Number.round(a.costCalibrated, 2))
            }
        }
        risk = assessment.risk.map { r in
            Risk(
                trials: r.trials, seed: r.seed,
                method:
                    "Monte Carlo over simulated years; shared sources (a site, a pair's host, both hosts of a pair) fail every application on them together",
                estate: Self.rounded(r.estate), applications: r.applications.map(Self.rounded))
        }
        pairs = assessment.packing.pairs.map { Self.pair($0, platform: assessment.platform) }
        tco = assessment.tco.map(TCODocument.init)
        warnings = DecisionText.warnings(assessment).map { $0.relative(to: assessment.engagement.directory).description }
    }

    /// One tier's figures; `incidents` lists its failure modes too (for the chosen and current
    /// tier only, to keep the file readable).
    static func choice(_ quality: ChoiceQuality) -> Choice {
        Choice(
            cost: Number.round(quality.cost, 2), lowerBound: Number.round(quality.lowerBound, 2),
            gapPercent: Number.round(100 * quality.gap, 3), missedRequirements: quality.missed, evaluations: quality.evaluations,
            proven: quality.proven, fixedPoint: quality.fixedPoint)
    }

    static func sla(_ app: Application, vms: Int) -> SLAEntry {
        SLAEntry(
            availabilityPercent: app.sla.availability, rtoSeconds: app.sla.rto.seconds, rpoSeconds: app.sla.rpo.seconds,
            rtoScope: app.sla.rtoScope.rawValue, siteDisaster: app.sla.siteDisaster.rawValue,
            serviceHours: app.sla.serviceHours.description, requiredVms: app.requiredVMs ?? vms)
    }

    static func option(_ a: TierAssessment, incidents: Bool = true) -> Option {
        Option(
            tier: a.label, feasible: a.feasible, failures: a.failures.map(DecisionText.failure),
            availabilityPercent: Number.round(a.estimate.availabilityPercent, 6),
            unplannedMinutesPerYear: Number.round(a.estimate.unplannedMinutes, 3),
            plannedMinutesInService: Number.round(a.estimate.plannedMinutesInService, 3), recoveryTime: a.recoveryTime.description,
            dataLoss: a.dataLoss.description, downtimeCost: Number.round(a.estimate.outageCost, 2),
            dataLossCost: Number.round(a.estimate.dataLossCost, 2), protectionCost: Number.round(a.protectionCost, 2),
            // The tier's own figures, but its annual cost (the choice's basis) on the service: in
            // series with the dependencies' chosen tiers, as the explanation states it.
            annualCost: Number.round(a.annualCost, 2), totalCost: Number.round(a.estimate.totalCost, 2),
            incidents: !incidents
                ? []
                : a.estimate.incidents.map {
                    Incident(
                        mode: $0.mode.rawValue, ratePerYear: Number.round($0.ratePerYear, 9),
                        durationMinutes: Number.round($0.duration.minutes, 3),
                        minutesPerYear: Number.round($0.minutesPerYear, 4), dataLossHours: Number.round($0.dataLoss.hours, 4),
                        planned: $0.planned)
                })
    }

    static func rounded(_ d: RiskReport.Distribution) -> RiskReport.Distribution {
        var d = d
        d.mean = Number.round(d.mean, 2)
        d.standardError = Number.round(d.standardError, 2)
        d.p50 = Number.round(d.p50, 2)
        d.p90 = Number.round(d.p90, 2)
        d.p99 = Number.round(d.p99, 2)
        d.analytic = d.analytic.map { Number.round($0, 2) }
        return d
    }

    static func pair(_ p: Pair, platform: PlatformSpec) -> PairEntry {
        let u = p.utilization
        return PairEntry(
            id: p.id, site: p.site, secondSite: p.secondSite, hardware: p.hardware, bindingDimension: u.binding.rawValue,
            capacity: Capacity(
                memoryGib: Number.round(p.capacity.memoryGiB, 3), threads: Number.round(p.capacity.threads, 3), vms: p.capacity.vms,
                diskGib: p.capacity.diskGiB.isFinite ? Number.round(p.capacity.diskGiB, 3) : nil),
            usedMemoryGib: Number.round(p.usedMemoryGiB, 3), usedThreads: p.usedThreads, usedDiskGib: Number.round(p.usedDiskGiB, 3),
            storageGroupGib: Number.round(StorageGroupSize(p, platform: platform).totalGiB, 3),
            utilization: Utilization(
                memory: Number.round(u.memory, 4), threads: Number.round(u.threads, 4), vms: Number.round(u.vms, 4),
                disk: Number.round(u.disk, 4)),
            vms: p.members.map {
                PairVM(
                    vm: $0.vm, application: $0.application, tier: $0.tier.description, vcpus: $0.vcpus, memoryGib: $0.memoryGiB,
                    footprintGib: Number.round($0.demand.memoryGiB, 3), threads: $0.demand.threads,
                    storageGib: Number.round($0.demand.diskGiB, 3))
            })
    }

    /// Pretty, key-sorted JSON with a trailing newline, written by `JSONText` end to end (the
    /// long arrays in slices on every core); JSONEncoder's bytes are the tests' reference. A
    /// NaN or an infinity is refused, naming its key.
    public func json() throws -> Data {
        var json = JSONText(capacity: 64 * 1024)
        write(to: &json)
        guard !json.nonFinite else {
            let key = json.nonFiniteKeys.joined(separator: ".")
            throw OutputError(path: "plan.json", reason: "a number in '\(key)' is not finite (NaN or infinity)")
        }
        return json.document()
    }
}
