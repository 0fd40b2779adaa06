import Foundation
import GRDB

extension AssessmentStore {
    /// Records a plan as a new assessment; returns its id.
    @discardableResult
    public func record(_ assessment: Assessment, inputs: [InputDigest], catalog: [InputDigest], recordedAt: Date = Date())
        throws(StoreError) -> Int64
    {
        let snapshot = AssessmentSnapshot(assessment, inputs: inputs, catalog: catalog, recordedAt: recordedAt)
        return try write { db in try snapshot.insert(db) }
    }

    /// Assessments, newest first, optionally of one engagement.
    public func history(engagement: String? = nil) throws(StoreError) -> [AssessmentRow] {
        try read { db in
            var request = AssessmentRow.order(AssessmentRow.Columns.recordedAt.desc, AssessmentRow.Columns.id.desc)
            if let engagement { request = request.filter(AssessmentRow.Columns.engagement == engagement) }
            return try request.fetchAll(db)
        }
    }

    public func assessment(_ id: Int64) throws(StoreError) -> AssessmentDetail? {
        try read { db in
            guard let row = try AssessmentRow.fetchOne(db, key: id) else { return nil }
            return AssessmentDetail(
                row: row,
                applications: try ApplicationResultRow.filter(ApplicationResultRow.Columns.assessmentId == id).order(
                    ApplicationResultRow.Columns.name
                ).fetchAll(db),
                vms: try VMResultRow.filter(VMResultRow.Columns.assessmentId == id).fetchAll(db),
                tco: try TCOResultRow.filter(TCOResultRow.Columns.assessmentId == id).fetchAll(db),
                inputs: try ApplicationInputRow.filter(ApplicationInputRow.Columns.assessmentId == id).order(
                    ApplicationInputRow.Columns.name
                ).fetchAll(db),
                catalogValues: try CatalogValueRow.fetchAll(
                    db, sql: "SELECT entry, key, value FROM catalog_value WHERE assessment_id = ? ORDER BY entry, key", arguments: [id]),
                files: try InputFileRow.fetchAll(
                    db, sql: "SELECT path, sha256 FROM input_file WHERE assessment_id = ? ORDER BY path", arguments: [id]))
        }
    }

    /// The latest assessment of an engagement, if any; with `excluding`, the latest whose inputs
    /// or catalog differ from that one's (a re-run of the same inputs is the same assessment).
    public func latest(engagement: String, excluding current: AssessmentRow? = nil) throws(StoreError) -> AssessmentDetail? {
        let rows = try history(engagement: engagement)
        let match = rows.first { row in
            guard let current else { return true }
            return row.inputDigest != current.inputDigest || row.catalogDigest != current.catalogDigest
        }
        guard let id = match?.id else { return nil }
        return try assessment(id)
    }
}

/// An assessment with its per-application, per-VM and TCO rows.
public struct AssessmentDetail: Sendable, Hashable {
    public var row: AssessmentRow
    public var applications: [ApplicationResultRow]
    public var vms: [VMResultRow]
    public var tco: [TCOResultRow]
    /// SLA and impact figures per application (empty for assessments recorded before they were).
    public var inputs: [ApplicationInputRow] = []
    public var catalogValues: [CatalogValueRow] = []
    public var files: [InputFileRow] = []
}

/// A plan flattened into the rows it is recorded as.
struct AssessmentSnapshot: Sendable {
    var row: AssessmentRow
    var inputs: [InputDigest]
    var catalogValues: [(entry: String, key: String, value: String, source: String?, assumption: Bool)]
    var applications: [ApplicationResultRow]
    var vms: [VMResultRow]
    var pairs: [(pair: String, site: String, second: String, vms: Int, memory: Double, threads: Double, binding: String)]
    var tco: [TCOResultRow]
    var applicationInputs: [ApplicationInputRow]

    static let version = "0.1.0"

    init(_ assessment: Assessment, inputs: [InputDigest], catalog: [InputDigest], recordedAt: Date) {
        let e = assessment.engagement
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        row = AssessmentRow(
            id: nil, engagement: e.name, client: e.client, recordedAt: formatter.string(from: recordedAt), assessmentYear: e.year,
            currency: e.currency, inputDigest: InputDigest.combined(inputs), catalogDigest: InputDigest.combined(catalog),
            applications: assessment.decisions.count, vms: e.workloads.filter(\.poweredOn).count, pairs: assessment.packing.pairs.count,
            pairsLowerBound: assessment.packing.lowerBound, exposureBefore: assessment.figures.exposureBefore,
            exposureAfter: assessment.figures.exposureAfter,
            protectionBefore: assessment.figures.protectionBefore, protectionAfter: assessment.figures.protectionAfter,
            ninesVersion: Self.version,
            estateP90: assessment.risk?.estate.p90)
        self.inputs = inputs + catalog.map { InputDigest(path: "catalog/" + $0.path, sha256: $0.sha256, bytes: $0.bytes) }
        catalogValues = assessment.catalog.entries.flatMap { entry in
            entry.facts.map { ("\(entry.kind)/\(entry.id)", $0.key, $0.value, $0.provenance.source, $0.provenance.assumption) }
        }
        applications = assessment.decisions.map { d in
            ApplicationResultRow(
                assessmentId: 0, name: d.application.name, businessUnit: d.application.businessUnit, tierCurrent: d.current.label,
                tierChosen: d.chosen.label, basis: d.basis.rawValue, availabilityPercent: d.service.availabilityPercent,
                downtimeMinutes: d.service.unplannedMinutes, downtimeCost: d.service.totalCost, protectionCost: d.chosen.protectionCost)
        }
        applicationInputs = assessment.decisions.map { d in
            let app = d.application
            return ApplicationInputRow(
                assessmentId: 0, name: app.name, availabilityPercent: app.sla.availability, rtoSeconds: app.sla.rto.seconds,
                rpoSeconds: app.sla.rpo.seconds, siteDisaster: app.sla.siteDisaster.rawValue, costPerHour: app.impact.hourlyRate,
                perIncident: app.impact.perIncident, dataLossPerHour: app.impact.dataLossPerHour, requiredVms: app.requiredVMs)
        }
        var pairOf: [String: String] = [:]
        for pair in assessment.packing.pairs { for member in pair.members { pairOf[member.vm] = pair.id } }
        let tierOf = Dictionary(uniqueKeysWithValues: assessment.decisions.map { ($0.application.name, $0.chosen.label) })
        vms = e.workloads.filter(\.poweredOn).map { vm in
            VMResultRow(
                assessmentId: 0, name: vm.name, application: vm.application, vcpus: vm.vcpus, memoryGib: vm.memoryGiB, diskGib: vm.diskGiB,
                site: vm.site, tier: tierOf[vm.application] ?? "", pair: pairOf[vm.name])
        }
        pairs = assessment.packing.pairs.map {
            ($0.id, $0.site, $0.secondSite, $0.members.count, $0.usedMemoryGiB, $0.usedThreads, $0.bindingLimit.rawValue)
        }
        tco = (assessment.tco?.alternatives ?? []).map { a in
            TCOResultRow(
                assessmentId: 0, alternative: a.id, nodes: a.sizing.nodes, capex: a.capex.total, opexPerYear: a.opex.total,
                downtimeCostPerYear: a.downtimeCostPerYear, total: a.total, npv: a.npv)
        }
    }

    func insert(_ db: Database) throws -> Int64 {
        var row = row
        try row.insert(db)
        let id = row.id!
        // One prepared statement per table, bound row by row: a 100,000-VM plan records in a
        // fraction of the time GRDB's per-record encoding takes.
        let inputStatement = try db.cachedStatement(
            sql: "INSERT INTO input_file (assessment_id, path, sha256, bytes) VALUES (?, ?, ?, ?)")
        for input in inputs {
            try inputStatement.execute(arguments: [id, input.path, input.sha256, input.bytes])
        }
        let valueStatement = try db.cachedStatement(
            sql: "INSERT INTO catalog_value (assessment_id, entry, key, value, source, assumption) VALUES (?, ?, ?, ?, ?, ?)")
        for value in catalogValues {
            try valueStatement.execute(arguments: [id, value.entry, value.key, value.value, value.source, value.assumption])
        }
        let applicationStatement = try db.cachedStatement(
            sql: """
                INSERT INTO application_result (assessment_id, name, business_unit, tier_current, tier_chosen, basis, \
                availability_percent, downtime_minutes, downtime_cost, protection_cost) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for a in applications {
            try applicationStatement.execute(arguments: [
                id, a.name, a.businessUnit, a.tierCurrent, a.tierChosen, a.basis, a.availabilityPercent, a.downtimeMinutes,
                a.downtimeCost, a.protectionCost,
            ])
        }
        let vmStatement = try db.cachedStatement(
            sql: """
                INSERT INTO vm_result (assessment_id, name, application, vcpus, memory_gib, disk_gib, site, tier, pair) \
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for vm in vms {
            try vmStatement.execute(arguments: [id, vm.name, vm.application, vm.vcpus, vm.memoryGib, vm.diskGib, vm.site, vm.tier, vm.pair])
        }
        let pairStatement = try db.cachedStatement(
            sql:
                "INSERT INTO pair_result (assessment_id, pair, site, second_site, vms, memory_gib, threads, binding) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        )
        for pair in pairs {
            try pairStatement.execute(arguments: [id, pair.pair, pair.site, pair.second, pair.vms, pair.memory, pair.threads, pair.binding])
        }
        for var result in tco {
            result.assessmentId = id
            try result.insert(db)
        }
        for var input in applicationInputs {
            input.assessmentId = id
            try input.insert(db)
        }
        return id
    }
}
