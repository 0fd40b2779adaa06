import Foundation

/// Sizes and costs each alternative for the plan's protected workloads over the engagement's
/// horizon. Capital is spent at the start of year 1 (t = 0, not discounted); running costs and
/// expected downtime at the end of each year y, discounted by (1 + r)^y.
public struct TCOModel: Sendable {
    public var plan: Plan
    public var specs: [AlternativeSpec]
    public var economics: AlternativeEconomics
    /// Multipliers for the sensitivity analysis.
    public var licenseFactor = 1.0
    public var failureRateFactor = 1.0
    /// Sizings already computed (they do not depend on the multipliers), by alternative id.
    var sizings: [String: AlternativeSizing] = [:]
    /// Expected downtime already computed for these failure rates (it does not depend on the
    /// licence prices), by alternative id.
    var downtimes: [String: Downtime] = [:]

    /// Expected downtime of the protected applications on one alternative.
    struct Downtime {
        /// Cost per year, all applications.
        var cost: Double
        /// Minutes per year, per application.
        var unplanned, planned: Double
        /// Service hours per year lost, all applications.
        var hours: Double
    }

    public init(plan: Plan, specs: [AlternativeSpec], economics: AlternativeEconomics) {
        self.plan = plan
        self.specs = specs
        self.economics = economics
    }

    public func evaluate() -> [AlternativeEvaluation] {
        Self.evaluate([self])[0]
    }

    /// Every alternative of every model (the same plan and specs under other multipliers), each
    /// alternative of each model on any core.
    static func evaluate(_ models: [TCOModel]) -> [[AlternativeEvaluation]] {
        guard let first = models.first else { return [] }
        let costs = ProtectionCostModel(catalog: first.plan.catalog, engagement: first.plan.engagement, platform: first.plan.platform)
        let protected = AlternativeSizing.protectedVMs(first.plan)
        let count = first.specs.count
        let results = Parallel.map(models.count * count) { index in
            let model = models[index / count]
            return model.evaluate(model.specs[index % count], costs: costs, protected: protected)
        }
        return models.indices.map { m in (0..<count).map { results[m * count + $0] } }
    }

    func evaluate(
        _ spec: AlternativeSpec, costs: ProtectionCostModel, protected: [AlternativeSizing.ProtectedVMs]
    ) -> AlternativeEvaluation {
        let sizing = sizings[spec.id] ?? AlternativeSizing.size(spec, plan: plan, costs: costs, protected: protected)
        let profile = plan.catalog.hardwareProfile(plan.engagement.hardware)!
        let capex = capex(spec, sizing: sizing, profile: profile)
        let opex = opex(spec, sizing: sizing, profile: profile, capex: capex)
        let downtime = downtimes[spec.id] ?? downtime(spec, sizing: sizing, protected: protected)
        let horizon = plan.engagement.horizonYears
        let rate = plan.engagement.discountRatePercent / 100
        var years: [AlternativeEvaluation.Year] = []
        var cumulative = 0.0
        var presentValue = capex.total
        for year in 1...horizon {
            let yearCapex = year == 1 ? capex.total : 0
            let total = yearCapex + opex.total + downtime.cost
            cumulative += total
            presentValue += (opex.total + downtime.cost) / pow(1 + rate, Double(year))
            years.append(
                .init(
                    year: year, capex: yearCapex, opex: opex.total, downtimeCost: downtime.cost, total: total, cumulative: cumulative,
                    presentValue: presentValue))
        }
        let npv = Self.presentValue(upfront: capex.total, yearly: Array(repeating: opex.total + downtime.cost, count: horizon), rate: rate)
        return AlternativeEvaluation(
            spec: spec, sizing: sizing, capex: capex, opex: opex, downtimeCostPerYear: downtime.cost,
            unplannedMinutesPerApplication: downtime.unplanned, maintenanceMinutesPerApplication: downtime.planned,
            downtimeHoursPerYear: downtime.hours, years: years, total: cumulative, npv: npv)
    }

    /// The annuity factor A = Σ_{y=1..years} (1 + rate)^−y: what 1 a year for `years` years is
    /// worth today (5 years at 8%: 3.992710).
    public static func annuityFactor(years: Int, rate: Double) -> Double {
        presentValue(upfront: 0, yearly: Array(repeating: 1, count: years), rate: rate)
    }

    /// Net present value: `upfront` at t = 0 plus `yearly[y − 1]` at the end of year y,
    /// discounted by (1 + rate)^y.
    public static func presentValue(upfront: Double, yearly: [Double], rate: Double) -> Double {
        yearly.enumerated().reduce(upfront) { $0 + $1.element / pow(1 + rate, Double($1.offset + 1)) }
    }

    /// Licences counted per the alternative's model for one node.
    func licenseUnits(_ spec: AlternativeSpec, profile: HardwareProfile) -> Double {
        let sockets = profile.sockets.value
        let cores = max(profile.cores.value, sockets * (spec.minCoresPerCPU?.value ?? 0))
        switch spec.licenseModel {
        case .perNodePerpetual, .perNodeYear: return 1
        case .perCoreYear: return cores
        case .per16CoresPerpetual: return (max(cores, 16) / 16).rounded(.up)
        }
    }

    private func capex(_ spec: AlternativeSpec, sizing: AlternativeSizing, profile: HardwareProfile) -> AlternativeEvaluation.Capex {
        let nodes = Double(sizing.nodes)
        let groups = Double(sizing.groups)
        let perpetual = spec.licenseModel == .perNodePerpetual || spec.licenseModel == .per16CoresPerpetual
        let licenses = perpetual ? nodes * licenseUnits(spec, profile: profile) * spec.licensePrice.value * licenseFactor : 0
        let storage = nodes * (spec.storagePerNode?.value ?? 0) + groups * (spec.storagePerGroup?.value ?? 0)
        return .init(
            hardware: nodes * profile.price.value, storage: storage,
            network: nodes * (spec.networkPerNode.value + (spec.fencingPerNode?.value ?? 0)), licenses: licenses,
            management: Double(sizing.sites) * spec.managementPerSite.value,
            implementation: groups * spec.implementationDays.value * economics.dayRate.value)
    }

    private func opex(
        _ spec: AlternativeSpec, sizing: AlternativeSizing, profile: HardwareProfile, capex: AlternativeEvaluation.Capex
    ) -> AlternativeEvaluation.Opex {
        let nodes = Double(sizing.nodes)
        let subscription = spec.licenseModel == .perCoreYear || spec.licenseModel == .perNodeYear
        let licenses = subscription ? nodes * licenseUnits(spec, profile: profile) * spec.licensePrice.value * licenseFactor : 0
        let support = capex.licenses * (spec.supportRate?.value ?? 0)
        let admin = Double(sizing.groups) * spec.adminFTEPerGroup.value * economics.adminSalary.value * economics.adminLoading.value
        let kW = nodes * profile.watts.value / 1000
        let rates = plan.catalog.failureRates
        let power = kW * plan.engagement.yearDays * 24 * rates.pue.value * rates.electricityPerKWh.value
        let space = kW * rates.pue.value * economics.colocationPerKWMonth.value * 12
        return .init(licenses: licenses, support: support, administration: admin, powerAndSpace: power + space)
    }

    /// Expected downtime of the protected applications on this alternative: the availability
    /// engine run with the alternative's behaviour in place of the catalog tier's.
    private func downtime(_ spec: AlternativeSpec, sizing: AlternativeSizing, protected: [AlternativeSizing.ProtectedVMs]) -> Downtime {
        var cost = 0.0
        var unplanned = 0.0
        var planned = 0.0
        var hours = 0.0
        for (decision, estimate) in estimates(spec, sizing: sizing, protected: protected) {
            cost += estimate.totalCost
            unplanned += estimate.unplannedMinutes
            planned += estimate.plannedMinutesInService
            hours += estimate.serviceMinutes(weeklyFraction: decision.application.sla.serviceHours.weeklyFraction) / 60
        }
        let count = Double(max(1, protected.count))
        return Downtime(cost: cost, unplanned: unplanned / count, planned: planned / count, hours: hours)
    }

    /// Each protected application's expected downtime on `spec`, in `protected` order: what the
    /// alternative's downtime cost sums (plan.xlsx prices them one by one).
    func estimates(
        _ spec: AlternativeSpec, sizing: AlternativeSizing, protected: [AlternativeSizing.ProtectedVMs]
    ) -> [(decision: TierDecision, estimate: DowntimeEstimate)] {
        var rates = plan.catalog.failureRates
        rates.hostFailuresPerYear.value *= failureRateFactor
        let model = DowntimeModel(rates: rates, yearDays: plan.engagement.yearDays)
        // Applications with the same tier, VM count and sites have the same incidents; computed
        // once each (most of an estate's applications share a handful of shapes).
        var shapes: [IncidentShape: [IncidentClass]] = [:]
        return protected.map { decision, vms in
            let ft = sizing.runsFT[decision.application.name] == true
            let site = decision.chosen.tier?.site ?? .none
            let shape = IncidentShape(
                tier: TierID(ft ? .ft : .ha, site), vmCount: max(1, vms.count), sites: Array(Set(vms.map(\.site))).sorted())
            let classes: [IncidentClass]
            if let known = shapes[shape] {
                classes = known
            } else {
                classes = incidents(spec, shape: shape, model: model)
                shapes[shape] = classes
            }
            let estimate = DowntimeEstimate(
                incidents: IncidentClass.calibrated(classes, factor: decision.application.outageRateFactor),
                application: decision.application, minutesPerYear: plan.engagement.minutesPerYear)
            return (decision, estimate)
        }
    }

    /// What an application's incidents on an alternative depend on besides the alternative.
    private struct IncidentShape: Hashable {
        var tier: TierID
        var vmCount: Int
        var sites: [String]
    }

    /// The catalog tier with the alternative's behaviour in its place, run through the model.
    private func incidents(_ spec: AlternativeSpec, shape: IncidentShape, model: DowntimeModel) -> [IncidentClass] {
        let ft = shape.tier.local == .ft
        var tier = plan.catalog.tier(shape.tier.local)
        tier.hostFailureRecovery = ft ? (spec.ftFailoverTime ?? spec.restartTime) : spec.restartTime
        tier.failoverCoverage = ft ? spec.failoverCoverage : nil
        tier.uncoveredRecovery = ft && spec.failoverCoverage != nil ? spec.restartTime : nil
        tier.maintenanceDowntime = spec.maintenanceDowntime
        tier.dataLoss = spec.dataLoss
        var incidents = model.incidents(
            tier: shape.tier, spec: tier, site: plan.catalog.siteProtection(shape.tier.site), vmCount: shape.vmCount,
            sites: shape.sites)
        if spec.sharedOutagesPerYear.value > 0 {
            incidents.append(
                IncidentClass(
                    mode: .componentFailure, ratePerYear: spec.sharedOutagesPerYear.value, duration: spec.sharedOutageDuration.value,
                    dataLoss: .zero, planned: false))
        }
        return incidents
    }
}
