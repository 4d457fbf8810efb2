import Foundation
import Testing

/// With `allow_raw_html: true`, links written in a body's HTML are a body's links: `check`
/// reports a missing target at its line in the record, not the build's audit at a line of
/// the output page, and a record's `.md` is rewritten to its page as in Markdown.
@Suite struct RawHTMLLinkTests {
    static func site(body: String) throws -> SampleSite {
        let site = try SampleSite(adding: [
            "content/policies/zz-raw.md": SampleSite.policy(title: "原始网页代码链接测试", index: 71, body: body),
        ])
        let settings = site.root.appendingPathComponent("content/site.yaml")
        try (try String(contentsOf: settings, encoding: .utf8) + "allow_raw_html: true\n")
            .write(to: settings, atomically: true, encoding: .utf8)
        return site
    }

    @Test func aMissingTargetInRawHTMLIsReportedAtItsLineByCheck() throws {
        let site = try Self.site(body: "前文。\n\n<div>\n<p>详见 <a href=\"zz-missing.md\">附件说明</a>。</p>\n</div>\n")
        let (result, diagnostics) = try site.check()
        #expect(result.status == 1)
        let places = SampleSite.places(diagnostics).filter { $0.hasPrefix("content/policies/zz-raw.md") }
        // The front matter has 10 lines (--- to ---); the body's fourth line is line 14.
        #expect(places == ["content/policies/zz-raw.md:14:16 link.target"], "\(diagnostics)")
        #expect(try site.build().status == 1)
    }

    @Test func aRecordLinkInRawHTMLIsRewrittenToItsPage() throws {
        let site = try Self.site(body: "前文。\n\n<p>详见 <a href=\"mhf-2024-3.md\">相关文件</a>。</p>\n")
        let built = try site.build()
        #expect(built.status == 0, "\(built.stderr)")
        let page = try String(contentsOf: site.root.appendingPathComponent("site/policies/zz-raw.html"), encoding: .utf8)
        #expect(page.contains("<a href=\"mhf-2024-3.html\">相关文件</a>"), "\(page)")
    }
}
