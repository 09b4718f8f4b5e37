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

/// Slots each written once, by one thread, before any is read.
final class UnsafeResults<Value>: @unchecked Sendable {
    private var slots: [Value?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        slots.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    var values: [Value] { slots.map { $0! } }
}
