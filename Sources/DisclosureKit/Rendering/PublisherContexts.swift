extension PageContexts {
    /// A publisher page's title: parts joined by " - ", which the leak audit reads as separate texts.
    static func publisherTitle(of page: PublisherPlan.Page) -> String {
        "\(page.publisher.name) - 政府信息公开"
    }

    /// One publisher's disclosure index (template `publisher`): its 指南, its annual
    /// reports, and its newest records of each section with the way to all of them.
    public func publisherPage(_ page: PublisherPlan.Page) -> PublisherPageModel {
        let publisher = page.publisher
        let all = page.catalogValue.map { URLPath.encoded(plan.catalog.firstPage(of: $0)) }
        let reports = page.reports.map { Self.listItem(plan.recordPages[$0], dates: config.dateStyle) }
        return PublisherPageModel(
            frame: frame(path: page.path, title: Self.publisherTitle(of: page), section: nil, breadcrumbs: [
                ("首页", SitePlan.homePath), ("政府信息公开目录", SitePlan.catalogPath), (publisher.name, nil),
            ]),
            heading: publisher.name,
            kind_name: publisher.kind.chineseName,
            short_name: publisher.shortName,
            code: publisher.code,
            record_count: page.sections.reduce(0) { $0 + $1.count } + page.reports.count,
            guide: page.guide.map { TitledLink(href: URLPath.encoded(plan.fixedPages[$0].path), title: plan.fixedPages[$0].page.title) },
            has_reports: !reports.isEmpty,
            reports: reports.isEmpty ? nil : reports,
            catalog_href: all,
            sections: page.sections.map { section in
                PublisherSection(type: section.type.id, name: section.type.chineseName, count: section.count,
                                 records: section.newest.map { Self.listItem(plan.recordPages[$0], dates: config.dateStyle) },
                                 more_href: section.count > section.newest.count ? all : nil)
            })
    }

    /// The publishers with a page, for the catalog's and the home page's links.
    func publisherLinks() -> [PublisherLink] {
        plan.publishers.pages.map { page in
            PublisherLink(name: page.publisher.name, href: URLPath.encoded(page.path), short_name: page.publisher.shortName)
        }
    }
}
