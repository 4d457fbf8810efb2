#if canImport(Glibc)
import Glibc
#endif

/// Writes a file in pieces through a small buffer, for the files too large to build in
/// memory first (the search index is tens of megabytes at 100,000 records).
struct FileWriter: ~Copyable {
    private let fd: Int32
    private let path: String
    private var buffer: [UInt8] = []
    private static let capacity = 1 << 16

    /// A new file at `path`, in place of any file there (`FileIO.createExclusively`:
    /// never written through a link).
    init(creating path: String, mode: mode_t = 0o644) throws(FileIO.Failure) {
        fd = try FileIO.createExclusively(path, mode: mode)
        self.path = path
        buffer.reserveCapacity(Self.capacity)
    }

    deinit { close(fd) }

    mutating func write(_ bytes: some Sequence<UInt8>) throws(FileIO.Failure) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.capacity { try flush() }
    }

    mutating func write(_ text: String) throws(FileIO.Failure) {
        try write(text.utf8)
    }

    /// Hands the buffered bytes to the system; call before the writer goes away, or the
    /// last piece is lost (a `deinit` cannot report a failed write).
    mutating func flush() throws(FileIO.Failure) {
        try buffer.withUnsafeBytes { bytes in
            Result { () throws(FileIO.Failure) in try FileIO.writeAll(bytes, to: fd, path: path) }
        }.get()
        buffer.removeAll(keepingCapacity: true)
    }
}
