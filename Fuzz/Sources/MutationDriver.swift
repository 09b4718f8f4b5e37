#if !LIBFUZZER
import Foundation
import Synchronization

/// The fuzz targets without libFuzzer, for `make test` in whatever build `swift test` made (plain
/// or sanitized): the toolchain's libFuzzer needs a build of its own (`make fuzz`), which CI
/// has no time for. This driver
/// feeds a target its seed files, then random mutations of them (bytes flipped, inserted,
/// deleted, runs repeated, seeds spliced) until the time is up. It is blind where libFuzzer
/// follows coverage, but it runs under whatever sanitizer the build has. Each input is written
/// to `$TMPDIR/bookify-fuzz-TARGET` before it runs, so that a crash can be replayed (as a seed);
/// an input that takes longer than `inputTimeLimit` is a finding too. The mutations follow a
/// random seed that the driver prints first; `BOOKIFY_FUZZ_SEED=N` replays the same sequence.
///
///     bookify-fuzz TARGET SECONDS SEED...
@main
enum MutationDriver {
    static let inputTimeLimit: Double = 30  // generous: a debug build under a sanitizer
    /// When the input now running started (seconds since the reference date), 0 between inputs.
    static let started = Atomic<Double>(0)

    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard arguments.count >= 2, let target = FuzzTarget(rawValue: arguments.first!),
              let seconds = Double(arguments.dropFirst().first!) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
            FileHandle.standardError.write(Data("usage: bookify-fuzz \(names) SECONDS SEED...\n".utf8))
            exit(64)
        }
        let seeds = arguments.dropFirst(2).compactMap { FileManager.default.contents(atPath: $0).map(Array.init) }
        let lastInput = FileManager.default.temporaryDirectory.appendingPathComponent("bookify-fuzz-\(target.rawValue)")
        watchForSlowInputs(lastInput)
        func run(_ input: [UInt8]) {
            try? Data(input).write(to: lastInput)
            started.store(Date().timeIntervalSinceReferenceDate, ordering: .sequentiallyConsistent)
            target.run(input)
            started.store(0, ordering: .sequentiallyConsistent)
        }
        let randomSeed = ProcessInfo.processInfo.environment["BOOKIFY_FUZZ_SEED"].flatMap(UInt64.init)
            ?? UInt64.random(in: 0...UInt64.max)
        print("\(target.rawValue): BOOKIFY_FUZZ_SEED=\(randomSeed)")
        var generator = SplitMix64(seed: randomSeed)
        seeds.forEach(run)
        let deadline = Date().addingTimeInterval(seconds)
        var runs = seeds.count
        while Date() < deadline {
            let seed = seeds.randomElement(using: &generator) ?? []
            let other = seeds.randomElement(using: &generator) ?? []
            run(mutate(seed, splicing: other, using: &generator))
            runs += 1
        }
        print("\(target.rawValue): \(runs) runs in \(Int(seconds)) s, no crash")
    }

    /// Ends the process when one input runs longer than `inputTimeLimit`.
    static func watchForSlowInputs(_ lastInput: URL) {
        Thread.detachNewThread {
            while true {
                Thread.sleep(forTimeInterval: 1)
                let start = started.load(ordering: .sequentiallyConsistent)
                if start > 0, Date().timeIntervalSinceReferenceDate - start > inputTimeLimit {
                    FileHandle.standardError.write(Data("bookify-fuzz: an input took more than \(Int(inputTimeLimit)) s: \(lastInput.path)\n".utf8))
                    exit(1)
                }
            }
        }
    }

    /// A few random edits of `bytes`, capped at 256 KB like libFuzzer's `-max_len` in `make fuzz`.
    static func mutate(_ bytes: [UInt8], splicing other: [UInt8], using generator: inout some RandomNumberGenerator) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 1...8, using: &generator) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<5, using: &generator) {
            case 0 where !bytes.isEmpty: bytes[position] ^= UInt8(1 << Int.random(in: 0..<8, using: &generator))
            case 1: bytes.insert(UInt8.random(in: 0...255, using: &generator), at: position)
            case 2 where !bytes.isEmpty: bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...64, using: &generator)))
            case 3 where !bytes.isEmpty:
                let run = bytes[position..<min(bytes.count, position + Int.random(in: 1...16, using: &generator))]
                bytes.insert(contentsOf: Array(repeating: run, count: Int.random(in: 2...200, using: &generator)).joined(), at: position)
            default:
                let cut = other.isEmpty ? 0 : Int.random(in: 0..<other.count, using: &generator)
                bytes.insert(contentsOf: other[cut..<min(other.count, cut + 512)], at: position)
            }
        }
        return Array(bytes.prefix(262_144))
    }
}
/// A small seeded generator (SplitMix64), so that a run can be replayed from its seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
#endif
