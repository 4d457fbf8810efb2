import Foundation

/// `links:` in `site.yaml`: the sites every page links to in its footer (上级政府信息公开平台,
/// 政务服务网, …), in list order.
///
///     links:
///       - title: 明湖市政府信息公开平台
///         url: https://www.minghushi.example.gov.cn/xxgk/
///
/// A URL is an absolute `http(s)://` address, or a path relative to the site's root that
/// stays inside it (`pages/guide.html`), written relative to each page so the tree still
/// works from file:// and a sub-path; `SiteLinkTargets` checks it against the planned
/// files before anything is rendered, and the build's audit that it names a file it wrote. Anything else (`javascript:`, `//host`, `/path`, `../`) is `site.invalid`.
public struct SiteLink: Sendable, Equatable {
    public var title: String
    public var url: String
    /// A path inside the site, written after each page's way back to the root.
    public var isRelative: Bool
    /// Where the url is written in site.yaml (`SiteLinkTargets` reports a path there).
    public var location: SourceLocation = .fileStart
    /// True when `url` was written as an address below the site's `base_url`
    /// (`resolvingOwnAddresses`).
    public var wasOwnAddress = false
}

enum SiteLinksDecoder {
    static let key = "links"
    static let entryKeys = ["title", "url"]

    /// The links, and each title with where it is written (printed on every page, it
    /// legitimises no text for the leak audit and is reported there when it leaks).
    static func decode(_ reader: inout FieldReader, _ top: FieldMapping) -> ([SiteLink], [PrintedSetting]) {
        guard let (items, _) = reader.list(top, key, required: false) else { return ([], []) }
        var links: [SiteLink] = []
        var printed: [PrintedSetting] = []
        for (position, item) in items.enumerated() {
            let path = "\(key)[\(position + 1)]"
            guard case .mapping(let entries) = item.value else {
                reader.report(.siteInvalid, item.location, field: path,
                              Phrase("'\(path)' 的每一项必须是 {title: 明湖市政府信息公开平台, url: https://www.example.gov.cn/xxgk/} 这样的映射，不能是\(item.kindPhrase.zh)", en: "'\(path)' must be a mapping such as {title: 明湖市政府信息公开平台, url: https://www.example.gov.cn/xxgk/}, not \(item.kindDescription)"))
                continue
            }
            let map = FieldMapping(entries: entries, path: path, anchor: item.location)
            reader.checkUnknownKeys(map, known: entryKeys)
            let title = reader.string(map, "title", required: true)
            let url = reader.string(map, "url", required: true)
            guard let title, let url else { continue }
            switch kind(of: url.value) {
            case .failure(let problem):
                reader.report(.siteInvalid, url.location, field: path + ".url",
                              Phrase("'\(path).url' 必须是 http(s) 绝对网址（https://www.example.gov.cn/）或站点内的路径（pages/guide.html）；\(problem.phrase.zh)：'\(VisibleText.escaped(url.value))'", en: "'\(path).url' must be an absolute http(s) URL (https://www.example.gov.cn/) or a path inside the site (pages/guide.html); \(problem): '\(VisibleText.escaped(url.value))'"))
            case .success(let isRelative):
                links.append(SiteLink(title: title.value, url: url.value, isRelative: isRelative, location: url.location))
                printed.append(PrintedSetting(key: path + ".title", value: title.value, location: title.location))
            }
        }
        return (links, printed)
    }

    /// `links` with each address below `baseURL` (pasted from the live site's address bar)
    /// made the path inside the site it names, as a body's link to the site is
    /// (`OwnSiteAddress`): written relative to each page, it works from disk in the reading
    /// room, and it is checked against the planned files (`SiteLinkTargets`), once at its
    /// url, rather than found by the audit on every page. Its `#fragment` is dropped: it
    /// names an id of the live site's page, which the built page need not have.
    static func resolvingOwnAddresses(_ links: [SiteLink], baseURL: String) -> [SiteLink] {
        guard let own = OwnSiteAddress(baseURL: baseURL) else { return links }
        return links.map { link in
            guard !link.isRelative, let inside = own.sitePath(of: link.url) else { return link }
            var resolved = link
            resolved.url = URLPath.encoded(inside.path) + inside.suffix.prefix { $0 != "#" }
            resolved.isRelative = true
            resolved.wasOwnAddress = true
            return resolved
        }
    }

    struct Problem: Error, CustomStringConvertible {
        var phrase: Phrase
        var description: String { phrase.en }
        init(_ phrase: Phrase) { self.phrase = phrase }
    }

    /// What is wrong with an absolute URL's host and port, if anything: an IPv6 address
    /// left open (`[::1`), a port that is no number from 1 to 65535, or a host of one label
    /// (`localhost`, `oa`): every reader's browser would look for it on their own machine
    /// or network, never the site's.
    static func hostProblem(_ authority: String) -> Phrase? {
        var host = Substring(authority)
        var port: Substring?
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return Phrase("其 IPv6 地址缺少结尾的 ']'", en: "its IPv6 address has no closing ']'") }
            let rest = host[host.index(after: close)...]
            host = host[...close]
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else { return Phrase("其 IPv6 地址后跟着 '\(rest)'", en: "'\(rest)' follows its IPv6 address") }
                port = rest.dropFirst()
            }
        } else if let colon = host.lastIndex(of: ":") {
            port = host[host.index(after: colon)...]
            host = host[..<colon]
        }
        if let port {
            guard let number = Int(port), (1...65535).contains(number), port.allSatisfy(\.isASCII) else {
                return Phrase("其端口 '\(port)' 不是 1 至 65535 之间的数字", en: "its port '\(port)' is no number from 1 to 65535")
            }
        }
        if host.isEmpty { return Phrase("没有主机名", en: "it has no host") }
        if !host.hasPrefix("["), !host.contains(".") {
            return Phrase("其主机名 '\(host)' 中没有点：单段名称（localhost、内网名称）会把每位读者引向他们自己的电脑或网络", en: "its host '\(host)' has no dot: a name of one label (localhost, an intranet name) leads each reader to their own machine or network")
        }
        return nil
    }

    /// Whether `url` is a path inside the site (true) or an absolute http(s) URL (false),
    /// or why it is neither.
    static func kind(of url: String) -> Result<Bool, Problem> {
        if let odd = url.unicodeScalars.first(where: {
            $0.properties.isWhitespace || $0.properties.generalCategory == .control || $0.properties.generalCategory == .format
        }) {
            return .failure(Problem(odd.value == 0x20 ? Phrase("含有空格", en: "it holds a space")
                : Phrase("含有字符 U+\(String(odd.value, radix: 16, uppercase: true))", en: "it holds the character U+\(String(odd.value, radix: 16, uppercase: true))")))
        }
        if url.contains("\\") { return .failure(Problem(Phrase("含有反斜杠（'\\\\'）；路径用 '/' 分隔", en: "it holds a backslash ('\\\\'); paths are written with '/'"))) }
        let lower = url.lowercased()
        for scheme in ["https://", "http://"] where lower.hasPrefix(scheme) {
            let authority = url.dropFirst(scheme.count).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            if authority.contains("@") { return .failure(Problem(Phrase("含有用户名或密码（'@'）", en: "it holds a user name or password ('@')"))) }
            if authority.isEmpty { return .failure(Problem(Phrase("没有主机名", en: "it has no host"))) }
            if let problem = hostProblem(String(authority)) { return .failure(Problem(problem)) }
            return .success(false)
        }
        if url.hasPrefix("//") { return .failure(Problem(Phrase("不带 'https:' 的地址从磁盘打开和从服务器打开时含义不同", en: "an address without 'https:' is read differently from disk and from a server"))) }
        if url.hasPrefix("/") { return .failure(Problem(Phrase("从服务器根目录开始的路径在磁盘上或子路径下无法使用", en: "a path from the server's root does not work from disk or a sub-path"))) }
        // A scheme (javascript:, mailto:, data:, file:) is a colon before any '/', '?' or '#'.
        if let colon = url.firstIndex(of: ":"), !url[..<colon].contains(where: { "/?#".contains($0) }) {
            return .failure(Problem(Phrase("'\(url[..<colon]):' 不是 http(s) 协议", en: "'\(url[..<colon]):' is no http(s) scheme")))
        }
        let filePath = url.prefix { $0 != "?" && $0 != "#" }
        // A browser reads '%2e%2e' as '..': the parts are judged decoded.
        let parts = filePath.slashSeparated(keepingEmpty: true)
            .map { String($0).removingPercentEncoding ?? String($0) }
        if parts.contains(where: { $0 == ".." || $0 == "." }) {
            return .failure(Problem(Phrase("站点内的路径不能含有 '.' 或 '..'", en: "a path inside the site has no '.' or '..' part")))
        }
        if filePath.isEmpty || filePath.hasSuffix("/") {
            return .failure(Problem(Phrase("站点内的路径必须指向一个文件（pages/guide.html），站点的每个链接都是如此", en: "a path inside the site names a file (pages/guide.html), as every link of the site does")))
        }
        return .success(true)
    }
}
