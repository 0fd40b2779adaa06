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
    /// Every entry with the facts read from it, in file order, for listings and reports.
    public var entries: [CatalogEntry]

    public func platform(_ id: String) -> PlatformSpec? { platforms.first { $0.id == id } }
    public func hardwareProfile(_ id: String) -> HardwareProfile? { hardware.first { $0.id == id } }
    public func tier(_ tier: LocalTier) -> TierSpec { tiers[tier]! }
    public func siteProtection(_ protection: SiteProtection) -> SiteProtectionSpec { siteProtections[protection]! }

    /// Finds an entry by id (`ft`, `everrun-enterprise`, `dl380-gen11`), or by `kind/id`.
    public func entry(_ id: String) -> CatalogEntry? {
        entries.first { $0.id == id || "\($0.kind)/\($0.id)" == id }
    }

    public static let fileNames = ["tiers.yaml", "platforms.yaml", "hardware.yaml", "failure-rates.yaml"]

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
        try reader.diagnostics.throwIfErrors()
        guard let tiers, let rates else {
            throw InputError("the catalog is incomplete", at: SourceLocation(file: directory.path))
        }
        return Catalog(
            directory: directory.path, tiers: tiers.local, siteProtections: tiers.site, platforms: platforms,
            hardware: hardware, failureRates: rates, entries: reader.entries)
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
