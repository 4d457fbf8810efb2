import Foundation

/// The `<meta name>` tags Chinese government sites carry in `<head>`, by which the
/// national and provincial platforms harvest and check them: the site's tags on every
/// page, the column's on a column page, the article's on a record page (the sets the
/// README's "Page conventions" cites). Values are plain text; the template escapes them.
/// They are made from the settings and the public plan only, so nothing of a non-public
/// record can reach them.
enum GovernmentMetaTags {
    /// SiteName, SiteDomain and SiteIDCode (left out when `site_id_code` is not set).
    static func site(_ config: SiteConfig) -> [MetaTag] {
        var tags = [tag("SiteName", config.title), tag("SiteDomain", domain(config.baseURL))]
        if let code = config.siteIDCode { tags.append(tag("SiteIDCode", code)) }
        return tags
    }

    /// A column page (a section's list, the catalog): the column's tags, after the site's.
    static func column(_ config: SiteConfig, name: String) -> [MetaTag] {
        [
            tag("ColumnName", name),
            tag("ColumnDescription", columnDescription(config, name: name)),
            tag("ColumnKeywords", "\(name),政府信息公开"),
            tag("ColumnType", columnType),
        ]
    }

    /// A record page: its column's name and type and the record's own tags, after the site's.
    static func article(_ config: SiteConfig, record: Record, path: String, columnName: String) -> [MetaTag] {
        article(config, title: record.title, published: record.listDate, source: record.publisher,
                keywords: [record.topic, columnName].compactMap { $0 }, description: record.summary,
                path: path, columnName: columnName)
    }

    /// An article page of any kind (a record, a fixed page): `description` defaults to the
    /// title, and the keywords are joined with commas.
    static func article(_ config: SiteConfig, title: String, published: CalendarDate, source: String, keywords: [String],
                        description: String?, path: String, columnName: String) -> [MetaTag] {
        [
            tag("ColumnName", columnName),
            tag("ColumnType", columnType),
            tag("ArticleTitle", title),
            tag("PubDate", pubDate(published)),
            tag("ContentSource", source),
            tag("Keywords", keywords.joined(separator: ",")),
            tag("Author", source),
            tag("Description", description ?? title),
            tag("Url", config.baseURL + URLPath.encoded(path)),
        ]
    }

    /// `{title}：{column}栏目`, or `{column}栏目` when the column's name already begins with
    /// the site's title (a fixed page titled 明湖区人民政府信息公开指南 on the site 明湖区人民政府信息公开):
    /// the two names are never run together.
    /// The column's name and 栏目, without the site's title: SiteName carries that, and the
    /// title written before a publisher's name (…信息公开：明湖区财政局) makes a run that a
    /// non-public record's closing lines (…不予主动公开。明湖区财政局) share, a false leak.
    static func columnDescription(_ config: SiteConfig, name: String) -> String {
        "\(name)栏目"
    }

    /// A fixed page with `modified` is an article (ArticleTitle, PubDate from `modified`,
    /// the site's publisher as its source), its own title its column; without `modified`
    /// it has no date to give and stays a column page.
    static func fixedPage(_ config: SiteConfig, page: FixedPage, path: String) -> [MetaTag]? {
        guard let modified = page.modified else { return nil }
        return article(config, title: page.title, published: modified, source: config.publisher ?? config.title,
                       keywords: [page.title], description: page.summary, path: path, columnName: page.title)
    }

    /// Every column of the tool is part of the disclosure column (the guideline's
    /// 信息公开 kind of column, beside 解读回应, 办事服务, 互动交流).
    static let columnType = "信息公开"

    /// `YYYY-MM-DD HH:MM`, the form the tag takes; a record has a day but no time, and
    /// the day's start is written.
    static func pubDate(_ date: CalendarDate) -> String {
        date.description + " 00:00"
    }

    /// The host of `base_url`, as `SiteDomain` gives it (www.example.gov.cn): what lies
    /// between `//` and the next `/`, without a user or a port. Read from the text, so that
    /// a host Foundation's URL would refuse (a Chinese domain) is still a host.
    static func domain(_ baseURL: String) -> String {
        var rest = Substring(baseURL)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        rest = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if !rest.hasPrefix("["), let colon = rest.lastIndex(of: ":") { rest = rest[..<colon] }
        return rest.lowercased()
    }

    private static func tag(_ name: String, _ content: String) -> MetaTag {
        MetaTag(name: name, content: content)
    }
}
