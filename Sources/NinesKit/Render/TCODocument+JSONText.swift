/// The TCO comparison written with `JSONText` (plan.json's `tco`), members in sorted key order
/// and spelled as the `Encodable` conformances spell them after snake_case conversion.
extension TCODocument: JSONValue {
    func write(to json: inout JSONText) {
        json.object { json in
            json.member("alternatives", alternatives)
            json.member("break_even", breakEven)
            json.member("currency", currency)
            json.member("discount_rate_percent", discountRatePercent)
            json.member("horizon_years", horizonYears)
            json.member("method", method)
            json.member("recommendation", recommendation)
            json.member("reference", reference)
            json.member("reference_pays_above", referencePaysAbove)
            json.member("sensitivity", sensitivity)
            json.member("uncertainty", uncertainty)
        }
    }
}

extension TCODocument.SpreadEntry: JSONValue {
    func write(to json: inout JSONText) {
        json.object { json in
            json.member("alternatives", alternatives)
            json.member("recommended_cheapest", recommendedCheapest)
        }
    }
}

extension TCODocument.SpreadEntry.Entry: JSONValue {
    func write(to json: inout JSONText) {
        json.object { json in
            json.member("cheapest", cheapest)
            json.member("id", id)
            json.member("npv", npv)
            json.member("yearly", yearly)
        }
    }
}

extension TCODocument.Alternative: JSONValue {
    func write(to json: inout JSONText) {
        json.object { json in
            json.member("capex", capex)
            json.member("data_loss", dataLoss)
            json.member("downtime_cost_per_year", downtimeCostPerYear)
            json.member("expected_downtime_minutes_per_year", expectedDowntimeMinutesPerYear)
            json.member("groups", groups)
            json.member("id", id)
            json.member("kind", kind)
            json.member("maintenance_minutes_per_year", maintenanceMinutesPerYear)
            json.member("name", name)
            json.member("nodes", nodes)
            json.member("notes", notes)
            json.member("npv", npv)
            json.member("opex_per_year", opexPerYear)
            json.member("recovery_effort", recoveryEffort)
            json.member("recovery_time", recoveryTime)
            json.member("total", total)
            json.member("years", years)
        }
    }
}

extension TCODocument.Year: JSONValue {
    func write(to json: inout JSONText) {
        json.object { json in
            json.member("capex", capex)
            json.member("cumulative", cumulative)
            json.member("downtime_cost", downtimeCost)
            json.member("opex", opex)
            json.member("present_value", presentValue)
            json.member("total", total)
            json.member("year", year)
        }
    }
}

extension AlternativeEvaluation.Capex: JSONValue {
    func write(to json: inout JSONText) {
        json.object { json in
            json.member("hardware", hardware)
            json.member("implementation", implementation)
            json.member("licenses", licenses)
            json.member("management", management)
            json.member("network", network)
            json.member("storage", storage)
        }
    }
}

extension AlternativeEvaluation.Opex: JSONValue {
    func write(to json: inout JSONText) {
        json.object { json in
            json.member("administration", administration)
            json.member("licenses", licenses)
            json.member("power_and_space", powerAndSpace)
            json.member("support", support)
        }
    }
}

extension TCOComparison.BreakEven: JSONValue {
    func write(to json: inout JSONText) {
        json.object { json in
            json.member("cheaper", cheaper)
            json.member("costlier", costlier)
            json.member("year", year)
        }
    }
}

extension TCOComparison.PaysAbove: JSONValue {
    func write(to json: inout JSONText) {
        json.object { json in
            json.member("against", against)
            json.member("always", always)
            json.member("cost_per_hour", costPerHour)
            json.member("never", never)
        }
    }
}

extension TCOComparison.SensitivityCase: JSONValue {
    func write(to json: inout JSONText) {
        json.object { json in
            json.member("factor", factor)
            json.member("multiplier", multiplier)
            json.member("npv", npv)
            json.member("ranking", ranking)
        }
    }
}

extension TCODocument.RecommendationEntry: JSONValue {
    func write(to json: inout JSONText) {
        json.object { json in
            json.member("alternative", alternative)
            json.member("cheaper_above", cheaperAbove)
            json.member("cheaper_below", cheaperBelow)
            json.member("flips", flips)
            json.member("holds_above", holdsAbove)
            json.member("holds_below", holdsBelow)
            json.member("margin", margin)
            json.member("runner_up", runnerUp)
        }
    }
}

extension TCODocument.RecommendationEntry.Flip: JSONValue {
    func write(to json: inout JSONText) {
        json.object { json in
            json.member("cheapest", cheapest)
            json.member("factor", factor)
            json.member("multiplier", multiplier)
        }
    }
}
