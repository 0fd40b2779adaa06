/// The limits `nines check` applies to each row of a native inventory, shared by the importers
/// so that an import never writes a value its own check would refuse.
public enum InventoryRules {
    /// vCPUs of one VM (vSphere 8 allows 768).
    public static let vcpus: ClosedRange<Double> = 1...768
    /// Memory of one VM, GiB (vSphere 8 allows 24 TiB); 0 is refused separately.
    public static let memoryGiB: ClosedRange<Double> = 0...24_576
    /// Provisioned disk of one VM, GiB.
    public static let diskGiB: ClosedRange<Double> = 0...1e9

    /// What is wrong with a VM name, or nil: empty, over `InputValue.maxNameLength` characters,
    /// or holding control characters (NUL, tabs, line breaks, escape sequences).
    public static func nameProblem(_ name: String) -> String? {
        if name.isEmpty { return "the VM name is empty" }
        let length = name.count
        if length > InputValue.maxNameLength {
            return "the VM name is \(length) characters long; the limit is \(InputValue.maxNameLength)"
        }
        if hasControlCharacters(name) { return "the VM name '\(Escape.plain(name))' contains control characters" }
        return nil
    }

    /// True when `text` holds a control character (general category Cc).
    public static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// `text` without its control characters.
    static func strippingControlCharacters(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.lazy.filter { $0.properties.generalCategory != .control })
        return String(scalars)
    }

    /// Every problem `nines check` would report for this VM as a native inventory row.
    static func problems(of vm: ImportedVM) -> [String] {
        var problems: [String] = []
        if let name = nameProblem(vm.name) { problems.append(name) }
        if !vcpus.contains(Double(vm.vcpus)) {
            problems.append("vCPUs are \(vm.vcpus); they must be between 1 and \(Number.plain(vcpus.upperBound))")
        }
        if !vm.memoryGiB.isFinite || vm.memoryGiB <= 0 || vm.memoryGiB > memoryGiB.upperBound {
            problems.append(
                "memory is \(Number.plain(vm.memoryGiB)) GiB; it must be above 0 and at most \(Number.plain(memoryGiB.upperBound)) GiB")
        }
        if !vm.diskGiB.isFinite || !diskGiB.contains(vm.diskGiB) {
            problems.append("disk is \(Number.plain(vm.diskGiB)) GiB; it must be between 0 and \(Number.plain(diskGiB.upperBound)) GiB")
        }
        return problems
    }
}
