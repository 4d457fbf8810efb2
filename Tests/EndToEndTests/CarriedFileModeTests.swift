import Foundation
import Testing

/// A rebuild carries unchanged files by hard link; one whose permissions were changed by
/// hand is written anew, so the tree is the clean build's, modes included.
@Suite struct CarriedFileModeTests {
    @Test func aFileWhoseModeWasChangedIsWrittenAnew() throws {
        let site = try SampleSite()
        #expect(try site.build(["--as-of", "2025-06-01", "--quiet"]).status == 0)
        let page = site.root.appendingPathComponent("site/index.html").path
        let other = site.root.appendingPathComponent("site/search.html").path
        let otherInode = try #require(FileManager.default.attributesOfItem(atPath: other)[.systemFileNumber] as? Int)
        #expect(chmod(page, 0) == 0)
        // Another input changes, so the build runs and carries what it can.
        let policy = try #require(FileManager.default.enumerator(atPath: site.root.appendingPathComponent("content/policies").path)?
            .compactMap { $0 as? String }.first { $0.hasSuffix(".md") })
        let policyURL = site.root.appendingPathComponent("content/policies/" + policy)
        let text = try String(contentsOf: policyURL, encoding: .utf8)
        try Data((text + "\n补充一句。\n").utf8).write(to: policyURL)
        let rebuilt = try site.build(["--as-of", "2025-06-01", "--quiet"])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        let mode = try #require(FileManager.default.attributesOfItem(atPath: page)[.posixPermissions] as? Int)
        #expect(mode == 0o644)
        // Untouched files are still carried.
        #expect(try FileManager.default.attributesOfItem(atPath: other)[.systemFileNumber] as? Int == otherInode)
    }
}
