import DisclosureKit
import Foundation

/// A one-line progress display on standard error (stage, items done, their rate, time) in
/// the run's language, redrawn four times a second once a build has run for a second;
/// only on a terminal.
final class ProgressLine: @unchecked Sendable {
    private let progress: BuildProgress
    private let start = Date()
    private let lock = NSLock()
    private var running = true
    private var drawn = false
    private var thread: Thread?

    init(_ progress: BuildProgress) {
        self.progress = progress
        let thread = Thread { [weak self] in
            while let self, self.tick() { Thread.sleep(forTimeInterval: 0.25) }
        }
        self.thread = thread
        thread.start()
    }

    /// Draws the line; false once stopped.
    private func tick() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard running else { return false }
        let elapsed = Date().timeIntervalSince(start)
        guard elapsed >= 1 else { return true }
        let (stage, done, total, seconds) = progress.snapshot
        var line = localized(BuildStageName.phrase(stage))
        if total > 0 {
            line += localized("：\(done)/\(total)", en: ": \(done)/\(total)")
            let rate = Int(Double(done) / max(seconds, 0.001))
            if seconds >= 0.5 { line += localized(" · 每秒 \(rate) 项", en: " · \(rate)/s") }
        }
        line += localized(String(format: " · %.0f 秒", elapsed), en: String(format: " · %.0f s", elapsed))
        Terminal.writeError("\r\u{1B}[K" + line)
        drawn = true
        return true
    }

    /// Stops and clears the line, before the diagnostics and summary are printed.
    func stop() {
        lock.lock()
        defer { lock.unlock() }
        running = false
        if drawn { Terminal.writeError("\r\u{1B}[K") }
    }

    /// A progress line when standard error is a terminal and `quiet` is off.
    static func start(quiet: Bool) -> (BuildProgress?, ProgressLine?) {
        guard !quiet, isatty(STDERR_FILENO) == 1 else { return (nil, nil) }
        let progress = BuildProgress()
        return (progress, ProgressLine(progress))
    }
}
