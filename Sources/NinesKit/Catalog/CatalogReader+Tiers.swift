extension CatalogReader {
    private static let tierKeys = [
        "name", "host_failure_recovery", "guest_recovery", "data_loss", "expected_data_loss_per_host_failure",
        "maintenance_downtime", "backup_per_vm_per_year", "failover_coverage", "uncovered_recovery",
    ]
    private static let siteKeys = [
        "name", "site_outage_recovery", "site_disaster_recovery", "site_data_loss", "cost_per_vm_per_year",
        "cost_per_pair_per_year", "survives_site_loss", "recovers_site_loss",
    ]

    /// Reads tiers.yaml: `tiers:` (backup, ha, ft) and `site_protection:` (none, dr, splitsite).
    mutating func readTiers(_ file: YAMLFile) -> (local: [LocalTier: TierSpec], site: [SiteProtection: SiteProtectionSpec])? {
        guard
            let top = YAMLMap(
                file.root, in: file, what: "tiers.yaml", keys: ["version", "tiers", "site_protection"],
                diagnostics: &diagnostics)
        else { return nil }
        checkVersion(top)
        var local: [LocalTier: TierSpec] = [:]
        var site: [SiteProtection: SiteProtectionSpec] = [:]
        let tierList = top.map("tiers", what: "tiers", keys: LocalTier.allCases.map(\.rawValue), diagnostics: &diagnostics)
        for (key, node) in tierList?.entries ?? [] {
            guard let tier = LocalTier(rawValue: key),
                let map = YAMLMap(
                    node, in: file, what: "tier '\(key)'", keys: Self.tierKeys + Self.provenanceKeys, diagnostics: &diagnostics)
            else { continue }
            local[tier] = readTier(tier, map)
        }
        let siteList = top.map(
            "site_protection", what: "site_protection", keys: SiteProtection.allCases.map(\.rawValue), diagnostics: &diagnostics)
        for (key, node) in siteList?.entries ?? [] {
            guard let protection = SiteProtection(rawValue: key),
                let map = YAMLMap(
                    node, in: file, what: "site protection '\(key)'", keys: Self.siteKeys + Self.provenanceKeys, diagnostics: &diagnostics)
            else { continue }
            site[protection] = readSiteProtection(protection, map)
        }
        for tier in LocalTier.allCases where tierList?[tier.rawValue] == nil {
            diagnostics.error("tier '\(tier.rawValue)' is not defined", at: top.location)
        }
        for protection in SiteProtection.allCases where siteList?[protection.rawValue] == nil {
            diagnostics.error("site protection '\(protection.rawValue)' is not defined", at: top.location)
        }
        return (local, site)
    }

    private mutating func flag(_ map: YAMLMap, _ key: String) -> Bool? {
        guard let text = map.string(key, required: true, diagnostics: &diagnostics) else { return nil }
        guard let value = Bool(text.value.lowercased()) else {
            diagnostics.error("'\(key)' must be true or false", at: text.location)
            return nil
        }
        return value
    }

    private mutating func readTier(_ tier: LocalTier, _ map: YAMLMap) -> TierSpec? {
        begin()
        let p = provenance(of: map)
        let name = map.string("name", diagnostics: &diagnostics)?.value ?? tier.rawValue
        let host = duration(map, "host_failure_recovery", inherited: p)
        let guest = duration(map, "guest_recovery", inherited: p)
        let loss = duration(map, "data_loss", inherited: p)
        let expected = duration(map, "expected_data_loss_per_host_failure", inherited: p)
        let maintenance = flag(map, "maintenance_downtime")
        let backup = number(map, "backup_per_vm_per_year", inherited: p)
        let coverage = map["failover_coverage"] == nil ? nil : number(map, "failover_coverage", inherited: p, in: 0...1)
        let uncovered = map["uncovered_recovery"] == nil ? nil : duration(map, "uncovered_recovery", inherited: p)
        if (coverage == nil) != (uncovered == nil) {
            diagnostics.error("give 'failover_coverage' and 'uncovered_recovery' together", at: map.location)
        }
        end(kind: "tier", id: tier.rawValue, name: name)
        guard let host, let guest, let loss, let expected, let maintenance, let backup else { return nil }
        return TierSpec(
            tier: tier, name: name, hostFailureRecovery: host, guestRecovery: guest, dataLoss: loss,
            expectedDataLossPerHostFailure: expected, maintenanceDowntime: maintenance,
            backupPerVMPerYear: backup, failoverCoverage: coverage, uncoveredRecovery: uncovered)
    }

    private mutating func readSiteProtection(_ protection: SiteProtection, _ map: YAMLMap) -> SiteProtectionSpec? {
        begin()
        let p = provenance(of: map)
        let name = map.string("name", diagnostics: &diagnostics)?.value ?? protection.rawValue
        let outage = map["site_outage_recovery"] == nil ? nil : duration(map, "site_outage_recovery", inherited: p)
        let disaster = map["site_disaster_recovery"] == nil ? nil : duration(map, "site_disaster_recovery", inherited: p)
        let loss = map["site_data_loss"] == nil ? nil : duration(map, "site_data_loss", inherited: p)
        let perVM = number(map, "cost_per_vm_per_year", inherited: p)
        let perPair = number(map, "cost_per_pair_per_year", inherited: p)
        let survives = flag(map, "survives_site_loss")
        let recovers = flag(map, "recovers_site_loss")
        end(kind: "site-protection", id: protection.rawValue, name: name)
        guard let perVM, let perPair, let survives, let recovers else { return nil }
        return SiteProtectionSpec(
            protection: protection, name: name, siteOutageRecovery: outage, siteDisasterRecovery: disaster,
            siteDataLoss: loss, costPerVMPerYear: perVM, costPerPairPerYear: perPair, survivesSiteLoss: survives,
            recoversSiteLoss: recovers)
    }
}
