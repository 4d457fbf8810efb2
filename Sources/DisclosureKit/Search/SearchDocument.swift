/// One document of the search index: a public record's page or a fixed page.
enum SearchDocument: Sendable {
    case record(SitePlan.RecordPage)
    case fixed(FixedPagePlan)

    /// The documents in id order: the records newest first, then the fixed pages in
    /// navigation order.
    static func all(_ plan: SitePlan) -> [SearchDocument] {
        plan.newestRecords.map(SearchDocument.record) + plan.fixedPages.map(SearchDocument.fixed)
    }
}

extension SearchIndex {
    /// A fixed page's terms and entry: its title, summary and body text.
    static func terms(of fixed: FixedPagePlan) -> DocumentTerms {
        let page = fixed.page
        let plain = SecretText.plainText(of: page.body)
        var terms = DocumentTerms()
        SearchTokenizer.visit(page.title, han: { terms.han.append($0 << 1) }, word: { terms.words[$0] = true })
        for field in [page.summary ?? "", plain] {
            SearchTokenizer.visit(field, han: { terms.han.append($0 << 1 | 1) },
                                  word: { word in if terms.words[word] == nil { terms.words[word] = false } })
        }
        terms.finishHan()
        let kind = page.role?.chineseName ?? "页面"
        let fields = [URLPath.encoded(fixed.path), page.title, "page", "", "", "", "", "", page.summary ?? "",
                      String(plain.prefix(excerptLength)), kind]
        terms.doc = Array(("[" + fields.map(jsonString).joined(separator: ",") + "]").utf8)
        return terms
    }
}
