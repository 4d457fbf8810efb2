/// The references between the public records of a plan, both ways: the pages a record
/// names through its `reference` fields (解读的文件, 废止文件) and the pages that name it
/// (相关解读, 废止的文件, 修改的文件). Made from the plan alone, which holds public records
/// only: a record that is not public is in neither direction, whatever names it.
struct RecordRelations: Sendable {
    struct Link: Sendable {
        /// The referencing record's field.
        var field: FieldDeclaration
        /// The page at the other end.
        var page: Int
    }

    /// Per record page, in the plan's order: the pages it names, in its fields' order.
    let outgoing: [[Link]]
    /// Per record page: the pages that name it, in the plan's order (section, newest first).
    let incoming: [[Link]]

    init(_ plan: SitePlan, pageByIndexNumber: [String: Int]) {
        var outgoing = [[Link]](repeating: [], count: plan.recordPages.count)
        var incoming = [[Link]](repeating: [], count: plan.recordPages.count)
        for (position, page) in plan.recordPages.enumerated() {
            let record = page.record
            let fields = record.type.declaration.fields
            for index in record.type.declaration.referenceFields {
                guard let target = record.fields[index].text, let targetPage = pageByIndexNumber[target],
                      targetPage != position else { continue }
                outgoing[position].append(Link(field: fields[index], page: targetPage))
                incoming[targetPage].append(Link(field: fields[index], page: position))
            }
        }
        self.outgoing = outgoing
        self.incoming = incoming
    }

    /// The blocks of page `index`: one per field naming another page (except the fields
    /// the 有效性 notice shows), then one per field by which other pages name it, when the
    /// field declares a heading for that side (`backlink`).
    func blocks(_ index: Int, plan: SitePlan) -> [RelationBlock] {
        func item(_ page: Int) -> RelationLink {
            let record = plan.recordPages[page].record
            return RelationLink(title: record.title, href: URLPath.encoded(plan.recordPages[page].path),
                                document_number: record.value("document_number").text)
        }
        var blocks: [RelationBlock] = []
        var seen: [String] = []
        for link in outgoing[index] where !PolicyValidity.noticeFields.contains(link.field.key) {
            if let last = blocks.indices.last, seen.last == link.field.key {
                blocks[last].links.append(item(link.page))
                continue
            }
            seen.append(link.field.key)
            blocks.append(RelationBlock(id: "relation-\(link.field.key)", heading: link.field.label, links: [item(link.page)]))
        }
        var byField: [(field: FieldDeclaration, pages: [Int])] = []
        for link in incoming[index] {
            guard link.field.backlink != nil else { continue }
            if let position = byField.firstIndex(where: { $0.field.key == link.field.key }) {
                byField[position].pages.append(link.page)
            } else {
                byField.append((link.field, [link.page]))
            }
        }
        for (field, pages) in byField {
            blocks.append(RelationBlock(id: "related-\(field.key)", heading: field.backlink!, links: pages.map(item)))
        }
        return blocks
    }

    /// What `blocks` reads of other pages, for the build cache's key of page `index`.
    func combineInputs(_ index: Int, plan: SitePlan, into hasher: inout StableHasher) {
        for links in [outgoing[index], incoming[index]] {
            hasher.combine(links.count)
            for link in links {
                let page = plan.recordPages[link.page]
                hasher.combine(link.field.key)
                hasher.combine(page.path)
                hasher.combine(page.record.title)
                hasher.combine(page.record.value("document_number").text ?? "")
            }
        }
    }
}
