extension PageContexts {
    /// 政府信息公开目录's home (`catalog.html`): every facet with each of its values, their
    /// counts and links to their first pages. No record rows: they are on the facet
    /// pages, so this page grows with the number of topics, publishers and years only.
    public func catalog() -> CatalogModel {
        let catalog = plan.catalog
        let facets = CatalogPlan.Facet.allCases.compactMap { facet -> CatalogFacet? in
            let positions = catalog.values.indices.filter { catalog.values[$0].facet == facet }
            guard !positions.isEmpty else { return nil }
            var groups: [CatalogValueGroup] = []
            var groupName: String?? = .none
            for position in positions {
                let value = catalog.values[position]
                let item = CatalogValueLink(name: value.name, count: value.records.count,
                                            href: URLPath.encoded(catalog.firstPage(of: position)))
                if case .some(let current) = groupName, current == value.group {
                    groups[groups.count - 1].values.append(item)
                } else {
                    groups.append(CatalogValueGroup(group: value.group, values: [item]))
                    groupName = .some(value.group)
                }
            }
            return CatalogFacet(facet: facet.rawValue, name: facet.chineseName, count: positions.count, groups: groups)
        }
        let publishers = publisherLinks()
        return CatalogModel(
            frame: frame(path: SitePlan.catalogPath, title: "政府信息公开目录", section: nil, breadcrumbs: [
                ("首页", SitePlan.homePath), ("政府信息公开目录", nil),
            ]),
            record_count: plan.recordPages.count,
            facets: facets,
            has_publisher_pages: !publishers.isEmpty,
            publisher_pages: publishers.isEmpty ? nil : publishers)
    }

    /// One page of one facet value's records: 索引号, 名称, 文号, 发布机构, 成文日期, 发布日期,
    /// at most `CatalogPlan.pageSize` rows, with the pager and the way back to the catalog.
    ///
    /// `row` makes a record's row; the writer passes rows it made once for all the
    /// record's facet pages (`CatalogRows`).
    public func catalogPage(_ page: CatalogPlan.Page, row: (Int) -> CatalogRowModel) -> CatalogPageModel {
        let catalog = plan.catalog
        let value = catalog.values[page.value]
        // The value alone in the heading, the caption and the breadcrumb, its facet in a
        // block of its own whose tag carries an attribute: the audit reads the page's bytes
        // with tags without attributes taken out, and a label glued to a public value
        // ("发布机构：明湖区财政局", the form a non-public record may write too) would stop
        // the build as a leak it is not.
        let heading = value.name
        let title = Self.titleParts([value.name] + (page.number == 1 ? [] : ["第\(page.number)页"]) + ["政府信息公开目录"])
        let path = { (number: Int) in URLPath.encoded(CatalogPlan.path(stem: value.stem, page: number)) }
        return CatalogPageModel(
            frame: frame(path: page.path, title: title, section: nil, breadcrumbs: [
                ("首页", SitePlan.homePath), ("政府信息公开目录", SitePlan.catalogPath), (heading, nil),
            ]),
            heading: heading,
            facet_name: value.facet.chineseName,
            publisher_page: value.facet == .publisher ? plan.publishers.page(named: value.name).map { URLPath.encoded($0.path) } : nil,
            record_count: value.records.count,
            row_count: page.records.count,
            page_count_text: page.pageCount > 1 ? "第 \(page.number) / \(page.pageCount) 页" : nil,
            rows: page.records.map(row),
            has_pagination: page.pageCount > 1,
            pages: Self.pager(current: page.number, count: page.pageCount).map { number in
                guard let number else { return PagerItem.gapItem() }
                return PagerItem(number: number, href: path(number), current: number == page.number)
            },
            previous_page: page.number > 1 ? path(page.number - 1) : nil,
            next_page: page.number < page.pageCount ? path(page.number + 1) : nil)
    }

    /// A catalog page with each row made for it.
    public func catalogPage(_ page: CatalogPlan.Page) -> CatalogPageModel {
        catalogPage(page, row: catalogRow)
    }

    /// The model of one record's catalog row (template `catalog-row`), as seen from
    /// `catalog/`, where every page that shows it is.
    public func catalogRow(_ index: Int) -> CatalogRowModel {
        let page = plan.recordPages[index]
        let record = page.record
        return CatalogRowModel(
            root: SitePlan.rootPrefix(for: CatalogPlan.folder + "/x.html"),
            index_number: record.indexNumber, title: record.title, href: URLPath.encoded(page.path),
            publisher: record.publisher, created: record.created.description,
            published: record.published?.description ?? "",
            created_text: config.pageDate(record.created),
            published_text: record.published.map(config.pageDate) ?? "",
            document_number: record.value("document_number").text ?? "")
    }
}
