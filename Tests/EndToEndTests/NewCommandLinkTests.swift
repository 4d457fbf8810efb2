import Foundation
import Testing

/// `disclose new` writes only where the build reads: a section folder, or content/
/// itself, that is a symbolic link leading outside the root is refused by the build (and
/// never read), and `new` wrote the skeleton through it, outside the root.
@Suite struct NewCommandLinkTests {
    @Test func newWritesNothingThroughALinkOutOfTheRoot() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        let outside = tmp.url.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let guides = root.appendingPathComponent("content/guides")
        try FileManager.default.removeItem(at: guides)
        try FileManager.default.createSymbolicLink(atPath: guides.path, withDestinationPath: outside.path)
        let refused = try Disclose.run(["new", "guide", "abc", "--root", root.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("leads outside the site root"), "\(refused.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)

        // content/ itself linked from outside.
        let other = tmp.url.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: other.appendingPathComponent("content").path,
                                                   withDestinationPath: root.appendingPathComponent("content").path)
        let throughContent = try Disclose.run(["new", "policy", "abc", "--root", other.path])
        #expect(throughContent.status == 2, "\(throughContent.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("content/policies/abc.md").path))
    }

    /// A link that stays inside the root is followed, as the build follows it.
    @Test func newWritesThroughALinkInsideTheRoot() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        let archive = root.appendingPathComponent("archive/guides")
        try FileManager.default.createDirectory(at: archive.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: root.appendingPathComponent("content/guides"), to: archive)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("content/guides").path,
                                                   withDestinationPath: "../archive/guides")
        let created = try Disclose.run(["new", "guide", "abc", "--root", root.path])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(FileManager.default.fileExists(atPath: archive.appendingPathComponent("abc.md").path))
    }
}
