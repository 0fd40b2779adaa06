/// A continuous-time Markov chain with a handful of states, solved for its steady state.
///
/// Solved here by Gaussian elimination with partial pivoting rather than with a package: the
/// chains have at most a few dozen states, and none of the project's packages offers a dense
/// linear solver.
public struct MarkovChain: Sendable {
    /// Number of states.
    public let count: Int
    /// Generator matrix Q: `rates[i][j]` is the rate from i to j (per hour), the diagonal
    /// makes each row sum to zero.
    public private(set) var generator: [[Double]]

    public init(states: Int) {
        count = states
        generator = Array(repeating: Array(repeating: 0, count: states), count: states)
    }

    /// Adds a transition from `from` to `to` at `rate` (per hour).
    public mutating func add(_ from: Int, _ to: Int, rate: Double) {
        guard rate > 0, from != to else { return }
        generator[from][to] += rate
        generator[from][from] -= rate
    }

    /// The stationary distribution π with πQ = 0 and Σπ = 1.
    public func steadyState() -> [Double] {
        // Solve Qᵀπ = 0 with the last equation replaced by Σπ = 1.
        var a = (0..<count).map { row in (0..<count).map { column in generator[column][row] } }
        var b = Array(repeating: 0.0, count: count)
        a[count - 1] = Array(repeating: 1, count: count)
        b[count - 1] = 1
        for column in 0..<count {
            let pivot = (column..<count).max { abs(a[$0][column]) < abs(a[$1][column]) }!
            a.swapAt(column, pivot)
            b.swapAt(column, pivot)
            let p = a[column][column]
            guard p != 0 else { continue }
            for row in (column + 1)..<count where a[row][column] != 0 {
                let factor = a[row][column] / p
                for k in column..<count { a[row][k] -= factor * a[column][k] }
                b[row] -= factor * b[column]
            }
        }
        var x = Array(repeating: 0.0, count: count)
        for row in stride(from: count - 1, through: 0, by: -1) {
            var sum = b[row]
            for k in (row + 1)..<count { sum -= a[row][k] * x[k] }
            x[row] = a[row][row] == 0 ? 0 : sum / a[row][row]
        }
        return x
    }
}
