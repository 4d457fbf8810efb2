import Dispatch
import Foundation

/// `map` over all cores, results in input order: the order of the output never depends
/// on scheduling. `transform` must not touch shared mutable state.
public func parallelMap<Input: Sendable, Output: Sendable>(
    _ inputs: [Input], _ transform: @Sendable (Input) -> Output
) -> [Output] {
    if inputs.count < 2 { return inputs.map(transform) }
    // Each result is written in place in the array returned, not copied there from a
    // buffer of its own.
    return [Output](unsafeUninitializedCapacity: inputs.count) { results, initialized in
        let target = UnsafeSendable(results)
        inputs.withUnsafeBufferPointer { buffer in
            let source = UnsafeSendable(buffer)
            concurrentChunks(count: inputs.count) { i in
                (target.value.baseAddress! + i).initialize(to: transform(source.value[i]))
            }
        }
        initialized = inputs.count
    }
}

/// Calls `body` with each of `0..<count` on all cores, in chunks that keep the scheduling
/// overhead low for many small items.
private func concurrentChunks(count: Int, _ body: @Sendable (Int) -> Void) {
    let chunk = max(1, count / 64)
    DispatchQueue.concurrentPerform(iterations: (count + chunk - 1) / chunk) { c in
        for i in (c * chunk)..<min((c + 1) * chunk, count) { body(i) }
    }
}

/// The concatenation of what `elements(i, emit)` emits for each `i` of `counts.indices`,
/// in order, made on all cores straight into one array of its final size: no array per
/// item held until the end, no array grown by doubling (either was the peak of a leak
/// search's memory). `elements(i, _)` must emit exactly `counts[i]` elements, as a
/// deterministic function counted by an earlier pass does.
func parallelJoined<Element: Sendable>(counts: [Int], _ elements: @Sendable (Int, (Element) -> Void) -> Void) -> [Element] {
    var starts: [Int] = []
    starts.reserveCapacity(counts.count + 1)
    var total = 0
    for count in counts {
        starts.append(total)
        total += count
    }
    starts.append(total)
    let bounds = starts
    return [Element](unsafeUninitializedCapacity: total) { buffer, initialized in
        let target = UnsafeSendable(buffer)
        concurrentChunks(count: counts.count) { item in
            var next = bounds[item]
            elements(item) { element in
                precondition(next < bounds[item + 1], "more elements than counted")
                (target.value.baseAddress! + next).initialize(to: element)
                next += 1
            }
            precondition(next == bounds[item + 1], "fewer elements than counted")
        }
        initialized = total
    }
}

/// A pointer handed to worker threads that each touch distinct indices.
private struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// A write-once result buffer; each index is written by exactly one worker.
private final class UnsafeResults<T>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<T>
    private let count: Int

    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: count)
    }

    func set(_ index: Int, _ value: T) {
        (storage + index).initialize(to: value)
    }

    func finish() -> [T] {
        let array = Array(UnsafeBufferPointer(start: storage, count: count))
        storage.deinitialize(count: count)
        storage.deallocate()
        return array
    }
}

/// How many items a streaming stage hands to `parallelMap` at a time, when their results
/// are folded into one structure as they come: enough to keep every core busy, few enough
/// that the results held at once stay small (2,048 search-term sets were 30 MiB).
let streamingChunkSize = 256

/// `parallelMap` over `0..<count`, `streamingChunkSize` indices at a time; `consume` gets
/// each chunk's results in index order while the next chunk is made: folding the results
/// in is one thread's work, and with the chunks made only after it, a core stood idle for
/// it (a third of the search index's time). Both are iterations of one
/// `concurrentPerform`, which the calling thread takes part in, so the work goes on even
/// when every worker is busy elsewhere (a lane of its own would wait for a free worker:
/// called from a lane beside the page workers, it waited for the pages).
func parallelChunks<Output: Sendable, Failure: Error>(
    count: Int, _ transform: @Sendable (Int) -> Output, consume: (Range<Int>, [Output]) throws(Failure) -> Void
) throws(Failure) {
    let ranges = stride(from: 0, to: count, by: streamingChunkSize).map { $0..<min($0 + streamingChunkSize, count) }
    guard !ranges.isEmpty else { return }
    var current = parallelMap(Array(ranges[0]), transform)
    try withoutActuallyEscaping(consume) { (consume) throws(Failure) in
        let fold = ChunkFold(consume)
        for index in ranges.indices {
            guard index + 1 < ranges.count else {
                try consume(ranges[index], current)
                return
            }
            let next = ranges[index + 1]
            let made = UnsafeResults<Output>(count: next.count)
            let piece = max(1, next.count / 64)
            let pieces = (next.count + piece - 1) / piece
            let done = current
            // Iteration 0 folds this chunk in; the others make the next one, a piece each.
            DispatchQueue.concurrentPerform(iterations: 1 + pieces) { iteration in
                guard iteration > 0 else {
                    fold.run(ranges[index], done)
                    return
                }
                let start = (iteration - 1) * piece
                for offset in start..<min(start + piece, next.count) { made.set(offset, transform(next.lowerBound + offset)) }
            }
            current = made.finish()
            if let failure = fold.failure { throw failure }
        }
    }
}

/// `parallelChunks`' fold, handed to the one iteration that runs it: it runs on one thread
/// at a time, and its caller reads `failure` only after `concurrentPerform` has returned.
private final class ChunkFold<Output, Failure: Error>: @unchecked Sendable {
    private let consume: (Range<Int>, [Output]) throws(Failure) -> Void
    private(set) var failure: Failure?

    init(_ consume: @escaping (Range<Int>, [Output]) throws(Failure) -> Void) { self.consume = consume }

    func run(_ range: Range<Int>, _ results: [Output]) {
        do throws(Failure) { try consume(range, results) } catch { failure = error }
    }
}

/// One thread's work run beside the workers of `parallelMap`: the parts of a stage that
/// only one thread can do (a whole file made at once), which after the parallel part
/// would be a serial tail. `result()` waits for it.
final class Lane<Output: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Written by the lane before it leaves the group, read only after waiting on it.
    private var output: Output?

    init(_ work: @escaping @Sendable () -> Output) {
        DispatchQueue.global().async(group: group) { self.output = work() }
    }

    /// Waits until the lane is done.
    func wait() { group.wait() }

    func result() -> Output {
        group.wait()
        return output!
    }
}

/// Jobs run on a few lanes, each lane taking the next job no lane has taken: one done
/// early takes the rest, where a fixed share of jobs of unequal sizes leaves a lane working
/// alone at the end. Given the largest jobs first, the lanes end close together.
/// `results()` waits for them and gives the outputs in the jobs' order.
final class SharedLanes<Output: Sendable>: @unchecked Sendable {
    private let jobs: [@Sendable () -> Output]
    private let lock = NSLock()
    /// The first job not yet taken; read and moved under `lock` only.
    private var next = 0
    private var lanes: [Lane<[(index: Int, output: Output)]>] = []

    init(_ jobs: [@Sendable () -> Output], lanes count: Int) {
        self.jobs = jobs
        lanes = (0..<min(count, jobs.count)).map { _ in
            Lane { [self] in
                var done: [(index: Int, output: Output)] = []
                while let index = take() { done.append((index, self.jobs[index]())) }
                return done
            }
        }
    }

    private func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < jobs.count else { return nil }
        defer { next += 1 }
        return next
    }

    /// Waits until every job is done.
    func wait() { for lane in lanes { lane.wait() } }

    func results() -> [Output] {
        lanes.flatMap { $0.result() }.sorted { $0.index < $1.index }.map(\.output)
    }
}

/// A value one lane hands to another, let go by the one that takes it: kept in a lane's
/// result, it would stay in memory to the end of the build.
final class Handoff<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?

    init(_ value: Value) {
        self.value = value
    }

    /// The value, the first time; nil after.
    func take() -> Value? {
        lock.lock()
        defer { lock.unlock() }
        let taken = value
        value = nil
        return taken
    }
}
