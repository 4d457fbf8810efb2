import Foundation
import Testing

/// A fixed page follows the page conventions records follow: its date in the site's
/// `date_style`, article head tags when it has a date, and names never run together.
@Suite struct FixedPageConventionsTests {
    static let guide = "pages/guide.html"

    @Test func theUpdateDateFollowsTheDateStyle() throws {
        let (_, result, site) = try PageConventionsTests().built("date_style: chinese\n")
        #expect(result.status == 0, "\(result.stderr)")
        let html = site.text(Self.guide)
        #expect(html.contains("更新日期：<time datetime=\"2024-03-01\">2024年3月1日</time>"), "\(html)")
        #expect(!html.contains(">2024-03-01<"))
    }

    @Test func aPageWithADateIsTaggedAsAnArticle() throws {
        let sample = try SampleSite(adding: ["content/pages/undated.md": "---\ntitle: 明湖区政务公开工作机构\n---\n\n正文。\n"])
        let result = try sample.build()
        #expect(result.status == 0, "\(result.stderr)")
        let site = try sample.output()
        let guide = PageConventionsTests.metaTags(site.text(Self.guide))
        #expect(guide["ArticleTitle"] == "明湖区人民政府信息公开指南")
        #expect(guide["PubDate"] == "2024-03-01 00:00")
        #expect(guide["ContentSource"] == "明湖区人民政府办公室")
        #expect(guide["Url"] == "https://www.minghu.example.gov.cn/xxgk/" + Self.guide)
        #expect(guide["ColumnDescription"] == nil)
        let undated = PageConventionsTests.metaTags(site.text("pages/undated.html"))
        #expect(undated["ArticleTitle"] == nil && undated["PubDate"] == nil)
        #expect(undated["ColumnName"] == "明湖区政务公开工作机构")
        #expect(undated["ColumnDescription"] == "明湖区政务公开工作机构栏目")
    }

    @Test func aColumnNamedAfterTheSiteIsNotRunTogetherWithIt() throws {
        let sample = try SampleSite(adding: ["content/pages/annual.md": "---\ntitle: 明湖区人民政府信息公开工作年度安排\n---\n\n正文。\n"])
        let result = try sample.build()
        #expect(result.status == 0, "\(result.stderr)")
        let site = try sample.output()
        let tags = PageConventionsTests.metaTags(site.text("pages/annual.html"))
        #expect(tags["ColumnDescription"] == "明湖区人民政府信息公开工作年度安排栏目")
        let list = PageConventionsTests.metaTags(site.text("policies/index.html"))
        #expect(list["ColumnDescription"] == "政策文件栏目")
    }
}
