import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Two builds into one output at once: the second waits for the first (it holds a lock
/// beside the output), so neither removes what the other is writing, and the output is
/// always a whole site that passes its audit.
@Suite struct ConcurrentBuildTests {
    /// The lock file a build holds beside `output` (`OutputLock`).
    static func lockPath(of output: URL) -> String {
        output.deletingLastPathComponent().appendingPathComponent(".disclose-lock-" + output.lastPathComponent).path
    }

    /// 20 rounds: a build from one root, then, at a random moment of it, a build from
    /// another root into the same output. Both exit 0, and the output is a whole site of
    /// one of the two roots (its audit finds nothing).
    @Test func racingBuildsLeaveAWholeSite() throws {
        let tmp = try TemporaryDirectory()
        let rootA = tmp.url.appendingPathComponent("a"), rootB = tmp.url.appendingPathComponent("b")
        try CrashSafetyTests.writeRoot(rootA, count: 300, version: 1)
        try CrashSafetyTests.writeRoot(rootB, count: 300, version: 2)
        let output = tmp.url.appendingPathComponent("out")
        let started = Date()
        #expect(try Disclose.run(["build", "--root", rootA.path, "--output", output.path]).status == 0)
        let duration = Date().timeIntervalSince(started)

        var generator = SystemRandomNumberGenerator()
        for round in 0..<20 {
            let (first, second) = round % 2 == 0 ? (rootB, rootA) : (rootA, rootB)
            let one = try Disclose.start(["build", "--root", first.path, "--output", output.path])
            usleep(UInt32(Double.random(in: 0...duration, using: &generator) * 1_000_000))
            let two = try Disclose.start(["build", "--root", second.path, "--output", output.path])
            let resultOne = one.finish(timeout: 300), resultTwo = two.finish(timeout: 300)
            #expect(resultOne.status == 0, "round \(round): the first build: \(resultOne.stderr)")
            #expect(resultTwo.status == 0, "round \(round): the second build: \(resultTwo.stderr)")
            let audits = try [first, second].map { root in
                try Disclose.run(["audit", output.path, "--root", root.path], timeout: 300)
            }
            #expect(audits.contains { $0.status == 0 },
                    "round \(round): the output is no whole site of either root: \(audits.map { $0.stderr.prefix(2000) })")
        }
        // Nothing is left beside the output: no staging, no lock.
        let beside = try FileManager.default.contentsOfDirectory(atPath: tmp.url.path).filter { $0.hasPrefix(".disclose") }
        #expect(beside == [])
    }

    /// A build that finds the output locked says whose build it waits for, and goes on
    /// when the lock is released; with --no-wait it exits 2 at once, touching nothing.
    @Test func aSecondBuildWaitsOrWithNoWaitExits() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        let output = tmp.url.appendingPathComponent("site")
        // This test process holds the lock, as a build would.
        let fd = open(Self.lockPath(of: output), O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        try #require(fd >= 0)
        defer { close(fd) }
        let pid = "\(getpid())\n"
        _ = pid.withCString { write(fd, $0, strlen($0)) }
        try #require(flock(fd, LOCK_EX) == 0)

        let refused = try Disclose.run(["build", "--root", root.path, "--output", output.path, "--no-wait"], timeout: 60)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("PID \(getpid())"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path))

        let waiting = try Disclose.start(["build", "--root", root.path, "--output", output.path])
        usleep(1_500_000)
        #expect(waiting.process.isRunning, "the build did not wait for the lock")
        #expect(!FileManager.default.fileExists(atPath: output.path))
        flock(fd, LOCK_UN)
        let result = waiting.finish(timeout: 120)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("waiting for the build of PID \(getpid())"), "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }

    /// The lock of a build that was killed is released by the kernel: the next build
    /// neither waits nor refuses, and removes the file it left.
    @Test func aKilledBuildsLockFileDoesNotBlock() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        let output = tmp.url.appendingPathComponent("site")
        try "99999\n".write(toFile: Self.lockPath(of: output), atomically: false, encoding: .utf8)
        let result = try Disclose.run(["build", "--root", root.path, "--output", output.path, "--no-wait"], timeout: 120)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("waiting"))
        #expect(!FileManager.default.fileExists(atPath: Self.lockPath(of: output)))
    }
}
