import Synchronization

/// What a running build is doing, for a progress line: the stage, and how many of its
/// items are done. Workers count with an atomic, so reporting costs nothing measurable.
public final class BuildProgress: Sendable {
    private let state = Mutex<(stage: String, total: Int)>(("starting", 0))
    private let done = Atomic<Int>(0)

    public init() {}

    /// Starts a stage of `total` items.
    public func begin(_ stage: String, total: Int) {
        state.withLock { $0 = (stage, total) }
        done.store(0, ordering: .relaxed)
    }

    /// One more item of the current stage is done.
    public func advance() {
        done.add(1, ordering: .relaxed)
    }

    public var snapshot: (stage: String, done: Int, total: Int) {
        let (stage, total) = state.withLock { $0 }
        return (stage, done.load(ordering: .relaxed), total)
    }
}
