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

    init(creating path: String) throws(FileIO.Failure) {
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .system("\(path): \(String(cString: strerror(errno)))") }
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
