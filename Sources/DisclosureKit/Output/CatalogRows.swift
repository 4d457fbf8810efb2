import Foundation

/// Each record's row of the catalog (template `catalog-row`), made once and shared by the
/// record's facet pages, which all sit in `catalog/`: its model, the model's digest (what
/// keys a page, with the page's other fields: `OutputKeys.catalogPage`) and, the first time
/// a page that shows it is rendered, its text. A rebuild that carries every catalog page
/// renders no row at all.
final class CatalogRows: @unchecked Sendable {
    private struct Row {
        var model: CatalogRowModel
        var key: Digest
        var text: String?
    }

    // Guarded by `lock`; a row is made outside it, and two threads that make the same row
    // at once make the same one.
    private var rows: [Row?]
    private let lock = NSLock()
    private let templates: TemplateSet
    private let contexts: PageContexts

    init(templates: TemplateSet, contexts: PageContexts) {
        self.templates = templates
        self.contexts = contexts
        rows = [Row?](repeating: nil, count: contexts.plan.recordPages.count)
    }

    private func made(_ index: Int) -> Row {
        if let row = lock.withLock({ rows[index] }) { return row }
        let model = contexts.catalogRow(index)
        let row = Row(model: model, key: StableDigestEncoder.digest(of: model))
        lock.withLock { if rows[index] == nil { rows[index] = row } }
        return row
    }

    /// Record `index`'s row model.
    func model(_ index: Int) -> CatalogRowModel { made(index).model }

    /// The digest of record `index`'s row model.
    func key(_ index: Int) -> Digest { made(index).key }

    /// Record `index`'s row as rendered.
    func row(_ index: Int) -> String {
        let made = made(index)
        if let text = made.text { return text }
        var text = templates.render(CatalogRowModel.template, made.model)
        while text.hasSuffix("\n") { text.removeLast() }
        lock.withLock { rows[index]?.text = text }
        return text
    }
}
