import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Small POSIX file helpers: fewer copies than `FileManager` on the hot path.
public enum FileIO {
    public enum Failure: PhrasedError, CustomStringConvertible {
        case system(String)
        case tooLarge(bytes: Int)

        public var description: String { phrase.en }

        public var phrase: Phrase {
            switch self {
            case .system(let message): SystemMessage.phrase(message)
            case .tooLarge(let bytes): Phrase("文件有 \(bytes) 字节，超过上限", en: "the file is \(bytes) bytes, over the limit")
            }
        }
    }

    /// The whole file; refuses a file over `limit` bytes without reading it, and anything
    /// but a regular file: a named pipe would block the read (and a device do worse), so
    /// the file is opened without waiting and checked before a byte is read. With
    /// `followingLinks` false, a symbolic link is refused too (for the trees a build
    /// writes, which hold no links).
    public static func readBytes(_ path: String, limit: Int = .max, followingLinks: Bool = true) throws(Failure) -> [UInt8] {
        let fd = try openRegularFile(path, followingLinks: followingLinks)
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .system(String(cString: strerror(errno))) }
        let size = Int(info.st_size)
        guard size <= limit else { throw .tooLarge(bytes: size) }
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + done, size - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .system(String(cString: strerror(errno)))
            }
            if n == 0 { break }
            done += n
        }
        if done < size { bytes.removeLast(size - done) }
        return bytes
    }

    /// Opens `path` for reading when it is a regular file. Opened without waiting
    /// (`O_NONBLOCK`: opening a named pipe otherwise blocks until something writes to it),
    /// then checked on the open file, so nothing can be swapped in between.
    static func openRegularFile(_ path: String, followingLinks: Bool = true) throws(Failure) -> Int32 {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followingLinks ? 0 : O_NOFOLLOW))
        guard fd >= 0 else {
            throw .system(errno == ELOOP && !followingLinks ? "is a symbolic link" : String(cString: strerror(errno)))
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let message = String(cString: strerror(errno))
            close(fd)
            throw .system(message)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw .system("is not a regular file (\(fileKind(info.st_mode)))")
        }
        return fd
    }

    /// What a file that is not a regular file is, in words.
    public static func fileKind(_ mode: mode_t) -> String {
        fileKindPhrase(mode).en
    }

    /// What a file that is not a regular file is, in both languages.
    public static func fileKindPhrase(_ mode: mode_t) -> Phrase {
        let kind: mode_t = switch mode & S_IFMT {
        case S_IFREG, S_IFDIR, S_IFLNK, S_IFIFO, S_IFSOCK: mode & S_IFMT
        case S_IFCHR, S_IFBLK: S_IFCHR
        default: 0
        }
        return fileKindNames.first { $0.mode == kind }.map { Phrase($0.zh, en: $0.en) } ?? Phrase("特殊文件", en: "a special file")
    }

    static let fileKindNames: [(mode: mode_t, zh: String, en: String)] = [
        (S_IFREG, "普通文件", "a regular file"),
        (S_IFDIR, "文件夹", "a directory"),
        (S_IFLNK, "符号链接", "a symbolic link"),
        (S_IFIFO, "命名管道", "a named pipe"),
        (S_IFSOCK, "套接字", "a socket"),
        (S_IFCHR, "设备文件", "a device"),
    ]
}

extension FileIO {
    /// What follows a file's name in the temporary it is written under by `replace`,
    /// before the writing process's id and a random number: what a killed write leaves
    /// (`CacheFolder` clears those of its caches).
    static let partialMarker = ".partial-"

    /// Replaces the file at `path` with what `write` writes, through a temporary file
    /// beside it and a rename: a reader sees the old file or the new one, never half of
    /// one, and a failed write leaves the old file and no temporary. The temporary's name
    /// cannot be guessed, and it is created exclusively (`FileWriter`), so a link planted
    /// at a likely name is never written through.
    static func replace(_ path: String, mode: mode_t = 0o600,
                        _ write: (inout FileWriter) throws(Failure) -> Void) throws(Failure) {
        let temporary = path + partialMarker + String(getpid()) + "-" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
        do throws(Failure) {
            var file = try FileWriter(creating: temporary, mode: mode)
            try write(&file)
            try file.flush()
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw .system(String(cString: strerror(errno)))
        }
    }

    /// Creates a file at `path` holding `bytes`, in place of any file there: that one is
    /// unlinked (never written through: a hard link to another tree, or a symbolic link,
    /// would carry the write elsewhere) and the new one created exclusively, so that
    /// whatever appears at the name in between makes the write fail instead.
    public static func write(_ bytes: some Collection<UInt8>, to path: String, mode: mode_t = 0o644) throws(Failure) {
        let fd = try createExclusively(path, mode: mode)
        defer { close(fd) }
        let contiguous = Array(bytes)
        try contiguous.withUnsafeBytes { buffer in Result { () throws(Failure) in try writeAll(buffer, to: fd, path: path) } }.get()
    }

    /// Unlinks what is at `path` and creates a new file there, open for writing; fails
    /// when anything (a link included) is at the name by the time it is created.
    static func createExclusively(_ path: String, mode: mode_t) throws(Failure) -> Int32 {
        unlink(path)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else { throw .system("\(path): \(String(cString: strerror(errno)))") }
        return fd
    }

    /// Writes all of `buffer` to the open file `fd` (named `path` in an error), however
    /// many calls the system takes.
    static func writeAll(_ buffer: UnsafeRawBufferPointer, to fd: Int32, path: String) throws(Failure) {
        var done = 0
        while done < buffer.count {
            let n = Glibc.write(fd, buffer.baseAddress! + done, buffer.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw .system("\(path): \(String(cString: strerror(errno)))")
            }
            done += n
        }
    }

    /// The digest of the file at `path`, read a megabyte at a time (an attachment may be a
    /// scan of hundreds of megabytes), and how many bytes it held; nil when it cannot be read.
    /// A file of one megabyte or less has the digest `StableHasher.digest` gives its bytes.
    public static func digest(ofFileAt path: String) -> (Digest, Int)? {
        guard let fd = try? openRegularFile(path) else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        var hasher = StableHasher()
        // One byte more than the file, so that a file read whole comes back short and
        // ends the loop: most inputs are a few kilobytes, and a buffer exactly their size
        // came back full and was grown to a megabyte (cleared) for a read that found
        // nothing, 10 GB of memory written for 10,000 records.
        var buffer = [UInt8](repeating: 0, count: min(1 << 20, Int(info.st_size) + 1))
        var total = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { readFully(fd, $0) }
            guard count >= 0 else { return nil }
            if count > 0 || total == 0 { buffer.withUnsafeBytes { hasher.combine(UnsafeRawBufferPointer(rebasing: $0[..<count])) } }
            total += count
            if count < buffer.count { return (hasher.finalize(), total) }
            if buffer.count < 1 << 20 { buffer = [UInt8](repeating: 0, count: 1 << 20) }  // it grew while read
        }
    }

    /// Copies the regular file at `source` into `writer` a megabyte at a time (an
    /// attachment may be larger than the memory there is: read whole, a 3 GB scan took
    /// 3 GB, and two workers copying two of them at once would take both), and returns
    /// the digest of the bytes copied, as `digest(ofFileAt:)` computes it.
    static func copy(_ source: String, into writer: inout FileWriter) throws(Failure) -> Digest {
        let fd = try openRegularFile(source)
        defer { close(fd) }
        var hasher = StableHasher()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var total = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { readFully(fd, $0) }
            guard count >= 0 else { throw .system("\(source): \(String(cString: strerror(errno)))") }
            if count > 0 || total == 0 { buffer.withUnsafeBytes { hasher.combine(UnsafeRawBufferPointer(rebasing: $0[..<count])) } }
            if count > 0 { try writer.write(buffer[..<count]) }
            total += count
            if count < buffer.count { return hasher.finalize() }
        }
    }

    /// `digest(ofFileAt:)` of a file holding `bytes`: the same pieces, hashed the same way.
    public static func digest(ofBytes bytes: [UInt8]) -> Digest {
        var hasher = StableHasher()
        let piece = 1 << 20
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            repeat {
                let end = min(offset + piece, buffer.count)
                hasher.combine(UnsafeRawBufferPointer(rebasing: buffer[offset..<end]))
                offset = end
            } while offset < buffer.count
        }
        return hasher.finalize()
    }

    /// True when the files at `a` and `b` hold the same bytes; read a megabyte at a time.
    /// Both must be regular files, not links (they are files of the trees a build writes).
    public static func sameContents(_ a: String, _ b: String) -> Bool {
        let fa = (try? openRegularFile(a, followingLinks: false)) ?? -1
        let fb = (try? openRegularFile(b, followingLinks: false)) ?? -1
        defer {
            if fa >= 0 { close(fa) }
            if fb >= 0 { close(fb) }
        }
        guard fa >= 0, fb >= 0 else { return false }
        var bufferA = [UInt8](repeating: 0, count: 1 << 20), bufferB = bufferA
        while true {
            let na = bufferA.withUnsafeMutableBytes { readFully(fa, $0) }
            let nb = bufferB.withUnsafeMutableBytes { readFully(fb, $0) }
            guard na >= 0, na == nb, bufferA[..<na] == bufferB[..<nb] else { return false }
            if na < bufferA.count { return true }
        }
    }

    /// Reads until `buffer` is full or the file ends; the count read, or -1 on an error.
    private static func readFully(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Int {
        var done = 0
        while done < buffer.count {
            let n = read(fd, buffer.baseAddress! + done, buffer.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                return -1
            }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// Creates `path` and its missing parents.
    public static func makeDirectories(_ path: String) throws(Failure) {
        // Each missing folder from the top, so that a failure names the system's reason
        // and the folder it failed at (Foundation's says "NSCocoaErrorDomain error 512").
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
            guard mkdir(prefix, 0o755) != 0 else { continue }
            let reason = errno
            var info = stat()
            if reason == EEXIST, stat(prefix, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { continue }
            throw .system("\(prefix): \(String(cString: strerror(reason == EEXIST ? ENOTDIR : reason)))")
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space (including newlines and the
    /// ideographic space U+3000); much faster than Foundation's `trimmingCharacters`.
    public var trimmed: String {
        let scalars = unicodeScalars
        // Most text has nothing to trim: two scalars tell.
        if let first = scalars.first, let last = scalars.last, !first.isWhiteSpace, !last.isWhiteSpace {
            return String(self)
        }
        guard let first = scalars.firstIndex(where: { !$0.isWhiteSpace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isWhiteSpace })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}

extension Unicode.Scalar {
    /// Unicode's White_Space property (`properties.isWhitespace`), from its list: the
    /// property's look-up was 1.5 % of `check`, and the list has been fixed since Unicode
    /// 6.3 (a test compares the two over every scalar).
    var isWhiteSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
