import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The directory a build replaces, and the rules that keep a build from ever deleting
/// what the user had: it must not be `/`, the home directory, the site root, or the
/// content, templates or types directory (or lie inside them, or contain the root); an existing
/// non-empty directory must carry the marker an earlier build left. A build writes into
/// a staging directory beside it and swaps that in only when everything succeeded.
public struct OutputDirectory: Sendable {
    /// The marker file every build writes at the top of its output.
    public static let markerName = ".disclose-build"
    static let markerText = "This directory is written by disclose and replaced whole by each build.\n"
    static let stagingPrefix = ".disclose-staging-"
    static let retiredPrefix = ".disclose-retired-"

    /// Absolute, normalised path of the output directory.
    public let path: String
    var parent: String { (path as NSString).deletingLastPathComponent }
    var name: String { (path as NSString).lastPathComponent }

    /// Checks `output` against the site root `root`; throws an environment error (exit 2).
    public static func validate(output: String, root: String) throws(EnvironmentError) -> OutputDirectory {
        let absolute = normalise(output)
        let realRoot = resolved(normalise(root))
        let real = resolved(absolute)
        let home = ProcessInfo.processInfo.environment["HOME"].map { resolved(normalise($0)) }
        func refuse(_ why: Phrase) -> EnvironmentError {
            EnvironmentError(Phrase("拒绝把 '\(output)' 用作输出目录：\(why.zh)；未写入或删除任何文件",
                                    en: "refusing to use '\(output)' as the output directory: \(why.en); nothing was written or deleted"))
        }
        if real == "/" { throw refuse(Phrase("它是文件系统的根目录", en: "it is the file-system root")) }
        if let home, real == home { throw refuse(Phrase("它是你的主目录", en: "it is your home directory")) }
        if real == realRoot { throw refuse(Phrase("它是站点根目录", en: "it is the site root")) }
        if isInside(realRoot, real) { throw refuse(Phrase("站点根目录在它里面，而构建会整体替换输出目录", en: "the site root is inside it, and a build replaces the output whole")) }
        for protected in ["content", "templates", TypeRegistry.folder, CacheFolder.name] {
            let dir = resolved(realRoot + "/" + protected)
            if real == dir { throw refuse(Phrase("它是 \(protected) 文件夹", en: "it is the \(protected) directory")) }
            if isInside(real, dir) { throw refuse(Phrase("它在 \(protected) 文件夹里面", en: "it is inside the \(protected) directory")) }
        }
        var info = stat()
        if lstat(real, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw refuse(Phrase("它已存在，且不是文件夹", en: "it exists and is not a directory")) }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: real)) ?? []
            if !entries.isEmpty && !isRegularFile(real + "/" + markerName) {
                throw refuse(Phrase("它是一个非空文件夹，且不是 disclose 写出的（没有 \(markerName) 标记）", en: "it is a non-empty directory that disclose did not write (no \(markerName) marker)"))
            }
        }
        return OutputDirectory(path: real)
    }

    /// True when the output exists and carries the marker of an earlier build.
    public var isBuilt: Bool {
        Self.isRegularFile(path + "/" + Self.markerName)
    }

    /// True for a regular file, not a link to one (`lstat`).
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// True for a directory, not a link to one (`lstat`).
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// A fresh staging directory beside the output, with the marker already in it. The
    /// caller holds the output's lock (`OutputLock`, which also made the parent folder).
    public func makeStaging() throws(EnvironmentError) -> String {
        let staging = parent + "/" + Self.stagingPrefix + name + "-" + Self.uniqueSuffix()
        guard mkdir(staging, 0o755) == 0 else {
            throw EnvironmentError(Phrase("无法创建暂存文件夹 \(staging)：", en: "cannot create the staging directory \(staging): ") + SystemMessage.phrase(String(cString: strerror(errno))))
        }
        // The old marker is linked when it says the same, so that an upload sees it unchanged.
        let oldMarker = path + "/" + Self.markerName
        if (try? FileIO.readBytes(oldMarker, limit: 4096, followingLinks: false)) == Array(Self.markerText.utf8),
           link(oldMarker, staging + "/" + Self.markerName) == 0 {
            return staging
        }
        do throws(FileIO.Failure) { try FileIO.write(Self.markerText.utf8, to: staging + "/" + Self.markerName) } catch {
            Self.removeTree(staging)
            throw EnvironmentError(Phrase("无法写入 \(staging)：", en: "cannot write in \(staging): ") + SystemMessage.phrase(of: error))
        }
        return staging
    }

    /// What follows the output's name in a staging or retired directory's: this process's
    /// id and a random number, `PID-NUMBER`; `recoverLeftovers` knows them by that shape.
    static func uniqueSuffix() -> String {
        "\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
    }

    /// True when `entry` is `prefix` + this output's name + a `uniqueSuffix()`: exactly
    /// two runs of digits after the name, so that the output `site` never takes the
    /// staging directory of the output `site-2` (`.disclose-staging-site-2-PID-NUMBER`)
    /// for its own.
    func isOwnLeftover(_ entry: String, prefix: String) -> Bool {
        let head = prefix + name + "-"
        guard entry.hasPrefix(head) else { return false }
        let parts = entry.dropFirst(head.count).split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }

    /// Puts `staging` in place of the output in one step and removes the old output.
    public func commit(staging: String) throws(EnvironmentError) {
        var info = stat()
        if lstat(path, &info) != 0 {
            guard rename(staging, path) == 0 else {
                throw EnvironmentError(Phrase("无法把新站点移到 \(path)：", en: "cannot move the new site into \(path): ") + SystemMessage.phrase(String(cString: strerror(errno))))
            }
            return
        }
        if Self.exchange(staging, path) {
            // `staging` now holds the old output.
            Self.removeTree(staging)
            return
        }
        // No atomic exchange on this file system: two renames; a crash between them
        // leaves the old site under the retired name, which the next build restores.
        let retired = parent + "/" + Self.retiredPrefix + name + "-" + Self.uniqueSuffix()
        guard rename(path, retired) == 0 else {
            throw EnvironmentError(Phrase("无法移开旧站点：", en: "cannot move the old site aside: ") + SystemMessage.phrase(String(cString: strerror(errno))))
        }
        guard rename(staging, path) == 0 else {
            _ = rename(retired, path)
            throw EnvironmentError(Phrase("无法把新站点移到 \(path)：", en: "cannot move the new site into \(path): ") + SystemMessage.phrase(String(cString: strerror(errno))))
        }
        Self.removeTree(retired)
    }

    /// Removes a staging directory after a failed build.
    public func discard(staging: String) {
        Self.removeTree(staging)
    }

    /// Cleans up after a build that was killed: its staging directories are removed, and
    /// an old output left under its retired name (killed mid-swap) is put back. Only a
    /// build holding the output's lock (`OutputLock`) may call this: another build's
    /// staging directory would look the same. Only real directories with this output's
    /// leftover names (and, but for an empty one, the marker) are touched, never a link.
    public func recoverLeftovers() {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        for entry in entries.sorted() {
            let full = parent + "/" + entry
            guard Self.isDirectory(full) else { continue }
            let isOurs = Self.isRegularFile(full + "/" + Self.markerName)
            if isOwnLeftover(entry, prefix: Self.stagingPrefix) {
                // A staging directory gets its marker first thing; an empty one is ours too.
                let empty = ((try? FileManager.default.contentsOfDirectory(atPath: full)) ?? ["?"]).isEmpty
                if isOurs || empty { Self.removeTree(full) }
            } else if isOwnLeftover(entry, prefix: Self.retiredPrefix), isOurs {
                var info = stat()
                if lstat(path, &info) != 0 {
                    _ = rename(full, path)
                } else {
                    Self.removeTree(full)
                }
            }
        }
    }

    // MARK: Helpers

    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    /// glibc's renameat2, found at run time (older C libraries lack it).
    static let renameat2: RenameAt2? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    /// Atomically swaps two paths (Linux `RENAME_EXCHANGE`); false when not supported.
    static func exchange(_ a: String, _ b: String) -> Bool {
        guard let renameat2 else { return false }
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    }

    /// Deletes one of our trees, its marker last: a deletion cut short by a kill still
    /// leaves a directory the next build recognises as ours and finishes removing.
    static func removeTree(_ path: String) {
        // Opened without following a link: never what a link leads to.
        let top = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard top >= 0 else { return }
        defer { close(top) }
        // The marker goes last, so that a removal cut short leaves a tree the next build
        // still knows as its own; the top's entries (a section each) two or more at once:
        // a rebuild's swap removes the old tree of every page, and it was the end of it.
        let marker = Array(markerName.utf8CString)
        let entries = directoryEntries(top).filter { $0.name != marker }
        _ = parallelMap(entries) { removeEntry($0, in: top) }
        unlinkat(top, marker, 0)
        rmdir(path)
    }

    /// One entry of a directory: its name as the file system has it (NUL-terminated; never
    /// read as text) and whether it is said to be a directory (nil: not known).
    struct DirectoryEntry: Sendable {
        let name: [CChar]
        let isDirectory: Bool?
    }

    /// The entries of the directory open at `fd`, all read before any is removed.
    static func directoryEntries(_ fd: Int32) -> [DirectoryEntry] {
        let copy = dup(fd)
        guard copy >= 0, let handle = fdopendir(copy) else {
            if copy >= 0 { close(copy) }
            return []
        }
        defer { closedir(handle) }
        var entries: [DirectoryEntry] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 }.map { CChar(bitPattern: $0) }) + [0]
            }
            if name == [0x2E, 0] || name == [0x2E, 0x2E, 0] { continue }
            let type = Int32(entry.pointee.d_type)
            entries.append(DirectoryEntry(name: name, isDirectory: type == Int32(DT_UNKNOWN) ? nil : type == Int32(DT_DIR)))
        }
        return entries
    }

    /// Removes `entry` of the directory open at `parent`, a directory with all it holds;
    /// a link is removed, never followed.
    static func removeEntry(_ entry: DirectoryEntry, in parent: Int32) {
        if entry.isDirectory != true {
            if unlinkat(parent, entry.name, 0) == 0 || (errno != EISDIR && errno != EPERM) { return }
        }
        let fd = openat(parent, entry.name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return }
        for child in directoryEntries(fd) { removeEntry(child, in: fd) }
        close(fd)
        unlinkat(parent, entry.name, AT_REMOVEDIR)
    }

    static func normalise(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for component in absolute.slashSeparated {
            switch component {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(component)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The real path of `path`, or of its deepest existing ancestor plus the rest.
    static func resolved(_ path: String) -> String {
        if let real = ContentScanner.realPath(path) { return real }
        let parentPath = (path as NSString).deletingLastPathComponent
        guard parentPath != path, !parentPath.isEmpty else { return path }
        let base = resolved(parentPath)
        return (base == "/" ? "" : base) + "/" + (path as NSString).lastPathComponent
    }

    /// True when `inner` lies strictly inside `outer`.
    static func isInside(_ inner: String, _ outer: String) -> Bool {
        outer == "/" ? inner != "/" : inner.hasPrefix(outer + "/")
    }
}
