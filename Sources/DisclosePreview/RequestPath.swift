import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a request's path names in the preview's folder. Only a file inside the folder is
/// ever served: a path is split on `/` before it is percent-decoded, and a segment that
/// decodes to `..`, `.`, a name starting with `.`, or one holding `/`, `\` or NUL is
/// refused whole; what is left is resolved with `realpath` and must still lie inside the
/// folder's real path, so a link that leads out is refused too.
public enum RequestPath {
    /// The outcome of resolving one request path.
    public enum Resolution: Equatable, Sendable {
        /// A regular file, by absolute real path.
        case file(String)
        /// A folder that has an index.html, asked for without its trailing slash: redirect
        /// there, so that the pages' relative links resolve as they do from `file://`.
        case redirect(String)
        case notFound
    }

    /// Resolves `target` (a request target as sent: path, maybe a query) against `folder`,
    /// the real path of the served folder. A folder is served by its `index.html`.
    public static func resolve(_ target: String, in folder: String) -> Resolution {
        guard let segments = segments(of: target) else { return .notFound }
        let joined = segments.isEmpty ? folder : folder + "/" + segments.joined(separator: "/")
        guard let real = realPath(joined), isInside(real, folder) else { return .notFound }
        var info = stat()
        guard stat(real, &info) == 0 else { return .notFound }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            return target.hasSuffix("/") && !segments.isEmpty ? .notFound : .file(real)
        case S_IFDIR:
            // A folder with no index.html is no page: 404, not a redirect to one.
            guard let index = realPath(real + "/index.html"), isInside(index, folder),
                  stat(index, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .notFound }
            let path = pathPart(of: target)
            guard path.hasSuffix("/") else { return .redirect(path + "/") }
            return .file(index)
        default:
            return .notFound
        }
    }

    /// The decoded segments of the path, or nil when any one of them is refused.
    static func segments(of target: String) -> [String]? {
        let path = pathPart(of: target)
        guard path.hasPrefix("/") else { return nil }
        var decoded: [String] = []
        // Split on '/' bytes: as Characters, a '/' after a prepended mark (U+0600) is not a separator.
        for raw in path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst() {
            if raw.isEmpty { continue }
            guard let segment = String(Substring(raw)).removingPercentEncoding, !segment.isEmpty,
                  !segment.hasPrefix("."),
                  !segment.contains("/"), !segment.contains("\\"), !segment.contains("\0") else { return nil }
            decoded.append(segment)
        }
        return decoded
    }

    /// The path of a request target: what precedes its query or fragment.
    static func pathPart(of target: String) -> String {
        String(target.prefix { $0 != "?" && $0 != "#" })
    }

    /// The real path of an existing file, links resolved; nil when there is none.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }
}
