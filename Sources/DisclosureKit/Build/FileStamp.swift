#if canImport(Glibc)
import Glibc
#endif

/// What `stat` says of a file: where it is, its size, and when its content (mtime) and
/// its inode (ctime) last changed, in nanoseconds. Any write to a file, and any change of
/// its mode or owner, moves its change time, which no user command can set back: equal
/// stamps mean an unchanged file. The build's input digest (`InputDigest`) and the
/// preview's watch of the inputs (`InputSnapshot`) both compare these.
public struct FileStamp: Sendable, Equatable, Codable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Int64
    var changed: Int64

    public init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
    }

    init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }

    /// The stamp of the regular file at `path` (a link is followed); nil for anything else.
    static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileStamp(info)
    }
}

/// Five numbers in a row, without their names: the build cache holds one for every input
/// file, and named entries made most of its bytes and of the time to read and write it.
extension FileStamp {
    public init(from decoder: any Decoder) throws {
        var numbers = try decoder.unkeyedContainer()
        device = try numbers.decode(UInt64.self)
        inode = try numbers.decode(UInt64.self)
        size = try numbers.decode(Int64.self)
        modified = try numbers.decode(Int64.self)
        changed = try numbers.decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var numbers = encoder.unkeyedContainer()
        try numbers.encode(device)
        try numbers.encode(inode)
        try numbers.encode(size)
        try numbers.encode(modified)
        try numbers.encode(changed)
    }
}
