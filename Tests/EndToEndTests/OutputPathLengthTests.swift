import Foundation
import Testing

/// A record whose source path fits the system's limit may still be written at a path over
/// it, in the staging folder beside the output: `check` and `build` report it at the
/// record (`file.name`). The build stopped with an environment error naming the staged
/// page, after `check` had passed.
@Suite struct OutputPathLengthTests {
    @Test func aPageTooDeepToWriteIsReportedAtItsRecord() throws {
        let site = try SampleSite()
        let limit = Int(PATH_MAX) - 1
        // Folders down to a record whose own path is 20 bytes under the limit.
        var folder = site.root.appendingPathComponent("content/policies").path
        var relative = "content/policies"
        while folder.utf8.count + "/deep.md".utf8.count < limit - 20 {
            let room = limit - 20 - "/deep.md".utf8.count - folder.utf8.count - 1
            let name = String(repeating: "d", count: min(250, max(1, room)))
            folder += "/" + name
            relative += "/" + name
        }
        #expect(mkdirDeep(site.root.appendingPathComponent("content/policies").path, String(relative.dropFirst("content/policies/".count))))
        try SampleSite.policy(index: 7).write(toFile: folder + "/deep.md", atomically: false, encoding: .utf8)

        let (checked, diagnostics) = try site.check()
        #expect(checked.status == 1)
        #expect(SampleSite.places(diagnostics) == [relative + "/deep.md:1:1 file.name"])
        let built = try site.build()
        #expect(built.status == 1, "\(built.stderr)")
        #expect(built.stderr.contains(relative + "/deep.md:1:1: error: [file.name]"), "\(built.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("site").path))
    }

    /// Makes `path/relative` one folder at a time, from inside the one before: the whole
    /// path is too long to hand to mkdir.
    private func mkdirDeep(_ path: String, _ relative: String) -> Bool {
        let script = "cd '\(path)' && for d in \(relative.split(separator: "/").joined(separator: " ")); do mkdir \"$d\" && cd \"$d\"; done"
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/bash")
        shell.arguments = ["-c", script]
        guard (try? shell.run()) != nil else { return false }
        shell.waitUntilExit()
        return shell.terminationStatus == 0
    }
}
