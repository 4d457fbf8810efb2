import DisclosureKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The modification times, sizes and inodes of everything a build reads under a site
/// root: `content/` (records, fixed pages, attachments, `site.yaml`), `templates/` and
/// `types/`. Two snapshots differ when any input was added, removed, edited or replaced;
/// polling them is portable (no inotify, no FSEvents) and cheap next to a build.
public struct InputSnapshot: Equatable, Sendable {
    /// The folders under the root a build reads.
    public static let watchedFolders = ["content", "templates", "types"]

    /// Every path's stamp; a change of a file's type or mode moves its change time too.
    var files: [String: FileStamp] = [:]

    /// The snapshot of `root`'s inputs now. A folder that cannot be read counts as empty;
    /// a link is stamped by what it leads to, and a linked folder is not entered (a loop
    /// of links must not hang the preview).
    public static func take(root: String) -> InputSnapshot {
        var snapshot = InputSnapshot()
        for folder in watchedFolders {
            snapshot.walk(root + "/" + folder, depth: 0)
        }
        return snapshot
    }

    /// How many paths the snapshot holds.
    public var count: Int { files.count }

    private mutating func walk(_ path: String, depth: Int) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        let isLink = (info.st_mode & S_IFMT) == S_IFLNK
        if isLink {
            var target = stat()
            if stat(path, &target) == 0 { info = target }
        }
        files[path] = FileStamp(info)
        guard !isLink, (info.st_mode & S_IFMT) == S_IFDIR, depth < 64, let directory = opendir(path) else { return }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        for name in names { walk(path + "/" + name, depth: depth + 1) }
    }
}
