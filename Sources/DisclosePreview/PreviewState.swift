import Foundation

/// What the preview shows, shared by the rebuild loop (which changes it) and the
/// requests (which read it): whether a good site is in the folder, why the latest build
/// failed if it did, and the generation, a count that goes up each time either changes.
/// Open event streams are told every new generation.
public final class PreviewState: @unchecked Sendable {
    /// What a request sees, all of a piece.
    public struct Snapshot: Sendable {
        public var generation: Int
        public var hasGoodSite: Bool
        public var failure: BuildFailure?
    }

    private let lock = NSLock()
    private var current = Snapshot(generation: 0, hasGoodSite: false, failure: nil)
    private var listeners: [UInt64: AsyncStream<Int>.Continuation] = [:]
    private var nextListener: UInt64 = 0
    private var stopped = false

    public init() {}

    public var snapshot: Snapshot {
        lock.withLock { current }
    }

    /// Records a build's outcome (a failure, or nil for a site committed), and moves to a
    /// new generation when the preview now shows something else: a new site, a new list
    /// of problems, or a fixed site after problems.
    public func record(failure: BuildFailure?, siteChanged: Bool) {
        let waiting: [AsyncStream<Int>.Continuation]
        let generation: Int
        lock.lock()
        let changed = siteChanged || failure != current.failure
        if failure == nil { current.hasGoodSite = true }
        current.failure = failure
        guard changed else {
            lock.unlock()
            return
        }
        current.generation += 1
        generation = current.generation
        waiting = Array(listeners.values)
        lock.unlock()
        for listener in waiting { listener.yield(generation) }
    }

    /// A stream of the generations to come, and the key to stop listening with; an
    /// already finished stream once the preview is stopping.
    public func listen() -> (key: UInt64, generations: AsyncStream<Int>) {
        let (stream, continuation) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let key: UInt64? = lock.withLock {
            guard !stopped else { return nil }
            nextListener += 1
            listeners[nextListener] = continuation
            return nextListener
        }
        guard let key else {
            continuation.finish()
            return (0, stream)
        }
        return (key, stream)
    }

    public func stopListening(_ key: UInt64) {
        let continuation = lock.withLock { listeners.removeValue(forKey: key) }
        continuation?.finish()
    }

    /// Ends every open event stream, so that the server can stop without waiting on them.
    public func stop() {
        let waiting = lock.withLock {
            stopped = true
            defer { listeners.removeAll() }
            return Array(listeners.values)
        }
        for listener in waiting { listener.finish() }
    }
}
