import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Where a build keeps its caches: in the site root's `.disclose/` folder (mode 0700,
/// ignored by git), one pair of files per output; nothing beside the output but the
/// output, and after a failed build nothing outside the root at all.
@Suite struct CacheLocationTests {
    static func entries(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test func cachesLiveInTheRootsCacheFolder() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        let www = tmp.url.appendingPathComponent("www")
        let output = www.appendingPathComponent("html")
        let result = try Disclose.run(["build", "--root", root.path, "--output", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.entries(www) == ["html"])
        let folder = root.appendingPathComponent(".disclose")
        var info = stat()
        #expect(lstat(folder.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR)
        #expect(info.st_mode & 0o777 == 0o700)
        #expect(try String(contentsOf: folder.appendingPathComponent(".gitignore"), encoding: .utf8) == "*\n")
        #expect(Self.entries(folder).filter { $0 != ".gitignore" }.count == 2)
        let again = try Disclose.run(["build", "--root", root.path, "--output", output.path])
        #expect(again.stderr.contains("nothing changed since the last build"), "\(again.stderr)")
        #expect(Self.entries(www) == ["html"])
    }

    /// Two outputs of one root have a cache each: building one does not cost the other
    /// its shortcuts.
    @Test func twoOutputsKeepTheirOwnCaches() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        let first = tmp.url.appendingPathComponent("one/site"), second = tmp.url.appendingPathComponent("two/site")
        #expect(try Disclose.run(["build", "--root", root.path, "--output", first.path]).status == 0)
        #expect(try Disclose.run(["build", "--root", root.path, "--output", second.path]).status == 0)
        #expect(Self.entries(root.appendingPathComponent(".disclose")).filter { $0 != ".gitignore" }.count == 4)
        for output in [first, second] {
            let again = try Disclose.run(["build", "--root", root.path, "--output", output.path])
            #expect(again.stderr.contains("nothing changed since the last build"), "\(output.path): \(again.stderr)")
        }
    }

    /// A build that fails into folders that did not exist leaves nothing outside the
    /// root: not the output, not its parents, no staging, no lock.
    @Test func aFailedBuildIntoNewFoldersWritesNothingOutsideTheRoot() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        try tmp.write("---\ntitle: 坏记录\n---\n", to: "sample/content/policies/broken.md")
        let output = tmp.url.appendingPathComponent("www/xxgk/site")
        let failed = try Disclose.run(["build", "--root", root.path, "--output", output.path])
        #expect(failed.status == 1)
        #expect(Self.entries(tmp.url) == ["sample"])
    }

    /// A root that does not exist is reported as such, and not made (the output's
    /// missing folders are made for the lock, and the default output is inside the root).
    @Test func aMissingRootIsNotMade() throws {
        let tmp = try TemporaryDirectory()
        let root = tmp.url.appendingPathComponent("nothere")
        let result = try Disclose.run(["build", "--root", root.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is not a readable directory"), "\(result.stderr)")
        #expect(Self.entries(tmp.url) == [])
    }

    /// Caches an earlier disclose kept beside the output are neither read nor removed
    /// (they may be someone else's files); the user deletes them.
    @Test func oldCachesBesideTheOutputAreLeftAlone() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        let output = tmp.url.appendingPathComponent("site")
        let old = [".disclose-cache-site", ".disclose-cache-site-records", ".disclose-cache-site.partial-12345"]
        for name in old { try Data("old\n".utf8).write(to: tmp.url.appendingPathComponent(name)) }
        #expect(try Disclose.run(["build", "--root", root.path, "--output", output.path]).status == 0)
        #expect(Self.entries(tmp.url) == (old + ["sample", "site"]).sorted())
        for name in old { #expect(try String(contentsOf: tmp.url.appendingPathComponent(name), encoding: .utf8) == "old\n") }
    }
}
