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
    public var errors: [String] = []

    static let urlAttributes: [String: [String]] = [
        "a": ["href"], "link": ["href"], "script": ["src"], "img": ["src", "srcset"], "iframe": ["src"],
        "source": ["src", "srcset"], "video": ["src", "poster"], "audio": ["src"], "embed": ["src"],
        "object": ["data"], "form": ["action"], "area": ["href"], "track": ["src"], "input": ["src"],
        "image": ["href"], "use": ["href"], "base": ["href"],
    ]

    /// Collects parser errors (libxml2 keeps its error handler per thread).
    private final class ErrorSink {
        var messages: [String] = []
    }

    /// What the SAX callbacks build while the parser reads: the page, the text node being
    /// read, and the elements whose text is wanted (`title`, `style`).
    fileprivate final class Reader {
        var page = HTMLPage()
        var onText: ((String) -> Void)?
        var text: [UInt8] = []
        var titleText: [UInt8]?
        var styleText: [UInt8]?
        var styleLine = 0

        /// Ends the text node being read: adjacent character runs are one node.
        func flushText() {
            guard !text.isEmpty else { return }
            let node = String(decoding: text, as: UTF8.self)
            text.removeAll(keepingCapacity: true)
            if let onText { onText(node) } else { page.texts.append(node) }
        }
    }

    private init() {}

    /// Parses `bytes` as HTML, with libxml2's SAX interface: the page is read as a stream
    /// and never built as a tree (the catalog of 100,000 records would be 300 MB of
    /// nodes). With `onText`, each text node is handed over as it is met and `texts` stays
    /// empty.
    public init(_ bytes: [UInt8], onText: ((String) -> Void)? = nil) {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOWARNING.rawValue)
        let sink = ErrorSink()
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(sink).toOpaque()) { userData, error in
            guard let userData, let error else { return }
            // libxml2's HTML parser knows HTML 4 only: <main>, <nav>, <time>... are "unknown
            // tags" to it, not errors of the page.
            guard error.pointee.code != Int32(XML_HTML_UNKNOWN_TAG.rawValue),
                  error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let message = error.pointee.message.map { String(cString: $0) } ?? "error \(error.pointee.code)"
            Unmanaged<ErrorSink>.fromOpaque(userData).takeUnretainedValue().messages.append(
                "line \(error.pointee.line): " + message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let reader = Reader()
        reader.onText = onText
        // An empty buffer gives no parser at all; one space is an empty document.
        let input = bytes.isEmpty ? [0x20] : bytes
        let parsed: Bool = input.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters -> Bool in
                guard let context = htmlCreateMemoryParserCtxt(characters.baseAddress, Int32(characters.count)),
                      let sax = context.pointee.sax else { return false }
                defer {
                    // The document node SAX2 makes at the start (no element is added to it).
                    if let document = context.pointee.myDoc { xmlFreeDoc(document) }
                    htmlFreeParserCtxt(context)
                }
                _ = htmlCtxtUseOptions(context, options)
                // Pages are UTF-8 (as the DOM reader was told); unset, libxml2 assumes Latin-1.
                _ = xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8)
                context.pointee._private = Unmanaged.passUnretained(reader).toOpaque()
                sax.pointee.startElement = { context, name, attributes in
                    guard let name, let reader = HTMLPage.reader(context) else { return }
                    if !HTMLPage.isInline(name) { reader.flushText() }
                    let line = Int(xmlSAX2GetLineNumber(context))
                    reader.startElement(String(cString: name).lowercased(), attributes, line: line)
                }
                sax.pointee.endElement = { context, name in
                    guard let name, let reader = HTMLPage.reader(context) else { return }
                    if !HTMLPage.isInline(name) { reader.flushText() }
                    reader.endElement(String(cString: name).lowercased())
                }
                let characters: charactersSAXFunc = { context, text, length in
                    guard let text, length > 0, let reader = HTMLPage.reader(context) else { return }
                    let chunk = UnsafeBufferPointer(start: text, count: Int(length))
                    reader.text.append(contentsOf: chunk)
                    if reader.titleText != nil { reader.titleText!.append(contentsOf: chunk) }
                    if reader.styleText != nil { reader.styleText!.append(contentsOf: chunk) }
                }
                sax.pointee.characters = characters
                sax.pointee.cdataBlock = characters
                sax.pointee.ignorableWhitespace = characters
                // A comment splits no text: `机密<!-- raw HTML omitted -->文件` reads as one word.
                sax.pointee.comment = { _, _ in }
                sax.pointee.processingInstruction = nil
                _ = htmlParseDocument(context)
                return true
            }
        }
        reader.flushText()
        self = reader.page
        errors = sink.messages
        if !parsed { errors.append("not an HTML document") }
    }

    /// True for an element the text around it runs through (`MatchText.inlineTags`).
    fileprivate static func isInline(_ name: UnsafePointer<xmlChar>) -> Bool {
        var bytes: [UInt8] = []
        var pointer = name
        while pointer.pointee != 0, bytes.count <= 8 {
            bytes.append(pointer.pointee | 0x20)
            pointer += 1
        }
        return MatchText.inlineTags.contains(bytes)
    }

    fileprivate static func reader(_ context: UnsafeMutableRawPointer?) -> Reader? {
        guard let context, let data = context.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private else { return nil }
        return Unmanaged<Reader>.fromOpaque(data).takeUnretainedValue()
    }

    /// The targets of `url(...)` in CSS text.
    public static func cssURLs(_ css: String) -> [String] {
        // Most style attributes (a table cell's alignment) hold no URL: skip the regex.
        guard css.utf8.count >= 4, mayHoldURL(css), let regex = cssURLPattern else { return [] }
        let range = NSRange(css.startIndex..., in: css)
        return regex.matches(in: css, range: range).compactMap { Range($0.range(at: 2), in: css).map { String(css[$0]) } }
    }

    static let cssURLPattern = try? NSRegularExpression(
        pattern: #"url\(\s*(['"]?)([^'")]*)\1\s*\)"#, options: [.caseInsensitive])

    /// True when `css` contains `url(` in any letter case (or a backslash, which CSS
    /// escapes could use to write one).
    static func mayHoldURL(_ css: String) -> Bool {
        let bytes = Array(css.utf8)
        if bytes.contains(UInt8(ascii: "\\")) { return true }
        guard bytes.count >= 4 else { return false }
        for index in 0...(bytes.count - 4) where bytes[index + 3] == UInt8(ascii: "(") {
            if bytes[index] | 0x20 == UInt8(ascii: "u"), bytes[index + 1] | 0x20 == UInt8(ascii: "r"),
               bytes[index + 2] | 0x20 == UInt8(ascii: "l") { return true }
        }
        return false
    }
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
        if name == "html", page.language == nil, let lang = attribute("lang") { page.language = lang }
        if name == "title", page.title == nil { titleText = [] }
        if name == "h1" { page.headingOneCount += 1 }
        if name == "script", attribute("src") == nil { page.inlineScripts += 1 }
        for attribute in attributes where attribute.name.hasPrefix("on") { page.eventHandlers.append("\(name)@\(attribute.name)") }
        if let id = attribute("id") { page.anchors.insert(id) }
        if name == "a", let anchorName = attribute("name") { page.anchors.insert(anchorName) }
        for attributeName in HTMLPage.urlAttributes[name] ?? [] {
            if let value = attribute(attributeName) {
                page.references.append(HTMLPage.Reference(element: name, attribute: attributeName, value: value, line: line))
            }
        }
        if name == "style" {
            styleText = []
            styleLine = line
        }
        if let style = attribute("style") {
            for url in HTMLPage.cssURLs(style) {
                page.references.append(HTMLPage.Reference(element: name, attribute: "style url()", value: url, line: line))
            }
        }
    }

    func endElement(_ name: String) {
        if name == "title", let text = titleText {
            page.title = String(decoding: text, as: UTF8.self)
            titleText = nil
        }
        if name == "style", let text = styleText {
            for url in HTMLPage.cssURLs(String(decoding: text, as: UTF8.self)) {
                page.references.append(HTMLPage.Reference(element: "style", attribute: "url()", value: url, line: styleLine))
            }
            styleText = nil
        }
    }
}
