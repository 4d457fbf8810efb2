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
/// The file ends with a digest of everything before it (`end DIGEST`), and a cache whose
/// bytes changed on disk is not read at all: its counts of published fingerprints decide
/// which non-public text the audit looks for, and a count raised by a flipped digit would
/// hide a leak from it.
public struct BuildCache: Sendable {
    static let formatLine = "disclose-build-cache 3"

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
    public struct Summary: Sendable, Equatable {
        public var recordFiles: Int
        public var pages: Int
        public var files: Int
        public var counts: RecordCounts

        var line: String {
            var fields = ["s", String(recordFiles), String(pages), String(files)]
            for type in counts.columns {
                for disclosure in Disclosure.allCases {
                    fields.append("\(type).\(disclosure.rawValue)=\(counts[type, disclosure])")
                }
            }
            return fields.joined(separator: " ")
        }

        init(recordFiles: Int, pages: Int, files: Int, counts: RecordCounts) {
            self.recordFiles = recordFiles
            self.pages = pages
            self.files = files
            self.counts = counts
        }

        init?(_ line: Substring) {
            let fields = line.split(separator: " ")
            guard fields.count >= 4, fields[0] == "s", let recordFiles = Int(fields[1]), let pages = Int(fields[2]),
                  let files = Int(fields[3]) else { return nil }
            var counts = RecordCounts(columns: [], byType: [:])
            for field in fields.dropFirst(4) {
                let parts = field.split(separator: "=")
                let names = parts.first?.split(separator: ".") ?? []
                guard parts.count == 2, names.count == 2, let disclosure = Disclosure(rawValue: String(names[1])),
                      let count = Int(parts[1]) else { return nil }
                let type = String(names[0])
                if !counts.columns.contains(type) { counts.columns.append(type) }
                if count > 0 { counts.byType[type, default: [:]][disclosure] = count }
            }
            self.init(recordFiles: recordFiles, pages: pages, files: files, counts: counts)
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

    /// The cache at `path`, or nil when there is none, it is unreadable, or it was
    /// written by another `disclose`. Read off the bytes, field by field: a build with
    /// nothing to do reads the whole cache (5 MB at 10,000 records), and Substring
    /// splitting was half of its time.
    public static func read(_ path: String) -> BuildCache? {
        guard let bytes = try? FileIO.readBytes(path, followingLinks: false), let body = intactBody(bytes) else { return nil }
        return bytes.withUnsafeBufferPointer { parse(CacheText(bytes: UnsafeBufferPointer(rebasing: $0[body]))) }
    }

    /// The bytes before the closing `end DIGEST` line, when that digest is theirs.
    static func intactBody(_ bytes: [UInt8]) -> Range<Int>? {
        let tag = Array("end ".utf8)
        guard bytes.last == 0x0A else { return nil }
        let lineStart = (bytes.dropLast().lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
        let line = bytes[lineStart..<(bytes.count - 1)]
        guard line.starts(with: tag),
              let digest = Digest(Substring(String(decoding: line.dropFirst(tag.count), as: UTF8.self))),
              digest == StableHasher.digest(Array(bytes[..<lineStart])) else { return nil }
        return 0..<lineStart
    }

    private static func parse(_ text: CacheText) -> BuildCache? {
        var text = text
        guard let first = text.nextLine(), first.elementsEqual(formatLine.utf8) else { return nil }
        var cache = BuildCache()
        func header(_ name: String) -> Digest? {
            guard let line = text.nextLine() else { return nil }
            var fields = CacheText.Fields(line)
            guard let label = fields.next(), label.elementsEqual(name.utf8), let value = fields.next() else { return nil }
            return CacheText.digest(value)
        }
        guard let tool = header("tool"), tool == toolDigest, let inputs = header("inputs"),
              let clean = text.nextLine(), clean.starts(with: Array("clean ".utf8)),
              let secrets = header("secrets"), let leak = header("leak") else { return nil }
        cache.inputs = inputs
        cache.clean = clean.elementsEqual("clean 1".utf8)
        cache.secrets = secrets
        cache.leakFingerprints = leak
        while let line = text.nextLine() {
            guard !line.isEmpty else { continue }
            var fields = CacheText.Fields(line)
            switch fields.next().flatMap({ $0.count == 1 ? $0.first : nil }) {
            case UInt8(ascii: "f"):
                // key anchors device inode size seconds nanoseconds - path (the path last: it may hold spaces)
                guard let key = fields.next().flatMap(CacheText.digest), let anchors = fields.next().flatMap(CacheText.digest),
                      let device = fields.next().flatMap(CacheText.decimal), let inode = fields.next().flatMap(CacheText.decimal),
                      let size = fields.next().flatMap(CacheText.decimal), let seconds = fields.next().flatMap(CacheText.decimal),
                      let nanoseconds = fields.next().flatMap(CacheText.decimal), fields.next() != nil,
                      let path = fields.rest() else { return nil }
                cache.files[String(decoding: path, as: UTF8.self)] = FileEntry(
                    key: key, identity: FileIdentity(device: UInt64(bitPattern: device), inode: UInt64(bitPattern: inode), size: size,
                                                     seconds: seconds, nanoseconds: nanoseconds),
                    anchors: anchors)
            case UInt8(ascii: "i"):
                // digest device inode size modified changed - path
                guard let digest = fields.next().flatMap(CacheText.digest),
                      let device = fields.next().flatMap(CacheText.decimal), let inode = fields.next().flatMap(CacheText.decimal),
                      let size = fields.next().flatMap(CacheText.decimal), let modified = fields.next().flatMap(CacheText.decimal),
                      let changed = fields.next().flatMap(CacheText.decimal), fields.next() != nil,
                      let path = fields.rest() else { return nil }
                cache.inputFiles[String(decoding: path, as: UTF8.self)] = InputDigest.Known(
                    stamp: .init(device: UInt64(bitPattern: device), inode: UInt64(bitPattern: inode), size: size, modified: modified, changed: changed),
                    digest: digest)
            case UInt8(ascii: "s"):
                guard let summary = Summary(Substring(String(decoding: line, as: UTF8.self))) else { return nil }
                cache.summary = summary
            case UInt8(ascii: "h"):
                guard let key = fields.next().flatMap(CacheText.digest), let list = fields.next() else { return nil }
                var prints: [UInt64] = []
                if !list.elementsEqual("-".utf8) {
                    for piece in list.split(separator: UInt8(ascii: ",")) {
                        guard let print = CacheText.hexadecimal(piece) else { return nil }
                        prints.append(print)
                    }
                }
                cache.published.rare[key] = prints
            case UInt8(ascii: "a"):
                func bound(_ field: Slice<UnsafeBufferPointer<UInt8>>?) -> Int?? {
                    guard let field else { return nil }
                    if field.elementsEqual("-".utf8) { return .some(nil) }
                    return CacheText.decimal(field).map { .some(Int($0)) }
                }
                guard let from = bound(fields.next()), let before = bound(fields.next()),
                      let zone = fields.next(), !zone.isEmpty else { return nil }
                cache.asOfWindow = AsOfWindow(from: from, before: before)
                cache.timeZone = String(decoding: zone, as: UTF8.self)
            case UInt8(ascii: "n"):
                // line column day-number - path
                guard let line = fields.next().flatMap(CacheText.decimal), let column = fields.next().flatMap(CacheText.decimal),
                      let day = fields.next().flatMap(CacheText.decimal), fields.next() != nil,
                      let path = fields.rest() else { return nil }
                cache.scheduled.held.append(.init(path: String(decoding: path, as: UTF8.self), published: CalendarDate(dayNumber: Int(day)),
                                                  location: SourceLocation(line: Int(line), column: Int(column))))
            case UInt8(ascii: "x"):
                guard let key = fields.next().flatMap(CacheText.digest) else { return nil }
                cache.searchDocuments.append(key)
            case UInt8(ascii: "c"):
                guard let print = fields.next().flatMap(CacheText.hexadecimal),
                      let count = fields.next().flatMap(CacheText.decimal) else { return nil }
                cache.published.common[print] = Int(count)
            default:
                return nil
            }
        }
        return cache
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

    /// The cache file's bytes. Written as bytes, not by string interpolation; the per-file
    /// lines sorted by path with `memcmp`, the paths alone (sorting the entries moved
    /// them, eighty bytes each, through every merge), the hashes' lines by their numbers.
    func encoded() -> [UInt8] {
        var out = CacheBytes()
        // Room for the whole file, so it is never copied to grow (that copy was the end of a
        // build's peak memory): lines run to about 140, 220, 22 and 36 bytes.
        out.bytes.reserveCapacity(1024 + 160 * (files.count + inputFiles.count) + 240 * published.rare.count
                                  + 24 * published.common.count + 40 * searchDocuments.count)
        out.line(Self.formatLine)
        out.line("tool \(tool)\ninputs \(inputs)\nclean \(clean ? 1 : 0)\nsecrets \(secrets)\nleak \(leakFingerprints)")
        if let summary { out.line(summary.line) }
        out.line("a \(asOfWindow.from.map(String.init) ?? "-") \(asOfWindow.before.map(String.init) ?? "-") \(timeZone)")
        for held in scheduled.held where !held.path.utf8.contains(0x0A) {
            out.line("n \(held.location.line) \(held.location.column) \(held.published.dayNumber) - \(held.path)")
        }
        for path in files.keys.sorted(by: utf8Precedes) where !path.utf8.contains(0x0A) {
            let entry = files[path]!
            let id = entry.identity
            // The ninth field is reserved; the path is last, so it may hold spaces.
            out.text("f ")
            out.digest(entry.key)
            out.digest(entry.anchors)
            out.decimals(Int64(bitPattern: id.device), Int64(bitPattern: id.inode), id.size, id.seconds, id.nanoseconds)
            out.pathLine(path)
        }
        for path in inputFiles.keys.sorted(by: utf8Precedes) where !path.utf8.contains(0x0A) {
            let file = inputFiles[path]!
            let stamp = file.stamp
            out.text("i ")
            out.digest(file.digest)
            out.decimals(Int64(bitPattern: stamp.device), Int64(bitPattern: stamp.inode), stamp.size, stamp.modified, stamp.changed)
            out.pathLine(path)
        }
        for key in published.rare.keys.sorted(by: { ($0.high, $0.low) < ($1.high, $1.low) }) {
            let hits = published.rare[key]!
            out.text("h ")
            out.digest(key)
            if hits.isEmpty { out.text("-") }
            for (index, hit) in hits.enumerated() {
                if index > 0 { out.bytes.append(0x2C) }
                out.hexadecimal(hit)
            }
            out.bytes.append(0x0A)
        }
        for print in published.common.keys.sorted() {
            out.text("c ")
            out.hexadecimal(print)
            out.bytes.append(0x20)
            out.decimal(Int64(published.common[print]!))
            out.bytes[out.bytes.count - 1] = 0x0A   // the space after the number ends the line
        }
        for key in searchDocuments {
            out.text("x ")
            out.digest(key)
            out.bytes.append(0x0A)
        }
        out.line("end \(StableHasher.digest(out.bytes))")
        return out.bytes
    }

    /// Removes the cache (a build that fails leaves the output as it was, and the cache
    /// still describes it, so only a build whose cache cannot be trusted calls this).
    public static func remove(_ path: String) {
        unlink(path)
    }
}

/// The cache file's bytes, a line at a time, and the numbers in its fields.
private struct CacheText {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    mutating func nextLine() -> Slice<UnsafeBufferPointer<UInt8>>? {
        guard position < bytes.count else { return nil }
        let end = bytes[position...].firstIndex(of: 0x0A) ?? bytes.count
        defer { position = end + 1 }
        return bytes[position..<end]
    }

    /// Space-separated fields of a line.
    struct Fields {
        private var remaining: Slice<UnsafeBufferPointer<UInt8>>
        private var done = false

        init(_ line: Slice<UnsafeBufferPointer<UInt8>>) { remaining = line }

        mutating func next() -> Slice<UnsafeBufferPointer<UInt8>>? {
            guard !done else { return nil }
            guard let space = remaining.firstIndex(of: 0x20) else {
                done = true
                return remaining
            }
            defer { remaining = remaining[(space + 1)...] }
            return remaining[..<space]
        }

        /// Everything after the fields read so far, spaces and all; nil when nothing is left.
        func rest() -> Slice<UnsafeBufferPointer<UInt8>>? { done || remaining.isEmpty ? nil : remaining }
    }

    static func hexadecimal(_ field: some Collection<UInt8>) -> UInt64? {
        guard !field.isEmpty, field.count <= 16 else { return nil }
        var value: UInt64 = 0
        for byte in field {
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x61...0x66: digit = byte - 0x61 + 10
            case 0x41...0x46: digit = byte - 0x41 + 10
            default: return nil
            }
            value = value << 4 | UInt64(digit)
        }
        return value
    }

    static func decimal(_ field: some Collection<UInt8>) -> Int64? {
        var value: Int64 = 0
        var negative = false
        var digits = 0
        for (index, byte) in field.enumerated() {
            if index == 0, byte == 0x2D { negative = true; continue }
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int64(byte - 0x30))
            guard !overflow, !overflow2 else { return nil }
            value = sum
            digits += 1
        }
        return digits > 0 ? (negative ? -value : value) : nil
    }

    static func digest(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> Digest? {
        guard field.count == 32, let high = hexadecimal(field.prefix(16)), let low = hexadecimal(field.suffix(16)) else { return nil }
        return Digest(high: high, low: low)
    }
}

/// The cache file as it is written.
private struct CacheBytes {
    var bytes: [UInt8] = []

    mutating func text(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func line(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        bytes.append(0x0A)
    }

    /// The 32 digits `Digest.description` writes, and a space.
    mutating func digest(_ digest: Digest) {
        padded(digest.high)
        padded(digest.low)
        bytes.append(0x20)
    }

    /// Lower-case hexadecimal without leading zeros, as `String(value, radix: 16)`.
    mutating func hexadecimal(_ value: UInt64) {
        var shift = 60
        while shift > 0, value >> UInt64(shift) == 0 { shift -= 4 }
        while shift >= 0 {
            bytes.append(Self.digits[Int((value >> UInt64(shift)) & 0xF)])
            shift -= 4
        }
    }

    /// A decimal number and a space, as `String(value)` writes it.
    mutating func decimal(_ value: Int64) {
        if value < 0 { bytes.append(0x2D) }
        var rest = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // 20 digits at most, last first
        withUnsafeMutableBytes(of: &digits) { buffer in
            var count = 0
            repeat {
                buffer[count] = 0x30 + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
        bytes.append(0x20)
    }

    /// Five decimal numbers, each followed by a space.
    mutating func decimals(_ a: Int64, _ b: Int64, _ c: Int64, _ d: Int64, _ e: Int64) {
        decimal(a)
        decimal(b)
        decimal(c)
        decimal(d)
        decimal(e)
    }

    /// `- PATH` and the end of the line.
    mutating func pathLine(_ path: String) {
        bytes.append(0x2D)
        bytes.append(0x20)
        bytes.append(contentsOf: path.utf8)
        bytes.append(0x0A)
    }

    private mutating func padded(_ value: UInt64) {
        for shift in stride(from: 60, through: 0, by: -4) { bytes.append(Self.digits[Int((value >> UInt64(shift)) & 0xF)]) }
    }

    private static let digits = Array("0123456789abcdef".utf8)
}
