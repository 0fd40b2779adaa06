import GRDB

/// One recorded assessment: a row of the `assessment` table.
public struct AssessmentRow: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "assessment"

    public var id: Int64?
    public var engagement: String
    public var client: String
    /// When the assessment was recorded, ISO 8601 UTC.
    public var recordedAt: String
    public var assessmentYear: Int
    public var currency: String
    /// SHA-256 over the digests of every input file.
    public var inputDigest: String
    public var catalogDigest: String
    public var applications: Int
    public var vms: Int
    public var pairs: Int
    public var pairsLowerBound: Int
    public var exposureBefore: Double
    public var exposureAfter: Double
    public var protectionBefore: Double
    public var protectionAfter: Double
    public var ninesVersion: String
    /// P90 of the estate's yearly loss (v2; nil when not simulated or recorded by v1).
    public var estateP90: Double?

    public enum Columns {
        static let id = Column(CodingKeys.id)
        static let engagement = Column(CodingKeys.engagement)
        static let recordedAt = Column(CodingKeys.recordedAt)
    }

    enum CodingKeys: String, CodingKey {
        case id, engagement, client, currency, applications, vms, pairs
        case recordedAt = "recorded_at", assessmentYear = "assessment_year", inputDigest = "input_digest"
        case catalogDigest = "catalog_digest", pairsLowerBound = "pairs_lower_bound", exposureBefore = "exposure_before"
        case exposureAfter = "exposure_after", protectionBefore = "protection_before", protectionAfter = "protection_after"
        case ninesVersion = "nines_version", estateP90 = "estate_p90"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One application's result in an assessment.
public struct ApplicationResultRow: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "application_result"

    public var assessmentId: Int64
    public var name: String
    public var businessUnit: String?
    public var tierCurrent: String
    public var tierChosen: String
    public var basis: String
    public var availabilityPercent: Double
    public var downtimeMinutes: Double
    public var downtimeCost: Double
    public var protectionCost: Double

    public enum Columns {
        static let assessmentId = Column(CodingKeys.assessmentId)
        static let name = Column(CodingKeys.name)
    }

    enum CodingKeys: String, CodingKey {
        case name, basis
        case assessmentId = "assessment_id", businessUnit = "business_unit", tierCurrent = "tier_current"
        case tierChosen = "tier_chosen", availabilityPercent = "availability_percent", downtimeMinutes = "downtime_minutes"
        case downtimeCost = "downtime_cost", protectionCost = "protection_cost"
    }
}

/// One VM in an assessment.
public struct VMResultRow: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "vm_result"

    public var assessmentId: Int64
    public var name: String
    public var application: String
    public var vcpus: Int
    public var memoryGib: Double
    public var diskGib: Double
    public var site: String
    public var tier: String
    public var pair: String?

    public enum Columns {
        static let assessmentId = Column(CodingKeys.assessmentId)
    }

    enum CodingKeys: String, CodingKey {
        case name, application, vcpus, site, tier, pair
        case assessmentId = "assessment_id", memoryGib = "memory_gib", diskGib = "disk_gib"
    }
}

/// One alternative's TCO in an assessment (v2).
public struct TCOResultRow: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "tco_result"

    public var assessmentId: Int64
    public var alternative: String
    public var nodes: Int
    public var capex: Double
    public var opexPerYear: Double
    public var downtimeCostPerYear: Double
    public var total: Double
    public var npv: Double

    public enum Columns {
        static let assessmentId = Column(CodingKeys.assessmentId)
    }

    enum CodingKeys: String, CodingKey {
        case alternative, nodes, capex, total, npv
        case assessmentId = "assessment_id", opexPerYear = "opex_per_year", downtimeCostPerYear = "downtime_cost_per_year"
    }
}

/// What an application was held to and what its downtime cost, as recorded (`compare` lists
/// the changes as causes).
public struct ApplicationInputRow: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "application_input"

    public var assessmentId: Int64
    public var name: String
    public var availabilityPercent: Double
    public var rtoSeconds: Double
    public var rpoSeconds: Double
    public var siteDisaster: String
    /// Money per hour of downtime (revenue, productivity and penalties).
    public var costPerHour: Double
    public var perIncident: Double
    public var dataLossPerHour: Double
    public var requiredVms: Int?

    public enum Columns {
        static let assessmentId = Column(CodingKeys.assessmentId)
        static let name = Column(CodingKeys.name)
    }

    enum CodingKeys: String, CodingKey {
        case assessmentId = "assessment_id", name, availabilityPercent = "availability_percent", rtoSeconds = "rto_seconds"
        case rpoSeconds = "rpo_seconds", siteDisaster = "site_disaster", costPerHour = "cost_per_hour", perIncident = "per_incident"
        case dataLossPerHour = "data_loss_per_hour", requiredVms = "required_vms"
    }
}

/// One catalog value as recorded.
public struct CatalogValueRow: Codable, Sendable, Hashable, FetchableRecord {
    public var entry: String
    public var key: String
    public var value: String
}

/// One input file's digest as recorded.
public struct InputFileRow: Codable, Sendable, Hashable, FetchableRecord {
    public var path: String
    public var sha256: String
}
