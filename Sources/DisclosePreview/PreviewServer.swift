import DisclosureKit
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// `disclose serve`: builds the site into a folder of its own, serves it over HTTP, and
/// rebuilds (incrementally, with the library's build and its audit) whenever an input
/// changes; open pages reload themselves. Only a committed build is ever served, so the
/// preview shows exactly what `disclose build` would publish, and no non-public record.
public struct PreviewServer: Sendable {
    /// The default port (README, Choices).
    public static let defaultPort = 8012
    /// How often the inputs are polled, and how long they must stay unchanged before a
    /// rebuild starts (an editor's save can be several writes).
    public static let pollInterval: Duration = .milliseconds(300)
    public static let settleInterval: Duration = .milliseconds(200)

    public var root: String
    public var host: String
    public var port: Int
    /// Told once the server listens, with the URL to open.
    public var listening: @Sendable (String) -> Void = { _ in }
    /// Told after each build, with its report or the error that stopped it, and whether a
    /// failed build leaves the last good site shown (false when there is none, or when a
    /// record of it is no longer public: then every address answers 503).
    public var built: @Sendable (Result<BuildReport, EnvironmentError>, _ lastGoodSiteShown: Bool) -> Void = { _, _ in }

    public init(root: String, host: String = "127.0.0.1", port: Int = PreviewServer.defaultPort) {
        self.root = root
        self.host = host
        self.port = port
    }

    /// True for a host name or address that only this machine can reach.
    public static func isLoopback(_ host: String) -> Bool {
        let lowered = host.lowercased()
        if lowered == "localhost" || lowered == "::1" || lowered == "[::1]" { return true }
        let parts = lowered.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// Serves until SIGINT, SIGTERM or SIGHUP (the terminal closed), then removes the
    /// preview's folder. Throws when the
    /// folder cannot be made or the address cannot be listened on.
    public func run() async throws {
        let folder = try PreviewFolder()
        let state = PreviewState()
        let started = ListeningFlag()
        let rebuilds = RebuildLoop(root: root, output: folder.output, state: state, started: started, built: built)
        var logger = Logger(label: "disclose-serve")
        logger.logLevel = .critical
        let listening = self.listening
        let host = self.host
        let app = Application(
            responder: PreviewResponder(site: folder.output, state: state),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            services: [rebuilds],
            onServerRunning: { channel in
                started.set()
                let port = channel.localAddress?.port ?? 0
                let shownHost = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
                listening("http://\(shownHost):\(port)/")
            },
            logger: logger
        )
        var configuration = ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: [.sigterm, .sigint, .sighup],
                                                      logger: logger)
        // Event streams end on shutdown (PreviewResponder); this bounds what else may
        // linger before the server is cancelled. A build under way is never cut short.
        configuration.maximumGracefulShutdownDuration = Duration.seconds(3)
        var failure: (any Error)?
        do { try await ServiceGroup(configuration: configuration).run() } catch { failure = error }
        state.stop()
        // The folder goes only once no build can write in it.
        await rebuilds.idle()
        folder.remove(root: root)
        if let failure {
            let place = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
            throw PreviewFailure(started.isSet
                ? Phrase("预览已停止：\(failure)", en: "the preview stopped: \(failure)")
                : ListenFailure.sentence(failure, place: place))
        }
    }

    /// Blocks the calling thread on `run()`: for a command line that is not itself async.
    public func runBlocking() throws {
        let outcome = Outcome()
        let semaphore = DispatchSemaphore(value: 0)
        Task.detached { [self] in
            do { try await run() } catch { outcome.set(error) }
            semaphore.signal()
        }
        semaphore.wait()
        if let error = outcome.error { throw error }
    }

    private final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: (any Error)?
        var error: (any Error)? { lock.withLock { stored } }
        func set(_ error: any Error) { lock.withLock { stored = error } }
    }
}
