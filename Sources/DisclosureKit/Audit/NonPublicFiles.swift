#if canImport(Glibc)
import Glibc
#endif

/// The files of non-public material (each non-public record's file and its attachments'),
/// to tell a file of the site that holds the same bytes as one of them: a non-public
/// attachment copied into the templates' assets, or left on the server copy, is published
/// under whatever name it has, and the text search does not read attachments' bytes.
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

    private var bySize: [Int64: [Material]] = [:]

    init(_ site: LoadedSite) {
        var material = site.identities.filter { !$0.isPublic }
            .map { Material(relative: $0.file.relativePath, absolute: $0.file.absolutePath, owner: $0.file.relativePath) }
        let publicRecords = Set(site.identities.lazy.filter(\.isPublic).map(\.file.relativePath))
        material += site.attachments.filter { !publicRecords.contains($0.record.relativePath) }
            .map { Material(relative: $0.attachment.relativePath, absolute: $0.attachment.absolutePath, owner: $0.record.relativePath) }
        for file in material {
            var info = stat()
            guard stat(file.absolute, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 else { continue }
            bySize[Int64(info.st_size), default: []].append(file)
        }
    }

    var isEmpty: Bool { bySize.isEmpty }

    /// The non-public file whose bytes the regular file at `path` holds, if any.
    func copy(at path: String) -> Material? {
        var info = stat()
        guard !bySize.isEmpty, lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
              let sameSize = bySize[Int64(info.st_size)],
              let (digest, _) = FileIO.digest(ofFileAt: path) else { return nil }
        return sameSize.first { FileIO.digest(ofFileAt: $0.absolute)?.0 == digest }
    }
}
