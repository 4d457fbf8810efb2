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

    private let state = Mutex<(stage: String, total: Int, started: UInt64, ended: [Stage])>(("starting", 0, 0, []))
    private let done = Atomic<Int>(0)

    public init() {}

    /// Starts a stage of `total` items (0 when they are not counted).
    public func begin(_ stage: String, total: Int) {
        state.withLock { state in
            if state.started != 0 {
                state.ended.append(Stage(name: state.stage, total: state.total, done: done.load(ordering: .relaxed)))
            }
            state = (stage, total, DispatchTime.now().uptimeNanoseconds, state.ended)
            done.store(0, ordering: .relaxed)
        }
    }

    /// One more item of the current stage is done.
    public func advance() {
        done.add(1, ordering: .relaxed)
    }

    /// The current stage, and how many seconds it has run.
    public var snapshot: (stage: String, done: Int, total: Int, seconds: Double) {
        let (stage, total, started, _) = state.withLock { $0 }
        let seconds = started == 0 ? 0 : Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return (stage, done.load(ordering: .relaxed), total, seconds)
    }

    /// Every stage begun so far, the current one last: what a test checks the counting by.
    public var stages: [Stage] {
        state.withLock { state in
            state.ended + (state.started == 0 ? [] : [Stage(name: state.stage, total: state.total,
                                                              done: done.load(ordering: .relaxed))])
        }
    }
}
