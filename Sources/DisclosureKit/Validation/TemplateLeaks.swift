/// A template (`.mustache`) of the site's own `templates/` folder that holds a run of a
/// non-public record's text: `audit.leak` at the line of that file, beside the audit's
/// findings on the pages it made, so that the author sees where the run comes from rather
/// than only an output page (`site/404.html`). Templates legitimise no text (`LeakIndex`).
/// An asset is not searched here: it is copied as it is, and the audit's finding at
/// `site/assets/x` names it already.
enum TemplateLeaks {
    /// Asked only when the audit has found a leak, with the index it searched with.
    static func diagnostics(_ templates: TemplateSet, index: LeakIndex) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (path, display) in templates.siteFiles.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".mustache") {
            guard let text = templates.sources[path] else { continue }
            var source = Array(text.utf8)
            let (bytes, newlines) = source.withUnsafeMutableBufferPointer { MatchText.bytesAndLines(UnsafeBufferPointer($0)) }
            for leak in index.leaks(in: bytes).sorted(by: { $0.offset < $1.offset }) {
                let described = leak.described(in: bytes)
                found.append(Rule.auditLeak.diagnostic(display, SourceLocation(line: MatchText.line(of: leak.offset, newlines: newlines), column: 1),
                    Phrase("此模板的文字会写入页面，其中含有\(described.zh)；否则请修改二者之一",
                           en: "this template's text is written into pages and holds \(described.en); otherwise change one of them")))
            }
        }
        return found
    }
}
