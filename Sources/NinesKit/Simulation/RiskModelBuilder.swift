import Foundation

/// Builds the simulation's sources from a plan: each application's `SourceHit`s (the same ones
/// the expected values price) become events of a source — a shared one when the failing thing
/// is shared (a site, a pair's host, a pair: their scope), the application's own otherwise. A
/// source's impact on an application that depends on others is merged as `SourceHit.merged`
/// merges it: the longest outage and the lowest coverage among them.
public enum RiskModelBuilder {
    struct Direct {
        var coveredMinutes: Double
        var uncoveredMinutes: Double
        var coverage: Double
        var dataLossHours: Double
    }

    /// Most (source, application) impacts a simulated model may hold: about 64 bytes each, so
    /// 4,000,000 keep the model near 256 MiB.
    public static let maxImpacts = 4_000_000
    /// Most application-events a simulated year may hold on average (Σ rate × applications
    /// reached): the fewest trials (1,000) then cost at most 10⁹ impact evaluations, seconds
    /// on two cores.
    public static let maxEventsPerYear = 1_000_000.0

    /// The sources of a plan, unless simulating them would pass `maxImpacts` or
    /// `maxEventsPerYear` — as a long chain of dependencies does, where each failure reaches
    /// every application above it (n² impacts). Then the plan keeps its expected values only.
    public static func bounded(_ plan: Plan) -> Result<RiskModel, RiskModelTooLarge> {
        guard let model = build(plan, maxImpacts: maxImpacts) else {
            return .failure(RiskModelTooLarge(impacts: maxImpacts, eventsPerYear: nil))
        }
        let events = model.sources.reduce(0) { $0 + $1.rate * Double($1.impacts.count) }
        guard events <= maxEventsPerYear else { return .failure(RiskModelTooLarge(impacts: nil, eventsPerYear: events)) }
        return .success(model)
    }

    /// The sources of a plan.
    public static func build(_ plan: Plan) -> RiskModel {
        build(plan, maxImpacts: .max)!
    }

    /// The sources of a plan; nil as soon as they hold more than `maxImpacts` impacts.
    static func build(_ plan: Plan, maxImpacts: Int) -> RiskModel? {
        let decisions = plan.decisions
        let names = decisions.map(\.application.name)
        var rates: [String: Double] = [:]
        var order: [String] = []
        var direct: [String: [Int: Direct]] = [:]
        var fixed = Array(repeating: 0.0, count: decisions.count)
        for (a, decision) in decisions.enumerated() {
            let app = decision.application
            for (k, hit) in SourceHit.hits(decision.chosen.estimate.incidents).enumerated() {
                if hit.planned {
                    if !app.sla.serviceHours.leavesMaintenanceWindow {
                        fixed[a] += hit.rate * app.impact.outageCost(duration: hit.covered)
                    }
                    continue
                }
                // A shared source is one source whichever application reaches it; its rate is
                // the hardware's or the site's, the same for all of them.
                let key = hit.scope.isEmpty ? "app\(a)/\(hit.mode.rawValue)/\(k)" : "\(hit.scope)/\(hit.mode.rawValue)"
                if rates[key] == nil {
                    order.append(key)
                    rates[key] = hit.rate
                }
                let entry = Direct(
                    coveredMinutes: hit.covered.minutes, uncoveredMinutes: hit.uncovered.minutes, coverage: hit.coverage,
                    dataLossHours: hit.dataLoss.hours)
                direct[key, default: [:]][a] = direct[key]?[a].map { SourceReach.combine($0, entry) } ?? entry
            }
        }
        let reach = SourceReach(DependencyGraph(decisions.map(\.application)))
        var sources: [RiskModel.Source] = []
        var impacts = 0
        for key in order {
            sources.append(source(key, rate: rates[key]!, direct: direct[key]!, decisions: decisions, reach: reach))
            impacts += sources[sources.count - 1].impacts.count
            if impacts > maxImpacts { return nil }
        }
        // One table per distinct service-hours pattern, shared by the applications that have it.
        var tables: [ServiceHours: [Bool]] = [:]
        let serviceMinutes = decisions.map { decision in
            let hours = decision.application.sla.serviceHours
            if let table = tables[hours] { return table }
            let table = serviceTable(hours)
            tables[hours] = table
            return table
        }
        return RiskModel(
            sources: sources, serviceMinutes: serviceMinutes, fixedCost: fixed,
            applications: names, analytic: decisions.map(\.service.totalCost), pairCount: plan.packing.pairs.count)
    }

    private static func source(
        _ key: String, rate: Double, direct: [Int: Direct], decisions: [TierDecision], reach: SourceReach
    ) -> RiskModel.Source {
        // Only the applications it hits directly, and those that depend on them; each takes the
        // longest outage and the lowest coverage among what it hits in itself and its closure.
        let impacts = reach.involved(direct).map { a, involved in
            let impact = decisions[a].application.impact
            return RiskModel.Impact(
                application: a, coveredCost: impact.outageCost(duration: .minutes(involved.coveredMinutes)),
                uncoveredCost: impact.outageCost(duration: .minutes(involved.uncoveredMinutes)), coverage: involved.coverage,
                dataLossCost: (direct[a]?.dataLossHours ?? 0) * impact.dataLossPerHour, coveredMinutes: involved.coveredMinutes,
                uncoveredMinutes: involved.uncoveredMinutes)
        }
        return RiskModel.Source(key: key, rate: rate, threshold: exp(-rate), impacts: impacts)
    }

    static func serviceTable(_ hours: ServiceHours) -> [Bool] {
        (0..<10_080).map { minute in
            let day = minute / 1440
            let time = minute % 1440
            return hours.days.contains(day) && time >= hours.start && time < hours.end
        }
    }
}

/// Why a plan was not simulated: its failures reach too many applications (a long chain of
/// dependencies), so the model or the simulated years would pass the simulation's bounds.
public struct RiskModelTooLarge: Error, Sendable, Equatable {
    /// More impacts than this (`RiskModelBuilder.maxImpacts`), when that bound stopped it.
    public var impacts: Int?
    /// Application-events per simulated year, when that bound stopped it.
    public var eventsPerYear: Double?
}
