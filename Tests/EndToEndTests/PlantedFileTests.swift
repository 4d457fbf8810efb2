import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Odd files planted where a build writes or reads: symbolic links at the names of its
/// temporary files, named pipes in the output or its caches. A build never writes
/// through a link and never opens a file that is not a regular file.
@Suite struct PlantedFileTests {
    static let victimText = "a file of someone else's\n"

    /// The process id the system hands out next (roughly: others may be started too).
    static func lastPID() -> Int {
        Int(((try? String(contentsOfFile: "/proc/sys/kernel/ns_last_pid", encoding: .utf8)) ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)) ?? Int(getpid())
    }

    static func build(_ root: URL, _ output: URL, timeout: TimeInterval = 300) throws -> Disclose.Result {
        try Disclose.run(["build", "--root", root.path, "--output", output.path], timeout: timeout)
    }

    /// Symbolic links to a victim file at every name a cache's temporary file could have
    /// (the next few thousand process ids, beside the output and in the root's cache
    /// folder): two builds that rewrite the caches leave the victim as it was.
    @Test func temporaryFilesNeverFollowPlantedLinks() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        let output = tmp.url.appendingPathComponent("site")
        let victim = tmp.url.appendingPathComponent("victim.txt")
        try Self.victimText.write(to: victim, atomically: false, encoding: .utf8)
        #expect(try Self.build(root, output).status == 0)

        let cacheFolder = root.appendingPathComponent(".disclose")
        var folders = [tmp.url.path: [".disclose-cache-site", ".disclose-cache-site-records"]]
        if let names = try? FileManager.default.contentsOfDirectory(atPath: cacheFolder.path) {
            folders[cacheFolder.path] = names
        }
        let next = Self.lastPID()
        for (folder, names) in folders {
            for name in names {
                for pid in next...(next + 3000) {
                    symlink(victim.path, folder + "/" + name + ".partial-\(pid)")
                }
            }
        }
        // Each build edits a public record, so that both caches are written again.
        let record = try #require(FileManager.default.enumerator(atPath: root.appendingPathComponent("content/policies").path)?
            .compactMap { $0 as? String }.sorted().first { $0.hasSuffix(".md") })
        let recordURL = root.appendingPathComponent("content/policies/" + record)
        for edit in 1...2 {
            try (String(contentsOf: recordURL, encoding: .utf8) + "\n补充说明\(edit)。\n").write(to: recordURL, atomically: false, encoding: .utf8)
            let result = try Self.build(root, output)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try String(contentsOf: victim, encoding: .utf8) == Self.victimText)
        }
    }

    /// Links at the names of a killed build's staging and retired folders, leading to a
    /// folder that even carries the marker: the clean-up never deletes through them.
    @Test func theCleanUpNeverFollowsALink() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        let output = tmp.url.appendingPathComponent("site")
        let victim = tmp.url.appendingPathComponent("victim")
        try FileManager.default.createDirectory(at: victim, withIntermediateDirectories: true)
        try Self.victimText.write(to: victim.appendingPathComponent("precious.txt"), atomically: false, encoding: .utf8)
        try "marker\n".write(to: victim.appendingPathComponent(".disclose-build"), atomically: false, encoding: .utf8)
        let planted = [".disclose-staging-site-99999-1", ".disclose-retired-site-99999-1", ".disclose-retired-site-99999"]
        for name in planted { #expect(symlink(victim.path, tmp.url.appendingPathComponent(name).path) == 0) }
        #expect(try Self.build(root, output).status == 0)
        #expect(try Self.build(root, output).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: victim.path).sorted() == [".disclose-build", "precious.txt"])
        #expect(try String(contentsOf: victim.appendingPathComponent("precious.txt"), encoding: .utf8) == Self.victimText)
    }

    /// The root's cache folder replaced by a link: refused (exit 2); nothing is written
    /// where it leads.
    @Test func aLinkedCacheFolderIsRefused() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        let elsewhere = tmp.url.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        #expect(symlink(elsewhere.path, root.appendingPathComponent(".disclose").path) == 0)
        let result = try Self.build(root, tmp.url.appendingPathComponent("site"))
        #expect(result.status == 2)
        #expect(result.stderr.contains(".disclose"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path) == [])
    }

    /// A link, a hard link or someone's file at the name of the output's lock file:
    /// refused (exit 2), the file left as it was.
    @Test(arguments: ["symbolic link", "hard link", "file"])
    func aPlantedLockFileIsRefused(kind: String) throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        let output = tmp.url.appendingPathComponent("site")
        let victim = tmp.url.appendingPathComponent("victim.txt")
        try Self.victimText.write(to: victim, atomically: false, encoding: .utf8)
        let lock = ConcurrentBuildTests.lockPath(of: output)
        switch kind {
        case "symbolic link": #expect(symlink(victim.path, lock) == 0)
        case "hard link": #expect(link(victim.path, lock) == 0)
        default: try Self.victimText.write(toFile: lock, atomically: false, encoding: .utf8)
        }
        let result = try Self.build(root, output, timeout: 60)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(".disclose-lock-site"), "\(result.stderr)")
        #expect(try String(contentsOf: victim, encoding: .utf8) == Self.victimText)
        #expect(try String(contentsOfFile: lock, encoding: .utf8) == Self.victimText)
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    /// Named pipes in a built site, one at a stray name and one in place of a file the
    /// build writes: the audit reports both as stray files at once instead of hanging on them.
    @Test func namedPipesInTheOutputAreStrayFilesToTheAudit() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        let output = tmp.url.appendingPathComponent("site")
        #expect(try Self.build(root, output).status == 0)
        #expect(mkfifo(output.appendingPathComponent("upload.fifo").path, 0o644) == 0)
        #expect(unlink(output.appendingPathComponent("robots.txt").path) == 0)
        #expect(mkfifo(output.appendingPathComponent("robots.txt").path, 0o644) == 0)
        let result = try Disclose.run(["audit", output.path, "--root", root.path], timeout: 60)
        #expect(!result.timedOut, "the audit hung on a named pipe")
        #expect(result.status == 1)
        let stray = result.stderr.split(separator: "\n").filter { $0.contains("[audit.stray_file]") }
        #expect(stray.contains { $0.contains("upload.fifo") }, "\(result.stderr)")
        #expect(stray.contains { $0.contains("robots.txt") }, "\(result.stderr)")
    }

    /// A named pipe in place of an unchanged page, of the marker or of a cache: the next
    /// build does not hang; it replaces the page with a regular file (the marker, not
    /// one a build writes, makes the output one it refuses).
    @Test func namedPipesInPlaceOfBuiltFilesAreNeverOpened() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        let output = tmp.url.appendingPathComponent("site")
        #expect(try Self.build(root, output).status == 0)
        let page = output.appendingPathComponent("policies/index.html").path
        #expect(unlink(page) == 0)
        #expect(mkfifo(page, 0o644) == 0)
        let cacheFolder = root.appendingPathComponent(".disclose").path
        for name in (try? FileManager.default.contentsOfDirectory(atPath: cacheFolder)) ?? [] where name != ".gitignore" {
            #expect(unlink(cacheFolder + "/" + name) == 0)
            #expect(mkfifo(cacheFolder + "/" + name, 0o600) == 0)
        }
        let rebuilt = try Self.build(root, output, timeout: 120)
        #expect(!rebuilt.timedOut, "the build hung on a named pipe")
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        var info = stat()
        #expect(lstat(page, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG)
        #expect(try Disclose.run(["audit", output.path, "--root", root.path], timeout: 120).status == 0)

        let marker = output.appendingPathComponent(".disclose-build").path
        #expect(unlink(marker) == 0)
        #expect(mkfifo(marker, 0o644) == 0)
        let refused = try Self.build(root, output, timeout: 60)
        #expect(!refused.timedOut, "the build hung on a named pipe")
        #expect(refused.status == 2, "\(refused.stderr)")
    }
}
