import Foundation

/// A unified diff of two texts (`---`/`+++` header, `@@` hunks with context lines), as
/// `diff -u` prints it, for test failure messages. Lines are compared byte for byte with their
/// line ending, so a CRLF line, a missing final newline or another Unicode normalisation shows
/// as a change; the edit script is a shortest one (Myers' O(ND) algorithm).
enum UnifiedDiff {
    enum Edit: Equatable {
        /// Line `old` of the first text equals line `new` of the second (both 0-based).
        case same(old: Int, new: Int)
        case delete(old: Int)
        case insert(new: Int)
    }

    /// The diff of `old` and `new` with `context` lines around each change, capped at
    /// `maxLines` lines (the rest counted on a last line); empty when the texts are equal.
    static func diff(
        _ old: String, _ new: String, oldName: String = "expected", newName: String = "actual", context: Int = 3,
        maxLines: Int = 60
    ) -> String {
        let a = lines(old)
        let b = lines(new)
        let script = edits(a, b)
        guard script.contains(where: { if case .same = $0 { false } else { true } }) else { return "" }
        var out = ["--- \(oldName)", "+++ \(newName)"]
        for hunk in hunks(script, context: context) {
            let oldLines = hunk.filter { if case .insert = $0 { false } else { true } }
            let newLines = hunk.filter { if case .delete = $0 { false } else { true } }
            let oldStart = hunk.lazy.compactMap(\.oldIndex).first ?? Self.before(hunk, in: script, \.oldIndex)
            let newStart = hunk.lazy.compactMap(\.newIndex).first ?? Self.before(hunk, in: script, \.newIndex)
            out.append("@@ -\(range(oldStart, oldLines.count)) +\(range(newStart, newLines.count)) @@")
            for edit in hunk {
                switch edit {
                case .same(let i, _): out += printed(" ", a[i])
                case .delete(let i): out += printed("-", a[i])
                case .insert(let j): out += printed("+", b[j])
                }
            }
        }
        if out.count > maxLines {
            let rest = out.count - maxLines
            out = Array(out.prefix(maxLines)) + ["… \(rest) more line\(rest == 1 ? "" : "s") of diff"]
        }
        return out.joined(separator: "\n")
    }

    /// The lines of `text` as bytes, each with its `\n` (the last one without, when the text
    /// does not end with one).
    static func lines(_ text: String) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            current.append(byte)
            if byte == 0x0A {
                result.append(current)
                current = []
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// A shortest edit script turning `a` into `b`. The common head and tail are matched
    /// first; past `maxEdits` differences the rest of the middle is one deletion and one
    /// insertion (correct, not shortest), so that the trace stays small.
    static func edits<Line: Hashable>(_ a: [Line], _ b: [Line], maxEdits: Int = 2000) -> [Edit] {
        var head = 0
        while head < a.count && head < b.count && a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head && tail < b.count - head && a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        // Lines as small integers, so that the search compares numbers.
        var ids: [Line: Int] = [:]
        func id(_ line: Line) -> Int {
            if let known = ids[line] { return known }
            ids[line] = ids.count
            return ids.count - 1
        }
        let xs = a[head..<(a.count - tail)].map(id)
        let ys = b[head..<(b.count - tail)].map(id)
        var script = (0..<head).map { Edit.same(old: $0, new: $0) }
        let middle =
            myers(xs, ys, maxEdits: maxEdits)
            ?? (xs.indices.map { .delete(old: $0) } + ys.indices.map { .insert(new: $0) })
        for edit in middle {
            switch edit {
            case .same(let i, let j): script.append(.same(old: head + i, new: head + j))
            case .delete(let i): script.append(.delete(old: head + i))
            case .insert(let j): script.append(.insert(new: head + j))
            }
        }
        script += (0..<tail).map { Edit.same(old: a.count - tail + $0, new: b.count - tail + $0) }
        return script
    }

    /// Myers' greedy search for the furthest-reaching path on each diagonal, then a walk back
    /// through the saved frontiers; nil past `maxEdits` differences.
    static func myers(_ a: [Int], _ b: [Int], maxEdits: Int) -> [Edit]? {
        let n = a.count
        let m = b.count
        let limit = min(n + m, maxEdits)
        let offset = limit + 1
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        // trace[d] holds v[-d-1...d+1] as it was before step d.
        var trace: [[Int]] = []
        var found: Int?
        search: for d in 0...limit {
            trace.append(Array(v[(offset - d - 1)...(offset + d + 1)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x =
                    (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n && y < m && a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = x
                if x >= n && y >= m {
                    found = d
                    break search
                }
            }
        }
        guard let found else { return nil }
        var script: [Edit] = []
        var x = n
        var y = m
        for d in stride(from: found, through: 0, by: -1) {
            let frontier = trace[d]
            let at = { (k: Int) in frontier[k + d + 1] }
            let k = x - y
            let previousK = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1
            let previousX = d == 0 ? 0 : at(previousK)
            let previousY = d == 0 ? 0 : previousX - previousK
            while x > previousX && y > previousY {
                x -= 1
                y -= 1
                script.append(.same(old: x, new: y))
            }
            if d > 0 {
                if x == previousX { script.append(.insert(new: y - 1)) } else { script.append(.delete(old: x - 1)) }
            }
            x = previousX
            y = previousY
        }
        return script.reversed()
    }

    /// The edits grouped into hunks: each change with up to `context` unchanged lines either
    /// side, changes closer than twice that in one hunk.
    static func hunks(_ script: [Edit], context: Int) -> [ArraySlice<Edit>] {
        let changes = script.indices.filter { if case .same = script[$0] { false } else { true } }
        var result: [ArraySlice<Edit>] = []
        var start = -1
        var end = -1
        for index in changes {
            if start >= 0 && index - end <= 2 * context + 1 {
                end = index
                continue
            }
            if start >= 0 { result.append(script[max(0, start - context)...min(script.count - 1, end + context)]) }
            start = index
            end = index
        }
        if start >= 0 { result.append(script[max(0, start - context)...min(script.count - 1, end + context)]) }
        return result
    }

    /// Where an empty side of a hunk starts: after the last line of that side before the hunk.
    private static func before(_ hunk: ArraySlice<Edit>, in script: [Edit], _ index: KeyPath<Edit, Int?>) -> Int {
        (script[..<hunk.startIndex].lazy.reversed().compactMap { $0[keyPath: index] }.first).map { $0 + 1 } ?? 0
    }

    /// `start,count` as `diff -u` prints it: 1-based, the count left out when it is 1, and
    /// the line before the hunk when it is 0.
    private static func range(_ start: Int, _ count: Int) -> String {
        switch count {
        case 0: "\(start),0"
        case 1: "\(start + 1)"
        default: "\(start + 1),\(count)"
        }
    }

    /// One line of the diff, without its newline; a last line that has none is followed by
    /// diff's marker.
    private static func printed(_ mark: String, _ line: [UInt8]) -> [String] {
        if line.last == 0x0A { return [mark + String(decoding: line.dropLast(), as: UTF8.self)] }
        return [mark + String(decoding: line, as: UTF8.self), "\\ No newline at end of file"]
    }
}

extension UnifiedDiff.Edit {
    var oldIndex: Int? {
        switch self {
        case .same(let old, _), .delete(let old): old
        case .insert: nil
        }
    }

    var newIndex: Int? {
        switch self {
        case .same(_, let new), .insert(let new): new
        case .delete: nil
        }
    }
}
