/// The commented starting point `nines init` writes: an engagement a consultant fills in.
public enum EngagementScaffold {
    public static func files(name: String) -> [String: String] {
        [
            "engagement.yaml": engagement(name: name),
            "inventory.csv": inventory,
            "applications.yaml": applications,
        ]
    }

    static func engagement(name: String) -> String {
        """
        # Nines engagement. Every key is documented here; delete what you do not need.
        version: 1
        name: \(name)
        client: "Client name"          # shown on the report's cover
        prepared_by: "Your firm"       # optional: the cover's author
        assessment_date: 2026-01-15    # optional: the cover's date, YYYY-MM-DD (never taken from the clock)
        # logo: logo.png               # optional: a PNG or JPEG in this folder, at most 512 KiB (SVG is refused)
        # disclaimer: "…"              # optional: replaces the report's standard disclaimer paragraph
        currency: USD                  # every money figure below is in this currency
        year: 2026                     # assessment year
        horizon_years: 5               # TCO horizon; hardware is spread over it
        discount_rate: 8               # percent, for net present value
        year_days: 365                 # 365 or 365.25
        platform: everrun-enterprise   # see `nines catalog list`
        hardware: dl380-gen11-384      # default server profile for new hosts
        baseline_tier: backup          # what applications have today unless they say `current_tier`
        growth_headroom: 10            # percent of each host held back for growth
        sites:
          - id: hq
            name: Headquarters
            partner: dr                # where DR replicas and SplitSite partners go
          - id: dr
            name: Disaster recovery site
            partner: hq
        inventory: inventory.csv       # native CSV; convert exports with `nines import`
        applications: applications.yaml

        """
    }

    static let inventory = """
        vm,application,vcpus,memory_gib,disk_gib,os,site,power_state,tier
        erp-db01,ERP,8,64,500,Windows Server 2022,hq,poweredOn,
        erp-app01,ERP,4,32,120,Windows Server 2022,hq,poweredOn,

        """

    static let applications = """
        # One entry per application. Durations: 30s, 5m, 4h, 2d. Percentages as numbers (99.99).
        - name: ERP
          business_unit: Finance
          # required_vms: 2            # how many of its VMs must run for it to be up (default: all)
          sla:
            availability: 99.99        # percent, during service hours
            rto: 5m                    # longest tolerable outage per incident
            rto_scope: all             # all failures, or hardware (a host or a component) only
            rpo: 0s                    # longest tolerable data loss
            service_hours: 24x7        # or "mon-fri 07:00-19:00"
            site_disaster: recover     # survive | recover | accept
          impact:                      # each line optional
            revenue_per_hour: 50000
            users: 500
            salary_per_year: 60000     # or loaded_cost_per_user_hour
            loading_factor: 2.0
            hours_per_year: 2080
            productivity_loss: 0.25
            per_incident: 5000
            noticeable_after: 30s      # shorter outages cost their time, not per_incident (catalog default)
            data_loss_per_hour: 20000
            curve: {1h: 1.0, 4h: 1.3, 24h: 2.0}
          depends_on: []

        """
}
