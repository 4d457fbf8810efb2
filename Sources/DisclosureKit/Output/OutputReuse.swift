import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Places the files of a new tree, carrying each unchanged file of the previous build
/// over by hard link (or, where links are impossible, by a copy with the old
/// modification time), so upload tools such as `rsync` see only what changed.
///
/// A file is unchanged when the previous build recorded the same key for its path and the
/// file in the old output is still the one it wrote (same inode, size and modification
/// time). A file of the old output is read only when it is that regular file (`lstat`),
/// and opened without following a link or waiting on a named pipe: whatever was put
/// there by hand is written anew, never read. Every method is safe to call from many workers at once: each touches only
/// its own path.
struct OutputReuse: Sendable {
    /// The previous build's entries, empty for a first or clean build.
    let previous: [String: BuildCache.FileEntry]
    /// The output directory as it is now (the previous build's tree).
    let oldOutput: String
    /// The staging directory of this build.
    let staging: String

    /// No reuse: every file is written.
    static func none(staging: String) -> OutputReuse {
        OutputReuse(previous: [:], oldOutput: "", staging: staging)
    }

    /// What placing one file did.
    enum Placement {
        case carried(BuildCache.FileEntry)
        case written(BuildCache.FileEntry)
    }

    /// Carries `path` over when the previous build wrote it under `key`; nil otherwise.
    func carry(_ path: String, key: Digest) -> BuildCache.FileEntry? {
        guard let entry = previous[path], entry.key == key else { return nil }
        return link(path, entry, key: key)
    }

    /// Carries `path` over under the key the previous build filed it under, whatever that
    /// was: for a file its caller knows to be unchanged; nil when there is none to carry.
    func carryPrevious(_ path: String) -> BuildCache.FileEntry? {
        previous[path].flatMap { carry(path, key: $0.key) }
    }

    /// Carries `path` over when the old file holds exactly `bytes`, filed under `key`
    /// from now on: a page made again (its inputs changed) that came out the same keeps
    /// its time too.
    func carry(_ path: String, sameAs bytes: [UInt8], key: Digest) -> BuildCache.FileEntry? {
        guard let entry = previous[path], entry.identity.size == Int64(bytes.count),
              BuildCache.FileIdentity.of(oldOutput + "/" + path) == entry.identity,
              (try? FileIO.readBytes(oldOutput + "/" + path, followingLinks: false)) == bytes else { return nil }
        return link(path, entry, key: key)
    }

    private func link(_ path: String, _ entry: BuildCache.FileEntry, key: Digest) -> BuildCache.FileEntry? {
        let source = oldOutput + "/" + path
        let destination = staging + "/" + path
        // One lstat for both: the file the build wrote, with the mode it gave it.
        var info = stat()
        guard lstat(source, &info) == 0, BuildCache.FileIdentity.of(info) == entry.identity,
              info.st_mode & 0o7777 == Self.newFilesMode else { return nil }
        var carried = entry
        carried.key = key
        if Glibc.link(source, destination) == 0 { return carried }
        // Another file system, or links refused: copy, and give the copy the old time.
        guard let bytes = try? FileIO.readBytes(source, followingLinks: false), (try? FileIO.write(bytes, to: destination)) != nil else {
            unlink(destination)
            return nil
        }
        let time = timespec(tv_sec: Int(entry.identity.seconds), tv_nsec: Int(entry.identity.nanoseconds))
        var times = [time, time]
        guard utimensat(AT_FDCWD, destination, &times, 0) == 0,
              let identity = BuildCache.FileIdentity.of(destination) else { return nil }
        carried.identity = identity
        return carried
    }

    /// The permissions a file the build writes gets (0644 less the umask). A carried file
    /// keeps its inode, so a file whose mode was changed by hand (`chmod 000`, and the web
    /// server answers 403) is made anew instead: an incremental build gives the clean
    /// build's tree, modes included.
    static let newFilesMode: mode_t = {
        let mask = umask(0)
        umask(mask)
        return 0o644 & ~mask
    }()

    /// The bytes of the previous build's file at `path`, when it is still the one that
    /// build wrote (same inode, size and time).
    func previousBytes(_ path: String) -> [UInt8]? {
        guard let entry = previous[path], BuildCache.FileIdentity.of(oldOutput + "/" + path) == entry.identity,
              let bytes = try? FileIO.readBytes(oldOutput + "/" + path, followingLinks: false),
              bytes.count == entry.identity.size else { return nil }
        return bytes
    }

    /// Carries `path` over when its key matches, or when what `make` returns is what the
    /// old file holds; otherwise writes it.
    func place(_ path: String, key: Digest, _ make: () throws(FileIO.Failure) -> [UInt8]) throws(FileIO.Failure) -> Placement {
        if let entry = carry(path, key: key) { return .carried(entry) }
        let bytes = try make()
        if let entry = carry(path, sameAs: bytes, key: key) { return .carried(entry) }
        return .written(try write(path, key: key, bytes))
    }

    /// `place(_:key:_:)` for a file written in pieces (`write` gets the new file), so it is
    /// never held whole; the old file is compared with it a piece at a time.
    func place(_ path: String, key: Digest,
               streaming write: (inout FileWriter) throws(FileIO.Failure) -> Void) throws(FileIO.Failure) -> Placement {
        if let entry = carry(path, key: key) { return .carried(entry) }
        let destination = staging + "/" + path
        func make() throws(FileIO.Failure) -> BuildCache.FileEntry {
            var writer = try FileWriter(creating: destination)
            try write(&writer)
            try writer.flush()
            guard let identity = BuildCache.FileIdentity.of(destination) else {
                throw .system("\(destination): written but cannot be read back")
            }
            return BuildCache.FileEntry(key: key, identity: identity, anchors: .zero)
        }
        let made = try make()
        if let entry = previous[path], entry.identity.size == made.identity.size,
           FileIO.sameContents(oldOutput + "/" + path, destination) {
            unlink(destination)
            if let carried = link(path, entry, key: key) { return .carried(carried) }
            return .written(try make())
        }
        return .written(made)
    }

    /// Places a file that costs less to make than to key: keyed by its own bytes, so an
    /// equal key is equal bytes and the old file need not be read.
    func place(_ path: String, bytes: [UInt8]) throws(FileIO.Failure) -> Placement {
        let key = StableHasher.digest(bytes)
        if let entry = carry(path, key: key) { return .carried(entry) }
        return .written(try write(path, key: key, bytes))
    }

    /// Writes a new file. `FileIO.write` unlinks the path first and creates the file
    /// exclusively: were it a link to the old tree, the write would otherwise change the
    /// published site in place.
    func write(_ path: String, key: Digest, _ bytes: [UInt8]) throws(FileIO.Failure) -> BuildCache.FileEntry {
        let destination = staging + "/" + path
        try FileIO.write(bytes, to: destination)
        guard let identity = BuildCache.FileIdentity.of(destination) else {
            throw .system("\(destination): written but cannot be read back")
        }
        return BuildCache.FileEntry(key: key, identity: identity, anchors: .zero)
    }
}
