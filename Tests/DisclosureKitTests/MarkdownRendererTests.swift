@testable import DisclosureKit
import Testing

/// Bodies through cmark-gfm: rendered on many threads at once they come out as they do one
/// at a time (its inline parser edits a process-wide table), and its HTML is made accessible.
struct MarkdownRendererTests {
    static func body(_ number: Int) -> String {
        """
        第 \(number) 号文件 ~~已废止~~ 的说明，见 www.example.gov.cn/\(number) 与 https://example.org/a\(number)。

        | 序号 | 事项 | 说明 |
        |---:|---|---|
        | \(number) | **审核** | ~~旧~~ *新* `代码` |

        - 联系邮箱 office\(number)@example.gov.cn
        - [链接](https://example.gov.cn/\(number)) 与 <https://example.gov.cn/auto\(number)>

        脚注[^\(number)]。

        [^\(number)]: 说明 ~~删除~~。
        """
    }

    @Test func bodiesRenderedOnManyThreadsMatchOneThreadsOutput() {
        let renderer = MarkdownRenderer()
        let count = 3_000
        let expected = (0..<20).map { renderer.render(Self.body($0)) { _, _ in .keep }.html }
        #expect(expected.allSatisfy { $0.contains("<del>") && $0.contains("href=\"http://www.example.gov.cn/") })
        let rendered = parallelMap(Array(0..<count)) { index in renderer.render(Self.body(index % 20)) { _, _ in .keep }.html }
        let wrong = (0..<count).filter { rendered[$0] != expected[$0 % 20] }.count
        #expect(wrong == 0, "\(wrong) of \(count) renders differ")
    }

    /// A bare address (GFM's autolink, which cmark gives no position) is reported at its
    /// own line and column, not at the body's start.
    @Test func aBareAddressIsReportedWhereItIs() {
        let body = "第一段。\n\n| 列 | 说明 |\n|---|---|\n| 1 | 见 https://bad.example/x 处 |\n\n- 另见 www.bad.example/y\n"
        let findings = MarkdownRenderer().linkFindings(body) { target, _ in
            target.contains("bad.example") ? .broken(Phrase("坏", en: "bad")) : .keep
        }
        #expect(findings.map { "\($0.line):\($0.column)" } == ["5:9", "7:6"], "\(findings)")
    }

    /// The same places whichever line end the body is written with (a lone CR is one to
    /// CommonMark, and cmark-gfm counts the columns after it from the paragraph's start),
    /// for an address on a paragraph's second line, one written twice in a line, and an
    /// autolink in angle brackets after a lone CR.
    @Test(arguments: ["\n", "\r\n", "\r"])
    func linksAreReportedWhereTheyAreWhateverTheLineEnds(_ end: String) {
        let body = ["第一行，", "第二行 https://bad.example/a 后", "第三行 <https://bad.example/b> 和 www.bad.example/c", "",
                    "第五行 x https://bad.example/d 再 https://bad.example/d", "[坏](bad.md)"].joined(separator: end) + end
        let findings = MarkdownRenderer().linkFindings(body) { target, _ in
            target.contains("bad") ? .broken(Phrase("坏", en: "bad")) : .keep
        }
        #expect(findings.map { "\($0.line):\($0.column)" } == ["2:5", "3:6", "3:31", "5:7", "5:31", "6:1"], "\(findings)")
    }

    @Test func headerCellsNameWhatTheyHeadAndFootnotesGoBackInChinese() {
        let html = MarkdownRenderer().render(Self.body(7)) { _, _ in .keep }.html
        #expect(html.contains("<th scope=\"col\" style=\"text-align: right\">序号</th>"), "\(html)")
        #expect(html.contains("<th scope=\"col\">事项</th>"), "\(html)")
        #expect(!html.contains("<th>") && !html.contains("Back to content"), "\(html)")
        #expect(html.contains("footnote-backref") && html.contains("aria-label=\"返回正文\""), "\(html)")
    }
    /// With raw HTML allowed, its `href` and `src` are decided as Markdown links are: a
    /// broken one reported on its own line of a block, a replaced one rewritten in the
    /// page (quoted, single-quoted and bare), a comment's left alone; without, raw HTML is
    /// not a page's, and nothing in it is asked about.
    @Test func rawHTMLTargetsAreDecidedLikeLinks() {
        let body = "前文。\n\n<div class=\"x\">\n<p>见 <a href=\"bad.html\">坏</a>，\n<a href='x.md'>甲</a>、<img src=x.md alt=乙></p>\n<!-- <a href=\"bad-in-comment.html\"> -->\n</div>\n\n段落 <a title=\"t\" HREF=\"bad2.html\">丙</a> 后。\n"
        func decide(_ target: String, _ embedded: Bool) -> LinkDecision {
            if target.hasPrefix("bad") { return .broken(Phrase("坏", en: "bad")) }
            if target == "x.md" { return .replace(embedded ? "x.png" : "x.html") }
            return .keep
        }
        let (html, findings) = MarkdownRenderer(allowRawHTML: true).render(body, decide: decide)
        #expect(findings.map { "\($0.line):\($0.column)" } == ["4:15", "9:23"], "\(findings)")
        #expect(html.contains("<a href='x.html'>甲</a>") && html.contains("<img src=x.png alt=乙>"), "\(html)")
        #expect(html.contains("bad-in-comment.html"), "\(html)")
        var asked: [String] = []
        _ = MarkdownRenderer().render(body) { target, _ in asked.append(target); return .keep }
        #expect(asked.isEmpty, "\(asked)")
    }
}
