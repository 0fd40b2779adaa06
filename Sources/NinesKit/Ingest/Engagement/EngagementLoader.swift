import Foundation

/// An engagement read and validated together with the catalog it was checked against.
public struct LoadedEngagement: Sendable {
    public var engagement: Engagement
    public var catalog: Catalog
    /// Problems that do not stop the run, in file and line order.
    public var warnings: [Diagnostic]
}

/// Reads an engagement folder (engagement.yaml, the inventory, the applications) and checks it
/// against the catalog. Every problem in every file is collected and thrown at once as an
/// `InputError`; nothing downstream runs on invalid input.
public enum EngagementLoader {
    /// - Parameters:
    ///   - directory: the engagement folder.
    ///   - catalogPath: a catalog folder that overrides the engagement's and the default one.
    public static func load(_ directory: String, catalogPath: String? = nil) throws -> LoadedEngagement {
        let folder = URL(fileURLWithPath: directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
            throw MissingInputError(path: directory, reason: "no such engagement folder (create one with `nines init \(directory)`)")
        }
        guard isDirectory.boolValue else {
            throw MissingInputError(
                path: directory,
                reason: "is a file, not an engagement folder; name the folder that holds it: \(containingFolder(of: directory))")
        }
        let settingsURL = folder.appendingPathComponent("engagement.yaml")
        guard FileManager.default.fileExists(atPath: settingsURL.path) else {
            throw MissingInputError(path: shown(directory, "engagement.yaml"), reason: "missing (create one with `nines init`)")
        }
        if EngagementBoundary(directory).firstEscape("engagement.yaml") != nil {
            throw InputError(
                "engagement.yaml is a symbolic link that leads outside the engagement folder; it was not read",
                at: SourceLocation(file: shown(directory, "engagement.yaml")), fix: "copy the file into the engagement folder")
        }
        var diagnostics = DiagnosticCollector()
        let settingsFile = try YAMLFile.load(
            contentsOf: settingsURL, shownAs: shown(directory, "engagement.yaml"), diagnostics: &diagnostics)
        guard let settingsFile,
            let settings = EngagementSettings.read(settingsFile, folderName: folder.lastPathComponent, diagnostics: &diagnostics)
        else {
            try diagnostics.throwIfErrors()
            throw InputError("engagement.yaml could not be read", at: SourceLocation(file: shown(directory, "engagement.yaml")))
        }
        let named = settings.catalog.map { folder.appendingPathComponent($0.value) }
        guard let catalogFolder = Catalog.find(explicit: catalogPath, named: named, near: [directory]) else {
            throw MissingInputError(path: "Catalog", reason: Catalog.notFound)
        }
        var catalog: Catalog
        do {
            catalog = try Catalog.load(from: catalogFolder.url, overrides: settings.catalogOverrides)
        } catch let error as InputError {
            // A catalog problem (an override naming no value, say) is reported with
            // engagement.yaml's own, in one pass.
            diagnostics.append(contentsOf: error.diagnostics)
            try diagnostics.throwIfErrors()
            throw error
        }
        catalog.origin = catalogFolder.origin
        let (imported, estate, applications, unbuilt) = try readInventoryAndApplications(settings, in: directory, diagnostics: &diagnostics)
        let overrides = try readOverrides(
            in: directory, workloads: imported, sites: settings.sites.map(\.id),
            applications: Set(applications.map(\.name)).union(unbuilt), diagnostics: &diagnostics)
        let workloads = InventoryOverrides.apply(overrides, to: imported)
        var engagement = Engagement(
            name: settings.name, client: settings.client, currency: settings.currency, year: settings.year,
            horizonYears: settings.horizonYears, discountRatePercent: settings.discountRatePercent,
            yearDays: settings.yearDays, platform: settings.platform.value, hardware: settings.hardware.value,
            sites: settings.sites, baselineTier: settings.baselineTier,
            growthHeadroomPercent: settings.growthHeadroomPercent, workloads: workloads, applications: applications,
            directory: directory)
        (engagement.currentHosts, engagement.currentClusters) = (estate.hosts, estate.clusters)
        engagement.overrides = overrides
        engagement.alternatives = settings.alternatives.map(\.value)
        engagement.alternativeOverrides = settings.alternativeOverrides
        engagement.cover = settings.cover
        engagement.networks = settings.networks
        engagement.cover.logo = settings.logo.flatMap { ReportCoverReader.logo($0, in: directory, diagnostics: &diagnostics) }
        for id in settings.alternatives where !catalog.alternatives.contains(where: { $0.id == id.value }) {
            diagnostics.error(
                "unknown alternative '\(Escape.plain(id.value))'", at: id.location,
                fix: "use one of: \(catalog.alternatives.map(\.id).joined(separator: ", "))")
        }
        for (id, values) in settings.alternativeOverrides.sorted(by: { $0.key < $1.key })
        where !catalog.alternatives.contains(where: { $0.id == id }) {
            diagnostics.error(
                "'alternative_overrides' names unknown alternative '\(Escape.plain(id))'",
                at: values.values.map(\.location).min() ?? settings.platform.location)
        }
        do {
            _ = try catalog.alternatives(overriddenBy: settings.alternativeOverrides)
        } catch let error as InputError {
            diagnostics.append(contentsOf: error.diagnostics)
        }
        engagement.incidentHistory = try settings.incidentHistory.flatMap {
            try readIncidentHistory($0, in: directory, engagement: engagement, diagnostics: &diagnostics)
        }
        EngagementValidator.validate(&engagement, settings: settings, catalog: catalog, unbuilt: unbuilt, diagnostics: &diagnostics)
        resolveApplicationDefaults(&engagement, catalog: catalog, diagnostics: &diagnostics)
        try diagnostics.throwIfErrors()
        return LoadedEngagement(engagement: engagement, catalog: catalog, warnings: diagnostics.warnings)
    }

    /// The folder that holds `path`, as a user would type it ("acme" for acme/engagement.yaml).
    public static func containingFolder(of path: String) -> String {
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }

    static func shown(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Resolves a file named in engagement.yaml inside the engagement folder; a path that is
    /// absolute, climbs out with `..`, or leads out through a symbolic link (checked on the
    /// real paths, before anything is read) is refused.
    static func resolve(_ name: Located<String>, in directory: String, diagnostics: inout DiagnosticCollector) -> (URL, String)? {
        let parts = name.value.split(separator: "/")
        guard !name.value.hasPrefix("/"), !parts.contains(".."), !name.value.isEmpty else {
            diagnostics.error(
                "'\(Escape.plain(name.value))' must be a path inside the engagement folder", at: name.location,
                fix: "copy the file into the engagement folder and name it relative to it")
            return nil
        }
        let url = URL(fileURLWithPath: directory).appendingPathComponent(name.value)
        if let outside = EngagementBoundary(directory).firstEscape(name.value) {
            diagnostics.error(
                "'\(Escape.plain(name.value))' leads outside the engagement folder through the symbolic link '\(Escape.plain(outside))'; it was not read",
                at: name.location, fix: "copy the file into the engagement folder instead of linking to it")
            return nil
        }
        return (url, shown(directory, name.value))
    }

    /// The inventory and the applications file, read side by side (they are independent); the
    /// inventory's error comes first when both fail.
    private static func readInventoryAndApplications(
        _ settings: EngagementSettings, in directory: String, diagnostics: inout DiagnosticCollector
    ) throws -> (workloads: [Workload], estate: TodayEstate, applications: [Application], unbuilt: Set<String>) {
        typealias Inventory = (workloads: [Workload], estate: TodayEstate, diagnostics: DiagnosticCollector)
        typealias Applications = (applications: [Application], unbuilt: Set<String>, diagnostics: DiagnosticCollector)
        let (inventory, applications) = Parallel.both(
            {
                Result<Inventory, any Error> {
                    var found = DiagnosticCollector()
                    var estate = TodayEstate()
                    let workloads = try readInventory(settings, in: directory, estate: &estate, diagnostics: &found)
                    return (workloads, estate, found)
                }
            },
            {
                Result<Applications, any Error> {
                    var found = DiagnosticCollector()
                    var unbuilt: Set<String> = []
                    let applications = try readApplications(settings.applications, in: directory, unbuilt: &unbuilt, diagnostics: &found)
                    return (applications, unbuilt, found)
                }
            })
        let (workloads, estate, inventoryDiagnostics) = try inventory.get()
        var (apps, unbuilt, applicationDiagnostics) = try applications.get()
        diagnostics.append(contentsOf: inventoryDiagnostics.diagnostics)
        diagnostics.append(contentsOf: applicationDiagnostics.diagnostics)
        if apps.isEmpty && applicationDiagnostics.hasErrors {
            // The applications file could not be read at all (one indentation error, say): the
            // VMs naming its applications are consequences of that error, not errors of their own.
            unbuilt.formUnion(workloads.map(\.application))
        }
        return (workloads, estate, apps, unbuilt)
    }

    private static func readInventory(
        _ settings: EngagementSettings, in directory: String, estate: inout TodayEstate, diagnostics: inout DiagnosticCollector
    ) throws -> [Workload] {
        let name = settings.inventory
        guard let (url, path) = resolve(name, in: directory, diagnostics: &diagnostics) else { return [] }
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw MissingInputError(path: path, reason: "the inventory named in engagement.yaml does not exist")
        }
        if url.pathExtension.lowercased() == "csv" {
            guard let table = try CSVTable.load(contentsOf: url, shownAs: path, diagnostics: &diagnostics) else { return [] }
            if let format = InventoryImporter.format(ofCSVHeader: table.header) {
                return try imported(path, format: format, settings: settings, estate: &estate, diagnostics: &diagnostics)
            }
            return InventoryCSVReader.read(table, diagnostics: &diagnostics)
        }
        guard let format = InventoryImporter.format(of: url) else {
            diagnostics.error(
                "inventory '\(Escape.plain(name.value))' is in no format Nines reads", at: name.location,
                fix:
                    "use a native inventory.csv, an RVTools .xlsx or CSV folder, .ovf/.ova, libvirt .xml, or an Azure Migrate / PowerCLI CSV"
            )
            return []
        }
        return try imported(path, format: format, settings: settings, estate: &estate, diagnostics: &diagnostics)
    }

    /// Imports a non-native inventory in place, applying the engagement's mapping rules.
    private static func imported(
        _ path: String, format: InventoryImporter.Format, settings: EngagementSettings, estate: inout TodayEstate,
        diagnostics: inout DiagnosticCollector
    ) throws -> [Workload] {
        let result: ImportResult
        do {
            result = try InventoryImporter.read([path], format: format, includePoweredOff: false)
        } catch {
            diagnostics.append(contentsOf: [error.diagnostic])
            return []
        }
        diagnostics.append(contentsOf: result.warnings)
        estate = TodayEstate(hosts: result.hosts, clusters: result.clusters)
        let (workloads, _, _) = settings.mapping.workloads(from: result.vms)
        return workloads
    }

    /// `overrides.csv` when the engagement has one (it is optional), checked against the inventory.
    private static func readOverrides(
        in directory: String, workloads: [Workload], sites: [String], applications: Set<String>,
        diagnostics: inout DiagnosticCollector
    ) throws -> [InventoryOverride] {
        let name = Located(InventoryOverrides.fileName, at: SourceLocation(file: shown(directory, InventoryOverrides.fileName)))
        let url = URL(fileURLWithPath: directory).appendingPathComponent(name.value)
        guard FileManager.default.fileExists(atPath: url.path),
            let (url, path) = resolve(name, in: directory, diagnostics: &diagnostics),
            let table = try CSVTable.load(contentsOf: url, shownAs: path, diagnostics: &diagnostics)
        else { return [] }
        return InventoryOverrides.read(table, workloads: workloads, sites: sites, applications: applications, diagnostics: &diagnostics)
    }

    /// The outage record named by `incident_history:`, checked against the applications and VMs.
    private static func readIncidentHistory(
        _ settings: IncidentHistoryReader.Settings, in directory: String, engagement: Engagement, diagnostics: inout DiagnosticCollector
    ) throws -> IncidentHistory? {
        guard let (url, path) = resolve(settings.file, in: directory, diagnostics: &diagnostics) else { return nil }
        guard FileManager.default.fileExists(atPath: url.path) else {
            diagnostics.error(
                "the incident history '\(Escape.plain(settings.file.value))' does not exist", at: settings.file.location,
                fix: "put the file in the engagement folder, or remove incident_history")
            return nil
        }
        guard let table = try CSVTable.load(contentsOf: url, shownAs: path, diagnostics: &diagnostics) else { return nil }
        let vms = Dictionary(engagement.workloads.map { ($0.name, $0.application) }, uniquingKeysWith: { first, _ in first })
        return IncidentHistoryReader.read(
            table, settings: settings, applications: engagement.applications.map(\.name), vms: vms, diagnostics: &diagnostics)
    }

    private static func readApplications(
        _ name: Located<String>, in directory: String, unbuilt: inout Set<String>, diagnostics: inout DiagnosticCollector
    ) throws -> [Application] {
        guard let (url, path) = resolve(name, in: directory, diagnostics: &diagnostics) else { return [] }
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw MissingInputError(path: path, reason: "the applications file named in engagement.yaml does not exist")
        }
        let records: [ApplicationRecord]
        switch url.pathExtension.lowercased() {
        case "yaml", "yml":
            guard let file = try YAMLFile.load(contentsOf: url, shownAs: path, diagnostics: &diagnostics) else { return [] }
            records = ApplicationsFileReader.records(yaml: file, diagnostics: &diagnostics)
        case "csv":
            guard let table = try CSVTable.load(contentsOf: url, shownAs: path, diagnostics: &diagnostics) else { return [] }
            records = ApplicationsFileReader.records(csv: table, diagnostics: &diagnostics)
        default:
            diagnostics.error("applications file must be .yaml or .csv", at: name.location)
            return []
        }
        let applications = records.compactMap { ApplicationBuilder.build($0, diagnostics: &diagnostics) }
        // An entry whose errors kept it from being built is still a name the inventory and the
        // dependencies may use: "unknown application" would only repeat its errors.
        let built = Set(applications.map(\.name))
        unbuilt = Set(records.compactMap { $0.values["name"]?.value }).subtracting(built)
        return applications
    }

    /// Sets what an application leaves to the catalog (`noticeable_after`) and checks what
    /// needs its VMs: `required_vms` must not exceed the VMs it has.
    static func resolveApplicationDefaults(_ engagement: inout Engagement, catalog: Catalog, diagnostics: inout DiagnosticCollector) {
        let counts = Dictionary(engagement.workloads.map { ($0.application, 1) }, uniquingKeysWith: +)
        for index in engagement.applications.indices {
            let app = engagement.applications[index]
            if app.impact.noticeableAfter == nil {
                engagement.applications[index].impact.noticeableAfter = catalog.failureRates.noticeableAfter.value
            }
            let vms = counts[app.name] ?? 0
            if let required = app.requiredVMs, !app.isSaaS, vms > 0, required > vms {
                diagnostics.error(
                    "'\(Escape.plain(app.name))' needs \(required) VMs running ('required_vms') but has \(vms) in the inventory",
                    at: app.location, fix: "lower required_vms to at most \(vms), or map more VMs to the application")
            }
        }
    }
}
