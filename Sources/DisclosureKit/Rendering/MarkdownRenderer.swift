import CCmarkGFM
import Foundation

/// What to do with one link or image target of a body.
public enum LinkDecision: Sendable, Equatable {
    /// Leave the target as written.
    case keep
    /// Write this target instead (a record's `.md` link rewritten to its page).
    case replace(String)
    /// Remove the target (an unsafe scheme), with a warning.
    case neutralise(Phrase)
    /// The target is an error (`link.target`).
    case broken(Phrase)
}

/// A link problem in a body, with its place in the Markdown.
public struct LinkFinding: Sendable, Equatable {
    /// 1-based line within the body.
    public var line: Int
    /// 1-based column in characters (Unicode scalars), as every diagnostic counts it;
    /// cmark gives bytes, converted by `SourceColumn`.
    public var column: Int
    public var isError: Bool
    public var message: Phrase
}

/// CommonMark + GFM (tables, strikethrough, autolinks, tagfilter, footnotes) through
/// cmark-gfm. Raw HTML is replaced by a comment unless `allowRawHTML`.
public struct MarkdownRenderer: Sendable {
    public var allowRawHTML: Bool

    public init(allowRawHTML: Bool = false) {
        self.allowRawHTML = allowRawHTML
    }

    /// cmark-gfm's inline parser edits a process-wide table of special characters while it
    /// parses, so two parses at once corrupt each other's output (lost strikethrough,
    /// missed autolinks) even with one parser per thread. That happens in
    /// `cmark_parser_finish` (the inlines are parsed there), which is serialised; making
    /// the parser, the block parsing as it is fed, walking the tree and rendering HTML run
    /// in parallel (a test renders in parallel and compares with one thread's output).
    private static let parseLock = NSLock()
    private static let registration: Void = { cmark_gfm_core_extensions_ensure_registered() }()

    private var options: Int32 {
        // Table alignment as `style`, not HTML 4's obsolete `align` attribute.
        var options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
        if allowRawHTML { options |= CMARK_OPT_UNSAFE }
        return options
    }

    /// Renders `markdown`; `decide(target, isImage)` is asked about every link and image.
    public func render(_ markdown: String, decide: (String, Bool) -> LinkDecision) -> (html: String, findings: [LinkFinding]) {
        walk(markdown, producingHTML: true, decide: decide)
    }

    /// The findings `render` reports for `markdown`, without rendering its HTML (`check`).
    public func linkFindings(_ markdown: String, decide: (String, Bool) -> LinkDecision) -> [LinkFinding] {
        walk(markdown, producingHTML: false, decide: decide).findings
    }

    private func walk(_ markdown: String, producingHTML: Bool, decide: (String, Bool) -> LinkDecision) -> (html: String, findings: [LinkFinding]) {
        _ = Self.registration
        let options = self.options
        guard let parser = cmark_parser_new(options) else { return ("", []) }
        for name in ["table", "strikethrough", "autolink", "tagfilter"] {
            if let extensionHandle = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionHandle)
            }
        }
        var text = markdown
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        Self.parseLock.lock()
        let document = cmark_parser_finish(parser)
        Self.parseLock.unlock()
        defer {
            if let document { cmark_node_free(document) }
            cmark_parser_free(parser)
        }
        guard let document else { return ("", []) }

        var findings: [LinkFinding] = []
        // Made at the first finding, for all of them.
        var places: LinkPlaces?
        func place(of node: OpaquePointer, target: String, inside: Bool = false) -> (line: Int, column: Int) {
            if places == nil { places = LinkPlaces(SourceColumns(markdown)) }
            return places!.place(of: node, target: target, inside: inside)
        }
        let iterator = cmark_iter_new(document)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if allowRawHTML, type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE {
                findings += decideRawHTML(node, decide: decide) { place(of: node, target: $0, inside: true) }
                continue
            }
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { continue }
            let target = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            switch decide(target, type == CMARK_NODE_IMAGE) {
            case .keep:
                break
            case .replace(let replacement):
                cmark_node_set_url(node, replacement)
            case .neutralise(let message):
                cmark_node_set_url(node, "")
                let (line, column) = place(of: node, target: target)
                findings.append(LinkFinding(line: line, column: column, isError: false, message: message))
            case .broken(let message):
                let (line, column) = place(of: node, target: target)
                findings.append(LinkFinding(line: line, column: column, isError: true, message: message))
            }
        }
        cmark_iter_free(iterator)

        guard producingHTML else { return ("", findings) }
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return ("", findings)
        }
        defer { free(rendered) }
        return (Self.accessible(String(cString: rendered)), findings)
    }

    /// The `href` and `src` targets of a raw HTML node (`RawHTMLLinks`) decided as a
    /// Markdown link's are, the node's text rewritten when one is replaced or removed.
    private func decideRawHTML(_ node: OpaquePointer, decide: (String, Bool) -> LinkDecision,
                               place: (String) -> (line: Int, column: Int)) -> [LinkFinding] {
        guard let literal = cmark_node_get_literal(node) else { return [] }
        let bytes = Array(String(cString: literal).utf8)
        var findings: [LinkFinding] = []
        var replacements: [(range: Range<Int>, value: String)] = []
        for target in RawHTMLLinks.targets(in: bytes) {
            switch decide(target.value, target.isEmbedded) {
            case .keep:
                break
            case .replace(let replacement):
                replacements.append((target.range, replacement))
            case .neutralise(let message):
                replacements.append((target.range, ""))
                let (line, column) = place(target.value)
                findings.append(LinkFinding(line: line, column: column, isError: false, message: message))
            case .broken(let message):
                let (line, column) = place(target.value)
                findings.append(LinkFinding(line: line, column: column, isError: true, message: message))
            }
        }
        if !replacements.isEmpty { cmark_node_set_literal(node, RawHTMLLinks.replacing(bytes, replacements)) }
        return findings
    }

    /// cmark-gfm's HTML as the pages' accessibility wants it: a table's header cells
    /// name what they head (`scope="col"`: a GFM table's header is its first row), and a
    /// footnote's way back is labelled in the page's language, not in English.
    static func accessible(_ html: String) -> String {
        html.replacingBytes("<th>", with: "<th scope=\"col\">")
            .replacingBytes("<th style=\"", with: "<th scope=\"col\" style=\"")
            .replacingBytes("aria-label=\"Back to content\"", with: "aria-label=\"返回正文\"")
    }
}
