import Foundation
import Testing

@testable import NinesKit

/// Two failures an application survives alone, at once (`required_vms`; docs/MODEL.md §4).
@Suite struct ConcurrentFailuresTests {
    static let minutesPerYear = 365.0 * 1440

    static func model() throws -> (DowntimeModel, Catalog) {
        let catalog = try Catalog.load(from: TestPaths.catalog)
        return (DowntimeModel(rates: catalog.failureRates, yearDays: 365), catalog)
    }

    /// Two VMs, one needed, on two backup servers at hq (the site outage takes both: an outage
    /// alone). By hand, failure-rates.yaml and tiers.yaml, 365-day year (8,760 h):
    /// - a server is up 1 − 8/(8,760 + 8) = 0.999088 of the time; it fails 1 + 0.12 × 10% =
    ///   1.012 a year while up: L = 1.011077 a year, each 8 h (d = 8/8,760 year);
    /// - a guest crashes 0.5 a year for 5 min (g = 5/525,600 year).
    /// Pairs that take both VMs, rate λ_A λ_B (d_A + d_B), overlap λ_A λ_B d_A d_B:
    /// - server × server: L² × 2d = 0.0018672 a year, L² d² = 0.448121 min a year;
    /// - server × the other VM's crash, twice: 2 × 0.5 L (d + g) = 0.00093298, 2 × 0.5 L d g = 0.0046168 min;
    /// - crash × crash: 0.25 × 2g = 0.0000048, 0.25 g² = 0.0000119 min.
    /// In all 0.0028049 a year, 0.452750 min a year (a mean overlap of 161.4 min). Both VMs
    /// lose data only when both servers need a restore: 3 h × (0.999088)² × 2d of the rate.
    @Test func twoServersOneNeededByHand() throws {
        let (model, catalog) = try Self.model()
        let placement = Placement(hosts: [Placement.Host(site: "hq", vms: 1), Placement.Host(site: "hq", vms: 1)])
        let incidents = model.incidents(
            tier: TierID(.backup), spec: catalog.tier(.backup), site: catalog.siteProtection(.none), placement: placement, required: 1)
        let concurrent = try #require(incidents.first { $0.mode == .concurrentFailures })
        #expect(incidents.filter { $0.mode == .concurrentFailures }.count == 1)
        #expect(abs(concurrent.ratePerYear - 0.0028049) < 1e-7)
        #expect(abs(concurrent.minutesPerYear - 0.452750) < 1e-6)
        #expect(abs(concurrent.duration.minutes - 161.41) < 0.01)
        let up = 1 - 8.0 / 8768
        let lossRate = up * up * 2 * 8 / 8760 * 3
        #expect(abs(concurrent.dataLoss.hours * concurrent.ratePerYear - lossRate) < 1e-9)
        #expect(!concurrent.planned && concurrent.scope.isEmpty)
        // Every VM needed: no failure is tolerated, nothing to overlap.
        let all = model.incidents(
            tier: TierID(.backup), spec: catalog.tier(.backup), site: catalog.siteProtection(.none), placement: placement, required: nil)
        #expect(!all.contains { $0.mode == .concurrentFailures })
    }

    /// docs/MODEL.md §4: Active Directory on backup (two DCs on the hq server, one on the dr
    /// server, one needed): units at hq L = 1.083077, U = 0.00101272; at dr L = 1.583077,
    /// U = 0.00101748; U_hq L_dr + L_hq U_dr = 0.0027052 a year, U_hq U_dr = 0.5416 min a year.
    @Test func activeDirectoryOnBackupMatchesTheModelDocument() throws {
        let (model, catalog) = try Self.model()
        let incidents = model.incidents(
            tier: TierID(.backup), spec: catalog.tier(.backup), site: catalog.siteProtection(.none),
            placement: .estimated(vmsBySite: ["hq": 2, "dr": 1]), required: 1)
        let concurrent = try #require(incidents.first { $0.mode == .concurrentFailures })
        #expect(abs(concurrent.ratePerYear - 0.0027052) < 1e-7)
        #expect(abs(concurrent.minutesPerYear - 0.5416) < 1e-4)
        // Alone, every one of these failures is tolerated.
        #expect(incidents.allSatisfy { $0.mode == .concurrentFailures || $0.planned })
    }

    /// In the sample, Active Directory is no longer exactly 100% available, nor free.
    @Test func activeDirectoryInTheSampleIsNotPerfect() throws {
        let plan = try Pipeline.assess(Pipeline.Options(engagement: TestPaths.acme.path, catalog: TestPaths.catalog.path, trials: 0))
        let ad = try #require(plan.decisions.first { $0.application.name == "Active Directory" })
        #expect(ad.service.availabilityPercent < 100 && ad.service.availabilityPercent > 99.999)
        #expect(ad.service.outageCost > 0)
        #expect(ad.currentService.availabilityPercent < 100 && ad.currentService.availabilityPercent > 99.999)
    }

    /// Identical units are counted with multiplicity: the same sums as every pair one by one.
    @Test func multiplicityMatchesEveryPair() {
        let host = ConcurrentFailures.Failure(rate: 0.9, years: 10.0 / 525_600, lossSeconds: 0)
        let both = ConcurrentFailures.Failure(rate: 0.02, years: 8.0 / 8760, lossSeconds: 3600)
        let outage = ConcurrentFailures.Failure(rate: 0.07, years: 95.0 / 525_600, lossSeconds: 0)
        let guest = ConcurrentFailures.Failure(rate: 0.5, years: 5.0 / 525_600, lossSeconds: 0)
        // Hosts as (site, VMs); a SplitSite host spans both sites.
        let hosts: [[String: Int]] = [["hq": 1], ["hq": 1], ["hq": 2], ["dr": 1], ["dr": 1], ["hq": 1, "dr": 1], ["dr": 2]]
        var fast = ConcurrentFailures(yearDays: 365)
        var units: [(vms: Set<String>, failures: [ConcurrentFailures.Failure])] = []
        var bySite: [String: Int] = [:]
        for (index, footprint) in hosts.enumerated() {
            fast.register("#\(index)", kind: .host, vmsBySite: footprint)
            for failure in [host, both] {
                fast.tolerate(
                    "#\(index)", rate: failure.rate, duration: TimeSpan(seconds: failure.years * 365 * 86_400),
                    loss: TimeSpan(seconds: failure.lossSeconds))
            }
            var vms: Set<String> = []
            for (site, count) in footprint {
                for _ in 0..<count {
                    vms.insert("\(site)\(bySite[site, default: 0])")
                    bySite[site, default: 0] += 1
                }
            }
            units.append((vms, [host, both]))
        }
        for (site, count) in bySite {
            fast.register("site:\(site)", kind: .site, vmsBySite: [site: count])
            fast.tolerate("site:\(site)", rate: outage.rate, duration: TimeSpan(seconds: outage.years * 365 * 86_400), loss: .zero)
            units.append((Set((0..<count).map { "\(site)\($0)" }), [outage]))
            for vm in 0..<count { units.append(([("\(site)\(vm)")], [guest])) }
        }
        fast.tolerateGuestCrashes(rate: guest.rate, duration: TimeSpan(seconds: guest.years * 365 * 86_400))
        for spare in 1...4 {
            var rate = 0.0, overlap = 0.0
            for i in units.indices {
                for j in (i + 1)..<units.count where units[i].vms.union(units[j].vms).count > spare {
                    for a in units[i].failures {
                        for b in units[j].failures {
                            rate += a.rate * b.rate * (a.years + b.years)
                            overlap += a.rate * b.rate * a.years * b.years
                        }
                    }
                }
            }
            let incident = fast.incident(vmsBySite: bySite, spare: spare)
            #expect(abs((incident?.ratePerYear ?? 0) - rate) <= 1e-12 * max(1, rate), "spare \(spare)")
            #expect(abs((incident?.minutesPerYear ?? 0) - overlap * Self.minutesPerYear) <= 1e-9, "spare \(spare)")
        }
    }

    /// 500 VMs, 499 needed, each on a pair of its own: C(500, 2) pairs of hosts and of guest
    /// crashes, counted in one step each.
    @Test func manyVMsAreCountedByMultiplicity() throws {
        let (model, catalog) = try Self.model()
        let placement = Placement.estimated(vmsBySite: ["hq": 500], pairsBySite: ["hq": 500])
        let incidents = model.incidents(
            tier: TierID(.ha), spec: catalog.tier(.ha), site: catalog.siteProtection(.none), placement: placement, required: 499)
        let one = model.incidents(
            tier: TierID(.ha), spec: catalog.tier(.ha), site: catalog.siteProtection(.none),
            placement: .estimated(vmsBySite: ["hq": 2], pairsBySite: ["hq": 2]), required: 1)
        let many = try #require(incidents.first { $0.mode == .concurrentFailures })
        let two = try #require(one.first { $0.mode == .concurrentFailures })
        // Two VMs: one pair of pairs, two (host, other guest) pairs and one pair of guests;
        // 500: each of those kinds C(500, 2) = 124,750 times.
        #expect(abs(many.ratePerYear / two.ratePerYear - 124_750) < 1e-6 * 124_750)
        #expect(abs(many.duration.seconds - two.duration.seconds) < 1e-6)
    }
}
