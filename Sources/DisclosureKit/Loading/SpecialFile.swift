#if canImport(Glibc)
import Glibc
#endif

/// Names the kinds of file that are neither regular files nor folders, for the
/// diagnostic that refuses them: a named pipe would block whoever opens it for reading,
/// and a device or socket is no part of a site.
enum SpecialFile {
    static func describe(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a named pipe (FIFO)"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        default: "a special file"
        }
    }

    /// `describe(_:)` in Chinese, to follow 是 (是命名管道（FIFO）).
    static func describeZh(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "命名管道（FIFO）"
        case S_IFSOCK: "套接字（socket）"
        case S_IFCHR: "字符设备"
        case S_IFBLK: "块设备"
        default: "特殊文件"
        }
    }
}
