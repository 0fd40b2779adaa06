/// An IPv4 network written in CIDR notation (`10.20.0.0/16`). Its first address is the
/// network, its second the gateway and its last the broadcast address; the others are hosts.
public struct IPv4Network: Hashable, Sendable, CustomStringConvertible {
    /// The network address, host bits zero.
    public var base: UInt32
    /// Prefix length, 8…30 bits.
    public var prefix: Int

    /// Parses `a.b.c.d/n`; nil when it is not a network of 8 to 30 prefix bits with its host bits zero.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let prefix = Int(parts[1]), (8...30).contains(prefix), let base = Self.address(parts[0]) else {
            return nil
        }
        let mask: UInt32 = ~0 << UInt32(32 - prefix)
        guard base & ~mask == 0 else { return nil }
        self.base = base
        self.prefix = prefix
    }

    /// Addresses available to hosts: all but the network, gateway and broadcast addresses.
    public var hostCount: Int { (1 << (32 - prefix)) - 3 }

    /// The `index`-th host address (0-based), after the gateway.
    public func host(_ index: Int) -> UInt32 {
        precondition(index >= 0 && index < hostCount, "host \(index) outside \(self)")
        return base + 2 + UInt32(index)
    }

    public func contains(_ address: UInt32) -> Bool { address >> UInt32(32 - prefix) == base >> UInt32(32 - prefix) }

    public func overlaps(_ other: IPv4Network) -> Bool { contains(other.base) || other.contains(base) }

    public var description: String { "\(Self.text(base))/\(prefix)" }

    /// Dotted-quad text of an address.
    public static func text(_ address: UInt32) -> String {
        "\(address >> 24).\(address >> 16 & 0xFF).\(address >> 8 & 0xFF).\(address & 0xFF)"
    }

    /// The address written as four decimal octets, each 0…255 without leading zeros.
    public static func address(_ text: Substring) -> UInt32? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var value: UInt32 = 0
        for octet in octets {
            guard (1...3).contains(octet.count), octet.allSatisfy(\.isASCII), let n = UInt32(octet), n <= 255,
                octet.count == 1 || octet.first != "0"
            else { return nil }
            value = value << 8 | n
        }
        return value
    }
}

/// The address ranges the manifests allocate from (engagement.yaml `networks:`), each with the
/// place it was written (engagement.yaml itself for a default).
public struct AddressNetworks: Sendable {
    /// What a range is used for, as engagement.yaml names it.
    public enum Role: String, CaseIterable, Sendable {
        /// Two host management addresses per pair.
        case management
        /// Two out-of-band controller (IPMI, iLO) addresses per pair, used for fencing.
        case outOfBand = "out_of_band"
        /// Two replication addresses per pair (the A-links; DRBD on the Pacemaker alternative).
        case replication
        /// One address per VM.
        case business

        /// The default range, documented in the `nines init` scaffold.
        public var defaultRange: String {
            switch self {
            case .management: "10.20.0.0/16"
            case .outOfBand: "10.21.0.0/16"
            case .replication: "10.22.0.0/16"
            case .business: "10.64.0.0/12"
            }
        }

        /// Addresses one pair takes (`perVM`: one per VM instead).
        var perPair: Int? { self == .business ? nil : 2 }
    }

    public var ranges: [Role: Located<IPv4Network>]

    /// The default ranges, located at `location`.
    public static func defaults(at location: SourceLocation) -> AddressNetworks {
        AddressNetworks(
            ranges: Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0, Located(IPv4Network($0.defaultRange)!, at: location)) }))
    }

    public subscript(role: Role) -> Located<IPv4Network> { ranges[role]! }
}
