import Foundation
import Testing

/// Every input in Tests/FuzzRegressions (hostile inputs and fuzzer findings) goes through
/// the whole record pipeline without a crash, a hang or a memory blow-up.
@Suite struct FuzzRegressionTests {
    @Test func everyRegressionInputRunsCleanly() throws {
        let folder = Disclose.packageRoot.appendingPathComponent("Tests/FuzzRegressions")
        let inputs = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .map { folder.appendingPathComponent($0).path }
        #expect(inputs.count >= 10)
        let replay = Disclose.executable.deletingLastPathComponent().appendingPathComponent("disclose-fuzz")
        for input in inputs {
            let process = Process()
            process.executableURL = replay
            process.arguments = [input]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let start = Date()
            try process.run()
            while process.isRunning && Date().timeIntervalSince(start) < 30 { usleep(20_000) }
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            #expect(process.terminationReason == .exit && process.terminationStatus == 0, "\(input) crashed or hung")
            #expect(Date().timeIntervalSince(start) < 30, "\(input) took too long")
        }
    }
}
