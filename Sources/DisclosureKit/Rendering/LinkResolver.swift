import Foundation

/// Decides every link and image target of a record's body: rewrites links to other
/// records' `.md` files into links to their pages, keeps links to published attachments,
/// and refuses what would break offline or leak (rule `link.target`).
public struct LinkResolver: Sendable {
    /// Content path (`content/policies/x.md`) → output path (`policies/x.html`) of every
    /// public record; non-public records are absent, so links to them are errors.
    let publicPages: [String: String]
    /// Content paths of every record file, public or not (to tell "not public" from "missing").
    let allRecords: Set<String>
    /// Content path of an attachment of a public record → its output path.
    let publicAttachments: [String: String]
    /// Content paths of records scheduled for later, with their 发布日期.
    var scheduled: [String: CalendarDate] = [:]
    /// The site's own address (`base_url`): a link to a URL below it is a link into the
    /// tree this build writes, and must work from disk and name a file the build writes.
    var ownSite: OwnSiteAddress?
    /// site.yaml's address when the run gives another (`SiteConfig.declaredBaseURL`): a
    /// link to the live site while building for a staging one is a link into the tree
    /// too, and may not name a withheld record's page either.
    var declaredSite: OwnSiteAddress?
    /// The paths of the files the build writes besides record pages, fixed pages and their
    /// attachments (`BodyLinks.otherOutputs`).
    var otherOutputs: Set<String> = []
    /// The paths of every public record page, fixed page and attachment.
    private let publicOutputs: Set<String>
    /// Set when the site has records with errors (`BodyLinks.despiteErrors`): the plan then
    /// lacks their pages and attachments, so a target that may be one of them once they
    /// are mended is let pass. What stays broken whatever is mended elsewhere (a missing
    /// file, an absolute path, a record that says it is not public) is still reported.
    var unsettled: UnsettledSite?

    /// What a site with errors does not settle yet.
    struct UnsettledSite: Sendable {
        /// The site root: a target the tree holds may become a page or an attachment.
        let root: String
        /// Content paths of the record files that did not decode and do not say they are
        /// not public: each may be a public page once mended.
        let pendingRecords: Set<String>
        /// False when site.yaml has errors: which addresses are the site's is not known.
        let knowsOwnAddress: Bool

        /// True when `contentPath` may name something in the tree (a file, a folder, a
        /// link), its names matched as the scanner matches them (NFC, whatever form the
        /// file system keeps), or when that cannot be told (a folder that cannot be read).
        func holds(_ contentPath: String) -> Bool {
            // No name holds a NUL; the system would read the path as cut there.
            guard !contentPath.utf8.contains(0) else { return false }
            var path = root
            for component in contentPath.split(separator: "/") {
                let next = path + "/" + component
                var info = stat()
                if lstat(next, &info) == 0 {
                    path = next
                    continue
                }
                guard errno == ENOENT else { return true }
                // The name as the file system keeps it (NFD, from a Mac) is another string.
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return true }
                guard let kept = names.first(where: { FileName.normalised($0) == component }) else { return false }
                path += "/" + kept
            }
            return true
        }
    }

    public init(publicPages: [String: String], allRecords: Set<String>, publicAttachments: [String: String]) {
        self.publicPages = publicPages
        self.allRecords = allRecords
        self.publicAttachments = publicAttachments
        self.publicOutputs = Set(publicPages.values).union(publicAttachments.values)
    }

    static let safeSchemes: Set<String> = ["http", "https", "mailto", "tel", "ftp", "ftps"]

    /// The decision for `target` in the body of the record at `source` whose page is `page`.
    public func decide(_ target: String, isImage: Bool, source: String, page: String) -> LinkDecision {
        let trimmed = Self.trimmingWhitespace(target)
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return .keep }
        if let scheme = Self.scheme(of: trimmed) {
            guard Self.safeSchemes.contains(scheme) else {
                return .neutralise(Phrase("不允许使用协议为 '\(scheme):' 的链接目标；该链接已被移除",
                                          en: "link target with scheme '\(scheme):' is not allowed; the link was removed"))
            }
            if let decision = decideOwn(address: trimmed, target: trimmed, page: page) { return decision }
            if isImage {
                if unsettled?.knowsOwnAddress == false { return .keep }
                return .broken(Phrase("图片 '\(trimmed)' 会从站点之外加载，离线阅览室无法做到；请把图片作为附件放在记录旁边，并按文件名链接",
                                      en: "image '\(trimmed)' would be loaded from outside the site, which the offline reading room cannot do; put the image beside the record as an attachment and link it by name"))
            }
            return .keep
        }
        if trimmed.hasPrefix("//") || trimmed.hasPrefix("\\\\") {
            // Scheme-relative: the page's own scheme, http or https, both the site's.
            if let decision = decideOwn(address: "https:" + trimmed, target: trimmed, page: page) { return decision }
            if unsettled?.knowsOwnAddress == false { return .keep }
            return isImage ? .broken(Phrase("图片 '\(trimmed)' 会从站点之外加载；请把它作为附件放在记录旁边",
                                        en: "image '\(trimmed)' would be loaded from outside the site; put it beside the record as an attachment")) : .keep
        }
        if trimmed.hasPrefix("/") {
            return .broken(Phrase("链接 '\(trimmed)' 是绝对路径，从磁盘或子路径打开站点时会失效；请用相对路径链接到记录的 .md 文件或附件",
                                  en: "link '\(trimmed)' is an absolute path, which breaks when the site is opened from disk or a sub-path; link to the record's .md file or the attachment by a relative path"))
        }
        // A relative link: resolve it against the record's folder in content/.
        var pathPart = Substring(trimmed)
        var suffix = ""
        if let cut = pathPart.firstIndex(where: { $0 == "#" || $0 == "?" }) {
            suffix = String(pathPart[cut...])
            pathPart = pathPart[..<cut]
        }
        // Names are keyed in NFC (`FileName`); an author's editor may type either form.
        let decoded = FileName.normalised(String(pathPart).removingPercentEncoding ?? String(pathPart))
        let sourceFolder = source.folderParts
        guard let resolved = Self.resolve(decoded, from: sourceFolder), resolved.first == "content" else {
            return .broken(Phrase("链接 '\(trimmed)' 指向 content/ 之外", en: "link '\(trimmed)' leads outside content/"))
        }
        let contentPath = resolved.joined(separator: "/")
        if let name = resolved.last, FileName.recordStem(name) != nil {
            if let targetPage = publicPages[contentPath] {
                return .replace(URLPath.encoded(Self.relative(from: page, to: targetPage)) + (suffix.hasPrefix("?") ? "" : suffix))
            }
            if let day = scheduled[contentPath] {
                return .broken(Phrase("链接 '\(trimmed)' 指向定于 \(day) 发布的记录（在检查日期之后发布）；它还没有页面：请在 \(day) 或之后发布的记录中链接它，或删除该链接",
                                      en: "link '\(trimmed)' names a record scheduled for \(day) (published after the as-of date); it has no page yet: link to it from a record published on or after \(day), or remove the link"))
            }
            if unsettled?.pendingRecords.contains(contentPath) == true { return .keep }
            if allRecords.contains(contentPath) {
                return .broken(Phrase("链接 '\(trimmed)' 指向非主动公开的记录；公开的页面不能链接它：请删除该链接，或在该记录审查后将其改为主动公开",
                                      en: "link '\(trimmed)' names a record that is not public; a public page cannot link to it: remove the link, or make that record proactive (主动公开) after its review"))
            }
            if unsettled?.holds(contentPath) == true { return .keep }
            return .broken(Phrase("链接 '\(trimmed)' 指向的 \(contentPath) 不存在；请更正路径（相对于本记录所在的文件夹）",
                                  en: "link '\(trimmed)' names \(contentPath), which does not exist; correct the path (relative to this record's folder)"))
        }
        if let attachment = publicAttachments[contentPath] {
            return .replace(URLPath.encoded(Self.relative(from: page, to: attachment)) + suffix)
        }
        if unsettled?.holds(contentPath) == true { return .keep }
        return .broken(Phrase("链接 '\(trimmed)' 指向的 \(contentPath) 不是公开记录的已发布附件；请把附件放在记录所在的文件夹中并按文件名链接，或更正路径（相对于本记录所在的文件夹）",
                              en: "link '\(trimmed)' names \(contentPath), which is not a published attachment of a public record; put the file in the record's folder and link it by name, or correct the path (relative to this record's folder)"))
    }

    /// A link written as an address below the site's own `base_url` (copied from the live
    /// site's address bar): a relative link to the file when the build writes it, so that it
    /// works from disk too; else an error, as the deployed tree will not have it either.
    /// Nil when `address` is below neither of the site's addresses in any reading of it
    /// (`ownReadings`); when one reading names a file the build writes, the link is
    /// rewritten to that file, and no other reading reaches the reader.
    private func decideOwn(address: String, target: String, page: String) -> LinkDecision? {
        let readings = ownReadings(of: address, page: page)
        guard let first = readings.first else { return nil }
        func writes(_ path: String) -> Bool { publicOutputs.contains(path) || otherOutputs.contains(path) }
        for reading in readings {
            // A folder named without its slash (`…/xxgk/policies`): a server sends the
            // reader on to the folder, whose page the build writes.
            let folderHome = reading.path + "/" + SitePlan.homePath
            guard let path = writes(reading.path) ? reading.path : writes(folderHome) ? folderHome : nil else { continue }
            return .replace(URLPath.encoded(Self.relative(from: page, to: path)) + reading.suffix)
        }
        let path = first.path
        // Which files the build writes is not known while records have errors.
        if unsettled != nil { return .keep }
        return .broken(Phrase("链接 '\(target)' 指向本站（base_url）的 \(path)，但本站不生成这个文件（也许是非主动公开的记录、旧网站的地址或拼写有误）；链接本站记录请用相对路径写它的 .md 文件",
                              en: "link '\(target)' names \(path) on this site (base_url), which the build does not write (a record that is not public, an old site's address or a misspelling?); link a record of this site by the relative path of its .md file"))
    }

    /// Every path below the site's addresses (its own, then site.yaml's) that `address`
    /// may open on the page at `page`. A kept link reaches the reader as cmark writes it,
    /// its `\` escaped as `%5C` (ordinary in a user name, where a browser reads a written
    /// `\` as `/`): `https://x\@host/p` is host `x` as written and `host` as written out,
    /// so both spellings are read. Each is read as an absolute address and, with fewer
    /// than two slashes after its scheme, relative to the page as well
    /// (`OwnSiteAddress.sitePath(ofRelativeSpelling:onPage:)`).
    private func ownReadings(of address: String, page: String) -> [(path: String, suffix: String)] {
        let sites = [ownSite, declaredSite].compactMap { $0 }
        guard !sites.isEmpty else { return [] }
        var spellings = [address]
        if address.utf8.contains(UInt8(ascii: "\\")) { spellings.append(address.replacingBytes("\\", with: "%5C")) }
        var readings: [(path: String, suffix: String)] = []
        for spelling in spellings {
            for site in sites { readings += site.sitePaths(of: spelling, onPage: page) }
        }
        return readings
    }

    /// `target` without the white space (Unicode Zs and tab) at its ends, as Foundation's
    /// `trimmingCharacters(in: .whitespaces)` gives it; most targets have none, and are
    /// returned as they are without Foundation's pass over them.
    static func trimmingWhitespace(_ target: String) -> String {
        func plain(_ byte: UInt8?) -> Bool {
            guard let byte else { return true }
            return byte < 0x80 && byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t")
        }
        if plain(target.utf8.first), plain(target.utf8.last) { return target }
        return target.trimmingCharacters(in: .whitespaces)
    }

    /// The URL scheme, lower-cased, when `target` starts with one.
    static func scheme(of target: String) -> String? {
        guard let colon = target.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let scheme = target[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }) else {
            return nil
        }
        // Ignore control characters and spaces browsers strip ("java\tscript:").
        return scheme.lowercased()
    }

    /// `path` (relative, `/`-separated) resolved against `folder`; nil when `..` climbs out.
    static func resolve(_ path: String, from folder: [String]) -> [String]? {
        var parts = folder
        for component in path.slashSeparated {
            switch component {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(component))
            }
        }
        return parts
    }

    /// The relative path from the page at `from` to the file at `to` (both site-relative),
    /// not yet encoded as a URL (`URLPath.encoded`).
    public static func relative(from: String, to: String) -> String {
        let fromFolder = from.slashSeparated.dropLast()
        let toParts = to.slashSeparated
        var common = 0
        while common < fromFolder.count, common < toParts.count - 1, fromFolder[fromFolder.startIndex + common] == toParts[common] {
            common += 1
        }
        let ups = Array(repeating: "..", count: fromFolder.count - common)
        return (ups + toParts[common...].map(String.init)).joined(separator: "/")
    }
}
