/// What changed between two assessments: exposure, tier moves, applications and VMs added or
/// removed, pairs, TCO.
public struct AssessmentComparison: Sendable, Hashable, Encodable {
    public struct TierMove: Sendable, Hashable, Encodable {
        public var application: String
        public var from: String
        public var to: String
    }

    /// An alternative's net present value over the horizon, expected downtime included (the
    /// ranking's basis), before and after.
    public struct TCOChange: Sendable, Hashable, Encodable {
        public var alternative: String
        public var from: Double?
        public var to: Double?
    }

    public var from: AssessmentRow
    public var to: AssessmentRow
    public var exposureChange: Double
    public var protectionChange: Double
    public var pairsChange: Int
    public var tierMoves: [TierMove]
    public var applicationsAdded: [String]
    public var applicationsRemoved: [String]
    public var vmsAdded: [String]
    public var vmsRemoved: [String]
    public var tco: [TCOChange]
    public var inputsChanged: Bool
    public var catalogChanged: Bool
    /// The causes: the inputs that changed (SLA and impact figures, VMs resized or moved,
    /// catalog values, input files), beside the effects above.
    public var causes: [InputChange]

    public init(from old: AssessmentDetail, to new: AssessmentDetail) {
        from = old.row
        to = new.row
        exposureChange = new.row.exposureAfter - old.row.exposureAfter
        protectionChange = new.row.protectionAfter - old.row.protectionAfter
        pairsChange = new.row.pairs - old.row.pairs
        let oldApps = Dictionary(old.applications.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let newApps = Dictionary(new.applications.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        tierMoves = newApps.keys.sorted().compactMap { name in
            guard let before = oldApps[name], let after = newApps[name], before.tierChosen != after.tierChosen else { return nil }
            return TierMove(application: name, from: before.tierChosen, to: after.tierChosen)
        }
        applicationsAdded = Set(newApps.keys).subtracting(oldApps.keys).sorted()
        applicationsRemoved = Set(oldApps.keys).subtracting(newApps.keys).sorted()
        let oldVMs = Set(old.vms.map(\.name))
        let newVMs = Set(new.vms.map(\.name))
        vmsAdded = newVMs.subtracting(oldVMs).sorted()
        vmsRemoved = oldVMs.subtracting(newVMs).sorted()
        let oldTCO = Dictionary(old.tco.map { ($0.alternative, $0.npv) }, uniquingKeysWith: { a, _ in a })
        let newTCO = Dictionary(new.tco.map { ($0.alternative, $0.npv) }, uniquingKeysWith: { a, _ in a })
        tco = Set(oldTCO.keys).union(newTCO.keys).sorted().map { TCOChange(alternative: $0, from: oldTCO[$0], to: newTCO[$0]) }
        inputsChanged = old.row.inputDigest != new.row.inputDigest
        catalogChanged = old.row.catalogDigest != new.row.catalogDigest
        causes = InputChange.between(old, new)
    }
}

extension AssessmentDetail {
    /// The plan as it would be recorded, without a database (for "Since the last assessment").
    public init(assessment: Assessment, inputs: [InputDigest], catalog: [InputDigest]) {
        let snapshot = AssessmentSnapshot(assessment, inputs: inputs, catalog: catalog, recordedAt: .now)
        self.init(
            row: snapshot.row, applications: snapshot.applications, vms: snapshot.vms, tco: snapshot.tco,
            inputs: snapshot.applicationInputs,
            catalogValues: snapshot.catalogValues.map { CatalogValueRow(entry: $0.entry, key: $0.key, value: $0.value) },
            files: snapshot.inputs.map { InputFileRow(path: $0.path, sha256: $0.sha256) })
    }
}
