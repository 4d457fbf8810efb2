extension PageContexts {
    /// A publisher page's title: parts joined by " - ", which the leak audit reads as separate texts.
    static func publisherTitle(of page: PublisherPlan.Page) -> String {
        "\(page.publisher.name) - 政府信息公开"
    }

    /// One publisher's disclosure index (template `publisher`): its 指南, its annual
    /// reports, and its newest records of each section with the way to all of them.
    public func publisherPage(_ page: PublisherPlan.Page) -> [String: Any] {
        let publisher = page.publisher
        var context = base(path: page.path, title: Self.publisherTitle(of: page), section: nil, breadcrumbs: [
            ("首页", SitePlan.homePath), ("政府信息公开目录", SitePlan.catalogPath), (publisher.name, nil),
        ])
        context["heading"] = publisher.name
        context["kind_name"] = publisher.kind.chineseName
        if let short = publisher.shortName { context["short_name"] = short }
        context["code"] = publisher.code
        context["record_count"] = page.sections.reduce(0) { $0 + $1.count } + page.reports.count
        if let guide = page.guide {
            let fixed = plan.fixedPages[guide]
            context["guide"] = ["href": URLPath.encoded(fixed.path), "title": fixed.page.title]
        }
        context["has_reports"] = !page.reports.isEmpty
        if !page.reports.isEmpty {
            context["reports"] = page.reports.map { Self.listItem(plan.recordPages[$0], dates: config.dateStyle) }
        }
        let all = page.catalogValue.map { URLPath.encoded(plan.catalog.firstPage(of: $0)) }
        if let all { context["catalog_href"] = all }
        context["sections"] = page.sections.map { section -> [String: Any] in
            var item: [String: Any] = [
                "type": section.type.id, "name": section.type.chineseName, "count": section.count,
                "records": section.newest.map { Self.listItem(plan.recordPages[$0], dates: config.dateStyle) },
            ]
            if section.count > section.newest.count, let all { item["more_href"] = all }
            return item
        }
        return context
    }

    /// The publishers with a page, for the catalog's and the home page's links.
    func publisherLinks() -> [[String: Any]] {
        plan.publishers.pages.map { page in
            var link: [String: Any] = ["name": page.publisher.name, "href": URLPath.encoded(page.path)]
            if let short = page.publisher.shortName { link["short_name"] = short }
            return link
        }
    }
}
