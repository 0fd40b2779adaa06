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
        # Nines engagement. Every key Nines reads is here; the commented ones are optional
        # (remove the # to use one). Delete what you do not need.
        version: 1
        name: \(name)                     # what history and compare record it as (default: the folder's name)
        client: "Client name"          # shown on the report's cover
        # notes: "…"                   # free text for yourself; not read
        prepared_by: "Your firm"       # optional: the cover's author
        assessment_date: 2026-01-15    # optional: the cover's date, YYYY-MM-DD (never taken from the clock)
        # logo: logo.png               # optional: a PNG or JPEG in this folder, at most 512 KiB (SVG is refused)
        # disclaimer: "…"              # optional: replaces the report's standard disclaimer paragraph
        currency: USD                  # every money figure below is in this currency
        year: 2026                     # assessment year
        horizon_years: 5               # TCO horizon; hardware is spread over it
        discount_rate: 8               # percent (8 means 8 %), for net present value
        year_days: 365                 # 365 or 365.25
        platform: everrun-enterprise   # see `nines catalog list`
        hardware: dl380-gen11-384      # default server profile for new hosts
        baseline_tier: backup          # what applications have today unless they say `current_tier`
        growth_headroom: 10            # percent (10 means 10 %) of each host held back for growth
        # catalog: my-catalog          # a catalog folder of the engagement's own, relative to this folder
        sites:
          - id: hq
            name: Headquarters
            # kind: datacenter         # datacenter, or branch (a branch office)
            # hardware: dl380-gen11-384  # server profile for this site's hosts (default: `hardware` above)
            partner: dr                # where DR replicas and SplitSite partners go
          - id: dr
            name: Disaster recovery site
            partner: hq
        inventory: inventory.csv       # native CSV; or an RVTools .xlsx, .ovf/.ova, libvirt .xml, Azure Migrate / PowerCLI CSV
        applications: applications.yaml  # or applications.csv
        # For an inventory that is an export (not the native CSV): which VM goes to which
        # application and site. match: name, folder, annotation, cluster, datacenter, host, os, or tag:NAME.
        # mapping:
        #   - match: name
        #     pattern: "^erp-"           # a regular expression
        #     application: ERP
        #     site: hq
        # default_site: hq             # site of the VMs no mapping rule places (default: the VM's datacenter)
        # include_powered_off: false   # accepted for `nines import`; an engagement plans powered-on VMs
        # alternatives: [vsphere-ha, vsphere-ft]  # the alternatives `nines tco` compares (default: all in the catalog)
        # alternative_overrides:       # catalog values of an alternative, for this engagement only
        #   vsphere-ha: {license_price: 150}
        # catalog_overrides:           # any catalog value, for this engagement only (no copy of the catalog)
        #   failure-rates.yaml:
        #     rates.host_failures_per_year: 0.5          # an assumption noted with this line
        #   tiers.yaml:
        #     tiers.ft.failover_coverage: {value: 0.995, source: "vendor quote, 2026-03"}
        # networks:                    # address ranges the manifests allocate from (CIDR, prefix 8 to 30); the defaults:
        #   management: 10.20.0.0/16   # two host management addresses per pair
        #   out_of_band: 10.21.0.0/16  # two IPMI / iLO addresses per pair (fencing)
        #   replication: 10.22.0.0/16  # two replication addresses per pair (DRBD on the Pacemaker alternative)
        #   business: 10.64.0.0/12     # one address per VM
        # Each range loses its first (network), second (gateway) and last (broadcast) address;
        # pairs take addresses in pair order, VMs in pair and name order. Ranges must not overlap.
        # incident_history:            # the customer's outage record; today's failure rates are updated from it
        #   file: incidents.csv        # columns application,start,end,cause,planned (ISO 8601 times; a VM name may stand for its application)
        #   from: 2024-01-01           # the period the record covers (both days included); it is taken as complete
        #   to: 2025-12-31
        #   prior_weight_years: 2      # years of record the catalog's rate counts as (default 2)

        """
    }

    static let inventory = """
        vm,application,vcpus,memory_gib,disk_gib,os,site,power_state,tier
        erp-db01,ERP,8,64,500,Windows Server 2022,hq,poweredOn,
        erp-app01,ERP,4,32,120,Windows Server 2022,hq,poweredOn,

        """

    static let applications = """
        # One entry per application. Durations: 30s, 5m, 4h, 2d (or "5 minutes").
        # Percentages as numbers (99.99 or "99.99%"); fractions as 0.25 or "25%".
        - name: ERP
          business_unit: Finance
          # notes: "…"                 # free text for yourself; not read
          # current_tier: backup       # its protection today (default: engagement.yaml's baseline_tier)
          # hosting: on-prem           # on-prem, or saas (then vendor_availability is the vendor's SLA, percent)
          # vendor_availability: 99.9
          # required_vms: 2            # how many of its VMs must run for it to be up (default: all)
          # anti_affinity: false       # true: its VMs run on different host pairs (the members of a cluster)
          sla:
            availability: 99.99        # percent, during service hours
            rto: 5m                    # longest tolerable outage per incident
            rto_scope: all             # all failures, or hardware (a host or a component) only
            rpo: 0s                    # longest tolerable data loss
            service_hours: 24x7        # or "mon-fri 07:00-19:00"
            site_disaster: recover     # survive | recover | accept
          impact:                      # each line optional; a figure may be a range (P10, most likely, P90):
            revenue_per_hour: 50000    # e.g. {low: 20000, likely: 50000, high: 120000}, or 20000..50000..120000
            users: 500
            salary_per_year: 60000     # or loaded_cost_per_user_hour
            # loaded_cost_per_user_hour: 57.69
            loading_factor: 2.0
            hours_per_year: 2080
            productivity_loss: 0.25    # fraction of the users' work lost (0.25 or "25%")
            per_incident: 5000
            # penalty_per_hour: 1000   # contractual penalties while it is down
            noticeable_after: 30s      # shorter outages cost their time, not per_incident (catalog default)
            data_loss_per_hour: 20000
            curve: {1h: 1.0, 4h: 1.3, 24h: 2.0}
          depends_on: []

        """
}
