import Foundation

/// Builds the simulation's sources from a plan. Each application's incident classes (the same
/// ones the analytic model prices) become events of a source: a shared one when the failing
/// thing is shared — `site:ID` for a site, `pair/host` for the host of a pair an application
/// runs on, `pair` for both hosts down — and the application's own otherwise. A source's
/// impact on an application that depends on others takes the longest outage among them.
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
        let homes = PairHomes(plan.packing.pairs)
        var appRates: [String: [Int: Double]] = [:]
        var order: [String] = []
        var direct: [String: [Int: Direct]] = [:]
        var fixed = Array(repeating: 0.0, count: decisions.count)
        for (a, decision) in decisions.enumerated() {
            let app = decision.application
            for (k, incident) in decision.chosen.estimate.incidents.enumerated() {
                if incident.planned {
                    if !app.sla.serviceHours.leavesMaintenanceWindow {
                        fixed[a] += incident.ratePerYear * app.impact.outageCost(duration: incident.duration)
                    }
                    continue
                }
                let key = sourceKey(incident, app: a, k: k, home: homes.home(of: app.name))
                if appRates[key] == nil { order.append(key) }
                var entry = direct[key]?[a] ?? Direct(coveredMinutes: 0, uncoveredMinutes: 0, coverage: 1, dataLossHours: 0)
                let before = appRates[key]?[a] ?? 0
                if incident.mode == .uncoveredFailure {
                    // The same host events, those the failover does not cover.
                    entry.uncoveredMinutes = incident.duration.minutes
                    entry.coverage = before / (before + incident.ratePerYear)
                } else {
                    entry.coveredMinutes = incident.duration.minutes
                    if entry.uncoveredMinutes == 0 { entry.uncoveredMinutes = incident.duration.minutes }
                    if before > 0 { entry.coverage = incident.ratePerYear / (before + incident.ratePerYear) }
                }
                appRates[key, default: [:]][a] = before + incident.ratePerYear
                entry.dataLossHours = incident.dataLoss.hours
                direct[key, default: [:]][a] = entry
            }
        }
        // A shared source fails at one rate; the applications on it report (nearly) the same.
        let rates = appRates.mapValues { $0.values.max() ?? 0 }
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

    private static func sourceKey(_ incident: IncidentClass, app: Int, k: Int, home: (pair: String, host: Int)?) -> String {
        switch incident.mode {
        case .siteOutage, .siteDisaster: return "\(incident.scope)/\(incident.mode.rawValue)"
        case .hostFailure, .uncoveredFailure:
            if let home { return "\(home.pair)/host\(home.host)" }
            return "app\(app)/host"
        case .pairOverlap, .commonCause:
            if let home { return "\(home.pair)/\(incident.mode.rawValue)" }
            return "app\(app)/\(incident.mode.rawValue)"
        default: return "app\(app)/\(incident.mode.rawValue)/\(k)"
        }
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

/// Which pair, and which of its two hosts, each application runs on: the applications on a
/// pair alternate between its hosts as their primary, in name order. An application spread
/// over several pairs has no single home; its host failures stay its own.
struct PairHomes {
    private var homes: [String: (pair: String, host: Int)] = [:]

    init(_ pairs: [Pair]) {
        var seen: [String: Set<String>] = [:]
        for pair in pairs {
            for (offset, app) in Array(Set(pair.members.map(\.application))).sorted().enumerated() {
                seen[app, default: []].insert(pair.id)
                homes[app] = (pair.id, offset % 2)
            }
        }
        for (app, pairIDs) in seen where pairIDs.count > 1 { homes[app] = nil }
    }

    func home(of application: String) -> (pair: String, host: Int)? { homes[application] }
}
