import CLibXML2
import Foundation

/// What a built page refers to and declares, read back with libxml2's HTML parser (which
/// reads real-world pages: unclosed tags, upper-case attributes).
public struct HTMLPage: Sendable {
    /// A URL-valued attribute of an element.
    public struct Reference: Sendable, Equatable {
        public var element: String
        public var attribute: String
        public var value: String
        public var line: Int
        /// True when the browser fetches it (or goes there by itself) without being asked:
        /// everything but a link a reader follows (`<a href>`, `<area href>`).
        public var loads: Bool

        public init(element: String, attribute: String, value: String, line: Int, loads: Bool? = nil) {
            self.element = element
            self.attribute = attribute
            self.value = value
            self.line = line
            self.loads = loads ?? !((element == "a" || element == "area") && (attribute == "href" || attribute == "xlink:href"))
        }
    }

    public var references: [Reference] = []
    /// Every `id` (and `<a name>`) in the page: the targets of `#fragment` links.
    public var anchors: Set<String> = []
    /// `<html lang>`.
    public var language: String?
    /// `<title>` text.
    public var title: String?
    /// `<h1>` count.
    public var headingOneCount = 0
    /// The document's text with entities decoded, a run per block: text is joined across
    /// inline elements (`<span>`, `<wbr>`, `<b>`, ... `MatchText.inlineTags`) and comments,
    /// as a reader sees it, and never across other elements, so a table cell and the
    /// heading after it are not one run.
    public var texts: [String] = []
    /// `<script>` elements without `src` (inline code).
    public var inlineScripts = 0
    /// Event-handler attributes (`onclick`, `onerror`, ...), as `element@attribute`.
    public var eventHandlers: [String] = []
    /// Parser errors (a page that is not well-formed HTML).
    public var errors: [Phrase] = []

    /// Collects parser errors (libxml2 keeps its error handler per thread).
    private final class ErrorSink {
        var messages: [Phrase] = []
        /// Errors past the first `limit` are counted, not kept: a gigabyte of garbage
        /// would otherwise be millions of messages.
        var dropped = 0
        static let limit = 100
    }

    /// What the SAX callbacks build while the parser reads: the page, the text node being
    /// read, and the elements whose text is wanted (`title`, `style`).
    fileprivate final class Reader {
        var page = HTMLPage()
        /// Takes each text node's bytes (valid UTF-8 as libxml2 hands them over) when set.
        var onText: ((ArraySlice<UInt8>) -> Void)?
        /// Takes the references found so far whenever there are `referenceBatch` of them,
        /// when set: a page read as a stream never holds all its links.
        var onReferences: (([Reference]) -> Void)?
        var text: [UInt8] = []
        /// Per open element, whether it holds a separate text (`separateTextAttribute`).
        var openElements: [Bool] = []
        var titleText: [UInt8]?
        var styleText: [UInt8]?
        var styleLine = 0
        var anchorsOverflowed = false
        /// The text of a `<script type=speculationrules>` being read (up to `styleLimitBytes`).
        var speculationText: [UInt8]?
        var speculationLine = 0
        /// `srcdoc` documents, read once the page is (the parser is not re-entrant here).
        var sourceDocuments: [(value: String, line: Int)] = []

        /// Ends the text node being read: adjacent character runs are one node. In
        /// `<title>`, each part between ' - ' is a node (`HTMLPage.titleSeparator`).
        func flushText() {
            guard !text.isEmpty else { return }
            let parts = titleText != nil ? HTMLPage.titleParts(text) : [text[...]]
            text.removeAll(keepingCapacity: true)
            for part in parts {
                if let onText { onText(part) } else { page.texts.append(String(decoding: part, as: UTF8.self)) }
            }
        }

        /// Hands over a text node that grew past `textPieceBytes` as a piece, keeping its
        /// last `textOverlapBytes` to begin the next: a run of text shorter than the overlap
        /// lies whole within one piece, and a page of one huge text node is never held whole.
        func flushLongText() {
            guard text.count >= HTMLPage.textPieceBytes else { return }
            var cut = text.count - HTMLPage.textOverlapBytes
            while cut > 0, text[cut] & 0xC0 == 0x80 { cut -= 1 }  // never inside a character
            if let onText { onText(text[...]) } else { page.texts.append(String(decoding: text, as: UTF8.self)) }
            text.removeFirst(cut)
        }

        func addReference(_ reference: Reference) {
            page.references.append(reference)
            if let onReferences, page.references.count >= HTMLPage.referenceBatch {
                onReferences(page.references)
                page.references.removeAll(keepingCapacity: true)
            }
        }
    }

    /// A text node longer than this is handed over in overlapping pieces.
    static let textPieceBytes = 1 << 20
    static let textOverlapBytes = 4096
    /// A `<style>` element's text longer than this is not read for URLs (and is reported).
    static let styleLimitBytes = 4 << 20
    /// A `<title>` longer than this is cut: only whether it is empty matters.
    static let titleLimitBytes = 64 << 10
    static let referenceBatch = 4096
    /// Ids kept per page at most.
    static let anchorLimit = 2_000_000
    /// A page with more than this that the parser cannot yet parse (one text run or tag
    /// that long) is read no further: libxml2 holds an unfinished token whole.
    static let unparsedLimitBytes = 64 << 20
    /// Pieces the parser is fed: the whole page never has to be in memory.
    static let chunkBytes = 256 << 10

    private init() {}

    /// Parses `bytes` as HTML, with libxml2's SAX interface: the page is read as a stream
    /// and never built as a tree (the catalog of 100,000 records would be 300 MB of
    /// nodes). With `onText`, each text node is handed over as it is met and `texts` stays
    /// empty.
    public init(_ bytes: [UInt8], onText: ((String) -> Void)? = nil) {
        let parser = Parser(onText: onText.map { take in { take(String(decoding: $0, as: UTF8.self)) } }, onReferences: nil)
        bytes.withUnsafeBytes { buffer in
            var start = 0
            while start < buffer.count {
                let end = min(buffer.count, start + Self.chunkBytes)
                parser.feed(UnsafeRawBufferPointer(rebasing: buffer[start..<end]))
                start = end
            }
        }
        self = parser.finish()
    }

    /// libxml2's HTML push parser, fed a piece of the page at a time (a page read from a
    /// file is never held whole), with the SAX callbacks that fill an `HTMLPage`.
    final class Parser {
        private let reader = Reader()
        private let sink = ErrorSink()
        private var context: htmlParserCtxtPtr?

        /// With `onReferences`, references are handed over in batches as they are met and
        /// the finished page holds only the last batch's remainder, which is handed over too.
        init(onText: ((ArraySlice<UInt8>) -> Void)?, onReferences: (([Reference]) -> Void)?) {
            reader.onText = onText
            reader.onReferences = onReferences
            // Pages are UTF-8 (as the DOM reader was told); unset, libxml2 assumes Latin-1.
            context = htmlCreatePushParserCtxt(nil, nil, nil, 0, nil, XML_CHAR_ENCODING_UTF8)
            guard let context, let sax = context.pointee.sax else { return }
            let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOWARNING.rawValue)
            _ = htmlCtxtUseOptions(context, options)
            context.pointee._private = Unmanaged.passUnretained(reader).toOpaque()
            sax.pointee.startElement = { context, name, attributes in
                guard let name, let reader = HTMLPage.reader(context) else { return }
                // Text runs on across inline elements (`机<b></b>密` reads as one word), but
                // not into or out of one that holds a separate text.
                let separate = HTMLPage.holdsSeparateText(attributes)
                reader.openElements.append(separate)
                if separate || !HTMLPage.isInline(name) { reader.flushText() }
                let line = Int(xmlSAX2GetLineNumber(context))
                reader.startElement(String(cString: name).lowercased(), attributes, line: line)
            }
            sax.pointee.endElement = { context, name in
                guard let name, let reader = HTMLPage.reader(context) else { return }
                let separate = reader.openElements.popLast() ?? false
                if separate || !HTMLPage.isInline(name) { reader.flushText() }
                // Only the end of a <title>, <script> or <style> being read does anything.
                if reader.titleText != nil || reader.speculationText != nil || reader.styleText != nil {
                    reader.endElement(String(cString: name).lowercased())
                }
            }
            let characters: charactersSAXFunc = { context, text, length in
                guard let text, length > 0, let reader = HTMLPage.reader(context) else { return }
                let chunk = UnsafeBufferPointer(start: text, count: Int(length))
                reader.text.append(contentsOf: chunk)
                reader.flushLongText()
                if reader.titleText != nil, reader.titleText!.count < HTMLPage.titleLimitBytes {
                    reader.titleText!.append(contentsOf: chunk)
                }
                if reader.styleText != nil { reader.appendStyle(chunk) }
                if reader.speculationText != nil, reader.speculationText!.count < HTMLPage.styleLimitBytes {
                    reader.speculationText!.append(contentsOf: chunk)
                }
            }
            sax.pointee.characters = characters
            sax.pointee.cdataBlock = characters
            sax.pointee.ignorableWhitespace = characters
            // A comment splits no text: `机密<!-- raw HTML omitted -->文件` reads as one word.
            sax.pointee.comment = { _, _ in }
            sax.pointee.processingInstruction = { context, target, data in
                guard let target, let reader = HTMLPage.reader(context) else { return }
                reader.flushText()
                let line = Int(xmlSAX2GetLineNumber(context))
                reader.processingInstruction(String(cString: target), data.map { String(cString: $0) } ?? "", line: line)
            }
        }

        /// Parses the next piece of the page. libxml2 2.9's HTML push parser is fragile where
        /// a piece ends inside a tag: it resumed the look-up for an attribute value's end
        /// without knowing which quote opened it (and waited for the end of the page, all
        /// of it held), and took `</sty|le>` cut in a style sheet for text. So it is handed
        /// pieces that end just after a `>`; the rest waits for the next piece (or, past
        /// `pendingLimitBytes` without one, goes as it is).
        func feed(_ bytes: UnsafeRawBufferPointer) {
            guard context != nil, !bytes.isEmpty, !stopped else { return }
            afterRootEnd.read(bytes)
            if pending.isEmpty, let last = Self.lastTagEnd(bytes) {
                parse(UnsafeRawBufferPointer(rebasing: bytes[...last]))
                pending.append(contentsOf: bytes[(last + 1)...])
                return
            }
            pending.append(contentsOf: bytes)
            guard let last = pending.withUnsafeBytes(Self.lastTagEnd) ?? (pending.count >= Self.pendingLimitBytes ? pending.count - 1 : nil)
            else { return }
            pending.withUnsafeBytes { parse(UnsafeRawBufferPointer(rebasing: $0[...last])) }
            pending.removeFirst(last + 1)
        }

        /// Bytes kept back waiting for a `>`.
        private var pending: [UInt8] = []
        /// What follows the last `</html>`, which the parser does not read.
        private var afterRootEnd = AfterRootEnd()
        static let pendingLimitBytes = 1 << 20

        static func lastTagEnd(_ bytes: UnsafeRawBufferPointer) -> Int? {
            var index = bytes.count - 1
            while index >= 0 {
                if bytes[index] == UInt8(ascii: ">") { return index }
                index -= 1
            }
            return nil
        }

        private func parse(_ bytes: UnsafeRawBufferPointer) {
            guard let context, !bytes.isEmpty, !stopped else { return }
            // Look-ups begin again at the parser's position: their saved state is not
            // whole (see `feed`) and is counted from a start `dropConsumedInput` moves.
            context.pointee.checkIndex = 0
            withErrorSink {
                _ = htmlParseChunk(context, bytes.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(bytes.count), 0)
            }
            dropConsumedInput(context)
        }

        /// Set once the parser has been handed more than `HTMLPage.unparsedLimitBytes` it
        /// could not parse yet: it reads no further.
        private var stopped = false

        /// Drops what the parser has read from its input buffer, as libxml2's XML push
        /// parser does itself and its HTML one (2.9) does not: without it, the whole page
        /// stayed in memory. The read position is then offset from the new start.
        private func dropConsumedInput(_ context: htmlParserCtxtPtr) {
            guard let input = context.pointee.input, let source = input.pointee.buf, let buffer = source.pointee.buffer,
                  let current = input.pointee.cur, let content = xmlBufContent(buffer) else { return }
            let used = current - UnsafePointer(content)
            let unparsed = (input.pointee.end.map { $0 - current }) ?? 0
            if unparsed > HTMLPage.unparsedLimitBytes {
                stopped = true
                reader.page.errors.append(Phrase(
                    "第 \(input.pointee.line) 行：超过 \(HTMLPage.unparsedLimitBytes >> 20) MiB 仍未见标签、注释或文字段的结尾；页面其余部分不再读取",
                    en: "line \(input.pointee.line): more than \(HTMLPage.unparsedLimitBytes >> 20) MiB without the end of a tag, comment or text run; the rest of the page is not read"))
                return
            }
            // Keep a line behind the read position: the parser may look one character back.
            guard used > HTMLPage.chunkBytes else { return }
            let removed = xmlBufShrink(buffer, used - 80)
            guard removed > 0, let start = xmlBufContent(buffer) else { return }
            input.pointee.base = UnsafePointer(start)
            input.pointee.cur = UnsafePointer(start) + (used - Int(removed))
            input.pointee.end = UnsafePointer(xmlBufEnd(buffer))
            input.pointee.consumed += UInt(removed)
        }

        /// Ends the page and returns what was found in it.
        func finish() -> HTMLPage {
            pending.withUnsafeBytes { parse($0) }
            pending = []
            let parsed = context != nil
            if let context {
                withErrorSink { _ = htmlParseChunk(context, nil, 0, 1) }
                free(context)
            }
            context = nil
            reader.flushText()
            for document in reader.sourceDocuments {
                // The inner document's loads are the page's: it is shown inside the page.
                for reference in HTMLPage(Array(document.value.utf8)).references {
                    reader.addReference(Reference(element: reference.element, attribute: reference.attribute + " in <iframe srcdoc>",
                                                  value: reference.value, line: document.line,
                                                  loads: reference.loads))
                }
            }
            reader.sourceDocuments = []
            if let onReferences = reader.onReferences, !reader.page.references.isEmpty {
                onReferences(reader.page.references)
                reader.page.references = []
            }
            var page = reader.page
            page.errors += sink.messages
            if sink.dropped > 0 { page.errors.append(Phrase("另有 \(sink.dropped) 个错误", en: "and \(sink.dropped) more errors")) }
            if !parsed { page.errors.append(Phrase("不是 HTML 文档", en: "not an HTML document")) }
            if afterRootEnd.stray {
                page.errors.append(Phrase("'</html>' 之后还有内容；浏览器仍会显示或运行它，审查却读不到它：请把它移到 <body> 中或删除",
                                          en: "there is content after '</html>'; a browser still shows or runs it, but the audit cannot read it: move it into <body> or remove it"))
            }
            return page
        }

        deinit {
            if let context { free(context) }
        }

        private func free(_ context: htmlParserCtxtPtr) {
            // The document node SAX2 makes at the start (no element is added to it).
            if let document = context.pointee.myDoc { xmlFreeDoc(document) }
            htmlFreeParserCtxt(context)
        }

        /// Runs `body` with this page's error sink as the thread's libxml2 error handler.
        private func withErrorSink(_ body: () -> Void) {
            xmlSetStructuredErrorFunc(Unmanaged.passUnretained(sink).toOpaque()) { userData, error in
                guard let userData, let error else { return }
                // libxml2's HTML parser knows HTML 4 only: <main>, <nav>, <time>... are "unknown
                // tags" to it, not errors of the page.
                guard error.pointee.code != Int32(XML_HTML_UNKNOWN_TAG.rawValue),
                      error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
                let sink = Unmanaged<ErrorSink>.fromOpaque(userData).takeUnretainedValue()
                guard sink.messages.count < ErrorSink.limit else {
                    sink.dropped += 1
                    return
                }
                let message = error.pointee.message.map { String(cString: $0) } ?? "error \(error.pointee.code)"
                // The parser's own words are English: kept as written, after a line in Chinese.
                let text = message.trimmingCharacters(in: .whitespacesAndNewlines)
                sink.messages.append(Phrase("第 \(error.pointee.line) 行：\(text)", en: "line \(error.pointee.line): \(text)"))
            }
            defer { xmlSetStructuredErrorFunc(nil, nil) }
            body()
        }
    }

    /// What the build writes between the parts of a title it composes (`办事指南 - 2021年 -
    /// 站名`, `明湖区财政局 - 政府信息公开目录`): in a page's `<title>` and its `<meta>` tags,
    /// which can hold no markup, the audit reads the parts as separate texts.
    static let titleSeparator = Array(" - ".utf8)

    /// `text` cut at every `titleSeparator`.
    static func titleParts(_ text: [UInt8]) -> [ArraySlice<UInt8>] {
        var parts: [ArraySlice<UInt8>] = []
        var start = 0, index = 0
        let separator = titleSeparator
        while index + separator.count <= text.count {
            if text[index] == separator[0], text[index + 1] == separator[1], text[index + 2] == separator[2] {
                parts.append(text[start..<index])
                index += separator.count
                start = index
            } else {
                index += 1
            }
        }
        parts.append(text[start...])
        return parts
    }

    /// The attribute that marks an element whose text the build generated on its own (a
    /// count, a facet's value, a year beside a label): its text is read as a separate
    /// text, as a CSV cell is, so that a public value beside a generated count ('明湖区财政局
    /// （2条）') is not one run a non-public record's signature ('明湖区财政局 2024年…')
    /// can share. The text inside is still searched whole, and so is the text around it.
    static let separateTextAttribute = "data-separate-text"
    private static let separateTextAttributeBytes = Array(separateTextAttribute.utf8)

    /// True when `attributes` (libxml2's name, value, name, value, ..., nil) hold
    /// `separateTextAttribute`, in any case.
    fileprivate static func holdsSeparateText(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> Bool {
        guard var pair = attributes else { return false }
        let wanted = separateTextAttributeBytes
        while let name = pair.pointee {
            var index = 0
            while index < wanted.count, name[index] != 0, name[index] | 0x20 == wanted[index] | 0x20 { index += 1 }
            if index == wanted.count, name[index] == 0 { return true }
            pair += 2
        }
        return false
    }

    /// True for an element the text around it runs through (`MatchText.inlineTags`).
    fileprivate static func isInline(_ name: UnsafePointer<xmlChar>) -> Bool {
        var packed: UInt64 = 0
        var shift: UInt64 = 0
        var pointer = name
        while pointer.pointee != 0 {
            guard shift < 64 else { return false }
            packed |= UInt64(pointer.pointee | 0x20) << shift
            shift += 8
            pointer += 1
        }
        return MatchText.packedInlineTags.contains(packed)
    }

    fileprivate static func reader(_ context: UnsafeMutableRawPointer?) -> Reader? {
        guard let context, let data = context.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private else { return nil }
        return Unmanaged<Reader>.fromOpaque(data).takeUnretainedValue()
    }

    /// The targets of `url(...)` (and `@import`, `image-set(...)`) in CSS text.
    public static func cssURLs(_ css: String) -> [String] {
        CSSReferences.urls(in: css).map(\.value)
    }

    /// Attributes whose URL the browser fetches by itself, on whatever element they stand.
    static let loadingAttributes: Set<String> = [
        "src", "poster", "background", "formaction", "lowsrc", "dynsrc", "manifest", "icon", "codebase",
    ]
    /// Attributes holding a URL on these elements only.
    static let elementAttributes: [String: [String]] = [
        "form": ["action"], "object": ["data", "archive"], "applet": ["code", "archive"],
    ]
    /// `<param name=…>` names whose value a plug-in fetches.
    static let parameterURLNames: Set<String> = ["movie", "src", "url", "data", "filename", "code", "codebase"]
    /// `<meta name=…>` whose content a browser fetches.
    static let metaURLNames: Set<String> = [
        "msapplication-config", "msapplication-tileimage", "msapplication-square70x70logo",
        "msapplication-square150x150logo", "msapplication-wide310x150logo", "msapplication-square310x310logo",
    ]
    /// SVG presentation attributes whose value may be a CSS `url(…)` (`fill="url(x.svg#g)"`).
    static let presentationAttributes: Set<String> = [
        "fill", "stroke", "filter", "mask", "clip-path", "marker-start", "marker-mid", "marker-end", "cursor",
    ]
    /// SVG animation elements, which can set a URL attribute (`<set attributeName=href to=…>`).
    static let animationElements: Set<String> = ["animate", "set", "animatemotion", "animatetransform", "animatecolor"]
}

fileprivate extension HTMLPage.Reader {
    func startElement(_ name: String, _ list: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, line: Int) {
        var attributes: [(name: String, value: String)] = []
        if var pair = list {
            while let attributeName = pair.pointee {
                let value = (pair + 1).pointee.map { String(cString: $0) } ?? ""
                attributes.append((String(cString: attributeName).lowercased(), value))
                pair += 2
            }
        }
        func attribute(_ wanted: String) -> String? { attributes.first { $0.name == wanted }?.value }
        if name == "title", page.title == nil { titleText = [] }
        if name == "h1" { page.headingOneCount += 1 }
        if name == "script", attribute("src") == nil { page.inlineScripts += 1 }
        if name == "style" {
            styleText = []
            styleLine = line
        }
        // Most elements of a page (p, li, tr, td, h2) have no attributes: the rest reads them only.
        guard !attributes.isEmpty else { return }
        if name == "html", page.language == nil, let lang = attribute("lang") { page.language = lang }
        for attribute in attributes where attribute.name.hasPrefix("on") { page.eventHandlers.append("\(name)@\(attribute.name)") }
        if let id = attribute("id") { addAnchor(id) }
        if name == "a", let anchorName = attribute("name") { addAnchor(anchorName) }
        func add(_ attributeName: String, _ value: String, loads: Bool? = nil) {
            addReference(HTMLPage.Reference(element: name, attribute: attributeName, value: value, line: line, loads: loads))
        }
        let elementAttributes = HTMLPage.elementAttributes[name] ?? []
        for (attributeName, value) in attributes {
            switch attributeName {
            case "href", "xlink:href":
                add(attributeName, value)
            case "xml:base":
                // Like <base href>: every relative URL inside resolves against it.
                add(attributeName, value, loads: true)
            case "srcset", "imagesrcset":
                for url in ReferenceURL.sourceSet(value) { add(attributeName, url) }
            case "ping":
                for url in ReferenceURL.spaceSeparated(value) { add(attributeName, url, loads: true) }
            case "srcdoc":
                sourceDocuments.append((value, line))
            case "style":
                for found in CSSReferences.urls(in: value) { add("style url()", found.value, loads: true) }
            case _ where HTMLPage.presentationAttributes.contains(attributeName):
                for found in CSSReferences.urls(in: value) { add(attributeName + " url()", found.value, loads: true) }
            case _ where HTMLPage.loadingAttributes.contains(attributeName):
                add(attributeName, value, loads: true)
            case _ where elementAttributes.contains(attributeName):
                if attributeName == "archive" {
                    for url in value.split(whereSeparator: { $0 == "," || $0 == " " }) { add(attributeName, String(url), loads: true) }
                } else {
                    add(attributeName, value, loads: true)
                }
            default:
                continue
            }
        }
        switch name {
        case "meta":
            if attribute("http-equiv")?.trimmed.lowercased() == "refresh", let content = attribute("content"),
               let target = ReferenceURL.refreshTarget(content) {
                add("http-equiv=refresh", target, loads: true)
            }
            if let metaName = attribute("name")?.trimmed.lowercased(), HTMLPage.metaURLNames.contains(metaName),
               let content = attribute("content") {
                add("content", content, loads: true)
            }
        case "param":
            if let parameter = attribute("name")?.trimmed.lowercased(), HTMLPage.parameterURLNames.contains(parameter),
               let value = attribute("value") {
                add("value", value, loads: true)
            }
        case _ where HTMLPage.animationElements.contains(name):
            let target = attribute("attributename")?.trimmed.lowercased() ?? ""
            if target == "href" || target == "xlink:href" || target == "src" {
                for key in ["to", "from", "by"] { if let value = attribute(key) { add(key, value, loads: true) } }
                for value in attribute("values")?.split(separator: ";") ?? [] { add("values", String(value), loads: true) }
            }
        case "script" where attribute("type")?.trimmed.lowercased() == "speculationrules":
            speculationText = []
            speculationLine = line
        default:
            break
        }
    }

    /// The URLs of another site in a `<script type=speculationrules>`: the browser prefetches
    /// or prerenders them by itself. Its JSON's strings that leave the site are read as
    /// URLs (the rest are selectors, keywords and the site's own paths).
    func speculationRules(_ text: [UInt8]) {
        var index = 0
        while index < text.count {
            guard text[index] == UInt8(ascii: "\"") else {
                index += 1
                continue
            }
            var value: [UInt8] = []
            index += 1
            while index < text.count, text[index] != UInt8(ascii: "\"") {
                if text[index] == UInt8(ascii: "\\"), index + 1 < text.count { index += 1 }
                value.append(text[index])
                index += 1
            }
            index += 1
            let url = ReferenceURL.cleaned(String(decoding: value, as: UTF8.self))
            if url.hasPrefix("//") || LinkResolver.scheme(of: url) != nil {
                addReference(HTMLPage.Reference(element: "script", attribute: "type=speculationrules", value: url,
                                                line: speculationLine, loads: true))
            }
        }
    }

    /// Adds a fragment target; past `HTMLPage.anchorLimit` of them the page is reported
    /// instead (they are held for the whole audit, and a page of any size may hold any number).
    func addAnchor(_ anchor: String) {
        guard page.anchors.count < HTMLPage.anchorLimit else {
            if !anchorsOverflowed {
                anchorsOverflowed = true
                page.errors.append(Phrase("id 超过 \(HTMLPage.anchorLimit) 个；其余的不再读取，指向它们的链接会报告为失效链接",
                                          en: "more than \(HTMLPage.anchorLimit) ids; the rest are not read, and links to them are reported as broken"))
            }
            return
        }
        page.anchors.insert(anchor)
    }

    /// `<?xml-stylesheet href=…?>` loads a style sheet (an XSLT one runs over the page).
    func processingInstruction(_ target: String, _ data: String, line: Int) {
        guard target.lowercased() == "xml-stylesheet", let href = ReferenceURL.pseudoAttribute("href", in: data) else { return }
        addReference(HTMLPage.Reference(element: "?xml-stylesheet", attribute: "href", value: href, line: line, loads: true))
    }

    /// Adds to the `<style>` text being read; one over the limit is reported and dropped.
    func appendStyle(_ chunk: UnsafeBufferPointer<UInt8>) {
        guard styleText!.count + chunk.count <= HTMLPage.styleLimitBytes else {
            page.errors.append(Phrase("第 \(styleLine) 行：超过 \(HTMLPage.styleLimitBytes >> 20) MiB 的 <style> 元素不会被读取以检查其加载的内容；请把样式移到较小的文件中",
                                      en: "line \(styleLine): a <style> element over \(HTMLPage.styleLimitBytes >> 20) MiB is not read for what it loads; move the styles into a smaller file"))
            styleText = nil
            return
        }
        styleText!.append(contentsOf: chunk)
    }

    func endElement(_ name: String) {
        if name == "title", let text = titleText {
            page.title = String(decoding: text, as: UTF8.self)
            titleText = nil
        }
        if name == "script", let text = speculationText {
            speculationRules(text)
            speculationText = nil
        }
        if name == "style", let text = styleText {
            for found in CSSReferences.urls(in: text) {
                addReference(HTMLPage.Reference(element: "style", attribute: "url()", value: found.value,
                                                line: styleLine + found.line - 1, loads: true))
            }
            styleText = nil
        }
    }
}
