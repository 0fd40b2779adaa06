/// Checks that go across files: ids against the catalog, VMs against sites and applications,
/// dependencies against applications (unknown names and cycles).
enum EngagementValidator {
    /// `unbuilt`: applications whose entries had errors (already reported); VMs and
    /// dependencies naming them are not reported again.
    static func validate(
        _ engagement: inout Engagement, settings: EngagementSettings, catalog: Catalog, unbuilt: Set<String> = [],
        diagnostics: inout DiagnosticCollector
    ) {
        let platform = checkCatalogIDs(settings, catalog: catalog, diagnostics: &diagnostics)
        var names: [String: SourceLocation] = [:]
        var spellings: [String: String] = [:]
        for app in engagement.applications {
            if let first = names[app.name] {
                diagnostics.error(
                    "application '\(Escape.plain(app.name))' is defined twice (first at line \(first.line))", at: app.location)
            } else if let other = spellings[app.name.lowercased()], let first = names[other] {
                diagnostics.error(
                    "applications '\(Escape.plain(other))' and '\(Escape.plain(app.name))' differ only in case (first at line \(first.line))",
                    at: app.location, fix: "give each application one spelling, in the applications file and the inventory")
            }
            names[app.name] = names[app.name] ?? app.location
            spellings[app.name.lowercased()] = spellings[app.name.lowercased()] ?? app.name
        }
        // An inventory that could not be read leaves no VMs: "no VM" would only repeat its error.
        let inventoryUnread = engagement.workloads.isEmpty && diagnostics.hasErrors
        checkWorkloads(&engagement, names: names, unbuilt: unbuilt, platform: platform, diagnostics: &diagnostics)
        for app in engagement.applications {
            for dependency in app.dependsOn where names[dependency] == nil && !unbuilt.contains(dependency) {
                let hint = Spelling.suggestion(for: dependency, among: Array(names.keys))
                diagnostics.error(
                    "'\(Escape.plain(app.name))' depends on unknown application '\(Escape.plain(dependency))'", at: app.location,
                    fix: hint.map { "did you mean '\($0)'?" })
            }
            let vms = engagement.workloads(of: app.name)
            if vms.isEmpty && !app.isSaaS && !inventoryUnread {
                diagnostics.warning("application '\(Escape.plain(app.name))' has no powered-on VM in the inventory", at: app.location)
            }
            if !vms.isEmpty && app.isSaaS {
                diagnostics.warning(
                    "SaaS application '\(Escape.plain(app.name))' also has VMs in the inventory; they are not planned", at: app.location)
            }
        }
        for cycle in DependencyGraph(engagement.applications).cycles() {
            let first = engagement.applications.first { $0.name == cycle[0] }!
            diagnostics.error(
                "dependency cycle: \(cycle.map(Escape.plain).joined(separator: " → ")) → \(Escape.plain(cycle[0]))",
                at: first.location, fix: "an application cannot depend on itself, directly or through others")
        }
    }

    private static func checkCatalogIDs(_ settings: EngagementSettings, catalog: Catalog, diagnostics: inout DiagnosticCollector)
        -> PlatformSpec?
    {
        let platform = catalog.platform(settings.platform.value)
        if platform == nil {
            diagnostics.error(
                "unknown platform '\(Escape.plain(settings.platform.value))'", at: settings.platform.location,
                fix: "use one of: \(catalog.platforms.map(\.id).joined(separator: ", "))")
        }
        var hardwareIDs = [Located(settings.hardware.value, at: settings.hardware.location)]
        hardwareIDs += settings.sites.compactMap { site in site.hardware.map { Located($0, at: site.location) } }
        for id in hardwareIDs where catalog.hardwareProfile(id.value) == nil {
            diagnostics.error(
                "unknown hardware profile '\(Escape.plain(id.value))'", at: id.location,
                fix: "use one of: \(catalog.hardware.map(\.id).joined(separator: ", "))")
        }
        return platform
    }

    private static func checkWorkloads(
        _ engagement: inout Engagement, names: [String: SourceLocation], unbuilt: Set<String>, platform: PlatformSpec?,
        diagnostics: inout DiagnosticCollector
    ) {
        var unmapped: [Workload] = []
        var undeclared: [String: [Workload]] = [:]
        for vm in engagement.workloads {
            guard let site = engagement.site(vm.site) else {
                undeclared[vm.site, default: []].append(vm)
                continue
            }
            if names[vm.application] == nil && !unbuilt.contains(vm.application) {
                if vm.application == vm.name {
                    unmapped.append(vm)
                } else {
                    let hint = Spelling.suggestion(for: vm.application, among: Array(names.keys))
                    diagnostics.error(
                        "VM '\(Escape.plain(vm.name))' belongs to unknown application '\(Escape.plain(vm.application))'", at: vm.location,
                        fix: hint.map { "did you mean '\(Escape.plain($0))'?" }
                            ?? "add it to the applications file, or leave 'application' empty to treat the VM as its own application")
                }
            }
            if let tier = vm.pinnedTier {
                if let platform, tier.local.runsOnPair, !platform.supports.contains(tier.local) {
                    diagnostics.error(
                        "VM '\(Escape.plain(vm.name))' is pinned to \(tier), which platform '\(platform.id)' does not offer",
                        at: vm.location)
                }
                if tier.site != .none && site.partner == nil {
                    diagnostics.error(
                        "VM '\(Escape.plain(vm.name))' is pinned to \(tier), but site '\(Escape.plain(site.id))' has no partner site",
                        at: vm.location, fix: "set 'partner:' on the site in engagement.yaml")
                }
            }
        }
        for (site, vms) in undeclared.sorted(by: { $0.value[0].location < $1.value[0].location }) {
            diagnostics.append(contentsOf: [UndeclaredSite(site: site, vms: vms, declared: engagement.sites.map(\.id)).diagnostic])
        }
        guard !unmapped.isEmpty else { return }
        // One group, never one application per VM: an export of 763 VMs with 616 unmapped
        // would otherwise become 616 rows of the deliverable.
        let group = Application.unassigned
        let names = Set(unmapped.map(\.name))
        var workloads = engagement.workloads
        for index in workloads.indices where names.contains(workloads[index].name) { workloads[index].application = group }
        engagement.workloads = workloads
        let defined = engagement.applications.contains { $0.name == group }
        if !defined {
            engagement.applications.append(
                Application(
                    name: group, sla: SLA(availability: 99, rto: .hours(168), rpo: .hours(168)), impact: ImpactModel(),
                    location: unmapped[0].location))
        }
        let list = unmapped.prefix(10).map { Escape.plain($0.name) }.joined(separator: ", ")
        let sites = Set(unmapped.map(\.site)).sorted().joined(separator: ", ")
        diagnostics.warning(
            "\(unmapped.count) VM(s) at \(sites) belong to no application and are planned together as '\(group)'"
                + (defined ? "" : " (backup tier, no downtime cost)") + ": \(list)\(unmapped.count > 10 ? ", …" : "")",
            at: unmapped[0].location,
            fix: defined
                ? "fill the 'application' column to plan them with their applications"
                : "fill the 'application' column, or define an application named '\(group)' to give them an SLA and impact")
    }
}
