import CLibXML2
import Foundation

/// `feed.xml`: an Atom feed (RFC 4287) of the 50 newest public records, with absolute
/// URLs from `base_url` and ids that stay the same across builds (tag URIs from the host
/// and the index number). Dates come from the content, never the clock.
public enum AtomFeed {
    public static let path = "feed.xml"
    public static let size = 50

    /// What every id of the feed starts with (a tag URI: the audit reads its parts as
    /// separate texts, `SeparateTexts.Format.elements`).
    static func tagPrefix(_ config: SiteConfig) -> String {
        "tag:\(URL(string: config.baseURL)?.host ?? "localhost"),2000:"
    }

    public static func document(_ plan: SitePlan) -> [UInt8] {
        let config = plan.view.config
        let entries = Array(plan.newestRecords.prefix(size))
        let host = URL(string: config.baseURL)?.host ?? "localhost"
        let updated = entries.map(\.record.lastChanged).max() ?? CalendarDate(year: 2000, month: 1, day: 1)!
        return XMLDocumentWriter.document(root: "feed", attributes: [("xmlns", "http://www.w3.org/2005/Atom"),
                                                                   ("xml:lang", config.language)]) { writer in
            xmlTextWriterWriteElement(writer, "id", tagPrefix(config) + "feed")
            xmlTextWriterWriteElement(writer, "title", config.title)
            xmlTextWriterWriteElement(writer, "updated", timestamp(updated))
            link(writer, rel: "self", href: config.baseURL + path)
            link(writer, rel: "alternate", href: config.baseURL + SitePlan.homePath)
            xmlTextWriterStartElement(writer, "author")
            xmlTextWriterWriteElement(writer, "name", config.publisher ?? config.title)
            xmlTextWriterEndElement(writer)
            for page in entries {
                entry(writer, page, config: config, host: host)
            }
        }
    }

    static func entry(_ writer: xmlTextWriterPtr, _ page: SitePlan.RecordPage, config: SiteConfig, host: String) {
        let r = page.record
        xmlTextWriterStartElement(writer, "entry")
        xmlTextWriterWriteElement(writer, "id", tagPrefix(config) + "record:" + (r.indexNumber.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? r.indexNumber))
        xmlTextWriterWriteElement(writer, "title", r.title)
        xmlTextWriterWriteElement(writer, "updated", timestamp(r.lastChanged))
        if let published = r.published { xmlTextWriterWriteElement(writer, "published", timestamp(published)) }
        link(writer, rel: "alternate", href: SitemapWriter.absoluteURL(config.baseURL, page.path))
        xmlTextWriterStartElement(writer, "author")
        xmlTextWriterWriteElement(writer, "name", r.publisher)
        xmlTextWriterEndElement(writer)
        xmlTextWriterStartElement(writer, "category")
        xmlTextWriterWriteAttribute(writer, "term", r.type.id)
        xmlTextWriterWriteAttribute(writer, "label", r.type.chineseName)
        xmlTextWriterEndElement(writer)
        // Only the record's own summary: generated text glued to a record value (a title
        // followed by "（") could share a long run with a non-public title, and audit
        // would rightly stop the build.
        if let summary = r.summary { xmlTextWriterWriteElement(writer, "summary", summary) }
        xmlTextWriterEndElement(writer)
    }

    static func link(_ writer: xmlTextWriterPtr, rel: String, href: String) {
        xmlTextWriterStartElement(writer, "link")
        xmlTextWriterWriteAttribute(writer, "rel", rel)
        xmlTextWriterWriteAttribute(writer, "href", href)
        xmlTextWriterEndElement(writer)
    }

    /// A calendar date as an RFC 3339 instant at midnight in China Standard Time: the
    /// date the office wrote, never shifted.
    static func timestamp(_ date: CalendarDate) -> String { "\(date)T00:00:00+08:00" }
}
