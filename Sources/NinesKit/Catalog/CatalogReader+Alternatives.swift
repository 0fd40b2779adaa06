extension CatalogReader {
    static let alternativeKeys = [
        "id", "name", "kind", "platform", "protects_ft", "memory_overhead", "cpu_overcommit", "max_vms_per_host",
        "ft_max_vcpus_per_vm", "ft_max_vms_per_host", "ft_max_vcpus_per_host", "license_model", "license_price", "support_rate",
        "min_cores_per_cpu", "storage_per_node", "storage_per_group", "network_per_node", "fencing_per_node",
        "management_per_site", "implementation_days", "admin_fte_per_group", "restart_time", "ft_failover_time",
        "failover_coverage", "maintenance_downtime", "data_loss", "shared_outages_per_year", "shared_outage_duration",
        "recovery_effort", "live_migration",
    ]

    /// Reads alternatives.yaml; `overrides` (alternative id → key → value from engagement.yaml)
    /// replace catalog values, with the engagement line as their source.
    mutating func readAlternatives(_ file: YAMLFile, overrides: [String: [String: Located<String>]] = [:])
        -> (AlternativeEconomics?, [AlternativeSpec])
    {
        guard
            let top = YAMLMap(
                file.root, in: file, what: "alternatives.yaml", keys: ["version", "shared", "alternatives"], diagnostics: &diagnostics)
        else { return (nil, []) }
        checkVersion(top)
        var economics: AlternativeEconomics?
        if let shared = top.map(
            "shared", what: "shared", keys: ["day_rate", "admin_salary", "admin_loading", "colocation_per_kw_month"] + Self.provenanceKeys,
            diagnostics: &diagnostics)
        {
            begin()
            let p = provenance(of: shared)
            let values = ["day_rate", "admin_salary", "admin_loading", "colocation_per_kw_month"].map { number(shared, $0, inherited: p) }
            end(kind: "alternatives", id: "shared", name: "Figures shared by the alternatives")
            if values.allSatisfy({ $0 != nil }) {
                economics = AlternativeEconomics(
                    dayRate: values[0]!, adminSalary: values[1]!, adminLoading: values[2]!, colocationPerKWMonth: values[3]!)
            }
        } else {
            diagnostics.error("missing required key 'shared'", at: top.location)
        }
        var seen = Set<String>()
        let specs = top.maps(
            "alternatives", what: "alternative", keys: Self.alternativeKeys + Self.provenanceKeys, diagnostics: &diagnostics
        )
        .compactMap { map -> AlternativeSpec? in
            guard let id = map.string("id", required: true, diagnostics: &diagnostics) else { return nil }
            if !seen.insert(id.value).inserted {
                diagnostics.error("alternative '\(Escape.plain(id.value))' is defined twice", at: id.location)
            }
            return readAlternative(id.value, map, overrides: overrides[id.value] ?? [:])
        }
        return (economics, specs)
    }

    /// One alternative's entry as it is read: its map, the engagement's overrides of its keys
    /// and the provenance the entry declares for all its numbers.
    private struct AlternativeEntry {
        var id: String
        var map: YAMLMap
        var overrides: [String: Located<String>]
        var provenance: Provenance?
    }

    /// The words of an alternative: its kind, licence model, whether it protects FT and
    /// whether maintenance stops its VMs.
    private struct AlternativeWords {
        var kind: AlternativeSpec.Kind?
        var licenseModel: AlternativeSpec.LicenseModel?
        var protectsFT: Bool?
        var maintenance: Bool?
    }

    private mutating func readAlternative(_ id: String, _ map: YAMLMap, overrides: [String: Located<String>]) -> AlternativeSpec? {
        begin()
        let entry = AlternativeEntry(id: id, map: map, overrides: overrides, provenance: provenance(of: map))
        let name = map.string("name", diagnostics: &diagnostics)?.value ?? id
        let words = alternativeWords(entry)
        let price = num("license_price", entry, required: true)
        let network = num("network_per_node", entry, required: true)
        let management = num("management_per_site", entry, required: true)
        let days = num("implementation_days", entry, required: true)
        let admin = num("admin_fte_per_group", entry, required: true)
        let restart = span("restart_time", entry, required: true)
        let loss = span("data_loss", entry, required: true)
        let shared = num("shared_outages_per_year", entry, required: true)
        let sharedLength = span("shared_outage_duration", entry, required: true)
        let live = liveMigration(entry, maintenance: words.maintenance)
        let spec = AlternativeSpec.assemble(
            id: id, name: name, kind: words.kind, platform: map.string("platform", diagnostics: &diagnostics)?.value,
            protectsFT: words.protectsFT, optional: alternativeOptionals(entry), ftFailover: span("ft_failover_time", entry),
            licenseModel: words.licenseModel, price: price, network: network, management: management, days: days, admin: admin,
            restart: restart, maintenance: words.maintenance, loss: loss, shared: shared, sharedLength: sharedLength,
            effort: map.string("recovery_effort", diagnostics: &diagnostics)?.value ?? "")
        end(kind: "alternative", id: id, name: name)
        guard var spec else { return nil }
        spec.liveMigration = live.value
        spec.liveMigrationSource = live.source
        return checked(spec, map)
    }

    /// A key's text and provenance: the engagement's override (recorded as a fact with its
    /// line), else the catalog's value; nil when neither gives it.
    private mutating func value(_ key: String, _ entry: AlternativeEntry) -> (Located<String>, Provenance)? {
        if let override = entry.overrides[key] {
            let provenance = Provenance(source: "engagement.yaml override (\(override.location))")
            facts.append(CatalogFact(key: key, value: override.value, provenance: provenance, location: override.location.description))
            return (override, provenance)
        }
        guard entry.map[key] != nil else { return nil }
        return raw(entry.map, key, inherited: entry.provenance).map { ($0.text, $0.provenance) }
    }

    private mutating func num(_ key: String, _ entry: AlternativeEntry, required: Bool = false) -> Sourced<Double>? {
        guard let (text, provenance) = value(key, entry) else {
            if required { diagnostics.error("missing required key '\(key)'", at: entry.map.location) }
            return nil
        }
        return InputValue.number(text, key: key, in: 0...1e12, diagnostics: &diagnostics).map { Sourced($0, provenance) }
    }

    private mutating func span(_ key: String, _ entry: AlternativeEntry, required: Bool = false) -> Sourced<TimeSpan>? {
        guard let (text, provenance) = value(key, entry) else {
            if required { diagnostics.error("missing required key '\(key)'", at: entry.map.location) }
            return nil
        }
        return InputValue.duration(text, key: key, diagnostics: &diagnostics).map { Sourced($0, provenance) }
    }

    private mutating func word(_ key: String, _ entry: AlternativeEntry) -> Located<String>? {
        entry.overrides[key] ?? entry.map.string(key, required: true, diagnostics: &diagnostics)
    }

    private mutating func alternativeWords(_ entry: AlternativeEntry) -> AlternativeWords {
        let kind = word("kind", entry).flatMap { text in
            AlternativeSpec.Kind(rawValue: text.value) ?? fail(text, "'kind' is pair or cluster")
        }
        let model = word("license_model", entry).flatMap { text in
            AlternativeSpec.LicenseModel(rawValue: text.value)
                ?? fail(text, "'license_model' is one of \(AlternativeSpec.LicenseModel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let ft = word("protects_ft", entry).flatMap { text in
            Bool(text.value.lowercased()) ?? fail(text, "'protects_ft' is true or false")
        }
        let maintenance = word("maintenance_downtime", entry).flatMap { text in
            Bool(text.value.lowercased()) ?? fail(text, "'maintenance_downtime' is true or false")
        }
        return AlternativeWords(kind: kind, licenseModel: model, protectsFT: ft, maintenance: maintenance)
    }

    /// `live_migration` (false when absent) and its provenance; refused without
    /// `maintenance_downtime: true`, since a VM then moves by a stop and a start.
    private mutating func liveMigration(_ entry: AlternativeEntry, maintenance: Bool?) -> (value: Bool, source: String) {
        guard let (text, provenance) = value("live_migration", entry) else { return (false, "") }
        let live = Bool(text.value.lowercased()) ?? fail(text, "'live_migration' is true or false") ?? false
        if !live && maintenance == false {
            diagnostics.error(
                "without live migration a pair restarts its VMs for maintenance", at: text.location,
                fix: "set maintenance_downtime: true, or live_migration: true")
        }
        return (live, provenance.summary)
    }

    /// The numbers an alternative may leave out, by key.
    private mutating func alternativeOptionals(_ entry: AlternativeEntry) -> [String: Sourced<Double>?] {
        let keys = [
            "memory_overhead", "cpu_overcommit", "max_vms_per_host", "ft_max_vcpus_per_vm", "ft_max_vms_per_host",
            "ft_max_vcpus_per_host", "support_rate", "min_cores_per_cpu", "storage_per_node", "storage_per_group", "fencing_per_node",
            "failover_coverage",
        ]
        var optional: [String: Sourced<Double>?] = [:]
        for key in keys { optional[key] = num(key, entry) }
        return optional
    }

    private mutating func checked(_ spec: AlternativeSpec, _ map: YAMLMap) -> AlternativeSpec? {
        if spec.kind == .cluster, spec.cpuOvercommit == nil || spec.memoryOverhead == nil || spec.maxVMsPerHost == nil {
            diagnostics.error("a cluster alternative needs memory_overhead, cpu_overcommit and max_vms_per_host", at: map.location)
        }
        if spec.kind == .pair, spec.platform == nil {
            diagnostics.error("a pair alternative needs 'platform' (its sizing limits)", at: map.location)
        }
        return spec
    }

    private mutating func fail<T>(_ text: Located<String>, _ message: String) -> T? {
        diagnostics.error(message + ", not '\(Escape.plain(text.value))'", at: text.location)
        return nil
    }
}

extension AlternativeSpec {
    static func assemble(
        id: String, name: String, kind: Kind?, platform: String?, protectsFT: Bool?, optional: [String: Sourced<Double>?],
        ftFailover: Sourced<TimeSpan>?, licenseModel: LicenseModel?, price: Sourced<Double>?, network: Sourced<Double>?,
        management: Sourced<Double>?, days: Sourced<Double>?, admin: Sourced<Double>?, restart: Sourced<TimeSpan>?, maintenance: Bool?,
        loss: Sourced<TimeSpan>?, shared: Sourced<Double>?, sharedLength: Sourced<TimeSpan>?, effort: String
    ) -> AlternativeSpec? {
        guard let kind, let protectsFT, let licenseModel, let price, let network, let management, let days, let admin, let restart,
            let maintenance, let loss, let shared, let sharedLength
        else { return nil }
        func o(_ key: String) -> Sourced<Double>? { optional[key] ?? nil }
        return AlternativeSpec(
            id: id, name: name, kind: kind, platform: platform, protectsFT: protectsFT, memoryOverhead: o("memory_overhead"),
            cpuOvercommit: o("cpu_overcommit"), maxVMsPerHost: o("max_vms_per_host"), ftMaxVCPUsPerVM: o("ft_max_vcpus_per_vm"),
            ftMaxVMsPerHost: o("ft_max_vms_per_host"), ftMaxVCPUsPerHost: o("ft_max_vcpus_per_host"), licenseModel: licenseModel,
            licensePrice: price, supportRate: o("support_rate"), minCoresPerCPU: o("min_cores_per_cpu"),
            storagePerNode: o("storage_per_node"), storagePerGroup: o("storage_per_group"), networkPerNode: network,
            fencingPerNode: o("fencing_per_node"), managementPerSite: management, implementationDays: days, adminFTEPerGroup: admin,
            restartTime: restart, ftFailoverTime: ftFailover, failoverCoverage: o("failover_coverage"), maintenanceDowntime: maintenance,
            dataLoss: loss, sharedOutagesPerYear: shared, sharedOutageDuration: sharedLength, recoveryEffort: effort)
    }
}
