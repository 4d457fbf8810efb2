import Foundation
import Testing

/// Standard output or error that cannot be written (a full disk, a closed stream, a reader
/// that went away) loses the text, never the command: no crash, the command's own exit
/// code, and a build that still commits or not as a whole.
@Suite struct StandardStreamTests {
    /// Runs `disclose ARGS` with its standard output and error sent to `path` (`/dev/full`)
    /// or closed (nil).
    func run(_ arguments: [String], streamsTo path: String?) throws -> Int32 {
        let process = Process()
        process.executableURL = Disclose.executable
        process.arguments = arguments
        let sink = path.flatMap { FileHandle(forWritingAtPath: $0) }
        if let sink {
            process.standardOutput = sink
            process.standardError = sink
        } else {
            let pipe = Pipe()
            try pipe.fileHandleForReading.close()
            process.standardOutput = pipe
            process.standardError = pipe
        }
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "\(arguments): ended by a signal")
        return process.terminationStatus
    }

    @Test func aFullDiskOrAGoneReaderEndsNoCommand() throws {
        let site = try SampleSite()
        for path in ["/dev/full", nil] {
            #expect(try run(["rules"], streamsTo: path) == 0, "\(path ?? "closed")")
            #expect(try run(["check", "--root", site.root.path], streamsTo: path) == 0, "\(path ?? "closed")")
            #expect(try run(["types", "--root", site.root.path], streamsTo: path) == 0, "\(path ?? "closed")")
        }
        #expect(try run(["build", "--root", site.root.path], streamsTo: "/dev/full") == 0)
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("site/index.html").path))
        #expect(try run(["check", "--root", site.root.appendingPathComponent("missing").path], streamsTo: nil) == 2)
    }
}
