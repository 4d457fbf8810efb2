import Foundation

extension SiteAuditor {
    /// What a file's kind is checked for besides the leak search of its bytes, fed the file
    /// a piece at a time so a file of any size is read in bounded memory: a page's markup,
    /// text, links and ids; a style sheet's URLs; whether XML (SVG too) and JSON are
    /// well-formed, and what an XML file makes a browser fetch.
    final class ContentCheck {
        enum Kind {
            case page, styleSheet, xml, image, json, other

            init(_ path: String) {
                let lower = path.lowercased()
                // Every kind a browser opened from disk renders as a page, style sheet or
                // XML document (whose elements load what they name: SVG, XSLT).
                if [".html", ".htm", ".xhtml", ".xht", ".shtml"].contains(where: lower.hasSuffix) { self = .page }
                else if lower.hasSuffix(".css") { self = .styleSheet }
                else if lower.hasSuffix(".xml") { self = .xml }
                else if [".svg", ".xsl", ".xslt"].contains(where: lower.hasSuffix) { self = .image }
                else if lower.hasSuffix(".json") { self = .json }
                else { self = .other }
            }
        }

        /// A style sheet longer than this is not read for URLs (and is reported): it is
        /// held whole to be read, and no built site has one near it.
        static let styleSheetLimitBytes = 4 << 20

        let kind: Kind
        private let shown: String
        private var page: HTMLPage.Parser?
        private var styleSheet: [UInt8]? = []
        private var xml: XMLFile?
        private var json = JSONSyntax()
        private var textLeaks: [Diagnostic] = []

        /// `reported` holds the records already found in this file (one finding per record
        /// and file); with `onReferences`, a page's references are handed over in batches
        /// as they are met instead of kept.
        init(path: String, shown: String, leaks: LeakIndex, reported: RecordsFound,
             onReferences: (([HTMLPage.Reference]) -> Void)? = nil) {
            kind = Kind(path)
            self.shown = shown
            switch kind {
            case .page:
                // Each text node with entities decoded (a title with quotes is `&quot;` in the
                // raw bytes), searched as the parser meets it.
                page = HTMLPage.Parser(onText: { [unowned self] text in
                    guard text.count >= TextFingerprints.window else { return }
                    let bytes = text.withUnsafeBufferPointer { MatchText.normalise($0, newlines: nil) }
                    for leak in leaks.leaks(in: bytes) where !reported.records.contains(leak.record) {
                        reported.records.insert(leak.record)
                        textLeaks.append(Rule.auditLeak.diagnostic(shown, .fileStart,
                            Phrase("其文字中含有", en: "contains, in its text, ") + leak.described(in: bytes)))
                    }
                }, onReferences: onReferences)
            case .xml, .image:
                xml = XMLFile(isImage: kind == .image)
            default:
                break
            }
        }

        /// Reads the next piece of the file.
        func feed(_ bytes: UnsafeRawBufferPointer) {
            switch kind {
            case .page: page?.feed(bytes)
            case .styleSheet:
                guard styleSheet != nil else { return }
                if styleSheet!.count + bytes.count > Self.styleSheetLimitBytes { styleSheet = nil } else { styleSheet! += bytes }
            case .xml, .image: xml?.feed(bytes)
            case .json: json.feed(bytes)
            case .other: break
            }
        }

        /// The findings once the whole file has been fed.
        func finish() -> FileReport {
            var report = FileReport()
            switch kind {
            case .page:
                guard let page = page?.finish() else { break }
                report.diagnostics += textLeaks
                for error in page.errors {
                    report.diagnostics.append(Rule.auditMalformed.diagnostic(shown, .fileStart,
                        Phrase("不是格式正确的 HTML：", en: "is not well-formed HTML: ") + error))
                }
                if page.language?.isEmpty ?? true {
                    report.diagnostics.append(Rule.auditMalformed.diagnostic(shown, .fileStart,
                        Phrase("页面没有 <html lang>", en: "the page has no <html lang>")))
                }
                if page.title?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true {
                    report.diagnostics.append(Rule.auditMalformed.diagnostic(shown, .fileStart,
                        Phrase("页面没有 <title>", en: "the page has no <title>")))
                }
                report.references = page.references
                report.anchors = PageAnchors(page.anchors)
            case .styleSheet:
                guard let styleSheet else {
                    report.diagnostics.append(Rule.auditMalformed.diagnostic(shown, .fileStart,
                        Phrase("超过 \(Self.styleSheetLimitBytes >> 20) MiB 的样式表不会被读取以检查其加载的内容；请拆分",
                               en: "a style sheet over \(Self.styleSheetLimitBytes >> 20) MiB is not read for what it loads; split it")))
                    break
                }
                report.references = CSSReferences.urls(in: styleSheet).map {
                    HTMLPage.Reference(element: "css", attribute: "url()", value: $0.value, line: $0.line, loads: true)
                }
            case .xml, .image:
                guard let xml else { break }
                if let problem = xml.finish() {
                    report.diagnostics.append(Rule.auditMalformed.diagnostic(shown, .fileStart,
                        Phrase("不是格式正确的 XML：", en: "is not well-formed XML: ") + problem))
                }
                report.references = xml.references
            case .json:
                if !json.finish() {
                    report.diagnostics.append(Rule.auditMalformed.diagnostic(shown, .fileStart,
                        Phrase("不是格式正确的 JSON", en: "is not well-formed JSON")))
                }
            case .other:
                break
            }
            return report
        }
    }

    /// The non-public records already found in one file, shared by its byte and text searches.
    final class RecordsFound {
        var records = Set<String>()
    }
}
