/// Finds columns by header name, never by position: exports differ in column order, unit
/// suffixes (MiB/MB) and naming (`VM` or `vInfoVMName`). When two columns carry the same
/// name, the first is read and the pair is kept in `duplicates` for a warning.
struct HeaderMap {
    /// Two columns with the same (normalised) header: `first` is read, `other` ignored.
    struct Duplicate: Equatable {
        var first: Int
        var other: Int
    }

    private var indices: [String: Int] = [:]
    let names: [String]
    private(set) var duplicates: [Duplicate] = []

    init(_ header: [String]) {
        names = header
        for (index, name) in header.enumerated() {
            let key = Self.normalise(name)
            guard !key.isEmpty else { continue }
            if let first = indices[key] {
                duplicates.append(Duplicate(first: first, other: index))
            } else {
                indices[key] = index
            }
        }
    }

    static func normalise(_ name: String) -> String {
        name.lowercased().filter { !$0.isWhitespace && $0 != "_" }
    }

    /// The first of `aliases` present in the header.
    func column(_ aliases: [String]) -> Int? {
        aliases.lazy.compactMap { indices[Self.normalise($0)] }.first
    }

    func has(_ aliases: [String]) -> Bool { column(aliases) != nil }

    /// True when `index` is the column read for its name (not a later duplicate).
    func isRead(_ index: Int) -> Bool {
        indices[Self.normalise(names[index])] == index
    }
}
