import Foundation
import Testing
import DisclosureKit

/// The 政府信息公开目录 as a visitor browses it: `catalog.html` links every topic,
/// publisher, type and year; each of those is a set of static pages of at most 100 rows
/// with the columns 索引号, 名称, 文号, 发布机构, 成文日期, 发布日期.
@Suite struct CatalogPagesTests {
    /// A proactive policy of `publisher`, published on `published`, with an optional topic.
    static func policy(_ number: Int, publisher: String, topic: String? = nil, published: String = "2024-03-05",
                       disclosure: String = "proactive", title: String? = nil) -> String {
        let created = String(published.prefix(4)) + "-03-01"
        return """
        ---
        title: \(title ?? "明湖区测试公文第\(number)号")
        index_number: 11450100MB0000009Z/\(published.prefix(4))-\(String(format: "%05d", 50000 + number))
        disclosure: \(disclosure)
        publisher: \(publisher)
        created: \(created)
        published: \(published)
        review: {reviewer: 区政府办公室保密审查小组, date: \(published)}
        document_number: 明测〔\(published.prefix(4))〕\(number)号
        \(topic.map { "topic: \($0)" } ?? "")
        ---
        正文。

        """
    }

    /// The `href` of the link with exactly `text` on `page`, resolved against the page's folder.
    static func link(_ text: String, on page: String, in output: SiteTree) -> String? {
        let whole = output.text(page)
        let html = whole[(whole.range(of: "<main")?.lowerBound ?? whole.startIndex)...]
        guard let end = html.range(of: "\">\(text)</a>") else { return nil }
        let start = html[..<end.lowerBound].range(of: "href=\"", options: .backwards)!
        let href = String(html[start.upperBound..<end.lowerBound]).removingPercentEncoding!
        let folder = page.split(separator: "/").dropLast().map(String.init)
        var parts = folder
        for part in href.split(separator: "/") {
            if part == ".." { parts.removeLast() } else { parts.append(String(part)) }
        }
        return parts.joined(separator: "/")
    }

    static func rows(_ html: String) -> Int { html.components(separatedBy: "<tr data-filter-item>").count - 1 }

    @Test func aPublishersRecordsArePagedAHundredARowWithLinksBetweenPages() throws {
        var files: [String: String] = [:]
        for number in 1...250 {
            files["content/policies/cs-\(number).md"] = Self.policy(number, publisher: "明湖区测试局", topic: "政务督查")
        }
        let site = try SampleSite(adding: files)
        let build = try site.build()
        #expect(build.status == 0, "\(build.stderr)")
        let output = try site.output()
        #expect(output.problems() == [])

        let first = try #require(Self.link("明湖区测试局", on: "catalog.html", in: output))
        #expect(first.hasPrefix("catalog/publisher-") && first.hasSuffix(".html"))
        let stem = String(first.dropLast(5))
        let pages = [first, stem + "-page-2.html", stem + "-page-3.html"]
        #expect(pages.map { Self.rows(output.text($0)) } == [100, 100, 50])
        #expect(output.files[stem + "-page-4.html"] == nil)
        for page in pages {
            let html = output.text(page)
            #expect(html.contains("<p class=\"facet-kind\">按发布机构浏览</p>\n<h1 id=\"facet-value\">明湖区测试局</h1>"))
            #expect(html.contains("<th scope=\"col\" data-sort=\"text\">索引号</th><th scope=\"col\" data-sort=\"text\">名称</th><th scope=\"col\" data-sort=\"text\">文号</th><th scope=\"col\" data-sort=\"text\">发布机构</th><th scope=\"col\" data-sort=\"text\">成文日期</th><th scope=\"col\" data-sort=\"text\">发布日期</th>"))
            #expect(html.utf8.count < 80_000, "\(page) is \(html.utf8.count) bytes")
            #expect(html.contains("<a href=\"../catalog.html\" aria-current=\"page\">"), "\(page): the navigation marks the catalog")
        }
        // Page 2 links back to 1 and on to 3; rows carry their 文号 and dates.
        let second = output.text(pages[1])
        #expect(second.contains("href=\"../\(first)\" rel=\"prev\""))
        #expect(second.contains("href=\"../\(pages[2])\" rel=\"next\""))
        #expect(output.text(first).contains("<td>明测〔2024〕1号</td><td>明湖区测试局</td><td><time datetime=\"2024-03-01\">2024-03-01</time></td><td><time datetime=\"2024-03-05\">2024-03-05</time></td>"))
        // The same records under their declared topic, their type and their year.
        let topic = try #require(Self.link("政务督查", on: "catalog.html", in: output))
        #expect(topic.hasPrefix("catalog/topic-"))
        #expect(Self.rows(output.text(topic)) == 100)
        let type = try #require(Self.link("政策文件", on: "catalog.html", in: output))
        #expect(type == "catalog/type-policy.html")
        let year = try #require(Self.link("2024年", on: "catalog.html", in: output))
        #expect(year == "catalog/year-2024.html")
        // The catalog page itself holds no rows: its size does not grow with the records.
        #expect(Self.rows(output.text("catalog.html")) == 0)
        #expect(!output.text("catalog.html").contains("明湖区测试公文"))
        #expect(output.text("catalog.html").utf8.count < 20_000)
    }

    @Test func everyCatalogRowIsAPublicRecordOnItsFacetPages() throws {
        let site = try SampleSite()
        #expect(try site.build().status == 0)
        let output = try site.output()
        let pages = output.pages.filter { $0.hasPrefix("catalog/") }
        // Each public record once under its type and once under its year.
        let types = pages.filter { $0.hasPrefix("catalog/type-") }.map { Self.rows(output.text($0)) }.reduce(0, +)
        let years = pages.filter { $0.hasPrefix("catalog/year-") }.map { Self.rows(output.text($0)) }.reduce(0, +)
        #expect(types == SampleRecords.publicCount && years == SampleRecords.publicCount)
        // The annual report on 2024, published in 2025, is under 2024.
        #expect(output.text("catalog/year-2024.html").contains("明湖区人民政府2024年政府信息公开工作年度报告"))
        #expect(!output.text("catalog/year-2025.html").contains("明湖区人民政府2024年政府信息公开工作年度报告"))
        // The sample's on-request and withheld records are on no catalog page.
        for page in pages + ["catalog.html"] {
            #expect(!output.text(page).contains("土壤普查"), "\(page)")
            #expect(!output.text(page).contains("专项资金"), "\(page)")
        }
    }

    /// A facet value that only non-public records carry is a secret of its own: no page,
    /// no link, no name anywhere in the site.
    @Test func aTopicOrPublisherOfNonPublicRecordsOnlyHasNoPageNorLink() throws {
        let site = try SampleSite(adding: [
            "content/policies/neibu-1.md": Self.policy(1, publisher: "明湖区国防动员办公室", topic: "应急管理",
                                                       disclosure: "on-request", title: "人防工程战备检查安排 CANARY-CAT1"),
            "content/policies/neibu-2.md": Self.policy(2, publisher: "明湖区国防动员办公室", topic: "应急管理",
                                                       disclosure: "withheld\nwithheld_reason: 属于国家秘密",
                                                       title: "人防警报试鸣预案 CANARY-CAT2"),
        ])
        let build = try site.build()
        #expect(build.status == 0, "\(build.stderr)")
        let output = try site.output()
        for (path, data) in output.files {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("国防动员"), "\(path)")
            #expect(!text.contains("应急管理"), "\(path)")
            #expect(!text.contains("CANARY-CAT"), "\(path)")
        }
        let stems = [CatalogPlan.digestStem(.publisher, "明湖区国防动员办公室"), CatalogPlan.digestStem(.topic, "应急管理")]
        for stem in stems {
            #expect(!output.files.keys.contains { $0.contains(stem) })
            #expect(!output.text("catalog.html").contains(stem))
        }
        // The same records made public do get their pages: the test can fail.
        let open = try SampleSite(adding: [
            "content/policies/neibu-1.md": Self.policy(1, publisher: "明湖区国防动员办公室", topic: "应急管理"),
        ])
        #expect(try open.build().status == 0)
        let opened = try open.output()
        for stem in stems { #expect(opened.files["catalog/\(stem).html"] != nil) }
    }

    /// A non-public record may write a facet's label before a public value, as metadata
    /// is written ("发布机构：明湖区人民政府办公室"); the catalog pages never glue the two,
    /// so the audit does not stop the build on them as a leak.
    @Test func aNonPublicRecordQuotingFacetLabelsIsNoFalseLeak() throws {
        let quoting = """
        ---
        title: 关于内部事项的说明
        index_number: 11450100MB0000009Z/2024-77777
        disclosure: on-request
        publisher: 明湖区人民政府办公室
        created: 2024-01-15
        document_number: 明府办函〔2024〕77号
        ---
        本件发布机构：明湖区人民政府办公室；主题分类：政务公开；信息类别：政策文件；年份：2024年。

        """
        let site = try SampleSite(adding: ["content/policies/neibu-x.md": quoting])
        let build = try site.build()
        #expect(build.status == 0, "\(build.stderr)")
    }

    @Test func aTopicOutsideTheListIsAnErrorAtItsValueWithTheNearestTopic() throws {
        let site = try SampleSite(adding: [
            "content/policies/t-1.md": Self.policy(1, publisher: "明湖区财政局", topic: "财政预算"),
            "content/policies/t-2.md": Self.policy(2, publisher: "明湖区财政局", topic: "财政、金融、审计"),
            "content/policies/t-3.md": Self.policy(3, publisher: "明湖区财政局", topic: "zzz"),
        ])
        let (result, diagnostics) = try site.check()
        #expect(result.status == 1)
        let topics = diagnostics.filter { $0["rule"] as? String == "record.topic" }
        #expect(SampleSite.places(topics) == [
            "content/policies/t-1.md:10:8 record.topic", "content/policies/t-2.md:10:8 record.topic",
            "content/policies/t-3.md:10:8 record.topic",
        ])
        let messages = topics.map { $0["message"] as! String }
        #expect(messages[0] == "'topic' (主题分类) '财政预算' is not in site.yaml's topics; did you mean '财政预决算'?")
        #expect(messages[1].contains("is a group of site.yaml's topics, not a topic; choose one of its topics: 财政预决算, 财政资金, 政府采购, 审计"))
        #expect(messages[2].hasPrefix("'topic' (主题分类) 'zzz' is not in site.yaml's topics (the topics are 政务公开, 政务服务"))
        let build = try site.build()
        #expect(build.status == 1)
        #expect(build.stderr.contains("content/policies/t-1.md:10:8: error: [record.topic]"))
    }

    /// Without `topics:` in site.yaml a topic is free text, as before, and still a facet.
    @Test func withoutATopicListAnyTopicIsAccepted() throws {
        let site = try SampleSite(adding: [
            "content/policies/t-1.md": Self.policy(1, publisher: "明湖区财政局", topic: "自拟主题"),
        ])
        let settings = try String(contentsOf: site.root.appendingPathComponent("content/site.yaml"), encoding: .utf8)
        let withoutTopics = String(settings[..<settings.range(of: "\n# 主题分类")!.lowerBound]) + "\n"
        try site.add(withoutTopics, at: "content/site.yaml")
        let (result, diagnostics) = try site.check()
        #expect(result.status == 0, "\(diagnostics)")
        #expect(try site.build().status == 0)
        let output = try site.output()
        let page = try #require(Self.link("自拟主题", on: "catalog.html", in: output))
        #expect(output.text(page).contains("明湖区测试公文第1号"))
    }

    @Test func aBrokenTopicListIsASiteError() throws {
        let site = try SampleSite()
        let settings = try String(contentsOf: site.root.appendingPathComponent("content/site.yaml"), encoding: .utf8)
        try site.add(settings + "  - 政务公开\n  - 分组: []\n", at: "content/site.yaml")
        let (result, diagnostics) = try site.check()
        #expect(result.status == 1)
        let messages = diagnostics.filter { $0["rule"] as? String == "site.invalid" }.map { $0["message"] as! String }
        #expect(messages.contains { $0.hasPrefix("topic '政务公开' is listed twice (first at line ") })
        #expect(messages.contains("the group '分组' in 'topics' must list its topics ('- name' lines or [a, b])"))
    }
}
