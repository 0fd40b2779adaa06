import Foundation
import Testing

@testable import NinesKit

@Suite struct AddressPlanTests {
    static let location = SourceLocation(file: "acme/engagement.yaml", line: 40)

    /// `count` pairs of `vms` VMs each, with ids as the packer gives them.
    static func pairs(_ count: Int, vms: Int) -> [Pair] {
        let width = PairPacker.idWidth(count)
        return (0..<count).map { k in
            Pair(
                id: PairPacker.pairID(k + 1, width: width), site: "hq", secondSite: "hq", hardware: "h",
                capacity: HostCapacity(memoryGiB: 380, threads: 92, vms: 28),
                members: (0..<vms).map { i in
                    Pair.Member(
                        vm: "vm-\(k)-\(i)", application: "A", tier: TierID(.ha), vcpus: 2, memoryGiB: 4, diskGiB: 40, os: "Linux",
                        demand: VMDemand(memoryGiB: 4.8, threads: 3))
                })
        }
    }

    @Test func networksParseOnlyAsCIDRWithTheHostBitsZero() {
        #expect(IPv4Network("10.20.0.0/16")?.hostCount == 65_533)
        #expect(IPv4Network("192.168.1.0/24").map { IPv4Network.text($0.host(0)) } == "192.168.1.2")
        #expect(IPv4Network("192.168.1.0/24").map { IPv4Network.text($0.host(252)) } == "192.168.1.254")
        for bad in [
            "10.20.1.0/16", "10.20.1000.0/24", "10.20.0/16", "10.20.0.0", "10.20.0.0/31", "10.020.0.0/16", "a.b.c.d/8", "10.0.0.0/7",
        ] {
            #expect(IPv4Network(bad) == nil, "\(bad)")
        }
        #expect(IPv4Network("10.0.0.0/8")!.overlaps(IPv4Network("10.64.0.0/12")!))
        #expect(!IPv4Network("10.20.0.0/16")!.overlaps(IPv4Network("10.21.0.0/16")!))
    }

    /// 10,000 pairs of 10 VMs (100,000 VMs): every address a valid IPv4 address inside its
    /// range, none repeated within a range, the same on a second run; the ids sort.
    @Test func tenThousandPairsGetValidUniqueAddresses() throws {
        let pairs = Self.pairs(10_000, vms: 10)
        let networks = AddressNetworks.defaults(at: Self.location)
        let (plan, problems) = AddressPlan.allocate(pairs, networks: networks, for: "the plan")
        #expect(problems.isEmpty)
        #expect(plan.count == pairs.count)
        var seen: [AddressNetworks.Role: Set<String>] = [:]
        for pair in pairs {
            let a = try #require(plan[pair.id])
            #expect(a.vms.count == pair.members.count)
            for (role, list) in [(.management, a.management), (.outOfBand, a.outOfBand), (.replication, a.replication), (.business, a.vms)]
                as [(AddressNetworks.Role, [String])]
            {
                for text in list {
                    let address = try #require(IPv4Network.address(Substring(text)), "\(text)")
                    #expect(networks[role].value.contains(address), "\(text) outside \(networks[role].value)")
                    #expect(seen[role, default: []].insert(text).inserted, "\(text) twice in \(role)")
                }
            }
        }
        #expect(seen[.business]?.count == 100_000)
        #expect(pairs.map(\.id) == pairs.map(\.id).sorted() && pairs.last?.id == "pair-10000" && pairs.first?.id == "pair-00001")
        #expect(AddressPlan.allocate(pairs, networks: networks, for: "the plan").0 == plan)
    }

    /// A range too small is refused at its line, with what it holds and what the plan needs.
    @Test func aRangeTooSmallIsRefusedWithTheCounts() {
        var networks = AddressNetworks.defaults(at: Self.location)
        networks.ranges[.business] = Located(IPv4Network("10.64.0.0/24")!, at: SourceLocation(file: "acme/engagement.yaml", line: 44))
        let (plan, problems) = AddressPlan.allocate(Self.pairs(30, vms: 10), networks: networks, for: "the plan")
        #expect(plan.isEmpty)
        #expect(problems.count == 1)
        #expect(problems.first?.location.line == 44)
        #expect(problems.first?.message.contains("10.64.0.0/24 holds 253 host addresses; the plan needs 300 (one per VM)") == true)
        #expect(problems.first?.fix?.contains("/23") == true)
    }

    /// engagement.yaml's `networks:`: a bad range and overlapping ranges, each at its line.
    @Test func engagementNetworksAreCheckedAtTheirLines() throws {
        let folder = try TestPaths.acmeCopy(edits: [
            (
                "engagement.yaml", "applications: applications.yaml\n",
                "applications: applications.yaml\nnetworks:\n  management: 10.20.0.0/16\n  out_of_band: 10.20.1.0/24\n  business: 10.64.1.0/12\n"
            )
        ])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        #expect {
            try EngagementLoader.load(folder.path, catalogPath: TestPaths.catalog.path)
        } throws: { error in
            let text = "\(error)"
            return text.contains("'networks.business' is not an IPv4 network")
                && text.contains("'networks.out_of_band' (10.20.1.0/24) overlaps")
        }
    }

    /// The sample's pair.yaml addresses are those of the plan, inside the default ranges.
    @Test func sampleAddressesComeFromThePlan() throws {
        let assessment = try Pipeline.assess(Pipeline.Options(engagement: TestPaths.acme.path, catalog: TestPaths.catalog.path, trials: 0))
        let first = try #require(assessment.packing.pairs.first)
        let a = try #require(assessment.addresses.pairs[first.id])
        #expect(a.management == ["10.20.0.2", "10.20.0.3"])
        #expect(a.vms.first == "10.64.0.2")
        #expect(assessment.addresses.alternatives["pacemaker-drbd"]?.isEmpty == false)
    }
}
