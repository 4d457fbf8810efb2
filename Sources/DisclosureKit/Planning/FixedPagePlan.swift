#if canImport(Glibc)
import Glibc
#endif

/// An attachment as a page shows and the build copies it.
public struct PlannedAttachment: Sendable {
    /// Its file name.
    public var name: String
    /// The absolute path it is copied from.
    public var source: String
    /// Where it goes in the site.
    public var path: String
    /// The title of its `attachments:` entry; nil for one that is its page's by name.
    public var title: String?
    /// Its size in bytes, as the page shows it.
    public var size: Int64

    init(name: String, source: String, path: String, title: String?) {
        self.name = name
        self.source = source
        self.path = path
        self.title = title
        var info = stat()
        size = stat(source, &info) == 0 ? Int64(info.st_size) : 0
    }
}

/// A fixed page as the build writes it: `pages/SLUG.html` and its attachments beside it.
public struct FixedPagePlan: Sendable {
    public var page: FixedPage
    public var path: String { page.path }
    public var attachments: [PlannedAttachment]

    /// The pages of `view`: those in the navigation first, by `nav` (then path), then the
    /// others by path. Every page is public.
    static func plan(_ view: PublicView) -> [FixedPagePlan] {
        var byPage: [String: [PageAttachment]] = [:]
        for attachment in view.pageAttachments { byPage[attachment.page.relativePath, default: []].append(attachment) }
        let ordered = view.pages.sorted { a, b in
            switch (a.navigation, b.navigation) {
            case let (x?, y?) where x != y: return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return utf8Precedes(a.file.relativePath, b.file.relativePath)
            }
        }
        return ordered.map { page in
            let mine = byPage[page.file.relativePath] ?? []
            let listed = mine.filter { $0.position != nil }.sorted { $0.position! < $1.position! }
            let attachments = (listed + mine.filter { $0.position == nil }).map {
                PlannedAttachment(name: $0.file.name, source: $0.file.absolutePath, path: $0.file.sitePath, title: $0.title)
            }
            return FixedPagePlan(page: page, attachments: attachments)
        }
    }
}
