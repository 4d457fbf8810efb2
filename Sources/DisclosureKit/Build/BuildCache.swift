import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a committed build remembers for the next one, kept beside the output (never in
/// it: the cache holds digests of non-public records, and nothing about them is
/// uploaded): the key of every output file and the identity of the file it wrote, so an
/// unchanged file is carried into the next tree by hard link instead of rendered again.
///
/// Every entry is checked against the output before use (same inode, size and
/// modification time), so a cache that no longer matches the site (the site was edited,
/// deleted, or the build was killed between swap and cache write) only costs a full build.
public struct BuildCache: Sendable {
    static let formatLine = "disclose-build-cache 1"

    /// A file as the file system knows it; equal identities mean the bytes were not
    /// rewritten since the build that recorded it.
    public struct FileIdentity: Sendable, Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var seconds: Int64
        var nanoseconds: Int64

        public static func of(_ path: String) -> FileIdentity? {
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                                seconds: Int64(info.st_mtim.tv_sec), nanoseconds: Int64(info.st_mtim.tv_nsec))
        }
    }

    /// One output file: the digest of everything it was made from, the file written,
    /// and the digest of its anchors (`id`s), which links from other pages rely on.
    public struct FileEntry: Sendable {
        public var key: Digest
        public var identity: FileIdentity
        public var anchors: Digest
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

    public init() {}

    /// The counts a build's summary prints.
    public struct Summary: Sendable, Equatable {
        public var recordFiles: Int
        public var pages: Int
        public var files: Int
        public var counts: [RecordType: [Disclosure: Int]]

        var line: String {
            var fields = ["s", String(recordFiles), String(pages), String(files)]
            for type in RecordType.allCases {
                for disclosure in Disclosure.allCases {
                    fields.append("\(type.rawValue).\(disclosure.rawValue)=\(counts[type]?[disclosure] ?? 0)")
                }
            }
            return fields.joined(separator: " ")
        }

        init(recordFiles: Int, pages: Int, files: Int, counts: [RecordType: [Disclosure: Int]]) {
            self.recordFiles = recordFiles
            self.pages = pages
            self.files = files
            self.counts = counts
        }

        init?(_ line: Substring) {
            let fields = line.split(separator: " ")
            guard fields.count >= 4, fields[0] == "s", let recordFiles = Int(fields[1]), let pages = Int(fields[2]),
                  let files = Int(fields[3]) else { return nil }
            var counts: [RecordType: [Disclosure: Int]] = [:]
            for field in fields.dropFirst(4) {
                let parts = field.split(separator: "=")
                let names = parts.first?.split(separator: ".") ?? []
                guard parts.count == 2, names.count == 2, let type = RecordType(rawValue: String(names[0])),
                      let disclosure = Disclosure(rawValue: String(names[1])), let count = Int(parts[1]) else { return nil }
                if count > 0 { counts[type, default: [:]][disclosure] = count }
            }
            self.init(recordFiles: recordFiles, pages: pages, files: files, counts: counts)
        }
    }

    /// Where the cache of `output` lives: beside it, a hidden file named after it.
    public static func path(for output: OutputDirectory) -> String {
        output.parent + "/.disclose-cache-" + output.name
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

    /// The cache at `path`, or nil when there is none, it is unreadable, or it was
    /// written by another `disclose`.
    public static func read(_ path: String) -> BuildCache? {
        guard let bytes = try? FileIO.readBytes(path) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard lines.popFirst() == Substring(formatLine) else { return nil }
        var cache = BuildCache()
        func digest(_ line: Substring?, _ name: String) -> Digest? {
            guard let line, line.hasPrefix(name + " ") else { return nil }
            return Digest(line.dropFirst(name.count + 1))
        }
        guard let tool = digest(lines.popFirst(), "tool"), tool == toolDigest,
              let inputs = digest(lines.popFirst(), "inputs"),
              let clean = lines.popFirst(), clean.hasPrefix("clean "),
              let secrets = digest(lines.popFirst(), "secrets"),
              let leak = digest(lines.popFirst(), "leak") else { return nil }
        cache.inputs = inputs
        cache.clean = clean == "clean 1"
        cache.secrets = secrets
        cache.leakFingerprints = leak
        for line in lines where !line.isEmpty {
            let fields = line.split(separator: " ", maxSplits: 9, omittingEmptySubsequences: false)
            if fields.first == "f", fields.count == 10,
               let key = Digest(fields[1]), let anchors = Digest(fields[2]),
               let device = UInt64(fields[3]), let inode = UInt64(fields[4]), let size = Int64(fields[5]),
               let seconds = Int64(fields[6]), let nanoseconds = Int64(fields[7]) {
                cache.files[String(fields[9])] = FileEntry(
                    key: key, identity: FileIdentity(device: device, inode: inode, size: size, seconds: seconds,
                                                     nanoseconds: nanoseconds),
                    anchors: anchors)
            } else if fields.first == "s", let summary = Summary(line) {
                cache.summary = summary
            } else if fields.first == "h", fields.count == 3, let key = Digest(fields[1]) {
                cache.published.rare[key] = fields[2] == "-" ? [] : fields[2].split(separator: ",").compactMap { UInt64($0, radix: 16) }
            } else if fields.first == "c", fields.count == 3, let print = UInt64(fields[1], radix: 16), let count = Int(fields[2]) {
                cache.published.common[print] = count
            } else {
                return nil
            }
        }
        return cache
    }

    /// Writes the cache to `path` through a temporary file and a rename: a reader sees
    /// the old cache or the new one, never half of one.
    public func write(to path: String) throws(FileIO.Failure) {
        var text = Self.formatLine + "\n"
        text += "tool \(tool)\ninputs \(inputs)\nclean \(clean ? 1 : 0)\nsecrets \(secrets)\nleak \(leakFingerprints)\n"
        if let summary { text += summary.line + "\n" }
        for (path, entry) in files.sorted(by: { $0.key < $1.key }) where !path.contains("\n") {
            let id = entry.identity
            // The ninth field is reserved; the path is last, so it may hold spaces.
            text += "f \(entry.key) \(entry.anchors) \(id.device) \(id.inode) \(id.size) \(id.seconds) \(id.nanoseconds) - \(path)\n"
        }
        for (key, hits) in published.rare.sorted(by: { $0.key.description < $1.key.description }) {
            text += "h \(key) " + (hits.isEmpty ? "-" : hits.map { String($0, radix: 16) }.joined(separator: ",")) + "\n"
        }
        for (print, count) in published.common.sorted(by: { $0.key < $1.key }) {
            text += "c \(String(print, radix: 16)) \(count)\n"
        }
        let temporary = path + ".partial-\(getpid())"
        try FileIO.write(text.utf8, to: temporary)
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw .system(String(cString: strerror(errno)))
        }
    }

    /// Removes the cache (a build that fails leaves the output as it was, and the cache
    /// still describes it, so only a build whose cache cannot be trusted calls this).
    public static func remove(_ path: String) {
        unlink(path)
    }
}
