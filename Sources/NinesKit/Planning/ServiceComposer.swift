import Foundation

/// Composes each application in series with the applications it depends on: the business
/// loses ERP while Active Directory is down, so ERP's service downtime is its own plus that of
/// everything it depends on (directly or not), each at its own tier. A failure two of them
/// share (their common site going down) is counted once, at the longer of their outages.
enum ServiceComposer {
    static func compose(_ decisions: inout [TierDecision], graph: DependencyGraph, minutesPerYear: Double) {
        let chosen = Dictionary(uniqueKeysWithValues: decisions.map { ($0.application.name, $0.chosen.estimate.incidents) })
        let current = Dictionary(uniqueKeysWithValues: decisions.map { ($0.application.name, $0.current.estimate.incidents) })
        // Each application's composition is independent of the others': one per core at a time.
        let applications = decisions.map(\.application)
        let slots = ResultSlots<(DowntimeEstimate, DowntimeEstimate)>(count: applications.count)
        DispatchQueue.concurrentPerform(iterations: applications.count) { index in
            let app = applications[index]
            let dependencies = graph.closure(of: app.name)
            let service = DowntimeEstimate(
                incidents: merge(own: chosen[app.name] ?? [], dependencies: dependencies.map { ($0, chosen[$0] ?? []) }),
                application: app, minutesPerYear: minutesPerYear)
            let currentService = DowntimeEstimate(
                incidents: merge(own: current[app.name] ?? [], dependencies: dependencies.map { ($0, current[$0] ?? []) }),
                application: app, minutesPerYear: minutesPerYear)
            slots.set(index, (service, currentService))
        }
        for index in decisions.indices {
            (decisions[index].service, decisions[index].currentService) = slots.value(index)!
        }
    }

    static func merge(own: [IncidentClass], dependencies: [(String, [IncidentClass])]) -> [IncidentClass] {
        var result = own
        for (name, incidents) in dependencies {
            for var incident in incidents where !incident.planned {
                incident.via = name
                // A dependency's lost transactions are its own loss, not this application's.
                incident.dataLoss = .zero
                if !incident.scope.isEmpty,
                    let existing = result.firstIndex(where: { $0.scope == incident.scope && $0.mode == incident.mode })
                {
                    if incident.duration > result[existing].duration {
                        result[existing].duration = incident.duration
                        result[existing].via = name
                    }
                    continue
                }
                result.append(incident)
            }
        }
        return result
    }
}
