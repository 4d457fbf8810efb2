import CLibXML2
import Foundation

/// One URL of the sitemap: a site-relative path and the date its content last changed.
public struct SitemapEntry: Sendable, Equatable {
    public var path: String
    public var lastModified: CalendarDate?

    public init(path: String, lastModified: CalendarDate?) {
        self.path = path
        self.lastModified = lastModified
    }
}

/// Writes sitemaps per sitemaps.org with libxml2's text writer: absolute `loc` from
/// `base_url`, `lastmod` from the content, and above 50,000 URLs or 50 MB a sitemap
/// index (`sitemap.xml`) over numbered files (`sitemap-1.xml`, ...).
public enum SitemapWriter {
    public static let maximumURLs = 50_000
    public static let maximumBytes = 50 * 1024 * 1024
    static let namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"

    /// The files to write: path → bytes, in path order.
    public static func files(_ entries: [SitemapEntry], baseURL: String,
                             maximumURLs: Int = maximumURLs, maximumBytes: Int = maximumBytes) -> [(path: String, bytes: [UInt8])] {
        let single = urlset(entries, baseURL: baseURL)
        if entries.count <= maximumURLs && single.count <= maximumBytes {
            return [("sitemap.xml", single)]
        }
        // Split into chunks that respect both limits.
        var chunks: [[SitemapEntry]] = []
        var current: [SitemapEntry] = []
        var currentBytes = 200
        for entry in entries {
            let estimate = 120 + baseURL.utf8.count + entry.path.utf8.count * 3
            if current.count == maximumURLs || (currentBytes + estimate > maximumBytes && !current.isEmpty) {
                chunks.append(current)
                current = []
                currentBytes = 200
            }
            current.append(entry)
            currentBytes += estimate
        }
        if !current.isEmpty { chunks.append(current) }
        var files: [(path: String, bytes: [UInt8])] = []
        var indexEntries: [SitemapEntry] = []
        for (number, chunk) in chunks.enumerated() {
            let path = "sitemap-\(number + 1).xml"
            files.append((path, urlset(chunk, baseURL: baseURL)))
            indexEntries.append(SitemapEntry(path: path, lastModified: chunk.compactMap(\.lastModified).max()))
        }
        files.insert(("sitemap.xml", document(root: "sitemapindex", item: "sitemap", indexEntries, baseURL: baseURL)), at: 0)
        return files
    }

    /// The paths `files` writes for `entries`, without writing the sitemaps where an upper
    /// bound on one file's size settles it: the list of outputs needs them before the render.
    static func paths(_ entries: [SitemapEntry], baseURL: String,
                      maximumURLs: Int = maximumURLs, maximumBytes: Int = maximumBytes) -> [String] {
        if entries.count <= maximumURLs {
            // Per URL at most: its markup and date (under 100 bytes), the base URL with each
            // byte escaped (`&amp;`, 5 bytes) and the path percent-encoded (3 bytes a byte).
            let base = 5 * baseURL.utf8.count
            let bound = entries.reduce(256) { $0 + 100 + base + 3 * $1.path.utf8.count }
            if bound <= maximumBytes { return [SitePlan.sitemapPath] }
        }
        return files(entries, baseURL: baseURL, maximumURLs: maximumURLs, maximumBytes: maximumBytes).map(\.path)
    }

    static func urlset(_ entries: [SitemapEntry], baseURL: String) -> [UInt8] {
        document(root: "urlset", item: "url", entries, baseURL: baseURL)
    }

    static func document(root: String, item: String, _ entries: [SitemapEntry], baseURL: String) -> [UInt8] {
        XMLDocumentWriter.document(root: root, attributes: [("xmlns", namespace)]) { writer in
            for entry in entries {
                xmlTextWriterStartElement(writer, item)
                xmlTextWriterWriteElement(writer, "loc", absoluteURL(baseURL, entry.path))
                if let date = entry.lastModified {
                    xmlTextWriterWriteElement(writer, "lastmod", date.description)
                }
                xmlTextWriterEndElement(writer)
            }
        }
    }

    /// `base_url` + the path with each segment percent-encoded (libxml2 escapes `&` and
    /// `<` but leaves non-ASCII alone; sitemaps want RFC 3986 URLs).
    /// `baseURL` and `path` with every byte of a segment percent-encoded (upper-case hex)
    /// but the unreserved ones (RFC 3986: letters, digits, `-._~`); `/` separates segments.
    public static func absoluteURL(_ baseURL: String, _ path: String) -> String {
        var bytes = Array(baseURL.utf8)
        bytes.reserveCapacity(bytes.count + path.utf8.count * 3)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in path.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E, 0x2F:
                bytes.append(byte)
            default:
                bytes += [0x25, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// An XML document written with libxml2's text writer (which escapes text and attribute
/// values), indented by two spaces: the sitemap and the feed are written with it.
enum XMLDocumentWriter {
    static func document(root: String, attributes: [(String, String)], _ body: (xmlTextWriterPtr) -> Void) -> [UInt8] {
        guard let buffer = xmlBufferCreate() else { return [] }
        defer { xmlBufferFree(buffer) }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else { return [] }
        xmlTextWriterSetIndent(writer, 1)
        xmlTextWriterSetIndentString(writer, "  ")
        xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil)
        xmlTextWriterStartElement(writer, root)
        for (name, value) in attributes { xmlTextWriterWriteAttribute(writer, name, value) }
        body(writer)
        xmlTextWriterEndElement(writer)
        xmlTextWriterEndDocument(writer)
        xmlFreeTextWriter(writer)
        guard let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    }
}
