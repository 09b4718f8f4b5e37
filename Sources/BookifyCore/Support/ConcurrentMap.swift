import Dispatch

extension Array where Element: Sendable {
    /// `transform` applied to every element on every core, in the array's order; the first
    /// error (by position) is thrown. For pure, CPU-bound work in synchronous code.
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
            DispatchQueue.concurrentPerform(iterations: elements.count) { step in
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
