import Foundation
import Testing

/// Section lists by the record's own year: a budget under its fiscal year, a report under
/// its report year, others under the year of 发布日期; a year archive per section
/// (`policies/year-2023.html`, `-page-2`, ...) linked from the section's pages.
@Suite struct YearArchiveTests {
    @Test func eachYearHasItsArchivePagedFiftyAPage() throws {
        var files: [String: String] = [:]
        for number in 1...120 {
            files["content/policies/y-\(number).md"] = CatalogPagesTests.policy(number, publisher: "明湖区测试局", published: "2023-03-06")
        }
        let site = try SampleSite(adding: files)
        let build = try site.build()
        #expect(build.status == 0, "\(build.stderr)")
        let output = try site.output()
        #expect(output.problems() == [])

        // The section's first page links every year the section has, with its count.
        let index = output.text("policies/index.html")
        for year in [2024, 2023, 2022] {
            #expect(index.contains("<a href=\"../policies/year-\(year).html\">\(year)年</a>"), "\(year)")
        }
        #expect(index.contains("<a href=\"../policies/year-2023.html\">2023年</a>（121条）"))
        // 120 new records and the sample's own 2023 policy: three pages of 50, 50, 21.
        let pages = ["policies/year-2023.html", "policies/year-2023-page-2.html", "policies/year-2023-page-3.html"]
        let counts = pages.map { output.text($0).components(separatedBy: "<span class=\"index-number\">").count - 1 }
        #expect(counts == [50, 50, 21])
        #expect(output.files["policies/year-2023-page-4.html"] == nil)
        for page in pages {
            let html = output.text(page)
            #expect(html.contains("<h1>政策文件<span data-separate-text>（2023年）</span></h1>"))
            #expect(!html.contains("<h2 id=\"year-2024\">"), "\(page) lists another year")
            #expect(html.contains("<span aria-current=\"page\">2023年（121条）</span>"))
        }
        #expect(output.text(pages[1]).contains("href=\"../policies/year-2023-page-3.html\" rel=\"next\""))
        #expect(output.text(pages[1]).contains("href=\"../policies/year-2023.html\" rel=\"prev\""))
        #expect(output.text("policies/year-2024.html").contains("明湖区人民政府关于印发《明湖区政府信息公开工作规定》的通知"))
        // In the section's own pages the years come in order, each heading once.
        let years = index.components(separatedBy: "<h2 id=\"year-").dropFirst().map { $0.prefix(4) }
        #expect(years == ["2025", "2024", "2023"], "\(years)")
    }

    /// A budget's year is its fiscal year, a report's its report year, whatever the
    /// publication date: the 2023 final accounts published in 2024 are under 2023, the
    /// report on 2024 published in 2025 under 2024.
    @Test func budgetsAndReportsAreListedUnderTheirOwnYear() throws {
        let site = try SampleSite()
        #expect(try site.build().status == 0)
        let output = try site.output()
        #expect(output.text("budgets/year-2023.html").contains("明湖区财政局2023年部门决算公开"))
        #expect(!output.text("budgets/year-2024.html").contains("明湖区财政局2023年部门决算公开"))
        #expect(output.text("reports/year-2024.html").contains("明湖区人民政府2024年政府信息公开工作年度报告"))
        #expect(output.files["reports/year-2025.html"] == nil)
        let budgets = output.text("budgets/index.html")
        let decided = try #require(budgets.range(of: "<h2 id=\"year-2023\">"))
        #expect(budgets[decided.upperBound...].contains("明湖区财政局2023年部门决算公开"))
    }

    @Test func yearArchiveNamesAreReservedAtASectionsTop() throws {
        let site = try SampleSite(adding: [
            "content/policies/a.md": SampleSite.policy(title: "保留年份一号", index: 1, extra: "slug: year-2024"),
            "content/policies/year-2031.md": SampleSite.policy(title: "保留年份二号", index: 2),
            "content/budgets/year-2023-page-2.md": SampleSite.policy(title: "保留年份三号", index: 3),
            "content/policies/year-2025.html/b.md": SampleSite.policy(title: "保留年份四号", index: 4),
        ])
        let (result, diagnostics) = try site.check()
        #expect(result.status == 1)
        let places = SampleSite.places(diagnostics).filter { $0.hasSuffix("slug.reserved") || $0.hasSuffix("output.clash") }
        #expect(places.sorted() == [
            "content/budgets/year-2023-page-2.md:1:1 slug.reserved",
            "content/policies/a.md:10:7 slug.reserved",
            "content/policies/year-2025.html:1:1 output.clash",
            "content/policies/year-2031.md:1:1 slug.reserved",
        ], "\(places)")
        #expect(try site.build().status == 1)
    }

    /// Names like a year but not a year archive's stay free, and in a sub-folder all do.
    @Test func otherYearLikeNamesStayFree() throws {
        let site = try SampleSite(adding: [
            "content/policies/year-24.md": SampleSite.policy(title: "两位年份", index: 1),
            "content/policies/years-2024.md": SampleSite.policy(title: "复数年份", index: 2),
            "content/policies/2024/year-2024.md": SampleSite.policy(title: "子目录年份", index: 3),
            "content/policies/x.md": SampleSite.policy(title: "年份加字", index: 4, extra: "slug: year-2024-notes"),
        ])
        let (result, diagnostics) = try site.check()
        #expect(result.status == 0, "\(diagnostics)")
        #expect(try site.build().status == 0)
        let output = try site.output()
        #expect(output.text("policies/2024/year-2024.html").contains("子目录年份"))
        #expect(output.text("policies/year-2024-notes.html").contains("年份加字"))
        #expect(output.text("policies/year-2024.html").contains("子目录年份"))
    }
}
