/// plan.json written with `JSONText`, members in sorted key order and spelled as the
/// `Encodable` conformances spell them (JSONEncoder's bytes are the tests' reference).
extension PlanDocument: JSONValue {
    /// Elements per slice of a long array, written on every core.
    static let slice = 256

    func write(to json: inout JSONText) {
        json.object { json in
            json.member("applications", applications, slices: Self.slice)
            json.member("calibration", calibration)
            json.member("engagement", engagement)
            json.member("pairs", pairs, slices: Self.slice)
            json.member("risk", risk)
            json.member("schema_version", schemaVersion)
            json.member("summary", summary)
            json.member("tco", tco)
            json.member("uncertainty", uncertainty)
            json.member("warnings", warnings)
        }
    }
}

extension PlanDocument.EngagementInfo: JSONValue {
    func write(to json: inout JSONText) {
        json.object { json in
            json.member("client", client)
            json.member("currency", currency)
            json.member("discount_rate_percent", discountRatePercent)
            json.member("growth_headroom_percent", growthHeadroomPercent)
            json.member("hardware", hardware)
            json.member("horizon_years", horizonYears)
            json.member("name", name)
            json.member("platform", platform)
            json.member("year", year)
            json.member("year_days", yearDays)
        }
    }
}

extension PlanDocument.Summary: JSONValue {
    func write(to json: inout JSONText) {
        json.object { json in
            json.member("added_protection", addedProtection)
            json.member("applications", applications)
            json.member("applications_per_tier", applicationsPerTier)
            json.member("choice", choice)
            json.member("disk_gib", diskGib)
            json.member("downtime_saved", downtimeSaved)
            json.member("exposure_after", exposureAfter)
            json.member("exposure_before", exposureBefore)
            json.member("investment", investment)
            json.member("net_saving", netSaving)
            json.member("pairs", pairs)
            json.member("pairs_lower_bound", pairsLowerBound)
            json.member("protected_vms", protectedVms)
            json.member("protection_after", protectionAfter)
            json.member("protection_before", protectionBefore)
            json.member("recommended_alternative", recommendedAlternative)
            json.member("used_disk_gib", usedDiskGib)
            json.member("used_disk_vms", usedDiskVms)
            json.member("vms", vms)
        }
    }
}

extension PlanDocument.Investment: JSONValue {
    func write(to json: inout JSONText) {
        json.object { json in
            json.member("alternative", alternative)
            json.member("capex", capex)
            json.member("exposure_with", exposureWith)
            json.member("name", name)
            json.member("net_yearly_saving", netYearlySaving)
            json.member("opex_per_year", opexPerYear)
            json.member("payback_months", orNull: paybackMonths)
            json.member("reconciliation", reconciliation)
        }
    }
}

extension PlanDocument.Investment.Line: JSONValue {
    func write(to json: inout JSONText) {
        json.object { json in
            json.member("item", item)
            json.member("per_year", perYear)
            json.member("present_value", presentValue)
        }
    }
}

extension PlanDocument.Risk: JSONValue {
    func write(to json: inout JSONText) {
        json.object { json in
            json.member("applications", applications, slices: PlanDocument.slice)
            json.member("estate", estate)
            json.member("method", method)
            json.member("seed", seed)
            json.member("trials", trials)
        }
    }
}

extension PlanDocument.ApplicationEntry: JSONValue {
    func write(to json: inout JSONText) {
        json.object { json in
            json.member("basis", basis)
            json.member("boot_wave", bootWave)
            json.member("business_unit", businessUnit)
            json.member("calibrated", calibrated)
            json.member("chosen", chosen)
            json.member("cost_per_hour", costPerHour)
            json.member("current", current)
            json.member("current_service", currentService)
            json.member("decision_confidence", decisionConfidence)
            json.member("expected_regret", expectedRegret)
            json.member("explanation", explanation)
            json.member("meets_sla", meetsSLA)
            json.member("modelled", modelled)
            json.member("name", name)
            json.member("observed", observed)
            json.member("options", options)
            json.member("service", service)
            json.member("sla", sla)
            json.member("tier_probabilities", tierProbabilities)
            json.member("vms", vms)
        }
    }
}

extension PlanDocument.Option: JSONValue {
    func write(to json: inout JSONText) {
        json.object { json in
            json.member("annual_cost", annualCost)
            json.member("availability_percent", availabilityPercent)
            json.member("data_loss", dataLoss)
            json.member("data_loss_cost", dataLossCost)
            json.member("downtime_cost", downtimeCost)
            json.member("failures", failures)
            json.member("feasible", feasible)
            json.member("incidents", incidents)
            json.member("planned_minutes_in_service", plannedMinutesInService)
            json.member("protection_cost", protectionCost)
            json.member("recovery_time", recoveryTime)
            json.member("tier", tier)
            json.member("total_cost", totalCost)
            json.member("unplanned_minutes_per_year", unplannedMinutesPerYear)
        }
    }
}

extension PlanDocument.Incident: JSONValue {
    func write(to json: inout JSONText) {
        json.object { json in
            json.member("data_loss_hours", dataLossHours)
            json.member("duration_minutes", durationMinutes)
            json.member("minutes_per_year", minutesPerYear)
            json.member("mode", mode)
            json.member("planned", planned)
            json.member("rate_per_year", ratePerYear)
        }
    }
}

extension PlanDocument.Service: JSONValue {
    func write(to json: inout JSONText) {
        json.object { json in
            json.member("availability_percent", availabilityPercent)
            json.member("data_loss_cost", dataLossCost)
            json.member("downtime_cost", downtimeCost)
            json.member("total_cost", totalCost)
            json.member("unplanned_minutes_per_year", unplannedMinutesPerYear)
        }
    }
}

extension PlanDocument.PairEntry: JSONValue {
    func write(to json: inout JSONText) {
        json.object { json in
            json.member("binding_dimension", bindingDimension)
            json.member("capacity", capacity)
            json.member("hardware", hardware)
            json.member("id", id)
            json.member("second_site", secondSite)
            json.member("site", site)
            json.member("storage_group_gib", storageGroupGib)
            json.member("used_disk_gib", usedDiskGib)
            json.member("used_memory_gib", usedMemoryGib)
            json.member("used_threads", usedThreads)
            json.member("utilization", utilization)
            json.member("vms", vms)
        }
    }
}

extension PlanDocument.Capacity: JSONValue {
    func write(to json: inout JSONText) {
        json.object { json in
            json.member("disk_gib", diskGib)
            json.member("memory_gib", memoryGib)
            json.member("threads", threads)
            json.member("vms", vms)
        }
    }
}

extension PlanDocument.Utilization: JSONValue {
    func write(to json: inout JSONText) {
        json.object { json in
            json.member("disk", disk)
            json.member("memory", memory)
            json.member("threads", threads)
            json.member("vms", vms)
        }
    }
}

extension PlanDocument.PairVM: JSONValue {
    func write(to json: inout JSONText) {
        json.object { json in
            json.member("application", application)
            json.member("footprint_gib", footprintGib)
            json.member("memory_gib", memoryGib)
            json.member("storage_gib", storageGib)
            json.member("threads", threads)
            json.member("tier", tier)
            json.member("vcpus", vcpus)
            json.member("vm", vm)
        }
    }
}

extension RiskReport.Distribution: JSONValue {
    func write(to json: inout JSONText) {
        json.object { json in
            json.member("analytic", analytic)
            json.member("mean", mean)
            json.member("name", name)
            json.member("p50", p50)
            json.member("p90", p90)
            json.member("p99", p99)
            json.member("standard_error", standardError)
        }
    }
}

extension PlanDocument.Choice: JSONValue {
    func write(to json: inout JSONText) {
        json.object { json in
            json.member("cost", cost)
            json.member("evaluations", evaluations)
            json.member("fixed_point", fixedPoint)
            json.member("gap_percent", gapPercent)
            json.member("lower_bound", lowerBound)
            json.member("missed_requirements", missedRequirements)
            json.member("proven", proven)
        }
    }
}

extension PlanDocument.SLAEntry: JSONValue {
    func write(to json: inout JSONText) {
        json.object { json in
            json.member("availability_percent", availabilityPercent)
            json.member("required_vms", requiredVms)
            json.member("rpo_seconds", rpoSeconds)
            json.member("rto_scope", rtoScope)
            json.member("rto_seconds", rtoSeconds)
            json.member("service_hours", serviceHours)
            json.member("site_disaster", siteDisaster)
        }
    }
}
