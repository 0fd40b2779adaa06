import Foundation

/// The defaults Nines reasons with, read from a catalog folder (tiers.yaml, platforms.yaml,
/// hardware.yaml, failure-rates.yaml). Every number carries its provenance.
public struct Catalog: Sendable {
    public var directory: String
    public var tiers: [LocalTier: TierSpec]
    public var siteProtections: [SiteProtection: SiteProtectionSpec]
    public var platforms: [PlatformSpec]
    public var hardware: [HardwareProfile]
    public var failureRates: FailureRates
    /// The cluster and pair alternatives a plan is costed against.
    public var alternatives: [AlternativeSpec]
    public var economics: AlternativeEconomics
    /// alternatives.yaml as read, so that an engagement's overrides can be applied to it.
    var alternativesText: String
    var alternativesPath: String
    /// Every entry with the facts read from it, in file order, for listings and reports.
    public var entries: [CatalogEntry]
    /// How the folder was found (`Catalog.find`); `.option` when loaded from a given folder.
    public var origin: ResourceFolder.Origin = .option
    /// The folder and how it was found, as `nines catalog show` and `plan` print it.
    public var folder: ResourceFolder { ResourceFolder(URL(fileURLWithPath: directory), origin: origin) }

    /// Why no catalog was found, and what to do.
    public static let notFound =
        "no catalog found; pass --catalog DIR, set NINES_CATALOG, or install Nines with scripts/install.sh PREFIX"

    public func platform(_ id: String) -> PlatformSpec? { platforms.first { $0.id == id } }

    /// The alternatives with an engagement's overrides applied (id → key → value); errors in
    /// the overrides are reported at their engagement.yaml line.
    public func alternatives(overriddenBy overrides: [String: [String: Located<String>]]) throws -> (
        [AlternativeSpec], AlternativeEconomics
    ) {
        guard !overrides.isEmpty else { return (alternatives, economics) }
        var reader = CatalogReader()
        guard let file = YAMLFile.parse(Data(alternativesText.utf8), shownAs: alternativesPath, diagnostics: &reader.diagnostics) else {
            try reader.diagnostics.throwIfErrors()
            return (alternatives, economics)
        }
        let (economics, specs) = reader.readAlternatives(file, overrides: overrides)
        try reader.diagnostics.throwIfErrors()
        return (specs, economics ?? self.economics)
    }
    public func hardwareProfile(_ id: String) -> HardwareProfile? { hardware.first { $0.id == id } }
    public func tier(_ tier: LocalTier) -> TierSpec { tiers[tier]! }
    public func siteProtection(_ protection: SiteProtection) -> SiteProtectionSpec { siteProtections[protection]! }

    /// Finds an entry by id (`ft`, `everrun-enterprise`, `dl380-gen11`), or by `kind/id`.
    public func entry(_ id: String) -> CatalogEntry? {
        entries.first { $0.id == id || "\($0.kind)/\($0.id)" == id }
    }

    public static let fileNames = ["tiers.yaml", "platforms.yaml", "hardware.yaml", "failure-rates.yaml", "alternatives.yaml"]

    /// Loads and validates a catalog folder, with `overrides` (engagement.yaml's
    /// `catalog_overrides:`) in place; every problem in every file is reported at once.
    public static func load(from directory: URL, overrides: [CatalogOverride] = []) throws -> Catalog {
        var reader = CatalogReader()
        var files: [String: YAMLFile] = [:]
        for name in fileNames {
            let url = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw MissingInputError(path: url.path, reason: "the catalog has no \(name)")
            }
            files[name] = try YAMLFile.load(contentsOf: url, shownAs: url.path, diagnostics: &reader.diagnostics)
            if var file = files[name], overrides.contains(where: { $0.file == name }) {
                CatalogOverride.apply(overrides, file: name, to: &file.root, diagnostics: &reader.diagnostics)
                files[name] = file
            }
        }
        let tiers = files["tiers.yaml"].flatMap { reader.readTiers($0) }
        let platforms = files["platforms.yaml"].map { reader.readPlatforms($0) } ?? []
        let hardware = files["hardware.yaml"].map { reader.readHardware($0) } ?? []
        let rates = files["failure-rates.yaml"].flatMap { reader.readFailureRates($0) }
        let (economics, alternatives) = files["alternatives.yaml"].map { reader.readAlternatives($0) } ?? (nil, [])
        // A value an override put in is judged like the catalog's own, and its problem is
        // reported at its engagement.yaml line. (A problem of the catalog's own file on the same
        // line number would move too: the shipped catalog has none.)
        for override in overrides {
            let file = directory.appendingPathComponent(override.file).path
            reader.diagnostics.move(from: override.readAt(file), to: override.location, prefix: "catalog_overrides: ")
        }
        for alternative in alternatives {
            if let id = alternative.platform, !platforms.contains(where: { $0.id == id }) {
                reader.diagnostics.error(
                    "alternative '\(alternative.id)' names unknown platform '\(Escape.plain(id))'",
                    at: SourceLocation(file: directory.appendingPathComponent("alternatives.yaml").path))
            }
        }
        try reader.diagnostics.throwIfErrors()
        guard let tiers, let rates, let economics else {
            throw InputError("the catalog is incomplete", at: SourceLocation(file: directory.path))
        }
        let alternativesURL = directory.appendingPathComponent("alternatives.yaml")
        return Catalog(
            directory: directory.path, tiers: tiers.local, siteProtections: tiers.site, platforms: platforms,
            hardware: hardware, failureRates: rates, alternatives: alternatives, economics: economics,
            alternativesText: (try? String(contentsOf: alternativesURL, encoding: .utf8)) ?? "", alternativesPath: alternativesURL.path,
            entries: reader.entries)
    }

    /// Where to find the catalog: `explicit` (`--catalog`), `$NINES_CATALOG`, `named`
    /// (engagement.yaml's `catalog:`), a `Catalog` folder beside or above the current folder,
    /// the engagement or the executable (a clone), then the installed `share/nines/Catalog`.
    public static func find(explicit: String?, named: URL? = nil, near paths: [String]) -> ResourceFolder? {
        if let explicit { return ResourceFolder(URL(fileURLWithPath: explicit), origin: .option) }
        if let env = ProcessInfo.processInfo.environment["NINES_CATALOG"], !env.isEmpty {
            return ResourceFolder(URL(fileURLWithPath: env), origin: .environment("NINES_CATALOG"))
        }
        if let named { return ResourceFolder(named, origin: .engagement) }
        if let found = ResourceFolder.lookUp("Catalog", holding: "tiers.yaml", from: ResourceFolder.repositoryStarts(near: paths)) {
            return ResourceFolder(found, origin: .repository)
        }
        if let share = ResourceFolder.installedShare?.appendingPathComponent("Catalog"),
            FileManager.default.fileExists(atPath: share.appendingPathComponent("tiers.yaml").path)
        {
            return ResourceFolder(share, origin: .installation)
        }
        return nil
    }

    /// The catalog folder's URL as `find` chooses it.
    public static func locate(explicit: String?, near paths: [String]) -> URL? {
        find(explicit: explicit, near: paths)?.url
    }
}
