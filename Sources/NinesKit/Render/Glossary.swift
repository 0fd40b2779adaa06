/// The terms a reader of the report meets, in plain words: the report's glossary.
enum Glossary {
    /// Term and definition, in the order a reader meets them.
    static let terms: [(term: String, definition: String)] = [
        (
            "Backup",
            "A single server protected only by backups. When its host fails, the application is down until the server is repaired or restored (hours to days), and the work since the last backup is lost."
        ),
        (
            "HA (high availability)",
            "Two hosts with mirrored disks. When one host fails, the VM is restarted on the other within minutes; only what was in memory is lost."
        ),
        (
            "FT (fault tolerance)",
            "Two hosts run the VM as one machine, its memory and processor state copied continuously. A host failure is masked in seconds, with no restart and no data loss."
        ),
        (
            "DR (disaster recovery)",
            "The VMs are copied continuously to a remote site. If a site is lost they are started there, within minutes to hours, losing the last seconds to minutes of data."
        ),
        (
            "SplitSite",
            "An HA or FT pair whose two hosts stand at two sites a few kilometres apart, kept in step over a fast link, with a quorum server at a third place: the pair survives the loss of either site."
        ),
        (
            "RTO (recovery time objective)",
            "The longest an application may stay down after a failure before the business is harmed."
        ),
        (
            "RPO (recovery point objective)",
            "How much recent work an application may lose in a failure, measured as time (for example, the last 5 minutes)."
        ),
        (
            "Common cause",
            "One event that stops several parts at once (a power feed, a shared storage array, a whole site), so parts that back each other up fail together."
        ),
        (
            "P90 (and P50, P99)",
            "The yearly loss exceeded in only one simulated year in ten. P50 is the loss of a typical year (half the years lose more); P99 is exceeded in one year in a hundred."
        ),
        (
            "TCO and NPV",
            "Total cost of ownership: purchase, running costs and expected downtime over the horizon. Net present value discounts each year's cost to today's money."
        ),
    ]

    /// Terms a report with ranges uses (shown only then: a report without ranges is unchanged).
    static let uncertaintyTerms: [(term: String, definition: String)] = [
        (
            "Range (low, likely, high)",
            "An estimate given as three figures: low and high are the 10th and 90th percentiles (one case in ten below low, one in ten above high), likely the most likely value. The plan uses the range's mean; the spread of a result across the draws is given as its own P10, P50 and P90."
        ),
        (
            "Draws and confidence",
            "A draw picks one value from every range and chooses the tiers again. A decision's confidence is the share of draws (1,000 by default, the same with the same seed) that choose the planned tier: 100% means no value in the ranges changes it; around 50% is a coin toss."
        ),
        (
            "Expected regret and the value of information",
            "Regret is what keeping the planned tier costs in a draw against the best tier for that draw; expected regret is its average. The value of knowing an input (EVPPI) is the regret it would avoid if its true value were known before choosing: what measuring it more precisely is worth, a year."
        ),
    ]

    /// Terms a report with the customer's outage record uses.
    static let calibrationTerms: [(term: String, definition: String)] = [
        (
            "Calibration",
            "The model's failure rates corrected by the customer's own outage record: the more years of record, the more they count against the catalog's figures."
        )
    ]
}
