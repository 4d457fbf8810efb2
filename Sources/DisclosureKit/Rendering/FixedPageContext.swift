extension PageContexts {
    /// The fixed pages in the navigation of every page, in `nav` order, after the sections
    /// and the catalog.
    func fixedPageNavigation(current path: String) -> [NavigationLink] {
        plan.fixedPages.filter { $0.page.navigation != nil }.map { fixed in
            NavigationLink(label: fixed.page.title, href: URLPath.encoded(fixed.path), current: fixed.path == path)
        }
    }

    /// What the navigation of every page takes from the fixed pages: the build cache keys
    /// record pages by this (with the settings and templates), not by their context.
    static func combineNavigation(_ plan: SitePlan, into hasher: inout StableHasher) {
        for fixed in plan.fixedPages where fixed.page.navigation != nil {
            hasher.combine(fixed.path)
            hasher.combine(fixed.page.title)
        }
        hasher.combine(UInt64(0))
    }

    /// The page of fixed page `index`, with its rendered body.
    public func fixedPage(_ index: Int, bodyHTML: String) -> FixedPageModel {
        let fixed = plan.fixedPages[index]
        let page = fixed.page
        var frame = frame(path: fixed.path, title: page.title, section: nil, breadcrumbs: [
            ("首页", SitePlan.homePath), (page.title, nil),
        ])
        if let articleTags = GovernmentMetaTags.fixedPage(config, page: page, path: fixed.path) {
            frame.head_meta = GovernmentMetaTags.site(config) + articleTags
        }
        let attachments = AttachmentList.context(fixed.attachments, from: fixed.path, bodyHTML: bodyHTML)
        return FixedPageModel(
            frame: frame,
            title: page.title,
            body: bodyHTML,
            role: page.role?.rawValue,
            modified: page.modified?.description,
            modified_text: page.modified.map(config.pageDate),
            summary: page.summary,
            attachments: attachments,
            has_attachments: !attachments.isEmpty)
    }
}
