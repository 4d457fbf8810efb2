/// Builds the Mustache context of every page kind from the plan. Values are plain
/// strings, booleans, arrays and dictionaries (the fastest context swift-mustache reads);
/// record fields are escaped by the templates, and only a rendered body is raw.
public struct PageContexts: Sendable {
    public let plan: SitePlan
    /// Index number → the record page that has it: how a repealed policy finds its successor.
    private let pageByIndexNumber: [String: Int]
    /// The references between public pages, both ways (解读的文件, 相关解读, 废止的文件).
    let relations: RecordRelations
    var config: SiteConfig { plan.view.config }
    /// The footer's lines and the site's head tags: the same on every page, made once.
    private let footerLines: [[String: [[String: String]]]]
    private let siteTags: [[String: String]]

    public init(plan: SitePlan) {
        self.plan = plan
        footerLines = FooterLines.lines(plan.view.config)
        siteTags = GovernmentMetaTags.site(plan.view.config)
        pageByIndexNumber = Dictionary(plan.recordPages.enumerated().map { ($0.element.record.indexNumber, $0.offset) },
                                       uniquingKeysWith: { first, _ in first })
        relations = RecordRelations(plan, pageByIndexNumber: pageByIndexNumber)
    }

    /// What every page has: language, titles, the way back to the root, navigation.
    func base(path: String, title: String, section: RecordType?, breadcrumbs: [(label: String, href: String?)]) -> [String: Any] {
        let nav: [[String: Any]] = [["label": "首页", "href": SitePlan.homePath, "current": path == SitePlan.homePath]]
            + plan.sectionTypes.map { type in
                ["label": type.chineseName, "href": SitePlan.listPath(type, page: 1), "current": section == type]
            }
            + [["label": "信息公开目录", "href": SitePlan.catalogPath,
                "current": path == SitePlan.catalogPath || path.hasPrefix(CatalogPlan.folder + "/")]]
            + fixedPageNavigation(current: path)
        var crumbs: [[String: Any]] = []
        for crumb in breadcrumbs {
            var item: [String: Any] = ["label": crumb.label]
            if let href = crumb.href { item["href"] = href }
            crumbs.append(item)
        }
        return [
            "lang": config.language,
            "site_title": config.title,
            "page_title": title,
            "publisher": config.publisher ?? config.title,
            "root": SitePlan.rootPrefix(for: path),
            "nav": nav,
            "breadcrumbs": crumbs,
            "has_breadcrumbs": !crumbs.isEmpty,
            "footer_lines": footerLines,
            "site_links": config.links.map { ["title": $0.title, "url": $0.url, "relative": $0.isRelative] as [String: Any] },
            "has_site_links": !config.links.isEmpty,
            "head_meta": Self.siteOnlyPaths.contains(path) ? siteTags
                : siteTags + GovernmentMetaTags.column(config, name: section?.chineseName ?? title),
        ]
    }

    /// Pages that are no column: they carry the site's head tags only.
    static let siteOnlyPaths: Set<String> = [SitePlan.homePath, SitePlan.searchPath, SitePlan.notFoundPath]

    /// The page of record `index`, with its rendered body.
    public func record(_ index: Int, bodyHTML: String) -> [String: Any] {
        let page = plan.recordPages[index]
        let record = page.record
        var context = base(path: page.path, title: record.title, section: record.type, breadcrumbs: [
            ("首页", SitePlan.homePath), (record.type.chineseName, SitePlan.listPath(record.type, page: 1)), (record.title, nil),
        ])
        context["title"] = record.title
        context["type"] = record.type.id
        context["meta"] = RecordMetadata.rows(record, dates: config.dateStyle, asOf: config.asOf)
        context["head_meta"] = siteTags + GovernmentMetaTags.article(config, record: record, path: page.path, columnName: record.type.chineseName)
        context["body"] = bodyHTML
        if let status = PolicyValidity.shown(record, asOf: config.asOf) {
            var value: [String: Any] = ["repealed": status == .repealed, "expired": status == .expired, "amended": status == .amended]
            for key in ["repealed_by", "amended_by"] {
                if let target = referenced(record, key) {
                    value["\(key)_href"] = URLPath.encoded(target.path)
                    value["\(key)_title"] = target.record.title
                    value["\(key)_named"] = true
                } else if let document = PolicyValidity.outsideDocument(record, key) {
                    value["\(key)_document"] = document
                    value["\(key)_named"] = true
                }
            }
            context["policy"] = value
        }
        let relationBlocks = relations.blocks(index, plan: plan)
        if !relationBlocks.isEmpty { context["relations"] = relationBlocks }
        if let budget = BudgetSums.details(record) { context["budget"] = RecordMetadata.budget(budget) }
        if let guide = EightDisclosures.details(record) {
            context["guide"] = ["sections": GuideSections.sections(record.title, guide)]
        }
        if let report = ReportStatisticsRules.details(record) { context["report"] = ReportTables.context(report, bodyHTML: bodyHTML) }
        let sections = FieldSections.sections(record)
        if !sections.isEmpty { context["field_sections"] = sections }
        let attachments = AttachmentList.context(page.attachments, from: page.path, bodyHTML: bodyHTML)
        context["attachments"] = attachments
        context["has_attachments"] = !attachments.isEmpty
        if let previous = page.previous {
            context["previous"] = ["href": URLPath.encoded(plan.recordPages[previous].path), "title": plan.recordPages[previous].record.title]
        }
        if let next = page.next {
            context["next"] = ["href": URLPath.encoded(plan.recordPages[next].path), "title": plan.recordPages[next].record.title]
        }
        return context
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

    public func list(_ list: SitePlan.ListPage) -> [String: Any] {
        let title = Self.titleParts([list.type.chineseName] + (list.year.map { ["\($0)年"] } ?? [])
                                    + (list.number == 1 ? [] : ["第\(list.number)页"]))
        var crumbs: [(label: String, href: String?)] = [("首页", SitePlan.homePath)]
        crumbs += list.year.map { [(list.type.chineseName, SitePlan.listPath(list.type, page: 1)), ("\($0)年", nil)] }
            ?? [(list.type.chineseName, nil)]
        var context = base(path: list.path, title: title, section: list.type, breadcrumbs: crumbs)
        // The name and the year apart: the year is generated text, read on its own.
        context["section_name"] = list.type.chineseName
        if let year = list.year { context["section_year"] = String(year) }
        context["record_count"] = list.year.flatMap { year in plan.sectionYears[list.type]?.first { $0.year == year }?.count }
            ?? plan.sections[list.type]?.count ?? 0
        if list.pageCount > 1 { context["page_count_text"] = "第 \(list.number) / \(list.pageCount) 页" }
        context.merge(yearLinks(list), uniquingKeysWith: { _, new in new })
        var groups: [[String: Any]] = []
        for index in list.records {
            let year = String(plan.recordPages[index].record.listYear)
            let item = Self.listItem(plan.recordPages[index], dates: config.dateStyle)
            if let last = groups.last, last["year"] as? String == year {
                var group = groups.removeLast()
                group["records"] = (group["records"] as! [[String: Any]]) + [item]
                groups.append(group)
            } else {
                groups.append(["year": year, "records": [item]])
            }
        }
        context["groups"] = groups
        context["has_pagination"] = list.pageCount > 1
        context["pages"] = Self.pager(current: list.number, count: list.pageCount).map { number -> [String: Any] in
            guard let number else { return ["gap": true] }
            return ["number": number, "href": SitePlan.path(of: list, page: number), "current": number == list.number]
        }
        if list.number > 1 { context["previous_page"] = SitePlan.path(of: list, page: list.number - 1) }
        if list.number < list.pageCount { context["next_page"] = SitePlan.path(of: list, page: list.number + 1) }
        return context
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
    static func listItem(_ page: SitePlan.RecordPage, dates: DateStyle) -> [String: Any] {
        var item: [String: Any] = [
            "title": page.record.title, "href": URLPath.encoded(page.path), "index_number": page.record.indexNumber,
            "date": page.record.listDate.description, "date_text": dates.text(page.record.listDate),
        ]
        if let summary = page.record.summary { item["summary"] = summary }
        return item
    }

    public func home() -> [String: Any] {
        var context = base(path: SitePlan.homePath, title: "首页", section: nil, breadcrumbs: [])
        context["public_count"] = plan.recordPages.count
        // The site's own guide: a publisher's is on its publisher page.
        if let guide = plan.fixedPages.first(where: { $0.page.role == .guide && $0.page.publisher == nil }) {
            context["guide"] = ["href": URLPath.encoded(guide.path), "title": guide.page.title]
        }
        let publishers = publisherLinks()
        context["has_publisher_pages"] = !publishers.isEmpty
        if !publishers.isEmpty { context["publisher_pages"] = publishers }
        context["sections"] = plan.sectionTypes.map { type -> [String: Any] in
            let indices = plan.sections[type] ?? []
            return [
                "type": type.id, "name": type.chineseName, "href": SitePlan.listPath(type, page: 1),
                "count": indices.count, "latest": indices.prefix(8).map { Self.listItem(plan.recordPages[$0], dates: config.dateStyle) },
            ]
        }
        return context
    }

    public func search() -> [String: Any] {
        var context = base(path: SitePlan.searchPath, title: "站内搜索", section: nil, breadcrumbs: [
            ("首页", SitePlan.homePath), ("站内搜索", nil),
        ])
        context["types"] = plan.sectionTypes.map { ["type": $0.id, "name": $0.chineseName] }
            + (plan.fixedPages.isEmpty ? [] : [["type": "page", "name": "页面"]])
        context["date_style"] = config.dateStyle.rawValue
        return context
    }

    public func notFound() -> [String: Any] {
        base(path: SitePlan.notFoundPath, title: "页面不存在", section: nil, breadcrumbs: [])
    }
}
