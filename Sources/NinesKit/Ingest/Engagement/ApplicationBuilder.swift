/// Turns an application record into a validated `Application`, reporting every bad value.
public enum ApplicationBuilder {
    public static let keys = [
        "name", "business_unit", "notes", "current_tier", "hosting", "vendor_availability", "depends_on", "anti_affinity",
        "required_vms", "sla.availability", "sla.rto", "sla.rto_scope", "sla.rpo", "sla.service_hours", "sla.site_disaster",
        "impact.revenue_per_hour", "impact.users", "impact.loaded_cost_per_user_hour", "impact.salary_per_year",
        "impact.loading_factor", "impact.hours_per_year", "impact.productivity_loss", "impact.per_incident",
        "impact.penalty_per_hour", "impact.data_loss_per_hour", "impact.noticeable_after",
    ]

    public static func build(_ record: ApplicationRecord, diagnostics: inout DiagnosticCollector) -> Application? {
        for (key, location) in record.order
        where !keys.contains(key) && !key.hasPrefix("impact.curve.") && ImpactRangeReader.base(ofPart: key) == nil {
            let hint = Spelling.suggestion(for: key, among: keys)
            let rangePart = ImpactRangeReader.rangeable.contains { key.hasPrefix($0 + ".") }
            diagnostics.error(
                "unknown key '\(Escape.plain(key))' in application", at: location,
                fix: rangePart
                    ? "a range has low, likely and high"
                    : hint.map { "did you mean '\($0)'?" } ?? "see Catalog/examples/acme/applications.yaml")
        }
        guard let name = record.values["name"], !name.value.isEmpty else {
            diagnostics.error("application has no 'name'", at: record.location)
            return nil
        }
        guard InputValue.name(name, key: "name", diagnostics: &diagnostics) else { return nil }
        let errorsBefore = diagnostics.errors.count
        let sla = buildSLA(record, diagnostics: &diagnostics)
        let impact = buildImpact(record, diagnostics: &diagnostics)
        let hosting = buildHosting(record, diagnostics: &diagnostics)
        var currentTier: TierID?
        if let text = record.values["current_tier"] {
            currentTier = TierID(parsing: text.value)
            if currentTier == nil {
                diagnostics.error(
                    "unknown tier '\(Escape.plain(text.value))' in 'current_tier'", at: text.location,
                    fix: TierID.hint(for: text.value))
            }
        }
        var antiAffinity = false
        if let text = record.values["anti_affinity"] {
            if let flag = Bool(text.value.lowercased()) {
                antiAffinity = flag
            } else {
                diagnostics.error("'anti_affinity' is '\(Escape.plain(text.value))'", at: text.location, fix: "write true or false")
            }
        }
        let required = record.values["required_vms"].flatMap {
            InputValue.integer($0, key: "required_vms", in: 1...100_000, diagnostics: &diagnostics)
        }
        guard diagnostics.errors.count == errorsBefore, let sla, let impact, let hosting else { return nil }
        var application = Application(
            name: name.value, businessUnit: record.values["business_unit"]?.value, sla: sla, impact: impact,
            dependsOn: (record.lists["depends_on"] ?? []).map(\.value), hosting: hosting, currentTier: currentTier,
            location: name.location)
        application.antiAffinity = antiAffinity
        application.requiredVMs = required
        return application
    }

    private static func buildSLA(_ record: ApplicationRecord, diagnostics: inout DiagnosticCollector) -> SLA? {
        // A required key written with a typo is already reported as an unknown key.
        let misspelt = Set(
            record.order.map(\.0).filter { !keys.contains($0) }.compactMap { Spelling.suggestion(for: $0, among: keys) })
        func required(_ key: String) -> Located<String>? {
            if let value = record.values[key] { return value }
            if misspelt.contains(key) { return nil }
            diagnostics.error("application '\(Escape.plain(record.values["name"]?.value ?? "?"))' has no '\(key)'", at: record.location)
            return nil
        }
        let availability = required("sla.availability").flatMap {
            InputValue.percent($0, key: "sla.availability", diagnostics: &diagnostics)
        }
        if let availability, availability < 90 {
            diagnostics.warning(
                "'sla.availability' is \(Number.plain(availability))%, unusually low", at: record.values["sla.availability"]!.location)
        }
        let rto = required("sla.rto").flatMap { InputValue.duration($0, key: "sla.rto", diagnostics: &diagnostics) }
        let rpo = required("sla.rpo").flatMap { InputValue.duration($0, key: "sla.rpo", diagnostics: &diagnostics) }
        var hours = ServiceHours.always
        if let text = record.values["sla.service_hours"] {
            if let parsed = ServiceHours(parsing: text.value) {
                hours = parsed
            } else {
                diagnostics.error(
                    "'sla.service_hours' is '\(Escape.plain(text.value))'", at: text.location,
                    fix: "write 24x7 or a weekly window such as 'mon-fri 07:00-19:00'")
            }
        }
        var site = SLA.SiteDisaster.accept
        if let text = record.values["sla.site_disaster"] {
            if let parsed = SLA.SiteDisaster(rawValue: text.value.lowercased()) {
                site = parsed
            } else {
                diagnostics.error(
                    "'sla.site_disaster' is '\(Escape.plain(text.value))'", at: text.location, fix: "write survive, recover or accept")
            }
        }
        var scope = SLA.RTOScope.all
        if let text = record.values["sla.rto_scope"] {
            if let parsed = SLA.RTOScope(rawValue: text.value.lowercased()) {
                scope = parsed
            } else {
                diagnostics.error(
                    "'sla.rto_scope' is '\(Escape.plain(text.value))'", at: text.location,
                    fix: "write all (every failure must recover within the RTO) or hardware (host and component failures only)")
            }
        }
        guard let availability, let rto, let rpo else { return nil }
        var sla = SLA(availability: availability, rto: rto, rpo: rpo, serviceHours: hours, siteDisaster: site)
        sla.rtoScope = scope
        return sla
    }

    private static func buildImpact(_ record: ApplicationRecord, diagnostics: inout DiagnosticCollector) -> ImpactModel? {
        var impact = ImpactModel()
        func read(_ key: String, _ input: ImpactInput?, in domain: ClosedRange<Double> = 0...1e12) -> Double? {
            guard let read = ImpactRangeReader.read(key, in: record, domain: domain, diagnostics: &diagnostics) else { return nil }
            if let input, let range = read.range { impact.ranges[input] = range }
            return read.value
        }
        impact.revenuePerHour = read("impact.revenue_per_hour", .revenuePerHour) ?? 0
        impact.users = read("impact.users", .users, in: 0...10_000_000) ?? 0
        impact.productivityLoss = productivityLoss(record, diagnostics: &diagnostics, into: &impact)
        impact.perIncident = read("impact.per_incident", .perIncident) ?? 0
        impact.penaltyPerHour = read("impact.penalty_per_hour", .penaltyPerHour) ?? 0
        impact.dataLossPerHour = read("impact.data_loss_per_hour", .dataLossPerHour) ?? 0
        loadedCost(record, diagnostics: &diagnostics, into: &impact)
        if impact.users > 0 && impact.loadedCostPerUserHour == 0,
            let users = ImpactRangeReader.location(of: "impact.users", in: record)
        {
            diagnostics.warning(
                "'impact.users' is set but no user cost is given, so productivity costs nothing", at: users,
                fix: "add impact.loaded_cost_per_user_hour or impact.salary_per_year")
        }
        impact.curve = buildCurve(record, diagnostics: &diagnostics, into: &impact)
        impact.noticeableAfter = record.values["impact.noticeable_after"].flatMap {
            InputValue.duration($0, key: "impact.noticeable_after", diagnostics: &diagnostics)
        }
        return impact
    }

    /// The fraction of work lost: `0.5`, `50%`, or a range of fractions.
    private static func productivityLoss(
        _ record: ApplicationRecord, diagnostics: inout DiagnosticCollector, into impact: inout ImpactModel
    ) -> Double {
        let key = "impact.productivity_loss"
        if let text = record.values[key], !text.value.contains("..") {
            return InputValue.fraction(text, key: key, diagnostics: &diagnostics) ?? 0
        }
        guard let read = ImpactRangeReader.read(key, in: record, domain: 0...1, diagnostics: &diagnostics) else { return 0 }
        if let range = read.range { impact.ranges[.productivityLoss] = range }
        return read.value
    }

    /// The loaded cost of a user hour, given or from a salary (a salary's range scales to it:
    /// the fitted triangle scales with its percentiles).
    private static func loadedCost(_ record: ApplicationRecord, diagnostics: inout DiagnosticCollector, into impact: inout ImpactModel) {
        func read(_ key: String, in domain: ClosedRange<Double>) -> (value: Double, range: InputRange?)? {
            ImpactRangeReader.read(key, in: record, domain: domain, diagnostics: &diagnostics)
        }
        func plain(_ key: String, in domain: ClosedRange<Double>) -> Double? {
            record.values[key].flatMap { InputValue.number($0, key: key, in: domain, diagnostics: &diagnostics) }
        }
        let given = read("impact.loaded_cost_per_user_hour", in: 0...1e12)
        let salary = read("impact.salary_per_year", in: 0...1e12)
        let loading = plain("impact.loading_factor", in: 1...5) ?? 1.0
        let hours = plain("impact.hours_per_year", in: 1...8784) ?? 2080
        if let given {
            impact.loadedCostPerUserHour = given.value
            impact.ranges[.loadedCostPerUserHour] = given.range
            if salary != nil {
                diagnostics.error(
                    "give either 'impact.loaded_cost_per_user_hour' or 'impact.salary_per_year', not both",
                    at: ImpactRangeReader.location(of: "impact.salary_per_year", in: record)!)
            }
        } else if let salary {
            let scale = ImpactModel.loadedHourlyCost(salaryPerYear: 1, loadingFactor: loading, hoursPerYear: hours)
            impact.loadedCostPerUserHour = salary.value * scale
            impact.ranges[.loadedCostPerUserHour] = salary.range.flatMap {
                InputRange(low: $0.low * scale, likely: $0.likely * scale, high: $0.high * scale, domain: 0...1e12)
            }
        }
    }

    private static func buildCurve(
        _ record: ApplicationRecord, diagnostics: inout DiagnosticCollector, into impact: inout ImpactModel
    ) -> [ImpactModel.CurvePoint] {
        var points: [(point: ImpactModel.CurvePoint, range: InputRange?)] = []
        var seen = Set<String>()
        for (key, _) in record.order where key.hasPrefix("impact.curve.") {
            let base = ImpactRangeReader.base(ofPart: key) ?? key
            guard seen.insert(base).inserted, let location = ImpactRangeReader.location(of: base, in: record) else { continue }
            let durationText = String(base.dropFirst("impact.curve.".count))
            guard let duration = TimeSpan(parsing: durationText), duration.seconds > 0 else {
                diagnostics.error(
                    "curve point '\(Escape.plain(durationText))' is not a duration", at: location, fix: "write 1h, 4h, 24h")
                continue
            }
            guard let read = ImpactRangeReader.read(base, in: record, domain: 0...1000, diagnostics: &diagnostics) else { continue }
            points.append((.init(duration: duration, multiplier: read.value), read.range))
        }
        points.sort { $0.point.duration < $1.point.duration }
        for (index, point) in points.enumerated() where point.range != nil { impact.ranges[.curve(index)] = point.range }
        return points.map(\.point)
    }

    private static func buildHosting(_ record: ApplicationRecord, diagnostics: inout DiagnosticCollector) -> Application.Hosting? {
        let hosting = record.values["hosting"]?.value.lowercased() ?? "on-prem"
        let vendor = record.values["vendor_availability"]
        switch hosting {
        case "on-prem", "onprem", "on-premises":
            if let vendor { diagnostics.warning("'vendor_availability' applies only to hosting: saas", at: vendor.location) }
            return .onPremises
        case "saas":
            guard let vendor else {
                diagnostics.error(
                    "a SaaS application needs 'vendor_availability' (percent, from the vendor's SLA)",
                    at: record.values["hosting"]!.location)
                return nil
            }
            return InputValue.percent(vendor, key: "vendor_availability", diagnostics: &diagnostics).map { .saas(vendorAvailability: $0) }
        default:
            diagnostics.error(
                "'hosting' is '\(Escape.plain(hosting))'", at: record.values["hosting"]!.location, fix: "write on-prem or saas")
            return nil
        }
    }
}
