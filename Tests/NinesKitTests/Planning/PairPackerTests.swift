import Foundation
import Testing

@testable import NinesKit

@Suite struct PairPackerTests {
    static let capacity = HostCapacity(memoryGiB: 380, threads: 92, vms: 28)

    static func items(_ demands: [(String, Double, Double)], site: String = "hq") -> [PairPacker.Item] {
        demands.map { name, memory, threads in
            PairPacker.Item(
                member: Pair.Member(
                    vm: name, application: "A", tier: TierID(.ft), vcpus: Int(threads) - 2, memoryGiB: memory / 1.2, diskGiB: 0, os: "",
                    demand: VMDemand(memoryGiB: memory, threads: threads)),
                site: site, secondSite: site, hardware: "h", capacity: capacity)
        }
    }

    /// Pair ids as printf's "pair-%0Nd" spells them (N the digits of the pair count, at least
    /// two), the reference; they sort as the pairs do.
    @Test func pairIDsArePaddedToThePairCount() {
        for count in [1, 9, 10, 99, 100, 999, 1_000, 10_000, 12_345] {
            let width = PairPacker.idWidth(count)
            #expect(width == max(2, String(count).count))
            for number in [1, 9, 10, 99, 100, 12_345] where number <= count {
                #expect(PairPacker.pairID(number, width: width) == String(format: "pair-%0\(width)d", number))
            }
        }
        let ids = (1...1_200).map { PairPacker.pairID($0, width: PairPacker.idWidth(1_200)) }
        #expect(ids == ids.sorted() && ids.first == "pair-0001" && ids.last == "pair-1200")
    }

    @Test func vmCountBinds() {
        let result = PairPacker().pack(Self.items((0..<30).map { ("vm\($0)", 1.2, 3) }))
        #expect(result.pairs.count == 2)
        #expect(result.lowerBound == 2)
        #expect(result.pairs[0].members.count == 28)
        #expect(result.pairs[0].bindingLimit == .vms)
    }

    @Test func memoryBinds() {
        // 120 GiB each: three fit in 380 GiB; seven need ⌈840 / 380⌉ = 3 pairs.
        let result = PairPacker().pack(Self.items((0..<7).map { ("vm\($0)", 120, 4) }))
        #expect(result.pairs.count == 3)
        #expect(result.lowerBound == 3)
        #expect(result.pairs.allSatisfy { $0.usedMemoryGiB <= Self.capacity.memoryGiB })
    }

    @Test func neverExceedsAnyDimensionAndIsDeterministic() {
        var demands: [(String, Double, Double)] = []
        var seed: UInt64 = 42
        for i in 0..<200 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1
            let memory = Double((seed >> 33) % 96 + 2) * 1.2
            let threads = Double((seed >> 20) % 9 + 3)
            demands.append(("vm\(i)", memory, threads))
        }
        let result = PairPacker().pack(Self.items(demands))
        for pair in result.pairs {
            #expect(pair.usedMemoryGiB <= Self.capacity.memoryGiB + 1e-9)
            #expect(pair.usedThreads <= Self.capacity.threads)
            #expect(Double(pair.members.count) <= Self.capacity.vms)
        }
        #expect(result.pairs.count >= result.lowerBound)
        #expect(result.pairs.reduce(0) { $0 + $1.members.count } == 200)
        let again = PairPacker().pack(Self.items(demands.reversed()))
        #expect(again.pairs == result.pairs)
        #expect(result.pairs.map(\.id).first == "pair-01")
    }

    @Test func sitesArePackedSeparatelyAndOversizedVMsAreReported() {
        let result = PairPacker().pack(Self.items([("a", 10, 4)], site: "hq") + Self.items([("b", 10, 4), ("huge", 500, 4)], site: "dr"))
        #expect(result.pairs.map(\.site) == ["dr", "hq"])
        #expect(result.unplaced == ["huge"])
    }
}
