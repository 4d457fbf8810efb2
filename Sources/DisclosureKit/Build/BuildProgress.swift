import Dispatch
import Synchronization

/// What a running build is doing, for a progress line: the stage, how many of its items
/// are done, and since when. Workers count with an atomic, so reporting costs nothing
/// measurable.
public final class BuildProgress: Sendable {
    /// A stage as it ended (or as it is, for the current one).
    public struct Stage: Sendable, Equatable {
        public var name: String
        public var total: Int
        public var done: Int
    }

    /// The stage under way (nil before the first) and when it began; the stages before it.
    private let state = Mutex<(current: (name: String, total: Int, began: UInt64)?, ended: [Stage])>((nil, []))
    private let done = Atomic<Int>(0)

    public init() {}

    /// Starts a stage of `total` items (0 when they are not counted).
    public func begin(_ stage: String, total: Int) {
        state.withLock { state in
            if let current = state.current {
                state.ended.append(Stage(name: current.name, total: current.total, done: done.load(ordering: .relaxed)))
            }
            state.current = (stage, total, DispatchTime.now().uptimeNanoseconds)
            done.store(0, ordering: .relaxed)
        }
    }

    /// One more item of the current stage is done.
    public func advance() {
        done.add(1, ordering: .relaxed)
    }

    /// The current stage, and how many seconds it has run.
    public var snapshot: (stage: String, done: Int, total: Int, seconds: Double) {
        guard let current = state.withLock({ $0.current }) else { return ("starting", 0, 0, 0) }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - current.began) / 1e9
        return (current.name, done.load(ordering: .relaxed), current.total, seconds)
    }

    /// Every stage begun so far, the current one last: what a test checks the counting by.
    public var stages: [Stage] {
        state.withLock { state in
            state.ended + (state.current.map { [Stage(name: $0.name, total: $0.total, done: done.load(ordering: .relaxed))] } ?? [])
        }
    }
}
