/// plan.json's figures of the decision under uncertainty: per application its tier shares,
/// confidence and regret; at the top the analysis (samples, seed, each range and its value of
/// information, the plan's spread); in `tco` the alternatives' spread.
extension PlanDocument {
    struct Uncertainty: Encodable {
        var samples, informationSamples: Int
        var seed: UInt64
        var method: String
        /// The expected value of perfect information on every range at once, a year.
        var expectedRegret, expectedRegretStandardError: Double
        var planCost: Spread
        var inputs: [Input]

        init(_ u: DecisionUncertainty) {
            samples = u.samples
            informationSamples = u.informationSamples
            seed = u.seed
            method =
                "Each range is a triangular distribution fitted to its 10th percentile, mode and 90th percentile (Trigen); the plan uses each range's mean; the draws are a Latin hypercube; the joint tier choice is re-run on every draw with the plan's pairs and prices"
            expectedRegret = Number.round(u.expectedRegret, 2)
            expectedRegretStandardError = Number.round(u.expectedRegretError, 2)
            planCost = Spread(u.planCost)
            inputs = u.inputs.map(Input.init)
        }
    }

    struct Spread: Encodable {
        var p10, p50, p90, mean: Double

        init(_ s: DecisionUncertainty.Spread) {
            mean = Number.round(s.mean, 2)
            p10 = Number.round(s.p10, 2)
            p50 = Number.round(s.p50, 2)
            p90 = Number.round(s.p90, 2)
        }
    }

    struct Input: Encodable {
        var application, key: String
        var low, likely, high, mean, minimum, maximum: Double
        var valueOfInformation: Double

        init(_ i: DecisionUncertainty.Input) {
            application = i.application
            key = i.key
            low = i.range.low
            likely = i.range.likely
            high = i.range.high
            mean = Number.round(i.range.mean, 6)
            minimum = Number.round(i.range.minimum, 6)
            maximum = Number.round(i.range.maximum, 6)
            valueOfInformation = Number.round(i.valueOfInformation, 2)
        }
    }
}

extension PlanDocument {
    /// The outage record's period and the prior's weight.
    struct Calibration: Encodable {
        var from, to, method: String
        var years, priorWeightYears: Double

        init(_ c: OutageCalibration) {
            from = String(c.from.formatted(.iso8601.year().month().day()))
            to = String(c.to.addingTimeInterval(-86_400).formatted(.iso8601.year().month().day()))
            years = Number.round(c.years, 6)
            priorWeightYears = c.priorWeightYears
            method =
                "Gamma-Poisson per application: the model's rate of its own noticeable unplanned incidents today is the prior mean, weighted as prior_weight_years of record; every tier's unplanned incident rates of the application are scaled by the posterior mean over the prior mean, before the tiers are chosen. modelled and calibrated: its own outages a year (incidents_per_year), and today end to end (downtime_minutes_per_year, total_cost); observed: the outages recorded for it"
        }
    }

    /// One application's record: modelled, observed (unplanned, over the period) and calibrated.
    struct Record: Encodable {
        var incidentsPerYear, downtimeMinutesPerYear: Double
        var incidents: Int?
        var factor: Double?
        var totalCost: Double?
    }
}

extension PlanDocument.Calibration: JSONValue {
    func write(to json: inout JSONText) {
        json.object { json in
            json.member("from", from)
            json.member("method", method)
            json.member("prior_weight_years", priorWeightYears)
            json.member("to", to)
            json.member("years", years)
        }
    }
}

extension PlanDocument.Record: JSONValue {
    func write(to json: inout JSONText) {
        json.object { json in
            json.member("downtime_minutes_per_year", downtimeMinutesPerYear)
            json.member("factor", factor)
            json.member("incidents", incidents)
            json.member("incidents_per_year", incidentsPerYear)
            json.member("total_cost", totalCost)
        }
    }
}

extension PlanDocument.Uncertainty: JSONValue {
    func write(to json: inout JSONText) {
        json.object { json in
            json.member("expected_regret", expectedRegret)
            json.member("expected_regret_standard_error", expectedRegretStandardError)
            json.member("information_samples", informationSamples)
            json.member("inputs", inputs)
            json.member("method", method)
            json.member("plan_cost", planCost)
            json.member("samples", samples)
            json.member("seed", seed)
        }
    }
}

extension PlanDocument.Spread: JSONValue {
    func write(to json: inout JSONText) {
        json.object { json in
            json.member("mean", mean)
            json.member("p10", p10)
            json.member("p50", p50)
            json.member("p90", p90)
        }
    }
}

extension PlanDocument.Input: JSONValue {
    func write(to json: inout JSONText) {
        json.object { json in
            json.member("application", application)
            json.member("high", high)
            json.member("key", key)
            json.member("likely", likely)
            json.member("low", low)
            json.member("maximum", maximum)
            json.member("mean", mean)
            json.member("minimum", minimum)
            json.member("value_of_information", valueOfInformation)
        }
    }
}
