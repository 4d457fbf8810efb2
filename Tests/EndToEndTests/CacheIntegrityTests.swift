import Foundation
import Testing

/// The caches in the root's `.disclose/` only save work: whatever their bytes have become
/// on disk (a bad sector, a partial copy of the root, an edit by hand), a build makes the
/// site its sources say, or none.
@Suite struct CacheIntegrityTests {
    /// A record cache entry whose bytes changed is not used: the record is decoded from its
    /// file. Its title, changed by one character in the cache, was published as changed.
    @Test func aChangedRecordCacheEntryIsNotUsed() throws {
        let site = try SampleSite()
        let source = try String(contentsOf: site.root.appendingPathComponent("content/policies/mhf-2024-3.md"), encoding: .utf8)
        let title = try #require(source.split(separator: "\n").first { $0.hasPrefix("title: ") }).dropFirst("title: ".count)
        // Past the input digest's settling time, so the next build knows the record's file
        // unchanged by its stamp and looks it up in the record cache.
        Thread.sleep(forTimeInterval: 3.2)
        #expect(try site.build().status == 0)

        let folder = site.root.appendingPathComponent(".disclose")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".record-cache") })
        let cacheFile = folder.appendingPathComponent(name)
        var bytes = try [UInt8](Data(contentsOf: cacheFile))
        let titleBytes = Array(title.utf8)
        // Wherever the cache keeps the title, its first character, three bytes in UTF-8,
        // becomes another of three bytes.
        let changed = titleBytes.starts(with: Array("明".utf8)) ? Array("暗".utf8) : Array("明".utf8)
        let places = bytes.indices.filter { bytes[$0...].starts(with: titleBytes) }
        #expect(!places.isEmpty, "the title is kept in the cache")
        for at in places { bytes.replaceSubrange(at..<(at + 3), with: changed) }
        try Data(bytes).write(to: cacheFile)
        let corrupted = String(decoding: changed, as: UTF8.self) + String(String(title).dropFirst())

        // Another record changes, so that the build does not stop at "nothing changed".
        let other = site.root.appendingPathComponent("content/policies/mhf-2023-15.md")
        try (String(contentsOf: other, encoding: .utf8) + "\n追加的一段。\n").write(to: other, atomically: true, encoding: .utf8)
        let rebuilt = try site.build()
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        let output = try site.output()
        #expect(output.text("catalog.json").contains(String(title)))
        let showingIt = output.files.keys.filter { output.text($0).contains(corrupted) }.sorted()
        #expect(showingIt.isEmpty, "the changed cache entry was published in \(showingIt)")
    }

    /// A build cache whose bytes changed (here one bit in the middle, wherever its
    /// fingerprints or file entries are) is not trusted: the next build is a full one, and
    /// audits every file, rather than finding "nothing changed".
    @Test func aChangedBuildCacheIsNotTrusted() throws {
        let site = try SampleSite()
        #expect(try site.build().status == 0)
        #expect(try site.build().stderr.contains("nothing changed since the last build"))
        let folder = site.root.appendingPathComponent(".disclose")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".build-cache") })
        let cacheFile = folder.appendingPathComponent(name)
        var bytes = try [UInt8](Data(contentsOf: cacheFile))
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: cacheFile)

        let rebuilt = try site.build()
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(!rebuilt.stderr.contains("nothing changed since the last build"), "\(rebuilt.stderr)")
    }
}
