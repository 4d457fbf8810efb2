import Foundation
import Testing

/// Each registered publisher's disclosure index, as a visitor reaches it from the home
/// page and the catalog: its guide, its reports, its records by section; and nothing of a
/// publisher whose records are all non-public.
@Suite struct PublisherPagesTests {
    static let auditOffice = "  - {name: 明湖区审计局, short_name: 区审计局, code: 11450100MB000000CM, kind: 部门}\n"

    /// The sample with its registry, plus the audit office, registered, whose only record is withheld.
    static func siteWithWithheldOnlyPublisher(adding files: [String: String] = [:]) throws -> SampleSite {
        var all = files
        all["content/policies/sjj-2024-1.md"] = """
        ---
        title: 关于明湖区审计局内部审计复核事项的函
        index_number: 11450100MB000000CM/2024-00001
        disclosure: withheld
        withheld_reason: 属于内部事务信息（《条例》第十六条第一款）
        publisher: 明湖区审计局
        created: 2024-05-06
        document_number: 明审函〔2024〕1号
        ---
        复核事项说明。

        """
        let site = try SampleSite(adding: all, keepingPublishers: true)
        let settings = site.root.appendingPathComponent("content/site.yaml")
        let yaml = try String(contentsOf: settings, encoding: .utf8)
        try yaml.replacingOccurrences(of: "publishers:\n", with: "publishers:\n" + auditOffice)
            .write(to: settings, atomically: true, encoding: .utf8)
        return site
    }

    @Test func aPublisherPageShowsItsGuideReportsAndRecordsAndIsLinkedFromHomeAndCatalog() throws {
        let site = try Self.siteWithWithheldOnlyPublisher()
        let build = try site.build()
        #expect(build.status == 0, "\(build.stderr)")
        let output = try site.output()
        #expect(output.problems() == [])

        // Home page and catalog link the finance bureau's page by its name.
        let fromHome = try #require(CatalogPagesTests.link("明湖区财政局", on: "index.html", in: output))
        #expect(fromHome == "publishers/11450100MB0000003C.html")
        // The catalog names the publisher twice: its catalog pages (by 发布机构), and its own page.
        let catalog = output.text("catalog.html")
        let pagesBlock = try #require(catalog.range(of: "<h2 id=\"publisher-pages\">各发布机构信息公开</h2>"))
        #expect(catalog[pagesBlock.upperBound...].contains("<a href=\"publishers/11450100MB0000003C.html\">明湖区财政局</a>"))
        let page = output.text(fromHome)
        #expect(page.contains("<h1 id=\"publisher-name\">明湖区财政局</h1>"))
        #expect(page.contains("<dd class=\"kind\">部门</dd>"))
        #expect(CatalogPagesTests.link("明湖区财政局政府信息公开指南", on: fromHome, in: output) == "pages/guide-czj.html")
        #expect(CatalogPagesTests.link("明湖区财政局2024年部门预算公开", on: fromHome, in: output) == "budgets/2024/mhczj-2024-ys.html")
        // Its on-request policy is in no list.
        #expect(!page.contains("mhczj-2024-zxzj"))
        // The publisher's catalog pages and its page link each other.
        let catalogPage = try #require(CatalogPagesTests.link("在政府信息公开目录中查看全部", on: fromHome, in: output))
        #expect(CatalogPagesTests.link("本机构信息公开页（指南、年度报告、分栏目信息）", on: catalogPage, in: output) == fromHome)
        #expect(output.text("sitemap.xml").contains("publishers/11450100MB0000003C.html"))

        // The site's own guide stays the home page's guide.
        #expect(CatalogPagesTests.link("明湖区人民政府信息公开指南", on: "index.html", in: output) == "pages/guide.html")

        // The district government, which published the sample's district report, lists it among its reports.
        let government = output.text("publishers/11450100MB0000001A.html")
        let reports = try #require(government.range(of: "<h2 id=\"publisher-reports\">"))
        #expect(government[reports.upperBound...].contains("reports/ndbg-2024.html"))

        // The audit office has a withheld record only: no page, no link, not its name.
        #expect(output.files["publishers/11450100MB000000CM.html"] == nil)
        for (path, data) in output.files {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("11450100MB000000CM"), "\(path)")
            #expect(!text.contains("明湖区审计局"), "\(path)")
        }
    }

    @Test func aSectionShowsItsNewestTwentyAndLinksTheRest() throws {
        var files: [String: String] = [:]
        for number in 1...25 {
            files["content/notices/czj-\(number).md"] = """
            ---
            title: 明湖区财政局关于财政资金管理的通知第\(number)号
            index_number: 11450100MB0000003C/2024-\(String(format: "%05d", 100 + number))
            disclosure: proactive
            publisher: 明湖区财政局
            created: 2024-06-\(String(format: "%02d", number))
            published: 2024-06-\(String(format: "%02d", number + 2))
            review: {reviewer: 区财政局保密审查小组, date: 2024-06-\(String(format: "%02d", number + 2))}
            ---
            通知正文。

            """
        }
        let site = try SampleSite(adding: files, keepingPublishers: true)
        let build = try site.build()
        #expect(build.status == 0, "\(build.stderr)")
        let output = try site.output()
        let page = output.text("publishers/11450100MB0000003C.html")
        let section = try #require(page.range(of: "<section class=\"publisher-section\" aria-labelledby=\"publisher-section-notice\">"))
        let block = String(page[section.lowerBound...].prefix { _ in true }).components(separatedBy: "</section>")[0]
        #expect(block.contains("（25条）"))
        #expect(block.components(separatedBy: "<li>").count - 1 == 20)
        // Newest first: the 25th is shown, the 5th (the sixth oldest) is not.
        #expect(block.contains("通知第25号"))
        #expect(!block.contains("通知第5号<"))
        #expect(block.contains("查看本机构全部信息"))
    }

    @Test func aPagesPublisherIsARegisteredOne() throws {
        let page = """
        ---
        title: 明湖区财政局政府信息公开指南（旧）
        publisher: 明湖区财政厅
        ---
        正文。

        """
        let site = try SampleSite(adding: ["content/pages/guide-old.md": page], keepingPublishers: true)
        let (result, diagnostics) = try site.check()
        #expect(result.status == 1)
        let found = diagnostics.filter { $0["rule"] as? String == "publisher.unknown" }
        #expect(SampleSite.places(found) == ["content/pages/guide-old.md:3:12 publisher.unknown"])
        #expect(found.first?["message"] as? String == "'publisher' (发布机构) '明湖区财政厅' is not in site.yaml's publishers; did you mean '明湖区财政局'?")

        // Without a registry the key names no page to link from, and nothing is checked.
        let without = try SampleSite(adding: ["content/pages/guide-old.md": page])
        let (plainResult, plain) = try without.check()
        #expect(plainResult.status == 0, "\(plainResult.stderr)")
        #expect(plain.filter { $0["rule"] as? String == "publisher.unknown" }.isEmpty)
    }

    @Test func twoGuidesOfOnePublisherAreOneRoleTwice() throws {
        let page = """
        ---
        title: 明湖区财政局政府信息公开指南（副本）
        role: guide
        publisher: 明湖区财政局
        ---
        正文。

        """
        let site = try SampleSite(adding: ["content/pages/guide-czj-2.md": page], keepingPublishers: true)
        let (result, diagnostics) = try site.check()
        #expect(result.status == 1)
        let found = diagnostics.filter { $0["rule"] as? String == "page.role_duplicate" }
        #expect(found.count == 1)
        #expect((found.first?["message"] as? String)?.contains("for each publisher") == true)
    }
}
