import Dispatch
import Foundation

/// How many threads a build's CPU-bound stages use: `--jobs`, else every core. Set for a
/// build by `BookBuilder` (a task-local value, read where the work is handed out).
enum Parallelism {
    @TaskLocal static var jobs = ProcessInfo.processInfo.activeProcessorCount

    /// Runs `work` on `Parallelism.jobs` threads (at most `count`), each taking the next of
    /// `count` indices until none is left; returns when all are done. Each thread first makes
    /// what it works with (`worker`) and hands it to every `work` it runs.
    static func forEachIndex<Worker>(below count: Int, worker makeWorker: () -> Worker, _ work: (Int, Worker) -> Void) {
        let next = NextIndex()
        let workers = max(1, min(jobs, count))
        withoutActuallyEscaping(makeWorker) { makeWorker in
            withoutActuallyEscaping(work) { work in
                nonisolated(unsafe) let (makeWorker, work) = (makeWorker, work)
                DispatchQueue.concurrentPerform(iterations: workers) { _ in
                    let worker = makeWorker()
                    while let index = next.take(below: count) { work(index, worker) }
                }
            }
        }
    }

    static func forEachIndex(below count: Int, _ work: (Int) -> Void) {
        forEachIndex(below: count, worker: {}) { index, _ in work(index) }
    }
}

extension Array where Element: Sendable {
    /// `transform` applied to every element on `Parallelism.jobs` threads, in the array's
    /// order; the first error (by position) is thrown. For pure, CPU-bound work in synchronous
    /// code.
    ///
    /// With `cost`, the costliest elements are started first, so that no long one is left to
    /// run alone at the end while the other cores idle.
    func concurrentMap<Result: Sendable, Failure: Error>(
        startingWithCostliest cost: ((Element) -> Int)? = nil,
        _ transform: @Sendable (Element) throws(Failure) -> Result
    ) throws(Failure) -> [Result] {
        let results = UnsafeResults<Swift.Result<Result, Failure>>(count: count)
        let order = cost.map { cost in indices.sorted { cost(self[$0]) > cost(self[$1]) } } ?? [Int](0..<count)
        self.withUnsafeBufferPointer { elements in
            nonisolated(unsafe) let elements = elements
            Parallelism.forEachIndex(below: elements.count) { step in
                let index = order[step]
                results.set(index, Swift.Result { () throws(Failure) in try transform(elements[index]) })
            }
        }
        return try results.values.map { result throws(Failure) in try result.get() }
    }
}

/// Slots each written once, by one thread, before any is read. A fixed buffer, not an array:
/// `Array.withUnsafeMutableBufferPointer` moves the array out while its closure runs, so two
/// threads writing at once lost each other's values.
final class UnsafeResults<Value>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Value?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: max(count, 1))
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ index: Int, _ value: Value) {
        slots[index] = value
    }

    var values: [Value] { (0..<count).map { slots[$0]! } }
}

/// The next index to work on, handed to one thread each.
private final class NextIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func take(below limit: Int) -> Int? {
        lock.withLock {
            guard value < limit else { return nil }
            defer { value += 1 }
            return value
        }
    }
}
