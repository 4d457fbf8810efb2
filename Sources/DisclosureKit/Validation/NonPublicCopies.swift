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
        guard !matches.isEmpty else { return [] }
        let publicRecords = RecordIdentity.publicPaths(identities)
        let published = matches.filter { publicRecords.contains($0.record.relativePath) }
        guard !published.isEmpty else { return [] }
        let nonPublic = NonPublicFiles(identities: identities, attachments: matches)
        guard !nonPublic.isEmpty else { return [] }
        return parallelMap(published) { match -> Diagnostic? in
            let path = match.attachment.absolutePath
            if let hidden = nonPublic.same(asFileAt: path) {
                return diagnostic(match, hidden, how: Phrase("是同一个文件", en: "is the same file as"))
            }
            if let hidden = nonPublic.copy(at: path, followingLinks: true, confirmingBytes: true) {
                return diagnostic(match, hidden, how: Phrase("的内容完全相同", en: "has the same bytes as"))
            }
            return nil
        }.compactMap { $0 }
    }

    static func diagnostic(_ match: AttachmentMatcher.Match, _ hidden: NonPublicFiles.Material, how: Phrase) -> Diagnostic {
        let what = hidden.relative == hidden.owner
            ? Phrase("非主动公开的记录 \(hidden.owner)", en: "the non-public record \(hidden.owner)")
            : Phrase("\(hidden.relative)（非主动公开的记录 \(hidden.owner) 的附件）", en: "\(hidden.relative), an attachment of the non-public record \(hidden.owner)")
        return Rule.attachmentNonPublic.diagnostic(match.attachment.relativePath, .fileStart,
            Phrase("'\(match.attachment.name)'（公开记录 \(match.record.relativePath) 的附件）与\(what.zh.first?.isASCII == true ? " " : "")\(what.zh)\(how.zh)；非主动公开的材料一律不得公开。请删除该附件，或换成可公开的版本",
                   en: "'\(match.attachment.name)', an attachment of the public record \(match.record.relativePath), \(how.en) \(what.en); non-public material is never published. Remove it, or replace it with the public version"))
    }
}
