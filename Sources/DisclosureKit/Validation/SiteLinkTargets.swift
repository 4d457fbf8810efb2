import Foundation

/// A `links:` path of `site.yaml` that names a file the site will not have
/// (`pages/GUIDE.html`): reported once, at the url in site.yaml, by `check` and by `build`
/// before rendering, rather than by the audit as a broken link on every page.
///
/// A path written as one is judged against the plan only in the folders whose every file
/// the plan names: `pages/` and the record sections (their record pages, attachments and
/// list pages). A path at the top level or in another folder (`assets/`, `search-index/`,
/// a publisher's pages) is left to the audit, which sees every file written. An address
/// below the site's `base_url` (`SiteLink.wasOwnAddress`) is judged as a body's link to it
/// is: against every file the plan names, in any folder but those the templates and the
/// search index fill; a withheld record's page is refused there whatever its folder.
public enum SiteLinkTargets {
    public static func diagnostics(_ plan: SitePlan) -> [Diagnostic] {
        let links = plan.view.config.links.filter(\.isRelative)
        guard !links.isEmpty else { return [] }
        var planned = Set<String>()
        for page in plan.recordPages {
            planned.insert(page.path)
            for attachment in page.attachments { planned.insert(attachment.path) }
        }
        for list in plan.listPages { planned.insert(list.path) }
        for fixed in plan.fixedPages {
            planned.insert(fixed.path)
            for attachment in fixed.attachments { planned.insert(attachment.path) }
        }
        let judgedFolders = Set(planned.compactMap(firstFolder)).union([FixedPage.folder])
        let everyPlanned = links.contains(where: \.wasOwnAddress) ? planned.union(BodyLinks.otherOutputs(plan)) : []
        var found: [Diagnostic] = []
        for (position, link) in plan.view.config.links.enumerated() where link.isRelative {
            let raw = String(link.url.prefix { $0 != "?" && $0 != "#" })
            let path = raw.removingPercentEncoding ?? raw
            if link.wasOwnAddress {
                guard !unplannedFolders.contains(firstFolder(path) ?? ""), !everyPlanned.contains(path) else { continue }
            } else {
                guard let folder = firstFolder(path), judgedFolders.contains(folder), !planned.contains(path) else { continue }
            }
            let key = "links[\(position + 1)].url"
            found.append(Rule.siteInvalid.diagnostic("content/site.yaml", link.location, field: key,
                Phrase("'\(key)' 指向 '\(VisibleText.escaped(path))'，但站点中不会有它（该路径上没有任何页面或附件；名称区分大小写）；每个页面页脚的这个链接都将指向空处",
                       en: "'\(key)' names '\(VisibleText.escaped(path))', which the site will not have (no page or attachment of it is at that path; names are case-sensitive); every page's footer would link to nothing")))
        }
        return found
    }

    /// The folders whose files the templates and the search index decide, not the plan.
    private static let unplannedFolders: Set<String> = ["assets", SearchShards.directory]

    private static func firstFolder(_ path: String) -> String? {
        guard let slash = path.utf8.firstIndex(of: UInt8(ascii: "/")) else { return nil }
        return String(path[..<slash])
    }
}
