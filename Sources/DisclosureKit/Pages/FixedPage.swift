/// A Markdown file in `content/pages/`: a page of the site that is not a record.
public struct PageFile: Sendable, Hashable {
    /// Relative to the site root: `content/pages/guide.md`.
    public var relativePath: String
    public var absolutePath: String
    /// The file name without `.md`.
    public var stem: String
}

/// Any other file in `content/pages/`: an attachment of a page, when one lists it or its
/// name starts with a page's stem.
public struct PageAttachmentFile: Sendable, Hashable {
    public var relativePath: String
    public var absolutePath: String
    public var name: String

    /// Where the build copies it, beside the pages.
    public var sitePath: String { FixedPage.folder + "/" + name }
}

/// A fixed page that decoded without error (政府信息公开指南, 机构职能, ...). Pages are public
/// by nature: there is no disclosure attribute, and every page reaches the output. Their
/// text is still authored text: it is checked as a record's is, and it legitimises no
/// non-public record's words in the audit.
public struct FixedPage: Sendable {
    /// The folder under `content/` and in the output.
    public static let folder = "pages"

    public var file: PageFile
    public var title: String
    /// Position in the navigation of every page, smallest first; nil: not in it.
    public var navigation: Int?
    public var role: PageRole?
    /// `publisher`: the registered publisher the page is of (its 指南 on its publisher
    /// page); nil for a page of the whole site.
    public var publisher: String?
    /// The page's file name without `.html`: `slug`, or the file's stem.
    public var slug: String
    public var summary: String?
    public var modified: CalendarDate?
    /// The attachments it lists, in order.
    public var attachments: [ListedAttachment]
    public var body: String
    public var bodyFirstLine: Int
    public var sourceDigest: Digest = .zero

    /// `pages/SLUG.html`.
    public var path: String { Self.folder + "/" + slug + ".html" }
}
