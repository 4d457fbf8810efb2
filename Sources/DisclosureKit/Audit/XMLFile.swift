import CLibXML2
import Foundation

/// An XML file of the site (sitemap, feed, SVG image, XSLT style sheet) read with libxml2's
/// SAX push parser, a piece at a time and never as a tree: whether it is well-formed, and
/// what a browser showing it would fetch (`<?xml-stylesheet href>`; in SVG and XSLT, whose
/// elements are shown, `href`, `xlink:href`, `src` and CSS `url()`s).
final class XMLFile {
    private(set) var problem: Phrase?
    private(set) var references: [HTMLPage.Reference] = []
    private let isImage: Bool
    private var context: xmlParserCtxtPtr?
    private var handler = xmlSAXHandler()
    private var styleText: [UInt8]?
    private var styleLine = 0
    private var fed = false

    /// `isImage` for an SVG or XSLT file, whose elements load what they name.
    init(isImage: Bool) {
        self.isImage = isImage
        handler.initialized = XML_SAX2_MAGIC
        handler.processingInstruction = { context, target, data in
            guard let target, let file = XMLFile.file(context) else { return }
            guard String(cString: target).lowercased() == "xml-stylesheet",
                  let href = ReferenceURL.pseudoAttribute("href", in: data.map { String(cString: $0) } ?? "") else { return }
            file.add(element: "?xml-stylesheet", attribute: "href", value: href, context: context)
        }
        if isImage {
            handler.startElementNs = { context, localName, prefix, _, _, _, count, _, attributes in
                guard let localName, let file = XMLFile.file(context) else { return }
                file.startElement(String(cString: localName), count: Int(count), attributes, context: context)
            }
            handler.endElementNs = { context, localName, _, _ in
                guard let localName, let file = XMLFile.file(context) else { return }
                file.endElement(String(cString: localName))
            }
            let characters: charactersSAXFunc = { context, text, length in
                guard let text, length > 0, let file = XMLFile.file(context), file.styleText != nil else { return }
                guard file.styleText!.count + Int(length) <= HTMLPage.styleLimitBytes else {
                    file.problem = file.problem ?? Phrase("超过 \(HTMLPage.styleLimitBytes >> 20) MiB 的 <style> 元素不会被读取以检查其加载的内容",
                                                          en: "a <style> element over \(HTMLPage.styleLimitBytes >> 20) MiB is not read for what it loads")
                    file.styleText = nil
                    return
                }
                file.styleText!.append(contentsOf: UnsafeBufferPointer(start: text, count: Int(length)))
            }
            handler.characters = characters
            handler.cdataBlock = characters
        }
    }

    deinit {
        if let context {
            if let document = context.pointee.myDoc { xmlFreeDoc(document) }
            xmlFreeParserCtxt(context)
        }
    }

    /// Parses the next piece of the file.
    func feed(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        let characters = bytes.baseAddress!.assumingMemoryBound(to: CChar.self)
        if context == nil, !fed {
            fed = true
            // The first bytes go in with the context: libxml2 reads the encoding from them.
            let first = min(bytes.count, 4)
            context = xmlCreatePushParserCtxt(&handler, nil, characters, Int32(first), "file.xml")
            guard let context else {
                problem = Self.rejected
                return
            }
            context.pointee._private = Unmanaged.passUnretained(self).toOpaque()
            // No network, no entity expansion, no external DTD: only whether it is well-formed.
            _ = xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
            if bytes.count > first { parse(UnsafeRawBufferPointer(rebasing: bytes[first...]), terminate: false) }
            return
        }
        parse(bytes, terminate: false)
    }

    /// Ends the file: nil when it is well-formed, else why not.
    func finish() -> Phrase? {
        guard context != nil else { return problem ?? Phrase("文件为空；XML 需要一个根元素", en: "the file is empty; XML needs a root element") }
        parse(UnsafeRawBufferPointer(start: nil, count: 0), terminate: true)
        if problem == nil, let context, context.pointee.wellFormed == 0 { problem = Self.message(context) }
        return problem
    }

    private func parse(_ bytes: UnsafeRawBufferPointer, terminate: Bool) {
        guard let context else { return }
        xmlSetStructuredErrorFunc(nil) { _, _ in }  // quiet: the error is read from the context
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        _ = xmlParseChunk(context, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), terminate ? 1 : 0)
        // Once libxml2 has given up, the rest need not be read.
        if problem == nil, context.pointee.wellFormed == 0, context.pointee.disableSAX != 0 { problem = Self.message(context) }
    }

    private static let rejected = Phrase("XML 解析器拒绝了它", en: "the XML parser rejects it")

    /// The parser's own words are English: kept as written, after a line in Chinese.
    private static func message(_ context: xmlParserCtxtPtr) -> Phrase {
        let error = context.pointee.lastError
        let text = error.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        return text.isEmpty ? rejected : Phrase("第 \(error.line) 行：\(text)", en: "line \(error.line): \(text)")
    }

    private static func file(_ context: UnsafeMutableRawPointer?) -> XMLFile? {
        guard let context, let data = context.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private else { return nil }
        return Unmanaged<XMLFile>.fromOpaque(data).takeUnretainedValue()
    }

    private func add(element: String, attribute: String, value: String, context: UnsafeMutableRawPointer?) {
        let line = Int(xmlSAX2GetLineNumber(context))
        references.append(HTMLPage.Reference(element: element, attribute: attribute, value: value, line: line,
                                             loads: element != "a"))
    }

    /// SVG's URL attributes: `href` (with or without the xlink prefix) and `src`, and any
    /// `style` attribute's CSS.
    private func startElement(_ name: String, count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                              context: UnsafeMutableRawPointer?) {
        let lowered = name.lowercased()
        if lowered == "style" {
            styleText = []
            styleLine = Int(xmlSAX2GetLineNumber(context))
        }
        guard let attributes, count > 0 else { return }
        var animated: String?
        var animationValues: [(String, String)] = []
        // Five pointers per attribute: local name, prefix, URI, value start, value end.
        for index in 0..<count {
            let base = attributes + index * 5
            guard let localName = base.pointee, let start = base[3], let end = base[4] else { continue }
            let attributeName = String(cString: localName).lowercased()
            let value = String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
            switch attributeName {
            case "href", "src":
                add(element: lowered, attribute: base[1] == nil ? attributeName : "xlink:" + attributeName, value: value, context: context)
            case "base" where base[1] != nil:
                // xml:base: every relative URL inside resolves against it.
                references.append(HTMLPage.Reference(element: lowered, attribute: "xml:base", value: value,
                                                     line: Int(xmlSAX2GetLineNumber(context)), loads: true))
            case "style":
                for found in CSSReferences.urls(in: value) { add(element: lowered, attribute: "style url()", value: found.value, context: context) }
            case _ where HTMLPage.presentationAttributes.contains(attributeName):
                for found in CSSReferences.urls(in: value) {
                    add(element: lowered, attribute: attributeName + " url()", value: found.value, context: context)
                }
            case "attributename":
                animated = value.trimmed.lowercased()
            case "to", "from", "by", "values":
                animationValues.append((attributeName, value))
            default:
                continue
            }
        }
        if let animated, animated == "href" || animated == "xlink:href" || animated == "src" {
            for (key, value) in animationValues {
                for part in value.split(separator: ";") { add(element: lowered, attribute: key, value: String(part), context: context) }
            }
        }
    }

    private func endElement(_ name: String) {
        guard name.lowercased() == "style", let text = styleText else { return }
        for found in CSSReferences.urls(in: text) {
            references.append(HTMLPage.Reference(element: "style", attribute: "url()", value: found.value,
                                                 line: styleLine + found.line - 1, loads: true))
        }
        styleText = nil
    }
}
