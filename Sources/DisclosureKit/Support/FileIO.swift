import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Small POSIX file helpers: fewer copies than `FileManager` on the hot path.
public enum FileIO {
    public enum Failure: Error, CustomStringConvertible {
        case system(String)
        case tooLarge(bytes: Int)

        public var description: String {
            switch self {
            case .system(let message): message
            case .tooLarge(let bytes): "the file is \(bytes) bytes, over the limit"
            }
        }
    }

    /// The whole file; refuses a file over `limit` bytes without reading it.
    public static func readBytes(_ path: String, limit: Int = .max) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .system(String(cString: strerror(errno))) }
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
}
