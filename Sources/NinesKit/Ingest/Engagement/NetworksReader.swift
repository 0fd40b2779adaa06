/// Reads engagement.yaml's `networks:`: one CIDR range per role (`AddressNetworks.Role`), the
/// default for a role left out. Ranges that overlap are refused, each at its own line.
enum NetworksReader {
    static let keys = AddressNetworks.Role.allCases.map(\.rawValue)

    static func read(_ map: YAMLMap, diagnostics: inout DiagnosticCollector) -> AddressNetworks {
        guard let networks = map.map("networks", what: "'networks'", keys: keys, diagnostics: &diagnostics) else {
            return .defaults(at: map.location(of: "networks"))
        }
        var result = AddressNetworks.defaults(at: map.location(of: "networks"))
        for role in AddressNetworks.Role.allCases {
            guard let text = networks.string(role.rawValue, diagnostics: &diagnostics) else { continue }
            guard let network = IPv4Network(text.value.trimmingCharacters(in: .whitespaces)) else {
                diagnostics.error(
                    "'networks.\(role.rawValue)' is not an IPv4 network: \(Escape.plain(text.value))", at: text.location,
                    fix: "write it in CIDR notation with the host bits zero and a prefix of 8 to 30 bits, e.g. \(role.defaultRange)")
                continue
            }
            result.ranges[role] = Located(network, at: text.location)
        }
        let roles = AddressNetworks.Role.allCases
        for (i, a) in roles.enumerated() {
            for b in roles[(i + 1)...] where result[a].value.overlaps(result[b].value) {
                diagnostics.error(
                    "'networks.\(b.rawValue)' (\(result[b].value)) overlaps 'networks.\(a.rawValue)' (\(result[a].value), line \(result[a].location.line))",
                    at: result[b].location, fix: "give each role a range of its own")
            }
        }
        return result
    }
}
