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

    /// Loads and validates a catalog folder; every problem in every file is reported at once.
    public static func load(from directory: URL) throws -> Catalog {
        var reader = CatalogReader()
        var files: [String: YAMLFile] = [:]
        for name in fileNames {
            let url = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw MissingInputError(path: url.path, reason: "the catalog has no \(name)")
            }
            files[name] = try YAMLFile.load(contentsOf: url, shownAs: url.path, diagnostics: &reader.diagnostics)
        }
        let tiers = files["tiers.yaml"].flatMap { reader.readTiers($0) }
        let platforms = files["platforms.yaml"].map { reader.readPlatforms($0) } ?? []
        let hardware = files["hardware.yaml"].map { reader.readHardware($0) } ?? []
        let rates = files["failure-rates.yaml"].flatMap { reader.readFailureRates($0) }
        let (economics, alternatives) = files["alternatives.yaml"].map { reader.readAlternatives($0) } ?? (nil, [])
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

    /// Where to find the catalog when none is given: `$NINES_CATALOG`, `./Catalog`, then a
    /// `Catalog` folder beside or above the engagement and the executable.
    public static func locate(explicit: String?, near paths: [String]) -> URL? {
        if let explicit { return URL(fileURLWithPath: explicit) }
        if let env = ProcessInfo.processInfo.environment["NINES_CATALOG"] { return URL(fileURLWithPath: env) }
        var candidates = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        candidates += paths.map { URL(fileURLWithPath: $0).standardizedFileURL }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath())
        for start in candidates {
            var folder = start
            for _ in 0..<8 {
                let candidate = folder.appendingPathComponent("Catalog")
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("tiers.yaml").path) {
                    return candidate
                }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        return nil
    }
}
