/// One alternative sized, costed over the horizon and with its expected downtime: a column of
/// the TCO comparison and a row of the availability report card.
public struct AlternativeEvaluation: Hashable, Sendable {
    public struct Year: Hashable, Sendable, Codable {
        public var year: Int
        public var capex: Double
        public var opex: Double
        public var downtimeCost: Double
        public var total: Double
        public var cumulative: Double
        /// Present value of everything spent up to the end of this year (capital at t = 0,
        /// the rest discounted), the basis of break-even.
        public var presentValue: Double
    }

    /// One-off costs, each line.
    public struct Capex: Hashable, Sendable, Codable {
        public var hardware, storage, network, licenses, management, implementation: Double
        public var total: Double { hardware + storage + network + licenses + management + implementation }
    }

    /// Yearly costs, each line.
    public struct Opex: Hashable, Sendable, Codable {
        public var licenses, support, administration, powerAndSpace: Double
        public var total: Double { licenses + support + administration + powerAndSpace }
    }

    public var spec: AlternativeSpec
    public var sizing: AlternativeSizing
    public var capex: Capex
    public var opex: Opex
    /// Expected downtime and data-loss cost of the protected applications, per year.
    public var downtimeCostPerYear: Double
    /// Expected unplanned downtime per protected application, minutes per year (mean).
    public var unplannedMinutesPerApplication: Double
    /// Planned downtime inside service hours per protected application, minutes per year (mean).
    public var maintenanceMinutesPerApplication: Double
    /// Expected downtime hours per year summed over the protected applications (for break-even).
    public var downtimeHoursPerYear: Double
    public var years: [Year]
    public var total: Double
    /// Net present value of all costs at the engagement's discount rate.
    public var npv: Double

    public var id: String { spec.id }
    /// How a host failure is recovered: the FT failover time when FT is used, else the restart.
    public var recoveryTime: TimeSpan {
        sizing.runsFT.values.contains(true) ? (spec.ftFailoverTime?.value ?? spec.restartTime.value) : spec.restartTime.value
    }
}
