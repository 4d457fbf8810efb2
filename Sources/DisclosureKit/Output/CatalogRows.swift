import Foundation

/// Each record's row of the catalog (template `catalog-row`), rendered the first time a
/// page that shows it is made and then shared by the record's other facet pages, which
/// all sit in `catalog/`. A page is keyed by its rows' models (`PageContexts.catalogRow`),
/// so a rebuild that carries every catalog page renders no row at all.
final class CatalogRows: @unchecked Sendable {
    // Guarded by `lock`; a row is rendered outside it, and two threads that render the
    // same row at once make the same text.
    private var rows: [String?]
    private let lock = NSLock()
    private let templates: TemplateSet
    private let contexts: PageContexts

    init(templates: TemplateSet, contexts: PageContexts) {
        self.templates = templates
        self.contexts = contexts
        rows = [String?](repeating: nil, count: contexts.plan.recordPages.count)
    }

    func row(_ index: Int) -> String {
        if let row = lock.withLock({ rows[index] }) { return row }
        var row = templates.render(CatalogRowModel.template, contexts.catalogRow(index))
        while row.hasSuffix("\n") { row.removeLast() }
        lock.withLock { rows[index] = row }
        return row
    }
}
