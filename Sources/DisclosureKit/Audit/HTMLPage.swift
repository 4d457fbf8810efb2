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
    /// The document's text nodes with entities decoded, each on its own: text is never
    /// joined across elements, so a table cell and the heading after it are not one run.
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

    /// Parses `bytes` as HTML. With `onText`, each text node is handed over as it is met
    /// and `texts` stays empty: a catalog page of 100,000 rows has a million of them.
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
        guard let context = htmlNewParserCtxt() else { errors.append("cannot create an HTML parser"); return }
        defer { htmlFreeParserCtxt(context) }
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                htmlCtxtReadMemory(context, $0.baseAddress, Int32($0.count), "page.html", "UTF-8", options)
            }
        }
        errors = sink.messages
        guard let document else { errors.append("not an HTML document"); return }
        defer { xmlFreeDoc(document) }
        if let root = xmlDocGetRootElement(document) { walk(root, onText: onText) }
    }

    private mutating func walk(_ start: xmlNodePtr, onText: ((String) -> Void)?) {
        var stack: [xmlNodePtr] = [start]
        while let node = stack.popLast() {
            if node.pointee.type == XML_TEXT_NODE, let content = node.pointee.content {
                if let onText { onText(String(cString: content)) } else { texts.append(String(cString: content)) }
            }
            if node.pointee.type == XML_ELEMENT_NODE {
                let name = String(cString: node.pointee.name).lowercased()
                if name == "html", let lang = attribute(node, "lang") { language = lang }
                if name == "title", title == nil, let text = xmlNodeGetContent(node) {
                    title = String(cString: text)
                    disclose_xml_free(text)
                }
                if name == "h1" { headingOneCount += 1 }
                if name == "script", attribute(node, "src") == nil { inlineScripts += 1 }
                var property = node.pointee.properties
                while let current = property {
                    let attributeName = String(cString: current.pointee.name).lowercased()
                    if attributeName.hasPrefix("on") { eventHandlers.append("\(name)@\(attributeName)") }
                    property = current.pointee.next
                }
                if let id = attribute(node, "id") { anchors.insert(id) }
                if name == "a", let anchorName = attribute(node, "name") { anchors.insert(anchorName) }
                for attributeName in Self.urlAttributes[name] ?? [] {
                    if let value = attribute(node, attributeName) {
                        references.append(Reference(element: name, attribute: attributeName, value: value,
                                                    line: Int(xmlGetLineNo(node))))
                    }
                }
                if name == "style", let text = xmlNodeGetContent(node) {
                    for url in Self.cssURLs(String(cString: text)) {
                        references.append(Reference(element: "style", attribute: "url()", value: url, line: Int(xmlGetLineNo(node))))
                    }
                    disclose_xml_free(text)
                }
                if let style = attribute(node, "style") {
                    for url in Self.cssURLs(style) {
                        references.append(Reference(element: name, attribute: "style url()", value: url, line: Int(xmlGetLineNo(node))))
                    }
                }
            }
            var child = node.pointee.last
            while let current = child {
                stack.append(current)
                child = current.pointee.prev
            }
        }
    }

    private func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { disclose_xml_free(value) }
        return String(cString: value)
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
