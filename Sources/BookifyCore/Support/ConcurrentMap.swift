import Dispatch

extension Array where Element: Sendable {
    /// `transform` applied to every element on every core, in the array's order; the first
    /// error (by position) is thrown. For pure, CPU-bound work in synchronous code.
    func concurrentMap<Result: Sendable, Failure: Error>(
        _ transform: @Sendable (Element) throws(Failure) -> Result
    ) throws(Failure) -> [Result] {
        let results = UnsafeResults<Swift.Result<Result, Failure>>(count: count)
        self.withUnsafeBufferPointer { elements in
            nonisolated(unsafe) let elements = elements
            DispatchQueue.concurrentPerform(iterations: elements.count) { index in
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
