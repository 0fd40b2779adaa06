/// Memory sizes as a user writes them on the command line: `384GiB`, `384G`, `512GB`
/// (decimal gigabytes), `0.5TiB`, `65536MiB`, or a bare number of GiB.
public enum MemorySize {
    private static let units: [(suffix: String, gib: Double)] = [
        ("tib", 1024), ("gib", 1), ("mib", 1.0 / 1024), ("tb", 1e12 / 1_073_741_824), ("gb", 1e9 / 1_073_741_824), ("t", 1024),
        ("g", 1),
    ]

    /// The size in GiB, or nil unless it is a finite, positive size in a known unit.
    public static func gib(parsing text: String) -> Double? {
        let lower = text.lowercased().trimmingCharacters(in: .whitespaces)
        var value = Double(lower)
        for unit in units where lower.hasSuffix(unit.suffix) {
            value = Double(lower.dropLast(unit.suffix.count)).map { $0 * unit.gib }
            break
        }
        guard let value, value.isFinite, value > 0 else { return nil }
        return value
    }
}
