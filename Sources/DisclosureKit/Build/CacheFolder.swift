import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a site root keeps what one build leaves for the next: `ROOT/.disclose/`, made
/// with mode 0700 and holding a `.gitignore` of `*`, so git ignores it whatever the
/// root's own `.gitignore` says. Inside the root, never beside the output: the output's
/// folder is often a web root (`--output /var/www/html` put the caches in `/var/www`),
/// and a build that fails must leave nothing outside the root.
///
/// Each output has its own pair of files (the build cache and the record cache), named
/// after the output and a digest of its real path: two outputs of one root never share a
/// cache. Each is written by `FileIO.replace` (a temporary of unguessable name, created
/// exclusively, then renamed), and only by a build holding the output's lock.
struct CacheFolder: Sendable {
    static let name = ".disclose"
    static let gitignore = "*\n"

    /// The folder's path.
    let path: String
    /// The two cache files of the output, by full path.
    let buildCache: String
    let recordCache: String

    /// The cache folder of `root` and the cache files of `output`. The folder need not
    /// exist yet (`prepare` makes it), but what is at its name must be a folder, never a
    /// link: the caches are never written through one.
    init(root: String, output: OutputDirectory) throws(EnvironmentError) {
        path = root.appendingPathComponent(Self.name)
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR {
            throw EnvironmentError(Phrase("\(path) 是\(FileIO.fileKindPhrase(info.st_mode).zh)，不是 disclose 存放缓存的文件夹；请删除它",
                                   en: "\(path) is \(FileIO.fileKind(info.st_mode)), not the folder where disclose keeps its caches; remove it"))
        }
        let key = Self.key(output.path)
        buildCache = path + "/" + key + ".build-cache"
        recordCache = path + "/" + key + ".record-cache"
    }

    /// The output's name (what a file name can hold of it, for people reading the folder)
    /// and a digest of its real path (what tells outputs apart).
    static func key(_ outputPath: String) -> String {
        let readable = (outputPath as NSString).lastPathComponent.unicodeScalars
            .filter { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "-_".unicodeScalars.contains($0)) }
            .prefix(40)
        let digest = StableHasher.digest(Array(outputPath.utf8))
        return String(String.UnicodeScalarView(readable)) + "-" + String(String(describing: digest).prefix(16))
    }

    /// Makes the folder (mode 0700, with its `.gitignore`) when it is missing, and narrows
    /// its mode to 0700 when it is wider; false when it cannot be had (a root that cannot
    /// be written): the build then goes without caches.
    func prepare() -> Bool {
        if mkdir(path, 0o700) != 0 && errno != EEXIST { return false }
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return false }
        if info.st_mode & 0o077 != 0 { _ = chmod(path, 0o700) }
        let ignore = path + "/.gitignore"
        if lstat(ignore, &info) != 0 {
            // Exclusively: whatever appears at the name first is left as it is.
            let fd = open(ignore, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd >= 0 {
                defer { close(fd) }
                try? Array(Self.gitignore.utf8).withUnsafeBytes { buffer in
                    Result { () throws(FileIO.Failure) in try FileIO.writeAll(buffer, to: fd, path: ignore) }
                }.get()
            }
        }
        return true
    }

    /// Removes what a killed build left of a cache write for this output (the
    /// temporaries of `FileIO.replace`). Only a build holding the output's lock calls this,
    /// before it writes a cache itself.
    func removeCutShortWrites() {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for entry in entries {
            let full = path + "/" + entry
            guard [buildCache, recordCache].contains(where: { full.hasPrefix($0 + FileIO.partialMarker) }) else { continue }
            var info = stat()
            if lstat(full, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR { unlink(full) }
        }
    }
}
