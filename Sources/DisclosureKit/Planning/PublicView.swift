/// The public records of a site and their attachments: the one place that decides what
/// may reach the output. Every output (pages, lists, catalog, sitemap, ...) is planned
/// from this view alone, so no new output kind can forget the rule; on-request and
/// withheld records are not in it at all.
public struct PublicView: Sendable {
    public let config: SiteConfig
    /// Public (主动公开) records, in path order; empty in the view a plan keeps
    /// (`SitePlan.view`), whose records are its `recordPages`.
    public private(set) var records: [Record]
    /// Attachments of public records only.
    public let attachments: [AttachmentMatcher.Match]
    /// Content paths of every record file, public or not: only to tell a link to a
    /// non-public record ("not public") from one to a missing file. Never rendered.
    public let allRecordPaths: Set<String>
    /// Records held back as scheduled, with their 发布日期: a link to one is named as
    /// such. Never rendered.
    public let scheduled: [String: CalendarDate]
    /// The fixed pages and their attachments: public by nature, all of them.
    public let pages: [FixedPage]
    public let pageAttachments: [PageAttachment]

    public init(_ site: LoadedSite) {
        config = site.config
        records = site.records.filter { $0.disclosure.isPublic }
        let publicFiles = Set(records.map(\.file.relativePath))
        attachments = site.attachments.filter { publicFiles.contains($0.record.relativePath) }
        allRecordPaths = Set(site.identities.map(\.file.relativePath))
        scheduled = site.scheduled
        pages = site.pages
        pageAttachments = site.pageAttachments
    }

    /// This view without its records, for the plan made from it to keep: the plan holds
    /// them in its pages, and a second array of every public record stayed in memory
    /// through the render (4 MB at 10,000 records).
    func withoutRecords() -> PublicView {
        var view = self
        view.records = []
        return view
    }
}
