#if canImport(Glibc)
import Glibc
#endif

/// Non-public material is a non-public record's text and its attachments' bytes, under
/// whatever name they sit. A public record's attachment that is the same file as one of
/// those (a symbolic link resolving to it, a hard link: one device and inode) or holds the
/// same bytes (a copy under a public name) would publish it, so it is an error naming
/// both files (`attachment.non_public`).
///
/// The non-public files are known by `NonPublicFiles` (inodes, then sizes and digests);
/// here, digests that agree are confirmed byte for byte.
enum NonPublicCopies {
    /// `matches` are every attachment with its record; a record counts as non-public
    /// unless its identity says it is public (one whose `disclosure` could not be read
    /// counts as non-public).
    static func check(_ matches: [AttachmentMatcher.Match], identities: [RecordIdentity]) -> [Diagnostic] {
        let publicRecords = Set(identities.lazy.filter(\.isPublic).map(\.file.relativePath))
        let published = matches.filter { publicRecords.contains($0.record.relativePath) }
        guard !published.isEmpty else { return [] }
        let nonPublic = NonPublicFiles(identities: identities, attachments: matches)
        guard !nonPublic.isEmpty else { return [] }
        return parallelMap(published) { match -> Diagnostic? in
            let path = match.attachment.absolutePath
            if let hidden = nonPublic.same(asFileAt: path) {
                return diagnostic(match, hidden, how: "is the same file as")
            }
            if let hidden = nonPublic.copy(at: path, followingLinks: true, confirmingBytes: true) {
                return diagnostic(match, hidden, how: "has the same bytes as")
            }
            return nil
        }.compactMap { $0 }
    }

    static func diagnostic(_ match: AttachmentMatcher.Match, _ hidden: NonPublicFiles.Material, how: String) -> Diagnostic {
        let what = hidden.relative == hidden.owner
            ? "the non-public record \(hidden.owner)"
            : "\(hidden.relative), an attachment of the non-public record \(hidden.owner)"
        return Rule.attachmentNonPublic.diagnostic(match.attachment.relativePath, .fileStart,
            "'\(match.attachment.name)', an attachment of the public record \(match.record.relativePath), \(how) \(what); non-public material is never published. Remove it, or replace it with the public version")
    }
}
