/// Builds the model of every page kind from the plan (`Models/`). Record fields are
/// escaped by the templates, and only a rendered body is raw.
public struct PageContexts: Sendable {
    public let plan: SitePlan
    /// Index number → the record page that has it: how a repealed policy finds its successor.
    private let pageByIndexNumber: [String: Int]
    /// The references between public pages, both ways (解读的文件, 相关解读, 废止的文件).
    let relations: RecordRelations
    var config: SiteConfig { plan.view.config }
    /// The footer's lines and the site's head tags: the same on every page, made once.
    private let footerLines: [FooterLine]
    private let siteTags: [MetaTag]

    public init(plan: SitePlan) {
        self.plan = plan
        footerLines = FooterLines.lines(plan.view.config)
        siteTags = GovernmentMetaTags.site(plan.view.config)
        pageByIndexNumber = Dictionary(plan.recordPages.enumerated().map { ($0.element.record.indexNumber, $0.offset) },
                                       uniquingKeysWith: { first, _ in first })
        relations = RecordRelations(plan, pageByIndexNumber: pageByIndexNumber)
    }

    /// What every page has: language, titles, the way back to the root, navigation.
    func frame(path: String, title: String, section: RecordType?, breadcrumbs: [(label: String, href: String?)]) -> PageFrame {
        let nav = [NavigationLink(label: "首页", href: SitePlan.homePath, current: path == SitePlan.homePath)]
            + plan.sectionTypes.map { type in
                NavigationLink(label: type.chineseName, href: SitePlan.listPath(type, page: 1), current: section == type)
            }
            + [NavigationLink(label: "信息公开目录", href: SitePlan.catalogPath,
                              current: path == SitePlan.catalogPath || path.hasPrefix(CatalogPlan.folder + "/"))]
            + fixedPageNavigation(current: path)
        let crumbs = breadcrumbs.map { Breadcrumb(label: $0.label, href: $0.href) }
        return PageFrame(
            lang: config.language,
            site_title: config.title,
            page_title: title,
            publisher: config.publisher ?? config.title,
            root: SitePlan.rootPrefix(for: path),
            nav: nav,
            breadcrumbs: crumbs,
            has_breadcrumbs: !crumbs.isEmpty,
            footer_lines: footerLines,
            site_links: config.links.map { SiteLinkItem(title: $0.title, url: $0.url, relative: $0.isRelative) },
            has_site_links: !config.links.isEmpty,
            head_meta: Self.siteOnlyPaths.contains(path) ? siteTags
                : siteTags + GovernmentMetaTags.column(config, name: section?.chineseName ?? title))
    }

    /// Pages that are no column: they carry the site's head tags only.
    static let siteOnlyPaths: Set<String> = [SitePlan.homePath, SitePlan.searchPath, SitePlan.notFoundPath]

    /// The page of record `index`, with its rendered body.
    public func record(_ index: Int, bodyHTML: String) -> RecordPageModel {
        let page = plan.recordPages[index]
        let record = page.record
        var frame = frame(path: page.path, title: record.title, section: record.type, breadcrumbs: [
            ("首页", SitePlan.homePath), (record.type.chineseName, SitePlan.listPath(record.type, page: 1)), (record.title, nil),
        ])
        frame.head_meta = siteTags + GovernmentMetaTags.article(config, record: record, path: page.path, columnName: record.type.chineseName)
        var policy: PolicyNotice?
        if let status = PolicyValidity.shown(record, asOf: config.asOf) {
            func successor(_ key: String) -> PolicyNotice.Successor? {
                if let target = referenced(record, key) {
                    return .init(href: URLPath.encoded(target.path), title: target.record.title)
                } else if let document = PolicyValidity.outsideDocument(record, key) {
                    return .init(document: document)
                }
                return nil
            }
            policy = PolicyNotice(repealed: status == .repealed, expired: status == .expired, amended: status == .amended,
                                  repealed_by: successor("repealed_by"), amended_by: successor("amended_by"))
        }
        let relationBlocks = relations.blocks(index, plan: plan)
        let sections = FieldSections.sections(record)
        let attachments = AttachmentList.context(page.attachments, from: page.path, bodyHTML: bodyHTML)
        func link(_ neighbour: Int?) -> TitledLink? {
            neighbour.map { TitledLink(href: URLPath.encoded(plan.recordPages[$0].path), title: plan.recordPages[$0].record.title) }
        }
        return RecordPageModel(
            frame: frame,
            title: record.title,
            type: record.type.id,
            meta: RecordMetadata.rows(record, dates: config.dateStyle, asOf: config.asOf),
            body: bodyHTML,
            policy: policy,
            relations: relationBlocks.isEmpty ? nil : relationBlocks,
            budget: BudgetSums.details(record).map(RecordMetadata.budget),
            guide: EightDisclosures.details(record).map { GuideModel(sections: GuideSections.sections(record.title, $0)) },
            report: ReportStatisticsRules.details(record).map { ReportTables.context($0, bodyHTML: bodyHTML) },
            field_sections: sections.isEmpty ? nil : sections,
            attachments: attachments,
            has_attachments: !attachments.isEmpty,
            previous: link(page.previous),
            next: link(page.next))
    }

    /// What `record(_:bodyHTML:)` takes from beyond the record's own file and the
    /// settings: the path the plan gave it, its attachments, its neighbours and its
    /// successor. The build cache keys a record page by these (`OutputKeys.recordPage`)
    /// rather than by hashing the whole context, which cost more than the rest of a
    /// one-record rebuild's pages together; anything the context comes to read from
    /// another page or from the plan must be combined here too.
    func combineRecordInputs(_ index: Int, into hasher: inout StableHasher) {
        let page = plan.recordPages[index]
        hasher.combine(page.path)
        hasher.combine(page.record.file.relativePath)
        hasher.combine(page.attachments.count)
        for attachment in page.attachments {
            hasher.combine(attachment.name)
            hasher.combine(attachment.path)
            hasher.combine(attachment.title ?? "")
            hasher.combine(attachment.title != nil)
            hasher.combine(Int(attachment.size))
        }
        let neighbours = [page.previous.map { plan.recordPages[$0] }, page.next.map { plan.recordPages[$0] },
                          referenced(page.record, "repealed_by"), referenced(page.record, "amended_by")]
        for neighbour in neighbours {
            guard let neighbour else {
                hasher.combine(false)
                continue
            }
            hasher.combine(true)
            hasher.combine(neighbour.path)
            hasher.combine(neighbour.record.title)
        }
        // The status the as-of date gives it (the date itself is no input of the page), and
        // the pages it names or that name it.
        hasher.combine(PolicyValidity.shown(page.record, asOf: config.asOf)?.rawValue ?? "")
        relations.combineInputs(index, plan: plan, into: &hasher)
    }

    /// The public record that `record` names in its reference field `key`, when it is one.
    func referenced(_ record: Record, _ key: String) -> SitePlan.RecordPage? {
        guard let index = record.value(key).text, let page = pageByIndexNumber[index] else { return nil }
        return plan.recordPages[page]
    }

    /// A page title of parts joined by ' - ', as `base.mustache` joins the page's title to
    /// the site's: the audit reads a `<title>`'s parts as separate texts, so a value and
    /// the generated year or page number beside it are no run of a non-public record's.
    static func titleParts(_ parts: [String]) -> String {
        parts.joined(separator: " - ")
    }

    public func list(_ list: SitePlan.ListPage) -> ListPageModel {
        let title = Self.titleParts([list.type.chineseName] + (list.year.map { ["\($0)年"] } ?? [])
                                    + (list.number == 1 ? [] : ["第\(list.number)页"]))
        var crumbs: [(label: String, href: String?)] = [("首页", SitePlan.homePath)]
        crumbs += list.year.map { [(list.type.chineseName, SitePlan.listPath(list.type, page: 1)), ("\($0)年", nil)] }
            ?? [(list.type.chineseName, nil)]
        var groups: [YearGroup] = []
        for index in list.records {
            let year = String(plan.recordPages[index].record.listYear)
            let item = Self.listItem(plan.recordPages[index], dates: config.dateStyle)
            if groups.last?.year == year {
                groups[groups.count - 1].records.append(item)
            } else {
                groups.append(YearGroup(year: year, records: [item]))
            }
        }
        let years = yearLinks(list)
        return ListPageModel(
            frame: frame(path: list.path, title: title, section: list.type, breadcrumbs: crumbs),
            section_name: list.type.chineseName,
            section_year: list.year.map { String($0) },
            record_count: list.year.flatMap { year in plan.sectionYears[list.type]?.first { $0.year == year }?.count }
                ?? plan.sections[list.type]?.count ?? 0,
            page_count_text: list.pageCount > 1 ? "第 \(list.number) / \(list.pageCount) 页" : nil,
            has_years: !years.isEmpty,
            years: years,
            groups: groups,
            has_pagination: list.pageCount > 1,
            pages: Self.pager(current: list.number, count: list.pageCount).map { number in
                guard let number else { return PagerItem.gapItem() }
                return PagerItem(number: number, href: SitePlan.path(of: list, page: number), current: number == list.number)
            },
            previous_page: list.number > 1 ? SitePlan.path(of: list, page: list.number - 1) : nil,
            next_page: list.number < list.pageCount ? SitePlan.path(of: list, page: list.number + 1) : nil)
    }

    /// The page numbers a pager shows: the first, the last, and two either side of the
    /// current one; nil where numbers are left out. A province's section has a thousand
    /// list pages, and a pager linking every one from every one would be a million links.
    static func pager(current: Int, count: Int) -> [Int?] {
        var shown: [Int?] = []
        for number in 1...max(1, count) where number == 1 || number == count || abs(number - current) <= 2 {
            if let last = shown.last, let previous = last, number > previous + 1 {
                // One missing number is shown rather than replaced by a gap.
                shown.append(number == previous + 2 ? previous + 1 : nil)
            }
            shown.append(number)
        }
        return shown
    }

    /// `date` is ISO, for `datetime`; `date_text` is what the page shows.
    static func listItem(_ page: SitePlan.RecordPage, dates: DateStyle) -> ListItem {
        ListItem(title: page.record.title, href: URLPath.encoded(page.path), index_number: page.record.indexNumber,
                 date: page.record.listDate.description, date_text: dates.text(page.record.listDate), summary: page.record.summary)
    }

    public func home() -> HomePageModel {
        // The site's own guide: a publisher's is on its publisher page.
        let guide = plan.fixedPages.first { $0.page.role == .guide && $0.page.publisher == nil }
        let publishers = publisherLinks()
        return HomePageModel(
            frame: frame(path: SitePlan.homePath, title: "首页", section: nil, breadcrumbs: []),
            public_count: plan.recordPages.count,
            guide: guide.map { TitledLink(href: URLPath.encoded($0.path), title: $0.page.title) },
            has_publisher_pages: !publishers.isEmpty,
            publisher_pages: publishers.isEmpty ? nil : publishers,
            sections: plan.sectionTypes.map { type in
                let indices = plan.sections[type] ?? []
                return HomeSection(type: type.id, name: type.chineseName, href: SitePlan.listPath(type, page: 1), count: indices.count,
                                   latest: indices.prefix(8).map { Self.listItem(plan.recordPages[$0], dates: config.dateStyle) })
            })
    }

    public func search() -> SearchPageModel {
        SearchPageModel(
            frame: frame(path: SitePlan.searchPath, title: "站内搜索", section: nil, breadcrumbs: [
                ("首页", SitePlan.homePath), ("站内搜索", nil),
            ]),
            types: plan.sectionTypes.map { SearchType(type: $0.id, name: $0.chineseName) }
                + (plan.fixedPages.isEmpty ? [] : [SearchType(type: "page", name: "页面")]),
            date_style: config.dateStyle.rawValue)
    }

    public func notFound() -> NotFoundPageModel {
        NotFoundPageModel(frame: frame(path: SitePlan.notFoundPath, title: "页面不存在", section: nil, breadcrumbs: []))
    }
}
