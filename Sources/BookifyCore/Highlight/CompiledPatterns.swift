import Foundation

/// The line-start patterns one thread has compiled, in a box of the thread's own (a pthread
/// key; Foundation's thread dictionary bridged every key and cast every value it returned).
final class CompiledPatterns {
    var regexes: [String: Regex<AnyRegexOutput>] = [:]

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { box in
            if let box { Unmanaged<CompiledPatterns>.fromOpaque(box).release() }
        }
        return key
    }()

    static var ofThisThread: CompiledPatterns {
        if let box = pthread_getspecific(key) { return Unmanaged<CompiledPatterns>.fromOpaque(box).takeUnretainedValue() }
        let patterns = CompiledPatterns()
        pthread_setspecific(key, Unmanaged.passRetained(patterns).toOpaque())
        return patterns
    }
}
