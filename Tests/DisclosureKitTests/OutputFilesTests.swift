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
    /// A tree is removed whole, deep folders, names that are not UTF-8 and links
    /// included; what a link leads to is never touched, and a link given as the tree is
    /// not followed.
    @Test func removingATreeRemovesItAllAndFollowsNoLink() throws {
        let outside = directory + "/outside"
        try FileManager.default.createDirectory(atPath: outside + "/kept", withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: outside + "/kept/file.txt"))
        let tree = directory + "/tree"
        try FileManager.default.createDirectory(atPath: tree + "/a/b/c/d", withIntermediateDirectories: true)
        for folder in ["", "/a", "/a/b", "/a/b/c/d"] {
            try Data("x".utf8).write(to: URL(fileURLWithPath: tree + folder + "/page.html"))
        }
        try Data(OutputDirectory.markerText.utf8).write(to: URL(fileURLWithPath: tree + "/" + OutputDirectory.markerName))
        #expect(symlink(outside, tree + "/a/to-outside") == 0)
        #expect(symlink(outside + "/kept", tree + "/to-kept") == 0)
        let odd = open(tree + "/a/b/\u{1}", O_CREAT | O_WRONLY, 0o644)
        #expect(odd >= 0)
        close(odd)
        let latin1 = (tree + "/a/").utf8CString.dropLast() + [CChar(bitPattern: 0xE9), 0]
        let notUTF8 = latin1.withUnsafeBufferPointer { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        #expect(notUTF8 >= 0)
        close(notUTF8)
        let linkToTree = directory + "/link-to-tree"
        #expect(symlink(tree, linkToTree) == 0)

        OutputDirectory.removeTree(linkToTree)
        #expect(FileManager.default.fileExists(atPath: tree + "/a/b/c/d/page.html"))

        OutputDirectory.removeTree(tree)
        var info = stat()
        #expect(lstat(tree, &info) != 0)
        #expect(FileManager.default.fileExists(atPath: outside + "/kept/file.txt"))
    }

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
