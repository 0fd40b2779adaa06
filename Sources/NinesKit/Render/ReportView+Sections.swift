extension ReportView {
    /// The executive summary: exposure before and after, the investment and its payback (every
    /// figure from `AssessmentFigures`).
    static func headline(_ assessment: Assessment, money: (Double) -> String) -> [Row2] {
        let f = assessment.figures
        var rows = [
            Row2(label: "Expected downtime cost today", value: money(f.exposureBefore) + " a year"),
            Row2(
                label: f.investment.map { "With the plan on \($0.name)" } ?? "With the plan",
                value: money(f.investment?.exposureWith ?? f.exposureAfter) + " a year"),
        ]
        if let investment = f.investment {
            rows.append(Row2(label: "Recommended platform (lowest cost in present value)", value: investment.name))
            rows.append(
                Row2(
                    label: "Investment",
                    value: money(investment.capex) + " once, " + money(investment.opexPerYear) + " a year"))
            let payback =
                investment.paybackMonths.map { $0 < 1 ? "under a month" : "\(Number.plain($0, maxFraction: 1)) months" }
                ?? "not from downtime savings alone"
            rows.append(Row2(label: "Payback (downtime cost saved, net of running costs)", value: payback))
        } else {
            rows.append(Row2(label: "Added hosting and protection", value: money(f.addedProtection) + " a year"))
        }
        return rows
    }

    static func summary(_ assessment: Assessment, money: (Double) -> String) -> [Row2] {
        let e = assessment.engagement
        let f = assessment.figures
        return [
            Row2(label: "Applications", value: "\(assessment.decisions.count)"),
            Row2(label: "VMs (powered on)", value: "\(e.workloads.filter(\.poweredOn).count)"),
            Row2(label: "Host pairs", value: "\(assessment.packing.pairs.count) (lower bound \(assessment.packing.lowerBound))"),
            Row2(label: "Expected downtime cost today", value: money(f.exposureBefore) + " / yr"),
            Row2(label: "Expected downtime cost with the plan on \(assessment.platform.name)", value: money(f.exposureAfter) + " / yr"),
            Row2(label: "Hosting and protection today", value: money(f.protectionBefore) + " / yr"),
            Row2(label: "Hosting and protection with the plan on \(assessment.platform.name)", value: money(f.protectionAfter) + " / yr"),
            Row2(label: "Net saving", value: money(f.netSaving) + " / yr"),
        ]
    }

    static func applicationRow(_ d: TierDecision, assessment: Assessment, money: (Double) -> String) -> ApplicationRow {
        var name = d.application.name
        if name == Application.unassigned {
            let vms = assessment.engagement.workloads(of: name)
            name += " (\(vms.count) VM\(vms.count == 1 ? "" : "s") at \(Set(vms.map(\.site)).sorted().joined(separator: ", ")))"
        }
        return ApplicationRow(
            name: name, costPerHour: money(d.application.impact.hourlyRate), before: d.current.label,
            after: d.chosen.label
                + (d.basis == .pinned ? " (pinned)" : ""),
            availabilityBefore: Number.plain(d.currentService.availabilityPercent, maxFraction: 4) + "%",
            availabilityAfter: Number.plain(d.service.availabilityPercent, maxFraction: 4) + "%",
            downtimeBefore: Number.downtime(minutes: d.currentService.unplannedMinutes),
            downtimeAfter: Number.downtime(minutes: d.service.unplannedMinutes), exposureBefore: money(d.currentService.totalCost),
            exposureAfter: money(d.service.totalCost), protection: money(d.chosen.protectionCost),
            p90: assessment.risk?.application(d.application.name).map { money($0.p90) } ?? "–",
            target: Number.plain(d.application.sla.availability) + "%",
            verdict: d.chosen.feasible
                ? "meets its SLA"
                : "misses " + Set(d.chosen.failures.map(\.requirement)).sorted().map(\.rawValue).joined(separator: ", "),
            flagged: d.basis == .noFeasibleTier || (d.basis == .saas && !d.chosen.feasible),
            confidence: assessment.plan.uncertainty?.outcome(for: d.application.name).map {
                UncertaintySectionView.percent($0.confidence)
            } ?? "")
    }

    static func pairRow(_ p: Pair) -> PairRow {
        let u = p.utilization
        func pct(_ x: Double) -> String { Number.plain(x * 100, maxFraction: 0) + "%" }
        return PairRow(
            id: p.id, site: p.isSplitSite ? "\(p.site) + \(p.secondSite)" : p.site, vms: "\(p.members.count)",
            memory:
                "\(Number.plain(p.usedMemoryGiB, maxFraction: 1)) / \(Number.plain(p.capacity.memoryGiB, maxFraction: 1)) GiB (\(pct(u.memory)))",
            threads: "\(Int(p.usedThreads)) / \(Int(p.capacity.threads)) (\(pct(u.threads)))",
            count: "\(p.members.count) / \(Int(p.capacity.vms)) (\(pct(u.vms)))",
            disk: p.capacity.diskGiB.isFinite
                ? "\(Number.grouped(p.usedDiskGiB)) / \(Number.grouped(p.capacity.diskGiB)) GiB (\(pct(u.disk)))"
                : "\(Number.grouped(p.usedDiskGiB)) GiB (no limit)",
            binding: u.binding.label,
            members: p.members.map { "\($0.vm) (\($0.tier.local.rawValue.uppercased()))" }.joined(separator: ", "))
    }

    static func riskRows(_ r: RiskReport, money: (Double) -> String) -> [RiskRow] {
        (r.applications.filter { ($0.analytic ?? 0) > 0 || $0.mean > 0 } + [r.estate]).map { d in
            RiskRow(
                name: d.name == "estate" ? "Estate" : d.name, expected: money(d.analytic ?? 0),
                mean: money(d.mean) + " ± " + money(d.standardError), p50: money(d.p50), p90: money(d.p90), p99: money(d.p99),
                estate: d.name == "estate")
        }
    }
}
