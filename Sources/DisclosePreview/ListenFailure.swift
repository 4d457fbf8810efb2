import DisclosureKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why the preview could not listen, as a sentence: the server's error reads as a system
/// call (`bind(descriptor:ptr:bytes:): Address already in use (errno: 98)`), which tells a
/// webmaster nothing about what to do.
enum ListenFailure {
    static func sentence(_ failure: any Error, place: String) -> Phrase {
        switch errnoCode(of: failure) {
        case EADDRINUSE?:
            return Phrase("无法在 \(place) 上监听：端口已被占用（另一个 disclose serve 或其他程序）；请用 --port 换一个端口，或用 --port 0 由系统选择空闲端口",
                          en: "cannot listen on \(place): the port is already in use (another disclose serve, or another program); choose another with --port, or --port 0 for any free one")
        case EACCES?:
            return Phrase("无法在 \(place) 上监听：当前用户无权使用该端口（1024 以下的端口需要管理员权限）；请用 --port 换一个端口",
                          en: "cannot listen on \(place): this user may not use that port (ports below 1024 need an administrator); choose another with --port")
        case EADDRNOTAVAIL?:
            return Phrase("无法在 \(place) 上监听：本机没有这个地址；请使用 --host 127.0.0.1，或本机的某个地址",
                          en: "cannot listen on \(place): this machine has no such address; use --host 127.0.0.1, or one of this machine's addresses")
        case let code?:
            // The system's own words for a rarer error (not translated by it).
            let reason = String(cString: strerror(code))
            return Phrase("无法在 \(place) 上监听：\(reason)", en: "cannot listen on \(place): \(reason)")
        case nil:
            return Phrase("无法在 \(place) 上监听：\(failure)", en: "cannot listen on \(place): \(failure)")
        }
    }

    /// The system error number the server's error carries (NIO's IOError keeps it as
    /// `errnoCode`), found without depending on NIO's types.
    static func errnoCode(of failure: any Error) -> Int32? {
        find(in: failure, depth: 0)
    }

    /// A child labelled `errno` or `errnoCode` holding an Int32, a few levels down (the
    /// error may be wrapped, and IOError keeps the number in an enum case `errno`).
    private static func find(in value: Any, depth: Int) -> Int32? {
        guard depth < 5 else { return nil }
        for child in Mirror(reflecting: value).children {
            if child.label == "errno" || child.label == "errnoCode", let code = child.value as? Int32 { return code }
            if let code = find(in: child.value, depth: depth + 1) { return code }
        }
        return nil
    }
}
