/// Finds columns by header name, never by position: exports differ in column order, unit
/// suffixes (MiB/MB) and naming (`VM` or `vInfoVMName`).
struct HeaderMap {
    private var indices: [String: Int] = [:]
    let names: [String]

    init(_ header: [String]) {
        names = header
        for (index, name) in header.enumerated() {
            let key = Self.normalise(name)
            if !key.isEmpty && indices[key] == nil { indices[key] = index }
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
}
