import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why the preview could not listen, as a sentence: the server's error reads as a system
/// call (`bind(descriptor:ptr:bytes:): Address already in use (errno: 98)`), which tells a
/// webmaster nothing about what to do.
enum ListenFailure {
    static func sentence(_ failure: any Error, place: String) -> String {
        switch errnoCode(of: failure) {
        case EADDRINUSE?:
            return "cannot listen on \(place): the port is already in use (another disclose serve, or another program); choose another with --port, or --port 0 for any free one"
        case EACCES?:
            return "cannot listen on \(place): this user may not use that port (ports below 1024 need an administrator); choose another with --port"
        case EADDRNOTAVAIL?:
            return "cannot listen on \(place): this machine has no such address; use --host 127.0.0.1, or one of this machine's addresses"
        case let code?:
            return "cannot listen on \(place): \(String(cString: strerror(code)))"
        case nil:
            return "cannot listen on \(place): \(failure)"
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
