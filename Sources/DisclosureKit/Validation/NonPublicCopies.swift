#if canImport(Glibc)
import Glibc
#endif

/// Non-public material is a non-public record's text and its attachments' bytes, under
/// whatever name they sit. A public record's attachment that is the same file as one of
/// those (a symbolic link resolving to it, a hard link: one device and inode) or holds the
/// same bytes (a copy under a public name) would publish it, so it is an error naming
/// both files (`attachment.non_public`).
///
/// Only sizes are compared across all files; bytes are read only where a public
/// attachment has the size of a non-public file, then compared by digest and, where
/// digests agree, byte for byte. An empty file holds nothing to publish and is let be.
enum NonPublicCopies {
    /// `matches` are every attachment with its record; a record counts as non-public
    /// unless its identity says it is public (one whose `disclosure` could not be read
    /// counts as non-public).
    static func check(_ matches: [AttachmentMatcher.Match], identities: [RecordIdentity]) -> [Diagnostic] {
        let publicRecords = Set(identities.lazy.filter(\.isPublic).map(\.file.relativePath))
        let published = matches.filter { publicRecords.contains($0.record.relativePath) }
        guard !published.isEmpty else { return [] }
        var hidden: [(relative: String, absolute: String, owner: String)] = identities.filter { !$0.isPublic }
            .map { ($0.file.relativePath, $0.file.absolutePath, $0.file.relativePath) }
        hidden += matches.filter { !publicRecords.contains($0.record.relativePath) }
            .map { ($0.attachment.relativePath, $0.attachment.absolutePath, $0.record.relativePath) }
        guard !hidden.isEmpty else { return [] }
        let hiddenList = hidden

        let hiddenFiles = parallelMap(hiddenList) { FileIdentity.of($0.absolute) }
        var hiddenByInode: [FileIdentity.Inode: Int] = [:]
        var hiddenBySize: [Int64: [Int]] = [:]
        for (index, file) in hiddenFiles.enumerated() {
            guard let file else { continue }
            hiddenByInode[file.inode] = hiddenByInode[file.inode] ?? index
            if file.size > 0 { hiddenBySize[file.size, default: []].append(index) }
        }
        let byInode = hiddenByInode, bySize = hiddenBySize
        let findings = parallelMap(published) { match -> Diagnostic? in
            guard let file = FileIdentity.of(match.attachment.absolutePath) else { return nil }
            if let index = byInode[file.inode] {
                return diagnostic(match, hiddenList[index], how: "is the same file as")
            }
            let sameSize = bySize[file.size] ?? []
            guard !sameSize.isEmpty, let (digest, _) = FileIO.digest(ofFileAt: match.attachment.absolutePath) else { return nil }
            for index in sameSize {
                guard FileIO.digest(ofFileAt: hiddenList[index].absolute)?.0 == digest,
                      FileIO.sameContents(match.attachment.absolutePath, hiddenList[index].absolute) else { continue }
                return diagnostic(match, hiddenList[index], how: "has the same bytes as")
            }
            return nil
        }
        return findings.compactMap { $0 }
    }

    static func diagnostic(_ match: AttachmentMatcher.Match, _ hidden: (relative: String, absolute: String, owner: String),
                           how: String) -> Diagnostic {
        let what = hidden.relative == hidden.owner
            ? "the non-public record \(hidden.owner)"
            : "\(hidden.relative), an attachment of the non-public record \(hidden.owner)"
        return Rule.attachmentNonPublic.diagnostic(match.attachment.relativePath, .fileStart,
            "'\(match.attachment.name)', an attachment of the public record \(match.record.relativePath), \(how) \(what); non-public material is never published. Remove it, or replace it with the public version")
    }

    /// Where a file's bytes live, its links followed.
    struct FileIdentity: Sendable {
        struct Inode: Hashable, Sendable {
            var device: UInt64
            var inode: UInt64
        }
        var inode: Inode
        var size: Int64

        static func of(_ path: String) -> FileIdentity? {
            var info = stat()
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            return FileIdentity(inode: Inode(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)), size: Int64(info.st_size))
        }
    }
}
