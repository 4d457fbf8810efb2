extension PageContexts {
    /// 政府信息公开目录's home (`catalog.html`): every facet with each of its values, their
    /// counts and links to their first pages. No record rows: they are on the facet
    /// pages, so this page grows with the number of topics, publishers and years only.
    public func catalog() -> [String: Any] {
        var context = base(path: SitePlan.catalogPath, title: "政府信息公开目录", section: nil, breadcrumbs: [
            ("首页", SitePlan.homePath), ("政府信息公开目录", nil),
        ])
        let catalog = plan.catalog
        context["record_count"] = plan.recordPages.count
        context["facets"] = CatalogPlan.Facet.allCases.compactMap { facet -> [String: Any]? in
            let positions = catalog.values.indices.filter { catalog.values[$0].facet == facet }
            guard !positions.isEmpty else { return nil }
            var groups: [[String: Any]] = []
            var groupName: String?? = .none
            for position in positions {
                let value = catalog.values[position]
                let item: [String: Any] = ["name": value.name, "count": value.records.count,
                                           "href": URLPath.encoded(catalog.firstPage(of: position))]
                if case .some(let current) = groupName, current == value.group {
                    groups[groups.count - 1]["values"] = (groups[groups.count - 1]["values"] as! [[String: Any]]) + [item]
                } else {
                    var group: [String: Any] = ["values": [item]]
                    if let name = value.group { group["group"] = name }
                    groups.append(group)
                    groupName = .some(value.group)
                }
            }
            return ["facet": facet.rawValue, "name": facet.chineseName, "count": positions.count, "groups": groups]
        }
        let publishers = publisherLinks()
        context["has_publisher_pages"] = !publishers.isEmpty
        if !publishers.isEmpty { context["publisher_pages"] = publishers }
        return context
    }

    /// One page of one facet value's records: 索引号, 名称, 文号, 发布机构, 成文日期, 发布日期,
    /// at most `CatalogPlan.pageSize` rows, with the pager and the way back to the catalog.
    public func catalogPage(_ page: CatalogPlan.Page) -> [String: Any] {
        let catalog = plan.catalog
        let value = catalog.values[page.value]
        // The value alone in the heading, the caption and the breadcrumb, its facet in a
        // block of its own whose tag carries an attribute: the audit reads the page's bytes
        // with tags without attributes taken out, and a label glued to a public value
        // ("发布机构：明湖区财政局", the form a non-public record may write too) would stop
        // the build as a leak it is not.
        let heading = value.name
        let title = Self.titleParts([value.name] + (page.number == 1 ? [] : ["第\(page.number)页"]) + ["政府信息公开目录"])
        var context = base(path: page.path, title: title, section: nil, breadcrumbs: [
            ("首页", SitePlan.homePath), ("政府信息公开目录", SitePlan.catalogPath), (heading, nil),
        ])
        context["heading"] = heading
        context["facet_name"] = value.facet.chineseName
        if value.facet == .publisher, let own = plan.publishers.page(named: value.name) {
            context["publisher_page"] = URLPath.encoded(own.path)
        }
        context["record_count"] = value.records.count
        context["row_count"] = page.records.count
        if page.pageCount > 1 { context["page_count_text"] = "第 \(page.number) / \(page.pageCount) 页" }
        // The rows' contexts, which key the page; the page is rendered with the rows as
        // `catalog-row` renders them once per record (`CatalogRows`), in their place.
        context["rows"] = page.records.map(catalogRow)
        context["has_pagination"] = page.pageCount > 1
        let path = { (number: Int) in URLPath.encoded(CatalogPlan.path(stem: value.stem, page: number)) }
        context["pages"] = Self.pager(current: page.number, count: page.pageCount).map { number -> [String: Any] in
            guard let number else { return ["gap": true] }
            return ["number": number, "href": path(number), "current": number == page.number]
        }
        if page.number > 1 { context["previous_page"] = path(page.number - 1) }
        if page.number < page.pageCount { context["next_page"] = path(page.number + 1) }
        return context
    }

    /// The context of one record's catalog row (template `catalog-row`), as seen from
    /// `catalog/`, where every page that shows it is.
    public func catalogRow(_ index: Int) -> [String: Any] {
        let page = plan.recordPages[index]
        let record = page.record
        var row: [String: Any] = [
            "root": SitePlan.rootPrefix(for: CatalogPlan.folder + "/x.html"),
            "index_number": record.indexNumber, "title": record.title, "href": URLPath.encoded(page.path),
            "publisher": record.publisher, "created": record.created.description,
            "published": record.published?.description ?? "",
            "created_text": config.pageDate(record.created),
            "published_text": record.published.map(config.pageDate) ?? "",
        ]
        // 文号, for the types that declare one (empty for the others).
        row["document_number"] = record.value("document_number").text ?? ""
        return row
    }
}
