@testable import DisclosureKit
import Foundation
import Testing

/// The pieces of incremental builds that can be checked without a build.
@Suite struct BuildCacheTests {
    @Test func digestsAreStableAndTellEditsApart() {
        // The same bytes give the same digest in every process and on every run: the value
        // is pinned here (a cache written by one build is read by the next).
        #expect(StableHasher.digest(Array("政府信息公开".utf8)).description == "07dd743aca36b3a75eb29f3bb4b2e13e")
        var seen = Set<Digest>()
        let base = Array(repeating: UInt8(ascii: "a"), count: 64)
        for index in base.indices {
            var edited = base
            edited[index] = UInt8(ascii: "b")
            seen.insert(StableHasher.digest(edited))
        }
        seen.insert(StableHasher.digest(base))
        seen.insert(StableHasher.digest(Array(base.dropLast())))
        #expect(seen.count == 66, "a one-byte edit anywhere, or a shorter text, changes the digest")
        var ab = StableHasher(), a_b = StableHasher()
        ab.combine("ab"); ab.combine("c")
        a_b.combine("a"); a_b.combine("bc")
        #expect(ab.finalize() != a_b.finalize(), "strings are length-prefixed")
        #expect(Digest(Substring(StableHasher.digest(base).description)) == StableHasher.digest(base))
    }

    @Test func theCacheFileRoundTrips() throws {
        var cache = BuildCache()
        cache.inputs = StableHasher.digest([1, 2, 3])
        cache.clean = true
        cache.secrets = StableHasher.digest([4])
        cache.leakFingerprints = StableHasher.digest([5])
        cache.summary = .init(recordFiles: 12, pages: 10, files: 20, counts: [.policy: [.proactive: 7, .withheld: 1]])
        let identity = BuildCache.FileIdentity(device: 1, inode: 2, size: 3, seconds: 4, nanoseconds: 5)
        cache.files["policies/a b.html"] = .init(key: StableHasher.digest([6]), identity: identity, anchors: .zero)
        cache.published.common = [0xABC: 40]
        cache.published.rare = [StableHasher.digest([7]): [1, 2], StableHasher.digest([8]): []]
        let stamp = InputDigest.Stamp(device: 9, inode: 10, size: 11, modified: 1_700_000_000_123_456_789, changed: 12)
        cache.inputFiles["content/policies/a b.md"] = .init(stamp: stamp, digest: StableHasher.digest([13]))
        let path = NSTemporaryDirectory() + "disclose-cache-test-\(UUID().uuidString)"
        defer { unlink(path) }
        try cache.write(to: path)
        let read = try #require(BuildCache.read(path))
        #expect(read.inputs == cache.inputs && read.clean && read.secrets == cache.secrets)
        #expect(read.leakFingerprints == cache.leakFingerprints && read.summary == cache.summary)
        #expect(read.files["policies/a b.html"]?.identity == identity)
        #expect(read.published.common == cache.published.common && read.published.rare == cache.published.rare)
        #expect(read.inputFiles == cache.inputFiles)
        // A damaged cache is no cache.
        try Data("\(BuildCache.formatLine)\ntool nonsense\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(BuildCache.read(path) == nil)
    }

    /// A cache whose bytes changed after it was written is not read: a count of published
    /// fingerprints raised by one digit would keep a fingerprint "published" and hide a
    /// leak of that text from the audit.
    @Test func aCacheChangedOnDiskIsNotRead() throws {
        var cache = BuildCache()
        cache.published.common = [0xABC: 17]
        let path = NSTemporaryDirectory() + "disclose-cache-test-\(UUID().uuidString)"
        defer { unlink(path) }
        try cache.write(to: path)
        #expect(BuildCache.read(path)?.published.common == [0xABC: 17])
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        // Any one byte changed, in the format line, the body or the closing digest.
        for index in stride(from: 0, to: written.count, by: 7) {
            var changed = written
            changed[index] ^= 0x04
            try changed.write(to: URL(fileURLWithPath: path))
            #expect(BuildCache.read(path) == nil, "byte \(index) changed")
        }
        // Cut short anywhere.
        for length in stride(from: 0, to: written.count, by: 11) {
            try written.prefix(length).write(to: URL(fileURLWithPath: path))
            #expect(BuildCache.read(path) == nil, "cut to \(length) bytes")
        }
    }

    /// Counting a few changed pages again gives what counting every page gives.
    @Test func publishedFingerprintsUpdateLikeAFullCount() {
        var generator = SystemRandomNumberGenerator()
        // 200 pages; fingerprints 0..<20 are boilerplate (most pages), 20..<300 are rare.
        var texts: [[UInt64]] = (0..<200).map { _ in
            (0..<20).filter { _ in Int.random(in: 0..<10, using: &generator) < 9 }.map(UInt64.init)
                + (0..<3).map { _ in UInt64.random(in: 20..<300, using: &generator) }
        }
        func keys(_ texts: [[UInt64]]) -> [Digest] {
            texts.enumerated().map { StableHasher.digest(Array("\($0.offset):\($0.element)".utf8)) }
        }
        var (state, published, _) = PublishedFingerprints.update(nil, pages: keys(texts)) { [texts] in texts[$0] }
        #expect(published == Set(texts.joined()))
        for _ in 0..<30 {
            // Edit two pages: new rare fingerprints, some boilerplate dropped.
            for _ in 0..<2 {
                let page = Int.random(in: 0..<texts.count, using: &generator)
                texts[page] = Array(texts[page].prefix(Int.random(in: 0...5, using: &generator)))
                    + [UInt64.random(in: 20..<400, using: &generator)]
            }
            let pages = keys(texts)
            let snapshot = texts
            let before = published
            let dropped: [UInt64]?
            (state, published, dropped) = PublishedFingerprints.update(state, pages: pages) { snapshot[$0] }
            #expect(published.isSuperset(of: Set(texts.joined())), "every fingerprint a page holds counts as published")
            if let dropped {
                #expect(before.subtracting(published).isSubset(of: Set(dropped)),
                        "a fingerprint held no more was one of the pages that went")
            }
            #expect(published.subtracting(Set(texts.joined())).allSatisfy { state.common[$0] != nil },
                    "only common fingerprints may be kept past the pages that held them")
        }
    }

    /// A common fingerprint's count is a lower bound on the pages that hold it, so one
    /// that every page drops, a few pages per build, stops being published: kept as
    /// published past its last page, it would hide a leak of that text from the audit.
    @Test func aFingerprintEveryPageDropsIsNoLongerPublished() {
        var texts: [[UInt64]] = (0..<40).map { [1, 1_000 + UInt64($0)] }
        func keys(_ texts: [[UInt64]]) -> [Digest] {
            texts.enumerated().map { StableHasher.digest(Array("\($0.offset):\($0.element)".utf8)) }
        }
        var (state, published, _) = PublishedFingerprints.update(nil, pages: keys(texts)) { [texts] in texts[$0] }
        #expect(state.common[1] == 40 && published.contains(1))
        for round in 0..<5 {
            // Eight pages a build (as many as a build may change and keep its counts).
            for page in (8 * round)..<(8 * round + 8) { texts[page] = [2_000 + UInt64(page)] }
            let snapshot = texts
            (state, published, _) = PublishedFingerprints.update(state, pages: keys(texts)) { snapshot[$0] }
            let holders = texts.filter { $0.contains(1) }.count
            #expect((state.common[1] ?? 0) <= holders, "round \(round): a bound above the \(holders) pages that hold it")
            #expect(published.contains(1) == (holders > 0), "round \(round)")
        }
    }

    @Test func thePagerShowsTheEndsAndTheNeighbourhood() {
        #expect(PageContexts.pager(current: 1, count: 1) == [1])
        #expect(PageContexts.pager(current: 3, count: 5) == [1, 2, 3, 4, 5])
        #expect(PageContexts.pager(current: 1, count: 992) == [1, 2, 3, nil, 992])
        #expect(PageContexts.pager(current: 500, count: 992) == [1, nil, 498, 499, 500, 501, 502, nil, 992])
        #expect(PageContexts.pager(current: 5, count: 10) == [1, 2, 3, 4, 5, 6, 7, nil, 10])
    }
}

/// The input digest reads a file again only when its stamp moved, and keeps no stamp of a
/// file that changed just before it was read (it could change again in the same tick).
final class InputDigestTests {
    let root = NSTemporaryDirectory() + "disclose-inputs-\(UUID().uuidString)"

    init() throws {
        try FileManager.default.createDirectory(atPath: root + "/content/policies", withIntermediateDirectories: true)
        try Data("title: 区政府信息公开\n".utf8).write(to: URL(fileURLWithPath: root + "/content/site.yaml"))
        try Data(RecordSamples.frontMatter(.policy).utf8).write(to: URL(fileURLWithPath: root + "/content/policies/a.md"))
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func digest(known: [String: InputDigest.Known] = [:], now: Int64?) throws -> (digest: Digest, files: [String: InputDigest.Known]) {
        let tree = try ContentScanner(root: root).scan()
        let templates = try #require(TemplateSet.load(root: root).0)
        return try #require(InputDigest.of(tree, templates: templates, baseURL: nil, known: known, now: now))
    }

    static let later = Int64(Date().timeIntervalSince1970 + 3600) * 1_000_000_000

    @Test func freshFilesAreNotKept() throws {
        #expect(try digest(now: nil).files.isEmpty, "every file here was written within the settling time")
        #expect(try digest(now: Self.later).files.count == 2)
    }

    /// Attachments are not limited in size (a scanned budget can be hundreds of megabytes):
    /// one over the 4 MiB record limit still has a digest, so a site that has one still
    /// gets its no-change rebuild.
    @Test func aLargeAttachmentHasADigest() throws {
        let large = [UInt8](repeating: 0x25, count: 5 << 20) + Array("%%EOF\n".utf8)
        try FileIO.write(large, to: root + "/content/policies/a-附件.pdf")
        let first = try digest(now: Self.later)
        #expect(first.files.count == 3)
        #expect(try digest(known: first.files, now: Self.later).digest == first.digest)
        let small = Array("政府信息公开".utf8)
        try FileIO.write(small, to: root + "/small.bin")
        #expect(FileIO.digest(ofFileAt: root + "/small.bin")?.0 == StableHasher.digest(small))
        #expect(FileIO.digest(ofFileAt: root + "/content/policies/a-附件.pdf")?.1 == large.count)
    }

    /// The digest of bytes in memory is the digest of a file holding them, across the
    /// megabyte pieces the file is read in (attachments are keyed by it, and checked with it).
    @Test(arguments: [0, 1, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 5 << 19])
    func bytesAndFilesHaveTheSameDigest(size: Int) throws {
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        try FileIO.write(bytes, to: root + "/sized.bin")
        #expect(FileIO.digest(ofFileAt: root + "/sized.bin")?.0 == FileIO.digest(ofBytes: bytes))
        if size > 0 {
            var other = bytes
            other[size / 2] ^= 1
            #expect(FileIO.digest(ofBytes: other) != FileIO.digest(ofBytes: bytes))
        }
    }

    @Test func aKnownStampIsTrustedAndAMovedOneIsRead() throws {
        let first = try digest(now: Self.later)
        // A known digest is used as it is, without reading the file: a wrong one shows.
        var planted = first.files
        planted["content/policies/a.md"]!.digest = StableHasher.digest([0])
        #expect(try digest(known: planted, now: Self.later).digest != first.digest)
        #expect(try digest(known: first.files, now: Self.later).digest == first.digest)
        // Same size, new bytes: the stamp moves (ctime at least), so the file is read.
        let path = root + "/content/policies/a.md"
        var bytes = try FileIO.readBytes(path)
        bytes[bytes.count - 2] = bytes[bytes.count - 2] == 0x41 ? 0x42 : 0x41
        // File times come from a coarse clock (a few milliseconds a tick): a write in the
        // same tick as the first is the racy case the settling time exists for.
        usleep(50_000)
        try FileIO.write(bytes, to: path)
        let after = try digest(known: planted, now: Self.later)
        #expect(after.digest != first.digest)
        #expect(after.files["content/policies/a.md"]?.digest == StableHasher.digest(bytes))
    }
}
