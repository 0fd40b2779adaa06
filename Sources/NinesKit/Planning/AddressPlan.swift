/// The addresses of every host and VM of the plan's pairs (and of each pair alternative's),
/// allocated once from the engagement's networks (`AddressNetworks`): pair k (0-based, in plan
/// order) takes host addresses 2k and 2k + 1 of each per-pair range, and the VMs take the
/// business range's host addresses in pair order, then in the pair's member order. Same
/// inputs, same addresses; no address repeats within a range.
public struct AddressPlan: Sendable {
    /// The addresses of one pair, in dotted-quad text.
    public struct PairAddresses: Hashable, Sendable {
        /// Management address of node 0 and node 1.
        public var management: [String]
        /// Out-of-band controller (IPMI, iLO) address of node 0 and node 1.
        public var outOfBand: [String]
        /// Replication address of node 0 and node 1.
        public var replication: [String]
        /// Business address of each member, in the pair's member order.
        public var vms: [String]
    }

    /// The plan's pairs, by pair id.
    public private(set) var pairs: [String: PairAddresses] = [:]
    /// Each pair alternative's pairs: alternative id → pair id → addresses.
    public private(set) var alternatives: [String: [String: PairAddresses]] = [:]

    public init() {}

    /// The addresses of the plan's pairs and of each compared pair alternative's; refuses, at
    /// the range's engagement.yaml line and with the counts, a range too small for them.
    public static func allocate(plan: Plan, tco: TCOComparison?) throws(InputError) -> AddressPlan {
        let networks = plan.engagement.networks
        var result = AddressPlan()
        var problems: [Diagnostic] = []
        (result.pairs, problems) = allocate(plan.packing.pairs, networks: networks, for: "the plan")
        for alternative in tco?.alternatives ?? [] where !alternative.sizing.pairs.isEmpty {
            let (pairs, more) = allocate(alternative.sizing.pairs, networks: networks, for: "the \(alternative.spec.name) alternative")
            result.alternatives[alternative.id] = pairs
            problems += more
        }
        if !problems.isEmpty { throw InputError(diagnostics: problems) }
        return result
    }

    /// Addresses of `pairs`, or the ranges too small for them.
    static func allocate(_ pairs: [Pair], networks: AddressNetworks, for what: String) -> ([String: PairAddresses], [Diagnostic]) {
        let vmCount = pairs.reduce(0) { $0 + $1.members.count }
        var problems: [Diagnostic] = []
        for role in AddressNetworks.Role.allCases {
            let range = networks[role]
            let needed = role.perPair.map { $0 * pairs.count } ?? vmCount
            guard needed > range.value.hostCount else { continue }
            let unit = role.perPair.map { "\($0) per pair on \(Number.grouped(Double(pairs.count))) pairs" } ?? "one per VM"
            problems.append(
                Diagnostic(
                    .error,
                    "network '\(role.rawValue)' \(range.value) holds \(Number.grouped(Double(range.value.hostCount))) host addresses; "
                        + "\(what) needs \(Number.grouped(Double(needed))) (\(unit))",
                    at: range.location,
                    fix: "give '\(role.rawValue)' a larger range (a /\(prefix(for: needed)) or wider) under 'networks:'"))
        }
        guard problems.isEmpty else { return ([:], problems) }
        var result: [String: PairAddresses] = [:]
        result.reserveCapacity(pairs.count)
        var nextVM = 0
        for (k, pair) in pairs.enumerated() {
            func two(_ role: AddressNetworks.Role) -> [String] {
                [IPv4Network.text(networks[role].value.host(2 * k)), IPv4Network.text(networks[role].value.host(2 * k + 1))]
            }
            let business = networks[.business].value
            let vms = pair.members.indices.map { IPv4Network.text(business.host(nextVM + $0)) }
            nextVM += pair.members.count
            result[pair.id] = PairAddresses(
                management: two(.management), outOfBand: two(.outOfBand), replication: two(.replication), vms: vms)
        }
        return (result, [])
    }

    /// The longest prefix whose range holds `hosts` host addresses.
    static func prefix(for hosts: Int) -> Int {
        var prefix = 30
        while prefix > 8 && (1 << (32 - prefix)) - 3 < hosts { prefix -= 1 }
        return prefix
    }
}
