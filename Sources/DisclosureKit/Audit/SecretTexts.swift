/// Every non-public record's search text (`SecretText.searchBytes`), in the order of the
/// site's identities: what the shared-text rule and the leak index both look for. Each
/// text reads the record's file again for its body, so a rebuild, which runs both, makes
/// them once and hands them to each.
struct SecretTexts: Sendable {
    /// The records the texts were made from: each non-public record's path and source digest.
    private let sources: [Source]
    /// Each record's text, or why its body could not be read.
    let texts: [Result<[UInt8], FileIO.Failure>]
    /// The settings and declarations they were made under (`LoadedSite.configDigest`):
    /// the declared boilerplate is blanked out of them, and the types decide their fields.
    private let settings: Digest

    private struct Source: Equatable, Sendable {
        let path: String
        let digest: Digest
    }

    init(_ site: LoadedSite) {
        let hidden = Self.hidden(site)
        let decoded = Self.decodedHidden(site)
        let boilerplate = SecretText.boilerplate(site.config)
        sources = hidden.map { Source(path: $0.file.relativePath, digest: $0.sourceDigest) }
        settings = site.configDigest
        texts = parallelMap(hidden) { identity in
            Result { () throws(FileIO.Failure) in
                try SecretText.searchBytes(identity, decoded[identity.file.relativePath], boilerplate: boilerplate)
            }
        }
    }

    /// True when these are the texts `SecretTexts(site)` would make now: the same records,
    /// in the same order, from the same sources, under the same settings.
    func describe(_ site: LoadedSite) -> Bool {
        let hidden = Self.hidden(site)
        return settings == site.configDigest && sources.count == hidden.count
            && zip(sources, hidden).allSatisfy { $0.path == $1.file.relativePath && $0.digest == $1.sourceDigest }
    }

    /// The site's non-public records, in the order of its identities (a stored field is
    /// compared: `RecordIdentity.publicPaths` says why).
    static func hidden(_ site: LoadedSite) -> [RecordIdentity] {
        site.identities.filter { $0.disclosure != .proactive }
    }

    /// The decoded non-public records, by path: only those, as a table of every record
    /// was a copy of them all (a spike of 200 MB at 100,000 records).
    static func decodedHidden(_ site: LoadedSite) -> [String: Record] {
        Dictionary(site.records.lazy.filter { $0.disclosure != .proactive }.map { ($0.file.relativePath, $0) },
                   uniquingKeysWith: { a, _ in a })
    }
}
