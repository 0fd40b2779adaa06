/// What became of the rows of one side tab of an export (vDisk, vPartition, vHost, vCluster):
/// every non-blank row is in exactly one of the counts, so `isBalanced` holds — the tab's
/// counterpart of vInfo's `rows == vms + excluded + refused`.
public struct SheetTally: Hashable, Sendable {
    /// The tab (`vPartition`).
    public var sheet: String
    /// The export it was read from, as the user named it.
    public var source: String
    /// Non-blank data rows of the tab.
    public var rows = 0
    /// Rows whose figures reached an imported VM, or a host or cluster of today's estate.
    public var used = 0
    /// Rows of VMs that vInfo lists but that were skipped (powered off, template) or refused.
    public var ofVMsNotImported = 0
    /// Rows of VMs that vInfo does not list (named in one warning).
    public var ofUnlistedVMs = 0
    /// Rows left out for a problem, each with a warning: no VM or host name, a number that is
    /// not one, or (vPartition) another row of the same VM with such a number.
    public var leftOut = 0

    public init(sheet: String, source: String) {
        self.sheet = sheet
        self.source = source
    }

    /// The counts add up to the rows.
    public var isBalanced: Bool { rows == used + ofVMsNotImported + ofUnlistedVMs + leftOut }

    /// `vPartition rows: 1,618 = 1,597 used + 21 of VMs not imported + 0 of VMs vInfo does not list + 0 left out`.
    public var sentence: String {
        var parts = ["\(used) used"]
        if sheet == "vDisk" || sheet == "vPartition" {
            parts += ["\(ofVMsNotImported) of VMs not imported", "\(ofUnlistedVMs) of VMs vInfo does not list"]
        }
        parts.append("\(leftOut) left out")
        return "\(sheet) rows: \(rows) = " + parts.joined(separator: " + ")
    }
}

extension SheetTally {
    /// The tally of a tab with rows per VM (vDisk, vPartition). `rowsPerVM` counts every named
    /// row; `leftOutVMs` are the VMs whose rows are not used for a problem of their own;
    /// `listed` are the VMs vInfo lists and `imported` those it imported.
    static func perVM(
        _ sheet: String, source: String, rows: Int, unnamed: Int, rowsPerVM: [String: Int], leftOutVMs: Set<String>,
        listed: Set<String>, imported: Set<String>
    ) -> SheetTally {
        var tally = SheetTally(sheet: sheet, source: source)
        tally.rows = rows
        tally.leftOut = unnamed
        for (vm, count) in rowsPerVM {
            if !listed.contains(vm) {
                tally.ofUnlistedVMs += count
            } else if !imported.contains(vm) {
                tally.ofVMsNotImported += count
            } else if leftOutVMs.contains(vm) {
                tally.leftOut += count
            } else {
                tally.used += count
            }
        }
        return tally
    }
}
