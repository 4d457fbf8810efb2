import Foundation

/// The attachment list of a record or fixed page: `附件1：title（PDF，236 KB）`, listed
/// attachments in list order, then those that are the page's by name (titled by their
/// file name). An image the body shows (`![...](x.png)`) is part of the text, not an
/// attachment to download, and is left out of the list (it is still copied).
enum AttachmentList {
    static let ofdNote = "需使用OFD阅读器打开"
    /// Labels the list writes, which the audit counts as built-in text.
    static let labels = ["附件", ofdNote]

    static func context(_ attachments: [PlannedAttachment], from page: String, bodyHTML: String) -> [AttachmentItem] {
        var items: [AttachmentItem] = []
        let images = attachments.isEmpty ? [] : imageSources(bodyHTML)
        for attachment in attachments {
            let href = URLPath.encoded(LinkResolver.relative(from: page, to: attachment.path))
            if images.contains(href.removingPercentEncoding ?? href) { continue }
            let kind = Self.kind(of: attachment.name)
            items.append(AttachmentItem(
                label: "附件\(items.count + 1)：", text: attachment.title ?? attachment.name, name: attachment.name,
                href: href, kind: kind, size: Self.size(attachment.size), note: kind == "OFD" ? ofdNote : nil))
        }
        return items
    }

    /// The `src` of every `<img>` cmark wrote (it writes `<img src="URL"`, the URL
    /// percent-encoded its own way), decoded, so that both spellings of a name compare.
    static func imageSources(_ html: String) -> Set<String> {
        var sources = Set<String>()
        var rest = Substring(html)
        while let start = rest.range(of: "<img src=\"") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            let raw = String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&")
            sources.insert(raw.removingPercentEncoding ?? raw)
            rest = rest[end...]
        }
        return sources
    }

    /// The file's kind as readers know it: its extension, upper-cased (`PDF`, `DOCX`,
    /// `OFD`); `文件` for a name without one.
    static func kind(of name: String) -> String {
        guard let dot = name.lastIndex(of: "."), name.index(after: dot) < name.endIndex, dot > name.startIndex else { return "文件" }
        return String(name[name.index(after: dot)...]).uppercased()
    }

    /// `236 KB`, `1.4 MB`: kilobytes rounded up (a file of a few bytes is `1 KB`, never
    /// `0 KB`), megabytes and gigabytes to one decimal.
    static func size(_ bytes: Int64) -> String {
        let kilo: Int64 = 1024
        if bytes < kilo * kilo { return "\(max(1, (bytes + kilo - 1) / kilo)) KB" }
        if bytes < kilo * kilo * kilo { return tenths(bytes, kilo * kilo) + " MB" }
        return tenths(bytes, kilo * kilo * kilo) + " GB"
    }

    /// `bytes / unit` to one decimal, rounded half up, in integers (no locale, no float).
    /// The remainder alone is multiplied: a sparse file may claim any size up to
    /// `Int64.max`, and `bytes * 10` would overflow.
    private static func tenths(_ bytes: Int64, _ unit: Int64) -> String {
        var whole = bytes / unit
        var tenth = (bytes % unit * 10 + unit / 2) / unit
        if tenth == 10 {
            whole += 1
            tenth = 0
        }
        return "\(whole).\(tenth)"
    }
}
