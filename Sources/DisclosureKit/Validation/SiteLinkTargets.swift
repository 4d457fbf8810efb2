import Foundation

/// A `links:` path of `site.yaml` (written as one, or as an address below the site's
/// `base_url`) that names a file the site will not have (`pages/GUIDE.html`, a withheld
/// record's page): reported once, at the url in site.yaml, by `check` and by `build` before
/// rendering, rather than by the audit as a broken link on every page.
///
/// Judged against the one list of outputs (`SiteOutputs`), in any folder but `assets/`,
/// whose files the templates decide: those are left to the audit, which sees every file
/// written.
public enum SiteLinkTargets {
    public static func diagnostics(_ plan: SitePlan) -> [Diagnostic] {
        guard plan.view.config.links.contains(where: \.isRelative) else { return [] }
        let planned = plan.outputs(assets: []).paths
        var found: [Diagnostic] = []
        for (position, link) in plan.view.config.links.enumerated() where link.isRelative {
            let raw = String(link.url.prefix { $0 != "?" && $0 != "#" })
            let path = raw.removingPercentEncoding ?? raw
            guard !path.hasPrefix(assetsFolder), !planned.contains(path) else { continue }
            let key = "links[\(position + 1)].url"
            if planned.contains(path + "/index.html") {
                // A folder named without its slash: a server would send the reader on, a
                // reading room's browser shows the folder's file list instead. The slash
                // goes before any query or fragment.
                let fixed = raw + "/" + link.url.dropFirst(raw.count)
                found.append(Rule.siteInvalid.diagnostic(SiteConfig.path, link.location, field: key,
                    Phrase("'\(key)' 指向文件夹 '\(VisibleText.escaped(path))' 却没有结尾的 '/'：从磁盘打开时浏览器只会列出其中的文件；请写作 '\(VisibleText.escaped(fixed))'",
                           en: "'\(key)' names the folder '\(VisibleText.escaped(path))' without its final '/': opened from disk, a browser would list its files; write '\(VisibleText.escaped(fixed))'")))
                continue
            }
            found.append(Rule.siteInvalid.diagnostic(SiteConfig.path, link.location, field: key,
                Phrase("'\(key)' 指向 '\(VisibleText.escaped(path))'，但站点中不会有它（该路径上没有任何页面或附件；名称区分大小写）；每个页面页脚的这个链接都将指向空处",
                       en: "'\(key)' names '\(VisibleText.escaped(path))', which the site will not have (no page or attachment of it is at that path; names are case-sensitive); every page's footer would link to nothing")))
        }
        return found
    }

    /// Where the templates' assets are written (`SiteOutputs`).
    private static let assetsFolder = "assets/"
}
