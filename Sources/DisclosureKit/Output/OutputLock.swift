import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The exclusive right to write one output directory, held by a build from before it
/// looks at the output until after its caches are written: two builds into one output
/// would otherwise clear each other's staging trees (each build's clean-up removes what a
/// killed build left) and swap in half a site.
///
/// The lock is `flock` on a file beside the output, `.disclose-lock-NAME`. Beside the
/// output rather than in the site root's cache folder: builds of one output from two
/// different roots (or by two users) must exclude each other too, and the output's
/// folder is the one place they all share; a lock file keyed by the output inside one
/// root would leave builds from another root free to race. The file holds the holder's
/// process id, so a waiting build can name it. The kernel releases a `flock` when its
/// holder dies, so a killed build never leaves a lock that blocks; the file it leaves is
/// taken over by the next build. A build removes the file before it lets go of the lock
/// (a failed build leaves nothing beside the output), so a build that got the lock
/// checks that the file it locked is still the one at the name, and starts over if not.
///
/// The parent folders of the output that did not exist are made here (the lock file
/// needs one) and removed again on release when they are still empty: a build that
/// failed leaves no folder behind either.
public final class OutputLock {
    static let prefix = ".disclose-lock-"

    /// The lock file's path.
    let path: String
    private let fd: Int32
    /// Folders made for the output, deepest last.
    private let createdFolders: [String]
    private var released = false

    private init(path: String, fd: Int32, createdFolders: [String]) {
        self.path = path
        self.fd = fd
        self.createdFolders = createdFolders
    }

    /// Takes the lock of `output`. When another build holds it: waits for it, after
    /// calling `waiting` with the holder's process id (nil when unknown), or, when
    /// `wait` is false, throws an environment error at once.
    static func acquire(_ output: OutputDirectory, wait: Bool,
                        waiting: (Int32?) -> Void) throws(EnvironmentError) -> OutputLock {
        let path = output.parent + "/" + prefix + output.name
        var created: [String] = []
        var toldWaiting = false
        // Each round ends with the lock, or finds that the file it locked was removed
        // (by the build that held it, on its way out) and starts over.
        for _ in 0..<1000 {
            do throws(EnvironmentError) { created += try makeFolders(output.parent) } catch {
                removeFolders(created)
                throw error
            }
            var fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o644)
            if fd < 0, errno == EACCES {
                // Another user's lock file: it can be locked (not written) all the same.
                fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            }
            guard fd >= 0 else {
                if errno == ENOENT { continue }  // its folder was just removed by a failed build
                let reason = errno == ELOOP ? Phrase("它是符号链接；请删除", en: "it is a symbolic link; remove it") : SystemMessage.phrase(String(cString: strerror(errno)))
                removeFolders(created)
                throw EnvironmentError(Phrase("无法把 \(path) 用作输出目录的锁：", en: "cannot use \(path) as the lock of the output: ") + reason)
            }
            do throws(EnvironmentError) {
                try checkIsLockFile(fd, path)
            } catch {
                close(fd)
                removeFolders(created)
                throw error
            }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                guard errno == EWOULDBLOCK else {
                    let reason = SystemMessage.phrase(String(cString: strerror(errno)))
                    close(fd)
                    removeFolders(created)
                    throw EnvironmentError(Phrase("无法锁定 \(path)：", en: "cannot lock \(path): ") + reason)
                }
                let holder = holderPID(fd)
                guard wait else {
                    close(fd)
                    removeFolders(created)
                    throw EnvironmentError(Phrase("\(output.path) 正由" + (holder.map { "进程 \($0) 的构建" } ?? "另一个构建") + "写入；不等待其完成（--no-wait）",
                        en: "\(output.path) is being written by "
                        + (holder.map { "the build of PID \($0)" } ?? "another build") + "; not waiting for it (--no-wait)"))
                }
                if !toldWaiting {
                    waiting(holder)
                    toldWaiting = true
                }
                while flock(fd, LOCK_EX) != 0 {
                    guard errno == EINTR else {
                        let reason = SystemMessage.phrase(String(cString: strerror(errno)))
                        close(fd)
                        removeFolders(created)
                        throw EnvironmentError(Phrase("无法锁定 \(path)：", en: "cannot lock \(path): ") + reason)
                    }
                }
            }
            // Still the file at the name? A build that held it may have removed it.
            var locked = stat(), named = stat()
            guard fstat(fd, &locked) == 0, lstat(path, &named) == 0,
                  locked.st_dev == named.st_dev, locked.st_ino == named.st_ino else {
                close(fd)
                continue
            }
            let pid = Array("\(getpid())\n".utf8)
            _ = ftruncate(fd, 0)
            _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
            return OutputLock(path: path, fd: fd, createdFolders: created)
        }
        removeFolders(created)
        throw EnvironmentError(Phrase("无法锁定 \(path)：它不断被删除", en: "cannot lock \(path): it keeps being removed"))
    }

    /// Removes the lock file and lets go of the lock, then removes the folders made for
    /// the output if they are still empty (the build failed, or wrote nothing there).
    func release() {
        guard !released else { return }
        released = true
        var locked = stat(), named = stat()
        if fstat(fd, &locked) == 0, lstat(path, &named) == 0, locked.st_dev == named.st_dev, locked.st_ino == named.st_ino {
            unlink(path)
        }
        close(fd)
        Self.removeFolders(createdFolders)
    }

    deinit { release() }

    /// Refuses a file at the lock's name that is not one a build made: only a regular
    /// file with no other name, empty or holding a process id, is written to; anything
    /// else (a hard link to someone's file, a named pipe, a file of text) is left alone.
    private static func checkIsLockFile(_ fd: Int32, _ path: String) throws(EnvironmentError) {
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw EnvironmentError(Phrase("无法读取 \(path)：", en: "cannot read \(path): ") + SystemMessage.phrase(String(cString: strerror(errno))))
        }
        let refuse = { (why: Phrase) in
            EnvironmentError(Phrase("\(path) 不是 disclose 创建的锁文件（\(why.zh)）；如果没有构建在运行，请删除它",
                                    en: "\(path) is not a lock file disclose made (\(why.en)); remove it if no build is running"))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw refuse(Phrase("它是\(FileIO.fileKindPhrase(info.st_mode).zh)", en: "it is \(FileIO.fileKind(info.st_mode))")) }
        guard info.st_nlink == 1 else { throw refuse(Phrase("它有其他名称（硬链接）", en: "it has other names (hard links)")) }
        guard info.st_size <= 32 else { throw refuse(Phrase("其内容不止一个进程号", en: "it holds more than a process id")) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        let count = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count == bytes.count, bytes.allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x0A }) else {
            throw refuse(Phrase("其内容不止一个进程号", en: "it holds more than a process id"))
        }
    }

    /// The process id the holder wrote into the lock file; nil before it has.
    private static func holderPID(_ fd: Int32) -> Int32? {
        var bytes = [UInt8](repeating: 0, count: 32)
        let count = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: bytes[..<count], as: UTF8.self).trimmed)
    }

    /// Makes `path` and its missing parents; the ones it made, outermost first.
    private static func makeFolders(_ path: String) throws(EnvironmentError) -> [String] {
        var missing: [String] = []
        var current = path
        var info = stat()
        while !current.isEmpty, current != "/", lstat(current, &info) != 0, errno == ENOENT {
            missing.append(current)
            current = (current as NSString).deletingLastPathComponent
        }
        var made: [String] = []
        for folder in missing.reversed() {
            if mkdir(folder, 0o755) == 0 {
                made.append(folder)
            } else if errno != EEXIST {
                let reason = SystemMessage.phrase(String(cString: strerror(errno)))
                removeFolders(made)
                throw EnvironmentError(Phrase("无法创建 \(folder)：", en: "cannot create \(folder): ") + reason)
            }
        }
        return made
    }

    /// Removes `folders` (outermost first) while they are empty, deepest first.
    private static func removeFolders(_ folders: [String]) {
        for folder in folders.reversed() { rmdir(folder) }
    }
}
