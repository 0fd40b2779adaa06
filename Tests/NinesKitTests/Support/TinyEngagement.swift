@testable import NinesKit

/// A small engagement built in code, for planning tests.
enum TinyEngagement {
    static let here = SourceLocation(file: "tiny", line: 1)

    static func app(
        _ name: String, availability: Double = 99.9, rto: TimeSpan = .hours(24), rpo: TimeSpan = .hours(24),
        revenue: Double = 0, siteDisaster: SLA.SiteDisaster = .accept, hosting: Application.Hosting = .onPremises
    ) -> Application {
        var impact = ImpactModel()
        impact.revenuePerHour = revenue
        return Application(
            name: name, sla: SLA(availability: availability, rto: rto, rpo: rpo, siteDisaster: siteDisaster), impact: impact,
            hosting: hosting, location: here)
    }

    static func vm(_ name: String, app: String, vcpus: Int = 4, memory: Double = 32, site: String = "hq", tier: TierID? = nil) -> Workload {
        Workload(name: name, application: app, vcpus: vcpus, memoryGiB: memory, diskGiB: 100, site: site, pinnedTier: tier, location: here)
    }

    static func make(applications: [Application], workloads: [Workload], headroom: Double = 0) -> Engagement {
        Engagement(
            name: "tiny", client: "Tiny Co", currency: "USD", year: 2026, horizonYears: 5, discountRatePercent: 8, yearDays: 365,
            platform: "everrun-enterprise", hardware: "dl380-gen11-384",
            sites: [
                Site(id: "hq", name: "HQ", partner: "dr", location: here), Site(id: "dr", name: "DR", partner: "hq", location: here),
            ],
            baselineTier: TierID(.backup), growthHeadroomPercent: headroom, workloads: workloads, applications: applications,
            directory: "tiny")
    }
}
