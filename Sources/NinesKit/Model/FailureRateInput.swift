import Foundation

/// A catalog frequency that may be given as a range (`value: 0.5..1..2` in failure-rates.yaml,
/// or in `catalog_overrides:`), and the failure modes whose rates it drives. The decision
/// analysis scales those modes' rates by the drawn value over the mean: to first order for a
/// pair's overlap (both hosts down needs two failures: by the square of the ratio), exactly for
/// the others (docs/MODEL.md §12).
public enum FailureRateInput: String, Hashable, Sendable, CaseIterable, Comparable {
    case hostFailures = "host_failures_per_year"
    case guestCrashes = "guest_crashes_per_year"
    case siteOutages = "site_outages_per_year"
    case siteDisasters = "site_disasters_per_year"
    case componentFailures = "component_failures_per_year"

    /// How a mode's rate follows this input: its power of the ratio (0: not at all).
    public func power(of mode: IncidentClass.Mode) -> Double {
        switch (self, mode) {
        case (.hostFailures, .hostFailure), (.hostFailures, .uncoveredFailure), (.hostFailures, .commonCause): 1
        case (.hostFailures, .pairOverlap), (.hostFailures, .concurrentFailures): 2
        case (.guestCrashes, .guestCrash), (.siteOutages, .siteOutage), (.siteDisasters, .siteDisaster): 1
        case (.componentFailures, .componentFailure): 1
        default: 0
        }
    }

    /// Words for a sentence.
    public var phrase: String {
        switch self {
        case .hostFailures: "host failures a year (catalog)"
        case .guestCrashes: "guest crashes a year (catalog)"
        case .siteOutages: "site outages a year (catalog)"
        case .siteDisasters: "site disasters a year (catalog)"
        case .componentFailures: "component failures a year (catalog)"
        }
    }

    public static func < (a: FailureRateInput, b: FailureRateInput) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// `incidents` with each mode's rate scaled by `ratios` (this input's drawn value over its
    /// mean) to that mode's power.
    public static func scaled(_ incidents: [IncidentClass], ratios: [FailureRateInput: Double]) -> [IncidentClass] {
        incidents.map { incident in
            var incident = incident
            for (input, ratio) in ratios {
                let power = input.power(of: incident.mode)
                if power > 0 { incident.ratePerYear *= pow(ratio, power) }
            }
            return incident
        }
    }
}
