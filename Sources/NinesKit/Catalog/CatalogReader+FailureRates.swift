extension CatalogReader {
    private static let rateKeys = [
        "host_failures_per_year", "host_repair_time", "common_cause_beta", "guest_crashes_per_year",
        "site_outages_per_year", "site_outage_duration", "site_disasters_per_year", "site_rebuild_time",
        "maintenance_windows_per_year", "maintenance_window_length", "electricity_per_kwh", "pue",
        "saas_outage_duration", "repair_crews", "component_failures_per_year", "component_masked_fraction",
        "noticeable_after",
    ]

    /// Reads failure-rates.yaml: one mapping of sourced values under `rates:`.
    mutating func readFailureRates(_ file: YAMLFile) -> FailureRates? {
        guard
            let top = YAMLMap(file.root, in: file, what: "failure-rates.yaml", keys: ["version", "rates"], diagnostics: &diagnostics)
        else { return nil }
        checkVersion(top)
        guard let map = top.map("rates", what: "rates", keys: Self.rateKeys + Self.provenanceKeys, diagnostics: &diagnostics) else {
            diagnostics.error("missing required key 'rates'", at: top.location)
            return nil
        }
        begin()
        let p = provenance(of: map)
        var ranges: [FailureRateInput: InputRange] = [:]
        /// A frequency: a number, or a range `low..likely..high` whose mean the model uses.
        func frequency(_ input: FailureRateInput, in domain: ClosedRange<Double>) -> Sourced<Double>? {
            guard let (text, provenance) = raw(map, input.rawValue, inherited: p) else { return nil }
            var record = ApplicationRecord(location: text.location)
            record.set(input.rawValue, text)
            guard let read = ImpactRangeReader.read(input.rawValue, in: record, domain: domain, diagnostics: &diagnostics) else {
                return nil
            }
            ranges[input] = read.range
            return Sourced(read.value, provenance)
        }
        let hostRate = frequency(.hostFailures, in: 0...1000)
        let repair = duration(map, "host_repair_time", inherited: p)
        let beta = number(map, "common_cause_beta", inherited: p, in: 0...1)
        let guest = frequency(.guestCrashes, in: 0...1000)
        let siteRate = frequency(.siteOutages, in: 0...1000)
        let siteLength = duration(map, "site_outage_duration", inherited: p)
        let disasterRate = frequency(.siteDisasters, in: 0...1)
        let rebuild = duration(map, "site_rebuild_time", inherited: p)
        let windows = number(map, "maintenance_windows_per_year", inherited: p, in: 0...365)
        let windowLength = duration(map, "maintenance_window_length", inherited: p)
        let electricity = number(map, "electricity_per_kwh", inherited: p, in: 0...10)
        let pue = number(map, "pue", inherited: p, in: 1...5)
        let saas = duration(map, "saas_outage_duration", inherited: p)
        let crews = number(map, "repair_crews", inherited: p, in: 1...2)
        let components = frequency(.componentFailures, in: 0...100)
        let masked = number(map, "component_masked_fraction", inherited: p, in: 0...1)
        let noticeable = duration(map, "noticeable_after", inherited: p)
        if let crews, crews.value != crews.value.rounded() {
            diagnostics.error("'repair_crews' must be 1 or 2", at: map.location(of: "repair_crews"))
        }
        end(kind: "failure-rates", id: "failure-rates", name: "Failure rates and durations")
        guard let hostRate, let repair, let beta, let guest, let siteRate, let siteLength, let disasterRate, let rebuild,
            let windows, let windowLength, let electricity, let pue, let saas, let crews, let components, let masked, let noticeable
        else { return nil }
        var rates = FailureRates(
            hostFailuresPerYear: hostRate, hostRepairTime: repair, commonCauseBeta: beta, guestCrashesPerYear: guest,
            siteOutagesPerYear: siteRate, siteOutageDuration: siteLength, siteDisastersPerYear: disasterRate,
            siteRebuildTime: rebuild, maintenanceWindowsPerYear: windows, maintenanceWindowLength: windowLength,
            electricityPerKWh: electricity, pue: pue, saasOutageDuration: saas, repairCrews: crews,
            componentFailuresPerYear: components, componentMaskedFraction: masked, noticeableAfter: noticeable)
        rates.ranges = ranges
        return rates
    }
}
