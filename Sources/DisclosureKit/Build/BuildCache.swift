import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a committed build remembers for the next one, kept in the site root's cache
/// folder (`CacheFolder`; never in the output: the cache holds digests of non-public
/// records, and nothing about them is uploaded): the key of every output file and the identity of the file it wrote, so an
/// unchanged file is carried into the next tree by hard link instead of rendered again.
///
/// Every entry is checked against the output before use (same inode, size and
/// modification time), so a cache that no longer matches the site (the site was edited,
/// deleted, or the build was killed between swap and cache write) only costs a full build.
///
/// The file: a format line, the cache in the caches' binary form (`BinaryCoder`), and a
/// digest of everything before it (16 bytes). A cache whose bytes changed on disk is not
/// read at all: its counts of published fingerprints decide which non-public text the
/// audit looks for, and a count raised by a flipped bit would hide a leak from it.
public struct BuildCache: Sendable, Codable {
    static let formatLine = "disclose-build-cache 6"

    /// A file as the file system knows it; equal identities mean the bytes were not
    /// rewritten since the build that recorded it.
    public struct FileIdentity: Sendable, Equatable, Codable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var seconds: Int64
        var nanoseconds: Int64

        public static func of(_ path: String) -> FileIdentity? {
            var info = stat()
            guard lstat(path, &info) == 0 else { return nil }
            return of(info)
        }

        /// The identity `lstat` gave, for a regular file.
        static func of(_ info: stat) -> FileIdentity? {
            guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                                seconds: Int64(info.st_mtim.tv_sec), nanoseconds: Int64(info.st_mtim.tv_nsec))
        }
    }

    /// One output file: the digest of everything it was made from, the file written,
    /// and the digest of its anchors (`id`s), which links from other pages rely on.
    public struct FileEntry: Sendable, Codable {
        public var key: Digest
        public var identity: FileIdentity
        public var anchors: Digest

        init(key: Digest, identity: FileIdentity, anchors: Digest) {
            self.key = key
            self.identity = identity
            self.anchors = anchors
        }

        // Seven values in a row, without their names, as `FileStamp` is written: there is
        // one entry for every file of the site.
        public init(from decoder: any Decoder) throws {
            var values = try decoder.unkeyedContainer()
            key = try values.decode(Digest.self)
            identity = FileIdentity(device: try values.decode(UInt64.self), inode: try values.decode(UInt64.self),
                                    size: try values.decode(Int64.self), seconds: try values.decode(Int64.self),
                                    nanoseconds: try values.decode(Int64.self))
            anchors = try values.decode(Digest.self)
        }

        public func encode(to encoder: any Encoder) throws {
            var values = encoder.unkeyedContainer()
            try values.encode(key)
            try values.encode(identity.device)
            try values.encode(identity.inode)
            try values.encode(identity.size)
            try values.encode(identity.seconds)
            try values.encode(identity.nanoseconds)
            try values.encode(anchors)
        }
    }

    /// The binary and the cache format: a new `disclose` may render differently.
    public var tool: Digest = BuildCache.toolDigest
    /// Every input of the build (content, templates, options); equal means nothing to do.
    public var inputs: Digest = .zero
    /// True when that build reported no diagnostic at all (a no-change build then has
    /// nothing to print either).
    public var clean = false
    /// The non-public records' sources and paths, and the audit's leak fingerprints.
    public var secrets: Digest = .zero
    public var leakFingerprints: Digest = .zero
    /// The summary of the build that wrote the cache, for a build with nothing to do.
    public var summary: Summary?
    /// Every output file, by path.
    public var files: [String: FileEntry] = [:]
    /// Which leak candidates the public pages hold (see `PublishedFingerprints`).
    var published = PublishedFingerprints()
    /// Every input file's digest and stamp, so that the next build reads only the files
    /// whose stamp moved (see `InputDigest`).
    var inputFiles: [String: InputDigest.Known] = [:]
    /// The search index's documents, by id (`SiteWriter.Outcome.searchDocuments`).
    var searchDocuments: [Digest] = []
    /// The records this build held back as scheduled (`ScheduledRecords`), for an unchanged
    /// build to name again.
    var scheduled = ScheduledRecords()
    /// The as-of dates on which this build's output would be the same (`AsOfWindow`):
    /// the as-of date is an input of the pages only through the statuses it decides.
    var asOfWindow = AsOfWindow()
    /// The time zone "today" was read in, for a build without `--as-of` that compares its
    /// date with the window before reading site.yaml (unchanged when the inputs are).
    var timeZone = AsOfDate.defaultTimeZone

    public init() {}

    /// The counts a build's summary prints.
    public struct Summary: Sendable, Equatable, Codable {
        public var recordFiles: Int
        public var pages: Int
        public var files: Int
        public var counts: RecordCounts

        init(recordFiles: Int, pages: Int, files: Int, counts: RecordCounts) {
            self.recordFiles = recordFiles
            self.pages = pages
            self.files = files
            self.counts = counts
        }
    }

    /// The running executable and the format: any rebuild of `disclose` empties the cache.
    static let toolDigest: Digest = {
        var hasher = StableHasher()
        hasher.combine(formatLine)
        hasher.combine(DiscloseVersion.string)
        if let binary = FileIdentity.of(ContentScanner.realPath("/proc/self/exe") ?? "") {
            hasher.combine(Int(binary.size))
            hasher.combine(Int(binary.seconds))
            hasher.combine(Int(binary.nanoseconds))
        }
        return hasher.finalize()
    }()

    /// The cache at `path`, or nil when there is none, it is unreadable or damaged, or it
    /// was written by another `disclose`.
    public static func read(_ path: String) -> BuildCache? {
        guard let bytes = try? FileIO.readBytes(path, followingLinks: false), let body = intactBody(bytes),
              let cache = try? BinaryCoder.decode(BuildCache.self, from: bytes, in: body), cache.tool == toolDigest else { return nil }
        return cache
    }

    /// Where the encoded cache is in `bytes`, when they start with the format line and end
    /// with the digest of everything before it.
    static func intactBody(_ bytes: [UInt8]) -> Range<Int>? {
        let header = Array((formatLine + "\n").utf8)
        guard bytes.count >= header.count + 16, bytes.starts(with: header) else { return nil }
        let end = bytes.count - 16
        let digest = StableHasher.digest(Array(bytes[..<end]))
        guard bytes[end...].elementsEqual(Self.bytes(of: digest)) else { return nil }
        return header.count..<end
    }

    private static func bytes(of digest: Digest) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: digest.high >> (8 * $0)) } + (0..<8).map { UInt8(truncatingIfNeeded: digest.low >> (8 * $0)) }
    }

    /// Writes the cache to `path` through a temporary file and a rename: a reader sees
    /// the old cache or the new one, never half of one.
    public func write(to path: String) throws(FileIO.Failure) {
        try Self.write(encoded(), to: path)
    }

    /// Writes `encoded()`'s bytes to `path`, as `write(to:)` does.
    static func write(_ bytes: [UInt8], to path: String) throws(FileIO.Failure) {
        try FileIO.replace(path) { (file: inout FileWriter) throws(FileIO.Failure) in try file.write(bytes) }
    }

    /// The cache file's bytes.
    func encoded() -> [UInt8] {
        let header = Array((Self.formatLine + "\n").utf8)
        // Room for the whole file, so it is never copied to grow (a copy would be the end
        // of a build's peak memory): entries run to about 200, 35, 20 and 18 bytes.
        let capacity = 4096 + 200 * (files.count + inputFiles.count) + 35 * published.rare.count
            + 20 * published.common.count + 18 * searchDocuments.count
        // Every field of the cache is a value the coder writes; it cannot fail.
        var bytes = (try? BinaryCoder.encode(self, after: header, reservingCapacity: capacity)) ?? header
        bytes += Self.bytes(of: StableHasher.digest(bytes))
        return bytes
    }

    /// Removes the cache (a build that fails leaves the output as it was, and the cache
    /// still describes it, so only a build whose cache cannot be trusted calls this).
    public static func remove(_ path: String) {
        unlink(path)
    }
}
