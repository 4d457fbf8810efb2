import DisclosureKit
import Foundation
import ServiceLifecycle

/// Builds the site once, then again each time the inputs change and have settled; each
/// outcome goes to the preview's state. A build runs on a thread of its own (it blocks,
/// and uses its own threads), never on the server's.
final class RebuildLoop: Service, @unchecked Sendable {
    let root: String
    let output: String
    let state: PreviewState
    let started: ListeningFlag
    let built: @Sendable (Result<BuildReport, EnvironmentError>, Bool) -> Void
    private let building = DispatchGroup()

    init(root: String, output: String, state: PreviewState, started: ListeningFlag,
         built: @escaping @Sendable (Result<BuildReport, EnvironmentError>, Bool) -> Void) {
        self.root = root
        self.output = output
        self.state = state
        self.started = started
        self.built = built
    }

    func run() async throws {
        // Stops polling on Ctrl-C; the server's own shutdown ends the event streams.
        await cancelWhenGracefulShutdown { [self] in
            while !started.isSet && !Task.isCancelled { try? await Task.sleep(for: .milliseconds(20)) }
            guard !Task.isCancelled else { return }
            var seen = InputSnapshot.take(root: root)
            await build()
            while !Task.isCancelled {
                try? await Task.sleep(for: PreviewServer.pollInterval)
                var now = InputSnapshot.take(root: root)
                guard now != seen, !Task.isCancelled else { continue }
                while !Task.isCancelled {
                    try? await Task.sleep(for: PreviewServer.settleInterval)
                    let again = InputSnapshot.take(root: root)
                    if again == now { break }
                    now = again
                }
                guard !Task.isCancelled else { break }
                // Taken before the build: an edit made while it runs starts another.
                seen = now
                await build()
            }
        }
        state.stop()
    }

    /// Returns once no build is running.
    func idle() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            building.notify(queue: .global()) { continuation.resume() }
        }
    }

    private func build() async {
        let builder = SiteBuilder(root: root, output: output)
        let group = building
        let hadGoodSite = state.snapshot.hasGoodSite
        group.enter()
        let (outcome, withdrawn) = await withCheckedContinuation { [root, output] (continuation: CheckedContinuation<(Result<BuildReport, EnvironmentError>, Bool), Never>) in
            Thread.detachNewThread {
                let result = Result { () throws(EnvironmentError) in try builder.build() }
                // After a failed build the last good site is shown only while every record
                // in it is still public: otherwise a withdrawal that brings errors (it
                // usually does) would leave the withdrawn record readable.
                let failed = (try? result.get().committed) != true
                let withdrawn = failed && hadGoodSite && !StillPublicCheck.lastGoodSiteMayBeShown(root: root, output: output)
                continuation.resume(returning: (result, withdrawn))
                group.leave()
            }
        }
        switch outcome {
        case .success(let report) where report.committed:
            state.record(failure: nil, siteChanged: !report.upToDate || !hadGoodSite)
        case .success(let report):
            state.record(failure: BuildFailure(diagnostics: report.diagnostics, hasGoodSite: hadGoodSite,
                                               lastGoodSiteWithdrawn: withdrawn), siteChanged: false)
        case .failure(let error):
            // The page is in Chinese: the error's Chinese when it has one.
            let environmentError = ((error as any Error) as? PhrasedError)?.phrase.zh ?? error.description
            state.record(failure: BuildFailure(diagnostics: [], environmentError: environmentError, hasGoodSite: hadGoodSite,
                                               lastGoodSiteWithdrawn: withdrawn),
                         siteChanged: false)
        }
        built(outcome, hadGoodSite && !withdrawn)
    }
}
