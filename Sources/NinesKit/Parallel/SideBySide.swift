import Foundation

/// Runs a few independent parts at once and returns when all are done, throwing the first
/// error. The first part runs on the calling thread, the others on the global queue.
///
/// Used instead of an outer `DispatchQueue.concurrentPerform` when the parts run
/// `concurrentPerform` themselves: libdispatch gives an apply nested inside another apply
/// only its share of the cores (with two cores, one thread), which measured 1.3 cores busy
/// in `nines plan`'s render stage; side by side, the inner loops keep every core.
enum SideBySide {
    static func run(_ parts: [@Sendable () throws -> Void]) throws {
        let failure = FirstError()
        let group = DispatchGroup()
        for part in parts.dropFirst() {
            DispatchQueue.global().async(group: group) {
                do { try part() } catch { failure.set(error) }
            }
        }
        if let first = parts.first {
            do { try first() } catch { failure.set(error) }
        }
        group.wait()
        if let error = failure.value { throw error }
    }
}
