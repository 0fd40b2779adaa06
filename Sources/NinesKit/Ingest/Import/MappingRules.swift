/// Rules in engagement.yaml that map imported VMs to applications and sites by an attribute
/// (name, folder, annotation, cluster, datacenter, host, os, or `tag:NAME` for a custom
/// attribute) matched against a regular expression. The first matching rule that names an
/// application (or a site) wins; a VM no rule maps becomes its own application.
public struct MappingRules: Sendable {
    public struct Rule: Sendable {
        public var match: String
        public var pattern: String
        public var application: String?
        public var site: String?
        public var location: SourceLocation
        nonisolated(unsafe) var regex: Regex<AnyRegexOutput>
    }

    public var rules: [Rule]
    /// Site of VMs no rule places (nil: the VM's datacenter).
    public var defaultSite: String?

    public init(rules: [Rule] = [], defaultSite: String? = nil) {
        self.rules = rules
        self.defaultSite = defaultSite
    }

    static let attributes = ["name", "folder", "annotation", "cluster", "datacenter", "host", "os"]
    /// The keys of one rule under `mapping:`.
    static let keys = ["match", "pattern", "application", "site"]

    /// Reads `mapping:` from engagement.yaml.
    static func read(_ map: YAMLMap, diagnostics: inout DiagnosticCollector) -> MappingRules {
        var rules: [Rule] = []
        for entry in map.maps(
            "mapping", what: "mapping rule", keys: keys, diagnostics: &diagnostics)
        {
            guard let match = entry.string("match", required: true, diagnostics: &diagnostics),
                let pattern = entry.string("pattern", required: true, diagnostics: &diagnostics)
            else { continue }
            guard attributes.contains(match.value) || match.value.hasPrefix("tag:") else {
                diagnostics.error(
                    "'match' is '\(Escape.plain(match.value))'", at: match.location,
                    fix: "match one of: \(attributes.joined(separator: ", ")), or tag:ATTRIBUTE")
                continue
            }
            let application = entry.string("application", diagnostics: &diagnostics)?.value
            let site = entry.string("site", diagnostics: &diagnostics)?.value
            if application == nil && site == nil {
                diagnostics.error("a mapping rule needs 'application', 'site' or both", at: entry.location)
            }
            do {
                let regex = try Regex(pattern.value)
                rules.append(
                    Rule(
                        match: match.value, pattern: pattern.value, application: application, site: site, location: entry.location,
                        regex: regex))
            } catch {
                diagnostics.error("'pattern' is not a valid regular expression: \(error)", at: pattern.location)
            }
        }
        return MappingRules(rules: rules, defaultSite: map.string("default_site", diagnostics: &diagnostics)?.value)
    }

    /// The application and site of an imported VM, and the rules that set them (indices).
    public func map(_ vm: ImportedVM) -> (application: String?, site: String, applied: [Int]) {
        var application: String?
        var site: String?
        var applied: [Int] = []
        for (index, rule) in rules.enumerated() where application == nil || site == nil {
            guard let value = vm.attribute(rule.match), (try? rule.regex.firstMatch(in: value)) != nil else { continue }
            let setsApplication = application == nil && rule.application != nil
            let setsSite = site == nil && rule.site != nil
            if setsApplication { application = rule.application }
            if setsSite { site = rule.site }
            if setsApplication || setsSite { applied.append(index) }
        }
        return (application, site ?? defaultSite ?? (vm.datacenter.isEmpty ? "default" : vm.datacenter), applied)
    }

    /// Native workloads from imported VMs; unmapped VMs keep their own name as application.
    /// `matched[i]` counts the VMs whose application or site rule `i` set.
    public func workloads(from vms: [ImportedVM]) -> (workloads: [Workload], unmapped: [String], matched: [Int]) {
        var unmapped: [String] = []
        var matched = Array(repeating: 0, count: rules.count)
        let workloads = vms.map { vm in
            let (application, site, applied) = map(vm)
            for index in applied { matched[index] += 1 }
            if application == nil { unmapped.append(vm.name) }
            var workload = Workload(
                name: vm.name, application: application ?? vm.name, vcpus: vm.vcpus, memoryGiB: vm.memoryGiB, diskGiB: vm.diskGiB,
                os: vm.os, site: site, poweredOn: vm.poweredOn, location: vm.location)
            workload.disksGiB = vm.disksGiB
            workload.usedGiB = vm.usedGiB
            return workload
        }
        return (workloads, unmapped, matched)
    }
}
