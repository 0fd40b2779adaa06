import Foundation
import Synchronization

/// The one place Nines runs work in parallel. Every stage goes through these calls; no other
/// file calls `concurrentPerform` or starts a `Thread`. Results cross threads only as
/// `Sendable` values, collected under a `Mutex` (no `@unchecked` boxes).
enum Parallel {
    /// `body(0..<count)` on every core, results in index order; the first error is thrown once
    /// every iteration has ended.
    static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        let slots = Slots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            do { slots.set(index, try body(index)) } catch { slots.fail(error) }
        }
        return try slots.values()
    }

    /// `map` for a body that cannot throw.
    static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let slots = Slots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in slots.set(index, body(index)) }
        return try! slots.values()
    }

    /// `body(0..<count)` on every core, for its effects; the first error is thrown.
    static func forEach(_ count: Int, _ body: @Sendable (Int) throws -> Void) throws {
        _ = try map(count, body)
    }

    /// Runs a few independent parts at once and returns when all are done, throwing the first
    /// error. The first part runs on the calling thread, the others on the global queue.
    ///
    /// Used instead of an outer `map` when the parts run `map` themselves: libdispatch gives an
    /// apply nested inside another apply only its share of the cores (with two cores, one
    /// thread), which measured 1.3 cores busy in `nines plan`'s render stage; side by side,
    /// the inner loops keep every core.
    static func sideBySide(_ parts: [@Sendable () throws -> Void]) throws {
        let failure = Mutex<(any Error)?>(nil)
        let group = DispatchGroup()
        for part in parts.dropFirst() {
            DispatchQueue.global().async(group: group) {
                do { try part() } catch { failure.withLock { if $0 == nil { $0 = error } } }
            }
        }
        if let first = parts.first {
            do { try first() } catch { failure.withLock { if $0 == nil { $0 = error } } }
        }
        group.wait()
        if let error = failure.withLock({ $0 }) { throw error }
    }

    /// Runs `body` on a thread of its own, not Dispatch's pool, with a pool thread's stack
    /// (8 MiB on Linux): for work that waits on, or is waited for by, pool tasks — a pool
    /// thread waiting for another pool task stalls libdispatch on Linux until its monitor
    /// adds a thread — and for a thread that blocks for the whole run.
    static func detached(_ name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.name = name
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// `first` here and `second` on a detached thread at the same time; both results.
    static func both<A, B: Sendable>(_ first: () -> A, _ second: @escaping @Sendable () -> B) -> (A, B) {
        let result = Mutex<B?>(nil)
        let done = DispatchSemaphore(value: 0)
        detached("nines-beside") {
            let value = second()
            result.withLock { $0 = value }
            done.signal()
        }
        let a = first()
        done.wait()
        return (a, result.withLock { $0 }!)
    }
}

/// One result slot per index of a parallel loop, and its first error.
private final class Slots<T: Sendable>: Sendable {
    private let state: Mutex<(values: [T?], error: (any Error)?)>

    init(count: Int) { state = Mutex((Array(repeating: nil, count: count), nil)) }

    func set(_ index: Int, _ value: T) { state.withLock { $0.values[index] = value } }

    func fail(_ error: any Error) { state.withLock { if $0.error == nil { $0.error = error } } }

    func values() throws -> [T] {
        let (values, error) = state.withLock { ($0.values, $0.error) }
        if let error { throw error }
        return values.map { $0! }
    }
}
