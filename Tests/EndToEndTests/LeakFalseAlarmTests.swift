import Foundation
import Testing

/// What the leak audit must not call a leak, and what it tells when it finds one: the
/// classes of false alarm that stopped real builds (a build stopped for nothing, with no
/// way out named).
@Suite struct LeakFalseAlarmTests {
    static let withheldIndex = "11450100MB0000009Z/2024-00099"

    func site(body: String = "内部事项。\n", files: [String: String] = [:]) throws -> SampleSite {
        var all = files
        all["content/policies/internal-99.md"] = SampleSite.onRequestPolicy(title: "内部排班安排", index: Self.withheldIndex, body: body)
        return try SampleSite(adding: all)
    }

    func leaks(_ result: Disclose.Result) throws -> [[String: Any]] {
        try Disclose.diagnostics(result).filter { $0["rule"] as? String == "audit.leak" }
    }

    /// An index number is a secret whole, not by every 19-byte window: the site's own asset
    /// naming the next index number of the same publisher and year (27 bytes in common,
    /// which no public record holds) publishes nothing of the withheld record; naming its
    /// own index number still stops the build, with the number quoted.
    @Test func anotherIndexNumberOfTheSamePublisherAndYearIsNoLeak() throws {
        let site = try site()
        try site.add("另见索引号 11450100MB0000009Z/2024-00098 与 11450100MB0000009Z/2024-000991。\n", at: "templates/assets/numbers.txt")
        let built = try site.build(["--format", "json"])
        #expect(built.status == 0, "\(built.stderr)")

        try site.add("另见索引号11450100MB0000009Z/2024-00099的说明。\n", at: "templates/assets/numbers.txt")
        let failed = try site.build(["--format", "json"])
        #expect(failed.status == 1)
        let found = try leaks(failed)
        #expect(found.count == 1, "\(found)")
        #expect((found.first?["file"] as? String)?.hasSuffix("site/assets/numbers.txt") == true, "\(found)")
        let message = found.first?["message"] as? String ?? ""
        #expect(message.contains("'11450100mb0000009z 2024 00099'") && message.contains("content/policies/internal-99.md"), "\(message)")
    }

    /// catalog.csv's cells are separate texts: '政策解读' and the publisher '明湖区政务服务中心'
    /// side by side are not a withheld '解读《明湖区政务服务中心…'.
    @Test func aRunAcrossTwoCatalogCellsIsNoLeak() throws {
        let site = try site(body: "本文件解读《明湖区政务服务中心窗口内部排班安排》，仅供内部使用。\n")
        let built = try site.build(["--format", "json"])
        #expect(built.status == 0, "\(built.stderr)")
        let catalog = try site.output().text("catalog.csv")
        #expect(catalog.contains("政策解读,明湖区政务服务中心"), "the catalog still has the two cells side by side")
    }

    /// A finding quotes the shared run as the page holds it (no tag names, no bytes around
    /// it) and names the phrase to declare, spelt as the record writes it; declaring it
    /// lets the build through.
    @Test func aFindingQuotesTheRunAndNamesThePhraseToDeclare() throws {
        let sentence = "按照《明湖区内部排班管理工作规则》执行"
        let site = try site(body: "各窗口" + sentence + "，另行通知。\n")
        try site.add("""
            {{<base}}
            {{$main}}
            <h1>页面不存在</h1>
            <h2>说明</h2><p>\(sentence)</p><h2>联系</h2>
            {{/main}}
            {{/base}}
            """, at: "templates/404.mustache")
        let failed = try site.build(["--format", "json"])
        #expect(failed.status == 1)
        // At the page, and at the template's line.
        #expect(try leaks(failed).map { $0["file"] as? String } .contains("templates/404.mustache"))
        let found = try leaks(failed).filter { ($0["file"] as? String)?.hasPrefix("templates/") != true }
        #expect(found.count == 1, "\(found)")
        let message = found.first?["message"] as? String ?? ""
        #expect(message.contains("('按照明湖区内部排班管理工作规则执行')"), "\(message)")
        #expect(message.contains("leak_boilerplate: [\"按照《明湖区内部排班管理工作规则》执行\"]"), "\(message)")

        let settings = site.root.appendingPathComponent("content/site.yaml")
        try (try String(contentsOf: settings, encoding: .utf8) + "leak_boilerplate:\n  - \"按照《明湖区内部排班管理工作规则》执行\"\n")
            .write(to: settings, atomically: true, encoding: .utf8)
        let built = try site.build(["--format", "json"])
        #expect(built.status == 0, "\(built.stderr)")
    }

    /// A shared run counts whole characters, without the white space at its ends: 某 and
    /// 查 share their first two bytes, and '管理工作规则' with a separator and those two bytes
    /// were 21 bytes in common but six characters, which any '《…管理工作规则》某局' matched.
    @Test func bytesOfTwoDifferentCharactersAreNoSharedText() throws {
        let site = try site(body: "各窗口执行安全管理工作规则（查验版），另行通知。\n")
        try site.add("见《财务管理工作规则》某局通知。\n", at: "templates/assets/rules.txt")
        let built = try site.build(["--format", "json"])
        #expect(built.status == 0, "\(built.stderr)")
    }

    /// The feed's ids (`tag:www.minghu.example.gov.cn,2000:feed`) are the build's own words:
    /// a withheld '…xw@minghu.example.gov.cn。2000年…' is not published by them.
    @Test func theFeedsOwnIdIsNoSharedText() throws {
        let site = try site(body: "联系邮箱xw@minghu.example.gov.cn。2000年起按内部规程办理。\n")
        let built = try site.build(["--format", "json"])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(try site.output().text("feed.xml").contains("www.minghu.example.gov.cn,2000:feed"))
    }

    /// A year list's heading is the section's name and a generated year, read apart: in the
    /// `<h1>` the year is a separate text, in the `<title>` a part of its own, so a withheld
    /// '…清理政策文件（2024年）的…' shares nothing with `政策文件 - 2024年 - …` (a 1,000-record
    /// corpus stopped on '办事指南（2021年' until the heading was listed as the build's words).
    @Test func aYearListsHeadingIsNoSharedText() throws {
        let site = try site(body: "本科室内部清理政策文件（2024年）的工作底稿，暂不公开。\n")
        let built = try site.build(["--format", "json"])
        #expect(built.status == 0, "\(built.stderr)")
        let page = try site.output().text("policies/year-2024.html")
        #expect(page.contains("<title>政策文件 - 2024年 - "), "the case is on the page")
        #expect(page.contains("<h1>政策文件<span data-separate-text>（2024年）</span></h1>"))
    }

    /// A run a public record holds whole is published, even when the window that found it
    /// reaches two lead bytes past it: the page title '明湖区农产品质量安全工作规则 - 明湖区…'
    /// and a withheld '《明湖区农产品质量安全工作规则》星期一…' (明 and 星 share E6 98).
    @Test func aPublicTitleMetByAWindowPastItsEndIsNoLeak() throws {
        let site = try site(body: "现印发《明湖区农产品质量安全工作规则》星期一起执行。\n",
                            files: ["content/policies/rules-7.md": SampleSite.policy(title: "明湖区农产品质量安全工作规则", index: 7)])
        let built = try site.build(["--format", "json"])
        #expect(built.status == 0, "\(built.stderr)")
    }
}
