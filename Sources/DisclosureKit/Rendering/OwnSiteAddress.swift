import Foundation

/// The site's own address, `base_url`, as a link target is compared with it: `http` and
/// `https` alike, the host in any case, the scheme's default port written or not, and the
/// path below the base's folder. What a webmaster pastes from the live site's address bar
/// is then known to be a link into this site.
struct OwnSiteAddress: Sendable, Equatable {
    let host: String
    /// Nil for the scheme's default port.
    let port: Int?
    /// The base's path, starting and ending with `/`.
    let folder: String

    init?(baseURL: String) {
        guard let parts = Self.split(baseURL) else { return nil }
        host = parts.host
        port = parts.port
        folder = parts.path.hasSuffix("/") ? parts.path : parts.path + "/"
    }

    /// The site-relative path (percent-decoded, NFC; a folder's `index.html`) and the
    /// `?query#fragment` kept after it, when `target` is an address below the site; nil
    /// for any other address.
    func sitePath(of target: String) -> (path: String, suffix: String)? {
        guard let parts = Self.split(target), parts.host == host, parts.port == port else { return nil }
        let path: Substring
        if parts.path + "/" == folder {
            path = ""
        } else if parts.path.hasPrefix(folder) {
            path = parts.path.dropFirst(folder.count)
        } else {
            return nil
        }
        let decoded = FileName.normalised(String(path).removingPercentEncoding ?? String(path))
        // `.` and `..` as a browser resolves them; climbing out of the base leaves the site.
        guard var resolved = LinkResolver.resolve(decoded, from: []) else { return nil }
        if decoded.isEmpty || decoded.hasSuffix("/") || decoded.hasSuffix("/.") || decoded.hasSuffix("/..") || decoded == "." || decoded == ".." {
            resolved.append(SitePlan.homePath)
        }
        return (resolved.joined(separator: "/"), parts.suffix)
    }

    /// An `http(s)://` address as host (lower-cased), port (nil for the scheme's default,
    /// written or not), path (`/` at least) and what follows the path; nil for anything else
    /// (other schemes, a user or password in the authority).
    private static func split(_ address: String) -> (host: String, port: Int?, path: String, suffix: String)? {
        let lower = address.lowercased()
        let defaultPort: Int
        let rest: Substring
        if lower.hasPrefix("https://") {
            defaultPort = 443
            rest = address.dropFirst("https://".count)
        } else if lower.hasPrefix("http://") {
            defaultPort = 80
            rest = address.dropFirst("http://".count)
        } else {
            return nil
        }
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard !authority.isEmpty, !authority.contains("@") else { return nil }
        var host = Substring(authority)
        var port: Int?
        if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") {
            guard let written = Int(authority[authority.index(after: colon)...]) else { return nil }
            port = written == defaultPort ? nil : written
            host = authority[..<colon]
        }
        let afterAuthority = rest[authorityEnd...]
        let pathEnd = afterAuthority.firstIndex(where: { $0 == "?" || $0 == "#" }) ?? afterAuthority.endIndex
        let path = afterAuthority[..<pathEnd]
        return (host.lowercased(), port, path.isEmpty ? "/" : String(path), String(afterAuthority[pathEnd...]))
    }
}
