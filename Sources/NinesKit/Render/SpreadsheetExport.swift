/// The CSV files of a plan for spreadsheets: applications.csv, vms.csv, pairs.csv, tco.csv.
/// RFC 4180, CRLF line ends, and every cell from the input neutralised so a spreadsheet cannot
/// run it as a formula (see `Escape.csv`).
public enum SpreadsheetExport {
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(Escape.csv).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func n(_ value: Double, _ places: Int = 2) -> String { Number.plain(value, maxFraction: places) }

    public static func files(_ assessment: Assessment) -> [String: String] {
        var files = [
            "applications.csv": applications(assessment), "vms.csv": vms(assessment), "pairs.csv": pairs(assessment),
        ]
        if let comparison = assessment.tco { files["tco.csv"] = tco(comparison) }
        return files
    }

    static func applications(_ assessment: Assessment) -> String {
        let header = [
            "application", "business_unit", "tier_today", "tier_planned", "basis", "cost_per_hour", "availability_today_percent",
            "availability_planned_percent", "downtime_minutes_today", "downtime_minutes_planned", "downtime_cost_today",
            "downtime_cost_planned", "protection_cost_planned", "p90_loss",
        ]
        let rows = assessment.decisions.map { d in
            [
                d.application.name, d.application.businessUnit ?? "", d.current.label, d.chosen.label, d.basis.rawValue,
                n(d.application.impact.hourlyRate), n(d.currentService.availabilityPercent, 6), n(d.service.availabilityPercent, 6),
                n(d.currentService.unplannedMinutes, 3), n(d.service.unplannedMinutes, 3), n(d.currentService.totalCost),
                n(d.service.totalCost), n(d.chosen.protectionCost),
                assessment.risk?.application(d.application.name).map { n($0.p90) } ?? "",
            ]
        }
        return table(header, rows)
    }

    static func vms(_ assessment: Assessment) -> String {
        var pairOf: [String: String] = [:]
        for pair in assessment.packing.pairs { for member in pair.members { pairOf[member.vm] = pair.id } }
        let tierOf = Dictionary(uniqueKeysWithValues: assessment.decisions.map { ($0.application.name, $0.chosen.label) })
        let rows = assessment.engagement.workloads.map { vm in
            [
                vm.name, vm.application, String(vm.vcpus), n(vm.memoryGiB, 3), n(vm.diskGiB, 3), vm.os, vm.site,
                vm.poweredOn ? "poweredOn" : "poweredOff", vm.poweredOn ? tierOf[vm.application] ?? "" : "", pairOf[vm.name] ?? "",
            ]
        }
        return table(["vm", "application", "vcpus", "memory_gib", "disk_gib", "os", "site", "power_state", "tier", "pair"], rows)
    }

    static func pairs(_ assessment: Assessment) -> String {
        let rows = assessment.packing.pairs.map { p in
            let u = p.utilization
            // New columns go last, so a spreadsheet reading the first ones by position still works.
            return [
                p.id, p.site, p.secondSite, p.hardware, String(p.members.count), n(p.usedMemoryGiB, 3), n(p.capacity.memoryGiB, 3),
                n(p.usedThreads, 0), n(p.capacity.threads, 0), n(u.memory, 4), n(u.threads, 4), n(u.vms, 4), u.binding.rawValue,
                n(p.usedDiskGiB, 3), p.capacity.diskGiB.isFinite ? n(p.capacity.diskGiB, 3) : "", n(u.disk, 4),
            ]
        }
        return table(
            [
                "pair", "site", "second_site", "hardware", "vms", "memory_gib", "memory_capacity_gib", "threads", "threads_capacity",
                "memory_utilization", "threads_utilization", "vm_slot_utilization", "binding", "disk_gib", "disk_capacity_gib",
                "disk_utilization",
            ], rows)
    }

    static func tco(_ tco: TCOComparison) -> String {
        let rows = tco.alternatives.flatMap { e in
            e.years.map { y in
                [
                    e.id, String(y.year), n(y.capex), n(y.opex), n(y.downtimeCost), n(y.total), n(y.cumulative), n(e.npv),
                    String(e.sizing.nodes),
                ]
            }
        }
        return table(["alternative", "year", "capex", "opex", "downtime_cost", "total", "cumulative", "npv", "nodes"], rows)
    }
}
