import Foundation

/// Set once the preview's server listens: the first build waits for it, so that an
/// address that cannot be listened on costs no build, and the CLI's "stopped" and
/// "cannot listen" errors are told apart.
final class ListeningFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }

    func set() { lock.withLock { value = true } }
}
