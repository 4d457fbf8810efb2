#if canImport(Glibc)
import Glibc
#endif

/// The files of non-public material (each non-public record's file and its attachments'),
/// to tell a file that is one of them or holds the same bytes: a public attachment linked
/// to one (`attachment.non_public`, in check and build), or a non-public attachment copied
/// into the templates' assets or left on the server copy (`audit.leak`: published under
/// whatever name it has, and the text search does not read attachments' bytes).
///
/// Sizes first: a file's bytes are read only when it has the size of a non-public file,
/// then compared by digest. An empty file holds nothing to publish and is let be.
struct NonPublicFiles: Sendable {
    /// A non-public file: its path under the root, and the record it belongs to.
    struct Material: Sendable {
        var relative: String
        var absolute: String
        var owner: String
    }

    /// One device and inode: the same file, whatever links lead to it.
    private struct Inode: Hashable, Sendable {
        var device: UInt64
        var inode: UInt64
    }

    private var bySize: [Int64: [Material]] = [:]
    private var byInode: [Inode: Material] = [:]

    init(_ site: LoadedSite) {
        self.init(identities: site.identities, attachments: site.attachments)
    }

    /// A record counts as non-public unless its identity says it is public (one whose
    /// `disclosure` could not be read counts as non-public).
    init(identities: [RecordIdentity], attachments: [AttachmentMatcher.Match]) {
        // Read in place, stored fields only (`RecordIdentity.publicPaths` says why).
        var material: [Material] = []
        for index in identities.indices where identities[index].disclosure != .proactive {
            let file = identities[index].file
            material.append(Material(relative: file.relativePath, absolute: file.absolutePath, owner: file.relativePath))
        }
        let publicRecords = RecordIdentity.publicPaths(identities)
        material += attachments.filter { !publicRecords.contains($0.record.relativePath) }
            .map { Material(relative: $0.attachment.relativePath, absolute: $0.attachment.absolutePath, owner: $0.record.relativePath) }
        for file in material {
            var info = stat()
            guard stat(file.absolute, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            let inode = Inode(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            if byInode[inode] == nil { byInode[inode] = file }
            if info.st_size > 0 { bySize[Int64(info.st_size), default: []].append(file) }
        }
    }

    var isEmpty: Bool { byInode.isEmpty }

    /// The non-public file that the file at `path` is, its links followed.
    func same(asFileAt path: String) -> Material? {
        var info = stat()
        guard !byInode.isEmpty, stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return byInode[Inode(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))]
    }

    /// The non-public file whose bytes the regular file at `path` holds, if any; with
    /// `confirmingBytes`, digests that agree are confirmed byte for byte.
    func copy(at path: String, followingLinks: Bool = false, confirmingBytes: Bool = false) -> Material? {
        var info = stat()
        guard !bySize.isEmpty, (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0,
              (info.st_mode & S_IFMT) == S_IFREG,
              let sameSize = bySize[Int64(info.st_size)],
              let (digest, _) = FileIO.digest(ofFileAt: path) else { return nil }
        return sameSize.first {
            FileIO.digest(ofFileAt: $0.absolute)?.0 == digest && (!confirmingBytes || FileIO.sameContents(path, $0.absolute))
        }
    }
}
