import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Runs the real `disclose` binary that `swift test` built beside the test bundle.
enum Disclose {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// True when the run was killed for outlasting its time limit.
        var timedOut = false
    }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures")

    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["DISCLOSE_BINARY"] { return URL(fileURLWithPath: path) }
        // The test bundle lives in the products folder (.build/debug), like the executable.
        var candidates: [URL] = []
        for bundle in Bundle.allBundles {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("disclose"))
        }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("disclose"))
        candidates.append(packageRoot.appendingPathComponent(".build/debug/disclose"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }

    /// Runs `disclose ARGS` with standard input closed. A run that outlasts `timeout`
    /// seconds is killed and reported as `timedOut` (status -1), so a hang fails its test
    /// instead of the whole suite.
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil,
                    timeout: TimeInterval = 600) throws -> Result {
        try start(arguments, environment: environment, in: directory).finish(timeout: timeout)
    }

    /// A `disclose` process started by `start`, not yet waited for.
    final class Running {
        let process: Process
        private let out = Pipe(), err = Pipe()

        fileprivate init(_ process: Process) throws {
            self.process = process
            process.standardOutput = out
            process.standardError = err
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }

        var pid: Int32 { process.processIdentifier }

        /// Waits for the process (killing it after `timeout` seconds) and reads its output.
        func finish(timeout: TimeInterval = 600) -> Result {
            let process = self.process
            let killed = UnsafeBox<Bool>()
            let deadline = DispatchWorkItem {
                if process.isRunning {
                    killed.value = true
                    kill(process.processIdentifier, SIGKILL)
                }
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: deadline)
            // Read both pipes while the process runs so a full pipe cannot block it.
            let outData = UnsafeBox<Data>(), errData = UnsafeBox<Data>()
            let group = DispatchGroup()
            group.enter()
            let out = self.out
            DispatchQueue.global().async { outData.value = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
            errData.value = err.fileHandleForReading.readDataToEndOfFile()
            group.wait()
            process.waitUntilExit()
            deadline.cancel()
            let timedOut = killed.value ?? false
            return Result(status: timedOut ? -1 : process.terminationStatus,
                          stdout: String(decoding: outData.value ?? Data(), as: UTF8.self),
                          stderr: String(decoding: errData.value ?? Data(), as: UTF8.self), timedOut: timedOut)
        }
    }

    /// Starts `disclose ARGS` and returns at once; `finish()` waits for it.
    static func start(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil) throws -> Running {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        // The tests read the English messages unless they ask for Chinese, the default.
        env["DISCLOSE_LANG"] = "en"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        return try Running(process)
    }

    /// The JSON diagnostics of a `--format json` run, but for the notes that name the
    /// sample's own scheduled records (`SampleRecords.scheduledPaths`): every copy of the
    /// sample has them until their day.
    static func diagnostics(_ result: Result) throws -> [[String: Any]] {
        let all = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let scheduled = SampleRecords.scheduledPaths
        return all.filter { diagnostic in
            !(diagnostic["rule"] as? String == "record.scheduled" && scheduled.contains(diagnostic["file"] as? String ?? ""))
        }
    }
}

final class UnsafeBox<T>: @unchecked Sendable {
    var value: T?
}

/// A scratch directory, removed when the test ends.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A copy of the fixture tree `name` (or of the repository's sample site, `"sample"`).
    /// The records tests plant in the sample are written for a site without a publisher
    /// registry (publisher 测试局, code …9Z), so the copy's `publishers:` list is left out
    /// unless `keepingPublishers`: those tests then also show that a site without a
    /// registry keeps its old rules.
    func copy(fixture name: String, keepingPublishers: Bool = false) throws -> URL {
        let target = url.appendingPathComponent(name)
        if name == "sample" {
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Disclose.packageRoot.appendingPathComponent("content"),
                                             to: target.appendingPathComponent("content"))
            // The sample's own type declarations (建议提案办理结果).
            try FileManager.default.copyItem(at: Disclose.packageRoot.appendingPathComponent("types"),
                                             to: target.appendingPathComponent("types"))
            if !keepingPublishers {
                let settings = target.appendingPathComponent("content/site.yaml")
                let text = try String(contentsOf: settings, encoding: .utf8)
                try Self.withoutPublishers(text).write(to: settings, atomically: true, encoding: .utf8)
            }
        } else {
            try FileManager.default.copyItem(at: Disclose.fixtures.appendingPathComponent(name), to: target)
        }
        return target
    }

    /// `site.yaml` without its `publishers:` key and the lines indented below it.
    static func withoutPublishers(_ yaml: String) -> String {
        var kept: [Substring] = []
        var inList = false
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("publishers:") { inList = true; continue }
            if inList, line.hasPrefix(" ") || line.hasPrefix("-") { continue }
            inList = false
            kept.append(line)
        }
        return kept.joined(separator: "\n")
    }

    func write(_ text: String, to relative: String) throws {
        try write(Data(text.utf8), to: relative)
    }

    func write(_ data: Data, to relative: String) throws {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
