import Foundation

/// The settings in engagement.yaml, read and checked on their own (before the catalog is
/// known, because they may name the catalog to use).
public struct EngagementSettings: Sendable {
    public var name: String
    public var client: String
    public var currency: String
    public var year: Int
    public var horizonYears: Int
    public var discountRatePercent: Double
    public var yearDays: Double
    public var platform: Located<String>
    public var hardware: Located<String>
    public var sites: [Site]
    public var baselineTier: TierID
    public var growthHeadroomPercent: Double
    /// Inventory file, relative to the engagement folder.
    public var inventory: Located<String>
    /// Applications file (.yaml or .csv), relative to the engagement folder.
    public var applications: Located<String>
    /// Catalog folder, relative to the engagement folder, when the engagement brings its own.
    public var catalog: Located<String>?
    /// Rules that map imported VMs to applications and sites.
    public var mapping: MappingRules
    /// Alternatives to compare (empty: all), and catalog values overridden for them.
    public var alternatives: [Located<String>] = []
    public var alternativeOverrides: [String: [String: Located<String>]] = [:]
    /// `catalog_overrides:`: catalog values replaced for this engagement.
    public var catalogOverrides: [CatalogOverride] = []
    /// The report's cover (`prepared_by`, `assessment_date`, `disclaimer`) and its logo file.
    public var cover = ReportCover()
    public var logo: Located<String>?
    /// The address ranges the manifests allocate from.
    public var networks = AddressNetworks.defaults(at: SourceLocation(file: "engagement.yaml"))
    /// `incident_history:`: the customer's outage record and its period.
    var incidentHistory: IncidentHistoryReader.Settings?

    static let keys = [
        "version", "name", "client", "currency", "year", "horizon_years", "discount_rate", "year_days", "platform",
        "hardware", "sites", "baseline_tier", "growth_headroom", "inventory", "applications", "catalog", "notes", "mapping",
        "default_site", "include_powered_off", "alternatives", "alternative_overrides", "catalog_overrides",
        "prepared_by", "assessment_date", "logo", "disclaimer", "networks", "incident_history",
    ]
    static let siteKeys = ["id", "name", "kind", "hardware", "partner"]

    /// Reads engagement.yaml; problems go to `diagnostics`.
    public static func read(_ file: YAMLFile, folderName: String, diagnostics: inout DiagnosticCollector) -> EngagementSettings? {
        guard let map = YAMLMap(file.root, in: file, what: "engagement.yaml", keys: keys, diagnostics: &diagnostics) else { return nil }
        if let version = map.string("version", required: true, diagnostics: &diagnostics), version.value != "1" {
            diagnostics.error(
                "engagement version \(Escape.plain(version.value)) is not supported", at: version.location, fix: "write version: 1")
        }
        let name = map.string("name", diagnostics: &diagnostics)?.value ?? folderName
        let client = map.string("client", required: true, diagnostics: &diagnostics)?.value ?? ""
        let currency = map.string("currency", diagnostics: &diagnostics)?.value ?? "USD"
        let year = map.integer("year", required: true, in: 1990...2200, diagnostics: &diagnostics)
        let horizon = map.integer("horizon_years", in: 1...20, diagnostics: &diagnostics) ?? 5
        let discount =
            map.string("discount_rate", diagnostics: &diagnostics).flatMap {
                InputValue.percentRate($0, key: "discount_rate", in: 0...100, diagnostics: &diagnostics)
            } ?? 8
        let yearDays = map.number("year_days", in: 365...365.25, diagnostics: &diagnostics) ?? 365
        if yearDays != 365 && yearDays != 365.25 {
            diagnostics.error("'year_days' must be 365 or 365.25", at: map.location(of: "year_days"))
        }
        let platform = map.string("platform", required: true, diagnostics: &diagnostics)
        let hardware = map.string("hardware", required: true, diagnostics: &diagnostics)
        var baseline = TierID(.backup)
        if let text = map.string("baseline_tier", diagnostics: &diagnostics) {
            if let tier = TierID(parsing: text.value) {
                baseline = tier
            } else {
                diagnostics.error(
                    "unknown tier '\(Escape.plain(text.value))' in 'baseline_tier'", at: text.location, fix: TierID.hint(for: text.value))
            }
        }
        let headroom =
            map.string("growth_headroom", diagnostics: &diagnostics).flatMap {
                InputValue.percentRate($0, key: "growth_headroom", in: 0...90, diagnostics: &diagnostics)
            } ?? 0
        let sites = readSites(map, diagnostics: &diagnostics)
        let inventory = map.string("inventory", diagnostics: &diagnostics) ?? Located("inventory.csv", at: map.location)
        let applications = map.string("applications", diagnostics: &diagnostics) ?? Located("applications.yaml", at: map.location)
        let catalog = map.string("catalog", diagnostics: &diagnostics)
        let mapping = MappingRules.read(map, diagnostics: &diagnostics)
        let alternatives = map.strings("alternatives", diagnostics: &diagnostics)
        let overrides = readOverrides(map, diagnostics: &diagnostics)
        guard let year, let platform, let hardware else { return nil }
        var settings = EngagementSettings(
            name: name, client: client, currency: currency, year: year, horizonYears: horizon,
            discountRatePercent: discount, yearDays: yearDays, platform: platform, hardware: hardware, sites: sites,
            baselineTier: baseline, growthHeadroomPercent: headroom, inventory: inventory, applications: applications,
            catalog: catalog, mapping: mapping)
        settings.alternatives = alternatives
        settings.alternativeOverrides = overrides
        settings.catalogOverrides = readCatalogOverrides(map, diagnostics: &diagnostics)
        (settings.cover, settings.logo) = ReportCoverReader.read(map, diagnostics: &diagnostics)
        settings.networks = NetworksReader.read(map, diagnostics: &diagnostics)
        settings.incidentHistory = IncidentHistoryReader.settings(map, diagnostics: &diagnostics)
        return settings
    }

    /// `alternative_overrides: {vsphere-ha: {license_price: 150}}`: scalar values only.
    private static func readOverrides(_ map: YAMLMap, diagnostics: inout DiagnosticCollector) -> [String: [String: Located<String>]] {
        guard let node = map["alternative_overrides"] else { return [:] }
        guard let outer = node.mapping else {
            diagnostics.error(
                "'alternative_overrides' maps alternative ids to the keys they override", at: map.location(of: "alternative_overrides"))
            return [:]
        }
        var result: [String: [String: Located<String>]] = [:]
        for (idNode, body) in outer {
            let id = idNode.string ?? ""
            guard
                let entries = YAMLMap(
                    body, in: map.file, what: "overrides of '\(Escape.plain(id))'",
                    keys: CatalogReader.alternativeKeys.filter { $0 != "id" },
                    diagnostics: &diagnostics)
            else { continue }
            for key in entries.keys {
                if let value = entries.string(key, diagnostics: &diagnostics) { result[id, default: [:]][key] = value }
            }
        }
        return result
    }

    /// `catalog_overrides: {failure-rates.yaml: {rates.host_failures_per_year: 0.5}}`.
    private static func readCatalogOverrides(_ map: YAMLMap, diagnostics: inout DiagnosticCollector) -> [CatalogOverride] {
        guard let node = map["catalog_overrides"] else { return [] }
        guard let files = node.mapping else {
            diagnostics.error(
                "'catalog_overrides' maps catalog files to the values they replace", at: map.location(of: "catalog_overrides"),
                fix: "catalog_overrides: {failure-rates.yaml: {rates.host_failures_per_year: 0.5}}")
            return []
        }
        var result: [CatalogOverride] = []
        for (fileNode, body) in files {
            let written = fileNode.string ?? ""
            let file = written.hasSuffix(".yaml") ? written : written + ".yaml"
            let at = map.file.location(of: fileNode)
            guard Catalog.fileNames.contains(file) else {
                diagnostics.error(
                    "catalog_overrides names '\(Escape.plain(written))', which is not a catalog file", at: at,
                    fix: "use one of: \(Catalog.fileNames.joined(separator: ", "))")
                continue
            }
            guard let values = body.mapping else {
                diagnostics.error("catalog_overrides of \(file) maps value paths (e.g. rates.host_failures_per_year) to values", at: at)
                continue
            }
            for (pathNode, value) in values {
                let path = (pathNode.string ?? "").split(separator: ".").map(String.init)
                result.append(CatalogOverride(file: file, path: path, value: value, location: map.file.location(of: pathNode)))
            }
        }
        return result
    }

    private static func readSites(_ map: YAMLMap, diagnostics: inout DiagnosticCollector) -> [Site] {
        if map["sites"] == nil {
            diagnostics.error("missing required key 'sites'", at: map.location, fix: "list the sites: - {id: hq, name: Headquarters}")
            return []
        }
        var sites: [Site] = []
        for site in map.maps("sites", what: "site", keys: siteKeys, diagnostics: &diagnostics) {
            guard let id = site.string("id", required: true, diagnostics: &diagnostics) else { continue }
            if sites.contains(where: { $0.id == id.value }) {
                diagnostics.error("site '\(Escape.plain(id.value))' is declared twice", at: id.location)
                continue
            }
            if let other = sites.first(where: { $0.id.lowercased() == id.value.lowercased() }) {
                diagnostics.error(
                    "sites '\(Escape.plain(other.id))' and '\(Escape.plain(id.value))' differ only in case (first at line \(other.location.line))",
                    at: id.location, fix: "give each site one spelling")
            }
            var kind = Site.Kind.datacenter
            if let text = site.string("kind", diagnostics: &diagnostics) {
                if let parsed = Site.Kind(rawValue: text.value) {
                    kind = parsed
                } else {
                    diagnostics.error("site kind '\(Escape.plain(text.value))'", at: text.location, fix: "write datacenter or branch")
                }
            }
            sites.append(
                Site(
                    id: id.value, name: site.string("name", diagnostics: &diagnostics)?.value ?? id.value, kind: kind,
                    hardware: site.string("hardware", diagnostics: &diagnostics)?.value,
                    partner: site.string("partner", diagnostics: &diagnostics)?.value, location: id.location))
        }
        for site in sites {
            if let partner = site.partner, !sites.contains(where: { $0.id == partner }) || partner == site.id {
                let hint = Spelling.suggestion(for: partner, among: sites.map(\.id).filter { $0 != site.id })
                diagnostics.error(
                    "site '\(Escape.plain(site.id))' names partner '\(Escape.plain(partner))', which is not another declared site",
                    at: site.location, fix: hint.map { "did you mean '\(Escape.plain($0))'?" })
            }
        }
        return sites
    }

    /// The name an engagement folder is recorded under: its engagement.yaml's `name:`, or the
    /// folder's name when the key is absent; nil when the folder has no readable engagement.yaml.
    public static func recordedName(of directory: String) -> String? {
        let url = URL(fileURLWithPath: directory).appendingPathComponent("engagement.yaml")
        guard let data = try? Data(contentsOf: url) else { return nil }
        var diagnostics = DiagnosticCollector()
        guard let file = YAMLFile.parse(data, shownAs: url.path, diagnostics: &diagnostics),
            let map = YAMLMap(file.root, in: file, what: "engagement.yaml", keys: keys, diagnostics: &diagnostics)
        else { return nil }
        return map.string("name", diagnostics: &diagnostics)?.value ?? url.deletingLastPathComponent().standardizedFileURL.lastPathComponent
    }

    /// The mapping rules of an engagement folder's engagement.yaml (for `nines import`).
    public static func mappingRules(in directory: String) throws -> MappingRules {
        let url = URL(fileURLWithPath: directory).appendingPathComponent("engagement.yaml")
        var diagnostics = DiagnosticCollector()
        let shown = EngagementLoader.shown(directory, "engagement.yaml")
        guard FileManager.default.fileExists(atPath: url.path) else { throw MissingInputError(path: shown, reason: "missing") }
        let file = try YAMLFile.load(contentsOf: url, shownAs: shown, diagnostics: &diagnostics)
        var rules = MappingRules()
        if let file, let map = YAMLMap(file.root, in: file, what: "engagement.yaml", keys: keys, diagnostics: &diagnostics) {
            rules = MappingRules.read(map, diagnostics: &diagnostics)
        }
        try diagnostics.throwIfErrors()
        return rules
    }
}
