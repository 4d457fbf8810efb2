import Foundation
import Testing
@testable import DisclosureKit
#if canImport(Glibc)
import Glibc
#endif

/// How a build names, creates and opens the files around its output: leftovers known by
/// their exact names, files created without following links, only regular files read.
final class OutputFilesTests {
    let directory: String = {
        let path = NSTemporaryDirectory() + "disclose-outputfiles-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// The output `site` takes its own staging and retired folders, never those of the
    /// output `site-2` (whose names start the same).
    @Test func leftoversAreKnownByTheirExactNames() {
        let site = OutputDirectory(path: "/srv/www/site")
        let staging = OutputDirectory.stagingPrefix
        #expect(site.isOwnLeftover(staging + "site-" + OutputDirectory.uniqueSuffix(), prefix: staging))
        #expect(site.isOwnLeftover(staging + "site-99999-1", prefix: staging))
        #expect(!site.isOwnLeftover(staging + "site-2-99999-1", prefix: staging))
        #expect(!site.isOwnLeftover(staging + "site-99999", prefix: staging))
        #expect(!site.isOwnLeftover(staging + "site-99999-x1", prefix: staging))
        #expect(!site.isOwnLeftover(staging + "site-99999-", prefix: staging))
        #expect(!site.isOwnLeftover(OutputDirectory.retiredPrefix + "site-99999-1", prefix: staging))
        #expect(OutputDirectory(path: "/srv/www/site-2").isOwnLeftover(staging + "site-2-99999-1", prefix: staging))
    }

    /// Two outputs of one name in different folders have caches of their own.
    @Test func eachOutputHasItsOwnCacheFiles() {
        let a = CacheFolder.key("/srv/a/site"), b = CacheFolder.key("/srv/b/site")
        #expect(a != b)
        #expect(a.hasPrefix("site-") && b.hasPrefix("site-"))
        #expect(CacheFolder.key("/srv/a/site") == a)
        // A name a file name cannot hold whole is cut down, the digest telling it apart.
        let odd = CacheFolder.key("/srv/" + String(repeating: "网站 /", count: 1) + String(repeating: "x", count: 300))
        #expect(odd.utf8.count < 80)
    }

    /// A link planted where a file is written is replaced, never written through.
    @Test func writesNeverFollowALink() throws {
        let victim = directory + "/victim", planted = directory + "/planted"
        try FileIO.write(Array("victim".utf8), to: victim)
        #expect(symlink(victim, planted) == 0)
        try FileIO.write(Array("new".utf8), to: planted)
        #expect(try FileIO.readBytes(victim) == Array("victim".utf8))
        #expect(try FileIO.readBytes(planted, followingLinks: false) == Array("new".utf8))
        #expect(symlink(victim, directory + "/cache.partial-1") == 0)
        try FileIO.replace(directory + "/cache") { (file: inout FileWriter) throws(FileIO.Failure) in try file.write("cache") }
        #expect(try FileIO.readBytes(victim) == Array("victim".utf8))
        #expect(try FileIO.readBytes(directory + "/cache") == Array("cache".utf8))
    }

    /// A named pipe, a link (when links are not followed) or a folder is refused at once,
    /// without waiting for a writer.
    @Test func onlyRegularFilesAreRead() throws {
        let pipe = directory + "/pipe", link = directory + "/link", file = directory + "/file"
        try FileIO.write(Array("text".utf8), to: file)
        #expect(mkfifo(pipe, 0o600) == 0)
        #expect(symlink(file, link) == 0)
        #expect(throws: FileIO.Failure.self) { try FileIO.readBytes(pipe) }
        #expect(FileIO.digest(ofFileAt: pipe) == nil)
        #expect(!FileIO.sameContents(pipe, pipe))
        #expect(throws: FileIO.Failure.self) { try FileIO.readBytes(link, followingLinks: false) }
        #expect(try FileIO.readBytes(link) == Array("text".utf8))
        #expect(throws: FileIO.Failure.self) { try FileIO.readBytes(directory) }
    }
}
