import Foundation
import Testing

/// The test-support diff prints what `diff -u` prints (the expected texts below are GNU diff's
/// output for the same files), with a shortest edit script.
@Suite struct UnifiedDiffTests {
    static func numbered(_ range: ClosedRange<Int>) -> String {
        range.map { "line \($0)\n" }.joined()
    }

    @Test func equalTextsGiveNoDiff() {
        #expect(UnifiedDiff.diff("a\nb\n", "a\nb\n").isEmpty)
        #expect(UnifiedDiff.diff("", "").isEmpty)
    }

    @Test func oneChangedLineWithThreeLinesOfContext() {
        let old = Self.numbered(1...10)
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
        #expect(
            UnifiedDiff.diff(old, new) == """
                --- expected
                +++ actual
                @@ -2,7 +2,7 @@
                 line 2
                 line 3
                 line 4
                -line 5
                +line five
                 line 6
                 line 7
                 line 8
                """)
    }

    @Test func distantChangesGiveTwoHunksAndCloseOnesOne() {
        let old = Self.numbered(1...20)
        let far = old.replacingOccurrences(of: "line 2\n", with: "").replacingOccurrences(of: "line 18\n", with: "line 18\nnew\n")
        #expect(
            UnifiedDiff.diff(old, far, oldName: "a", newName: "b") == """
                --- a
                +++ b
                @@ -1,5 +1,4 @@
                 line 1
                -line 2
                 line 3
                 line 4
                 line 5
                @@ -16,5 +15,6 @@
                 line 16
                 line 17
                 line 18
                +new
                 line 19
                 line 20
                """)
        let near = old.replacingOccurrences(of: "line 5\n", with: "").replacingOccurrences(of: "line 11\n", with: "eleven\n")
        let diff = UnifiedDiff.diff(old, near)
        #expect(diff.components(separatedBy: "\n").filter { $0.hasPrefix("@@") } == ["@@ -2,13 +2,12 @@"])
    }

    @Test func insertionIntoAnEmptyTextAndDeletionOfEverything() {
        #expect(UnifiedDiff.diff("", "a\nb\n") == "--- expected\n+++ actual\n@@ -0,0 +1,2 @@\n+a\n+b")
        #expect(UnifiedDiff.diff("a\n", "") == "--- expected\n+++ actual\n@@ -1 +0,0 @@\n-a")
    }

    /// A missing final newline, a CRLF line and another Unicode normalisation are changes.
    @Test func bytesNotCharactersAreCompared() {
        #expect(UnifiedDiff.diff("a\nb\n", "a\nb") == "--- expected\n+++ actual\n@@ -1,2 +1,2 @@\n a\n-b\n+b\n\\ No newline at end of file")
        #expect(!UnifiedDiff.diff("a\r\nb\n", "a\nb\n").isEmpty)
        #expect("caf\u{E9}\n" == "cafe\u{301}\n")
        #expect(!UnifiedDiff.diff("caf\u{E9}\n", "cafe\u{301}\n").isEmpty)
    }

    @Test func longDiffsAreCappedWithTheRestCounted() {
        let diff = UnifiedDiff.diff(Self.numbered(1...100), "", maxLines: 60)
        let lines = diff.components(separatedBy: "\n")
        #expect(lines.count == 61)
        #expect(lines.last == "… 43 more lines of diff")
    }

    /// On random small texts the script turns one into the other and is as short as the
    /// longest common subsequence allows (checked by dynamic programming).
    @Test func editScriptsAreValidAndShortest() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let a = (0..<Int.random(in: 0...12, using: &generator)).map { _ in Int.random(in: 0...3, using: &generator) }
            let b = (0..<Int.random(in: 0...12, using: &generator)).map { _ in Int.random(in: 0...3, using: &generator) }
            let script = UnifiedDiff.edits(a, b)
            #expect(script.compactMap(\.oldIndex) == Array(a.indices))
            #expect(script.compactMap(\.newIndex) == Array(b.indices))
            let kept = script.compactMap { edit -> Int? in
                guard case .same(let i, let j) = edit else { return nil }
                #expect(a[i] == b[j])
                return i
            }
            var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
            for i in a.indices.reversed() {
                for j in b.indices.reversed() {
                    table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
            #expect(kept.count == table[0][0], "a \(a), b \(b)")
        }
    }

    /// Past the edit limit the middle becomes one deletion and one insertion, still correct.
    @Test func pastTheEditLimitTheScriptStaysCorrect() {
        let a = Array(0..<50)
        let b = Array(100..<150)
        let script = UnifiedDiff.edits(a, b, maxEdits: 10)
        #expect(script.compactMap(\.oldIndex) == Array(a.indices))
        #expect(script.compactMap(\.newIndex) == Array(b.indices))
    }
}
