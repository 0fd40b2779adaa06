import GRDB

/// The database schema, as migrations that are never edited once shipped: a new need is a new
/// migration. Tables and columns are plain, so the `sqlite3` shell can query them.
enum AssessmentMigrations {
    /// `PRAGMA application_id` of a Nines database ("NINE"), set when Nines creates or upgrades it.
    static let applicationID: Int32 = 0x4E49_4E45
    /// `PRAGMA user_version` Nines writes: the number of migrations it knows.
    static var schemaVersion: Int32 { Int32(schema.count) }
    /// The migrations, in order, with the tables each creates (kept in step with `migrator`).
    static let schema: [(migration: String, tables: [String])] = [
        ("v1-assessments", ["assessment", "input_file", "catalog_value", "application_result", "vm_result", "pair_result"]),
        ("v2-tco-and-risk", ["tco_result"]),
        ("v3-application-inputs", ["application_input"]),
    ]
    /// Tables SQLite and GRDB keep beside Nines' own.
    static let bookkeepingTables: Set<String> = ["grdb_migrations", "sqlite_sequence"]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-assessments") { db in
            try db.execute(
                sql: """
                    CREATE TABLE assessment (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      engagement TEXT NOT NULL,
                      client TEXT NOT NULL,
                      recorded_at TEXT NOT NULL,
                      assessment_year INTEGER NOT NULL,
                      currency TEXT NOT NULL,
                      input_digest TEXT NOT NULL,
                      catalog_digest TEXT NOT NULL,
                      applications INTEGER NOT NULL,
                      vms INTEGER NOT NULL,
                      pairs INTEGER NOT NULL,
                      pairs_lower_bound INTEGER NOT NULL,
                      exposure_before REAL NOT NULL,
                      exposure_after REAL NOT NULL,
                      protection_before REAL NOT NULL,
                      protection_after REAL NOT NULL,
                      nines_version TEXT NOT NULL
                    );
                    CREATE INDEX assessment_engagement ON assessment(engagement, recorded_at);
                    CREATE TABLE input_file (
                      assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
                      path TEXT NOT NULL,
                      sha256 TEXT NOT NULL,
                      bytes INTEGER NOT NULL
                    );
                    CREATE TABLE catalog_value (
                      assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
                      entry TEXT NOT NULL,
                      key TEXT NOT NULL,
                      value TEXT NOT NULL,
                      source TEXT,
                      assumption INTEGER NOT NULL
                    );
                    CREATE TABLE application_result (
                      assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
                      name TEXT NOT NULL,
                      business_unit TEXT,
                      tier_current TEXT NOT NULL,
                      tier_chosen TEXT NOT NULL,
                      basis TEXT NOT NULL,
                      availability_percent REAL NOT NULL,
                      downtime_minutes REAL NOT NULL,
                      downtime_cost REAL NOT NULL,
                      protection_cost REAL NOT NULL
                    );
                    CREATE TABLE vm_result (
                      assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
                      name TEXT NOT NULL,
                      application TEXT NOT NULL,
                      vcpus INTEGER NOT NULL,
                      memory_gib REAL NOT NULL,
                      disk_gib REAL NOT NULL,
                      site TEXT NOT NULL,
                      tier TEXT NOT NULL,
                      pair TEXT
                    );
                    CREATE TABLE pair_result (
                      assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
                      pair TEXT NOT NULL,
                      site TEXT NOT NULL,
                      second_site TEXT NOT NULL,
                      vms INTEGER NOT NULL,
                      memory_gib REAL NOT NULL,
                      threads REAL NOT NULL,
                      binding TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v2-tco-and-risk") { db in
            try db.execute(
                sql: """
                    ALTER TABLE assessment ADD COLUMN estate_p90 REAL;
                    CREATE TABLE tco_result (
                      assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
                      alternative TEXT NOT NULL,
                      nodes INTEGER NOT NULL,
                      capex REAL NOT NULL,
                      opex_per_year REAL NOT NULL,
                      downtime_cost_per_year REAL NOT NULL,
                      total REAL NOT NULL,
                      npv REAL NOT NULL
                    );
                    """)
        }
        // What each application was held to and what its downtime cost, so that `compare` can
        // list the causes (changed SLAs and impact figures) beside the effects.
        migrator.registerMigration("v3-application-inputs") { db in
            try db.execute(
                sql: """
                    CREATE TABLE application_input (
                      assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
                      name TEXT NOT NULL,
                      availability_percent REAL NOT NULL,
                      rto_seconds REAL NOT NULL,
                      rpo_seconds REAL NOT NULL,
                      site_disaster TEXT NOT NULL,
                      cost_per_hour REAL NOT NULL,
                      per_incident REAL NOT NULL,
                      data_loss_per_hour REAL NOT NULL,
                      required_vms INTEGER
                    );
                    """)
        }
        return migrator
    }
}
