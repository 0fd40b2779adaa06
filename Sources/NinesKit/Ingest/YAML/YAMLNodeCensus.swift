import Yams

/// Counts a composed YAML document without walking what its aliases repeat. Yams resolves an
/// alias to a copy of the anchored node (sharing its storage, and its start mark), so a
/// "billion laughs" is a small graph that a plain walk would expand exponentially. The census
/// walks each mapping or sequence once, keyed by kind and start mark; a second occurrence of
/// the same key is an alias use, counted with the size worked out the first time.
struct YAMLNodeCensus {
    /// Nodes written out in the file (each mapping, sequence and scalar once).
    private(set) var plainNodes = 0
    /// Nodes added by alias uses: each use counts everything it repeats.
    private(set) var aliasNodes = 0
    /// The walk went deeper than the depth limit (nothing below was counted).
    private(set) var tooDeep = false

    private struct Key: Hashable {
        var isMapping: Bool
        var line: Int
        var column: Int
    }

    /// Expanded size (the node itself and everything below) of each container seen.
    private var sizes: [Key: Int] = [:]
    private let maxDepth: Int
    private let maxAliasNodes: Int

    /// Counts `root`, stopping once the alias budget or the depth limit is exceeded.
    init(_ root: Node, maxDepth: Int, maxAliasNodes: Int) {
        self.maxDepth = maxDepth
        self.maxAliasNodes = maxAliasNodes
        _ = count(root, depth: 1)
    }

    /// The alias budget was exceeded.
    var tooManyAliasNodes: Bool { aliasNodes > maxAliasNodes }

    /// The expanded size of `node`; 0 once the walk has stopped.
    private mutating func count(_ node: Node, depth: Int) -> Int {
        guard !tooDeep, !tooManyAliasNodes else { return 0 }
        guard depth <= maxDepth else {
            tooDeep = true
            return 0
        }
        let key: Key
        switch node {
        case .scalar, .alias:
            plainNodes += 1
            return 1
        case .mapping(let mapping): key = Key(isMapping: true, line: mapping.mark?.line ?? 0, column: mapping.mark?.column ?? 0)
        case .sequence(let sequence): key = Key(isMapping: false, line: sequence.mark?.line ?? 0, column: sequence.mark?.column ?? 0)
        }
        if key.line > 0, let size = sizes[key] {
            aliasNodes += size
            return size
        }
        plainNodes += 1
        var size = 1
        switch node {
        case .mapping(let mapping):
            for (name, value) in mapping { size += count(name, depth: depth + 1) + count(value, depth: depth + 1) }
        case .sequence(let sequence):
            for child in sequence { size += count(child, depth: depth + 1) }
        default: break
        }
        if key.line > 0 { sizes[key] = size }
        return size
    }
}
