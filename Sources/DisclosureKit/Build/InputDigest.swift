#if canImport(Glibc)
import Glibc
#endif

/// The digest of everything a build reads: every file under content/ that the build
/// uses (records, attachments, site.yaml, by path and bytes), the templates and assets,
/// the binary and the options that change the output. When it equals the previous
/// build's and that build printed nothing, the output it left is the output this build
/// would write, and there is nothing to do.
///
/// A file whose `stat` is what the previous build recorded is not read again, the way
/// git's index works: any write to a file moves its change time (ctime), which no user
/// command can set back, so equal stamps mean equal bytes. A file written just before its
/// digest was taken could still change within the same clock tick; such a stamp is not
/// kept, and the file is read again next time.
enum InputDigest {
    /// A file's digest and the stamp it had when it was read.
    struct Known: Sendable, Equatable, Codable {
        var stamp: Stamp
        var digest: Digest

        init(stamp: Stamp, digest: Digest) {
            self.stamp = stamp
            self.digest = digest
        }

        // Both in a row, without their names (see `FileStamp`'s coding).
        init(from decoder: any Decoder) throws {
            var values = try decoder.unkeyedContainer()
            stamp = try values.decode(Stamp.self)
            digest = try values.decode(Digest.self)
        }

        func encode(to encoder: any Encoder) throws {
            var values = encoder.unkeyedContainer()
            try values.encode(stamp)
            try values.encode(digest)
        }
    }

    /// An input file's stamp (`FileStamp`).
    typealias Stamp = FileStamp

    /// How long before the reading a file must have last changed for its stamp to be kept:
    /// covers file systems that keep times to the second or two (FAT keeps two).
    static let settlingNanoseconds: Int64 = 3_000_000_000

    /// The digest and every file's `Known`, or nil when the tree has problems of its own
    /// (those are reported by the full build). `known` is the previous build's.
    /// `now` (nanoseconds since 1970) is the clock's time unless a test sets it.
    static func of(_ tree: ContentTree, templates: TemplateSet, baseURL: String?,
                   known: [String: Known] = [:], now: Int64? = nil) -> (digest: Digest, files: [String: Known])? {
        guard tree.diagnostics.isEmpty, let siteFile = tree.siteFile else { return nil }
        let paths = [("content/site.yaml", siteFile)] + tree.records.map { ($0.relativePath, $0.absolutePath) }
            + tree.attachments.map { ($0.relativePath, $0.absolutePath) }
            + tree.pages.map { ($0.relativePath, $0.absolutePath) } + tree.pageAttachments.map { ($0.relativePath, $0.absolutePath) }
        var clock = timespec()
        clock_gettime(CLOCK_REALTIME, &clock)
        let settledBefore = (now ?? Int64(clock.tv_sec) * 1_000_000_000 + Int64(clock.tv_nsec)) - settlingNanoseconds
        let found = parallelMap(paths) { relative, absolute -> (known: Known, keep: Bool)? in
            guard let stamp = Stamp.of(absolute) else { return nil }
            if let previous = known[relative], previous.stamp == stamp { return (previous, true) }
            guard let (digest, size) = FileIO.digest(ofFileAt: absolute), Int64(size) == stamp.size,
                  Stamp.of(absolute) == stamp else { return nil }
            return (Known(stamp: stamp, digest: digest), max(stamp.modified, stamp.changed) < settledBefore)
        }
        var hasher = StableHasher()
        hasher.combine(OutputKeys.global(templates: templates, configSource: .zero, baseURL: baseURL ?? ""))
        // The type declarations (types/*.yaml, read by every scan): a changed label changes pages.
        hasher.combine(tree.types.digest)
        var files: [String: Known] = [:]
        for ((relative, _), file) in zip(paths, found) {
            guard let file else { return nil }
            hasher.combine(relative)
            hasher.combine(file.known.digest)
            if file.keep { files[relative] = file.known }
        }
        return (hasher.finalize(), files)
    }
}
