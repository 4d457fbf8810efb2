import Foundation
import Testing

/// `publishers:` in `site.yaml` as a webmaster meets it: every record's publisher is
/// registered, its 索引号 carries that publisher's code, the year of its 成文日期 (or
/// 发布日期) and a sequence number of its own; reports fall due by the publisher's kind.
@Suite struct PublisherRegistryTests {
    /// A record of `publisher` with index number `index`, written on `created`.
    static func policy(_ slug: String, index: String, publisher: String, created: String = "2024-03-01",
                       published: String = "2024-03-05", disclosure: String = "proactive") -> String {
        """
        ---
        title: 明湖区测试文件\(slug)
        index_number: \(index)
        disclosure: \(disclosure)
        publisher: \(publisher)
        created: \(created)
        published: \(published)
        review: {reviewer: 区政府办公室保密审查小组, date: \(published)}
        document_number: 明测〔2024〕\(slug.count)号
        \(disclosure == "withheld" ? "withheld_reason: 涉及国家秘密" : "")
        ---
        正文。

        """
    }

    /// The sample's first annual report with its header lines replaced: whatever shape its
    /// statistics have, the checks here read only the publisher, the year and the dates.
    static func report(index: String, publisher: String, year: Int, published: String) throws -> String {
        let folder = Disclose.packageRoot.appendingPathComponent("content/reports")
        let name = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()[0]
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        for (position, line) in lines.enumerated() {
            if line.hasPrefix("index_number:") { lines[position] = "index_number: \(index)" }
            if line.hasPrefix("publisher:") { lines[position] = "publisher: \(publisher)" }
            if line.hasPrefix("created:") { lines[position] = "created: \(year + 1)-01-05" }
            if line.hasPrefix("published:") { lines[position] = "published: \(published)" }
            if line.hasPrefix("review:") { lines[position] = "review: {reviewer: 保密审查小组, date: \(year + 1)-01-06}" }
            if line.hasPrefix("year:") { lines[position] = "year: \(year)" }
        }
        return lines.joined(separator: "\n")
    }

    static func rules(_ diagnostics: [[String: Any]], _ ids: Set<String>) -> [[String: Any]] {
        diagnostics.filter { ids.contains($0["rule"] as? String ?? "") }
    }

    static let registryRules: Set<String> = ["publisher.unknown", "index_number.publisher", "index_number.year",
                                             "index_number.sequence", "report.deadline", "report.duplicate"]

    @Test func theSampleWithItsRegistryChecksClean() throws {
        let site = try SampleSite(keepingPublishers: true)
        let (result, diagnostics) = try site.check()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.rules(diagnostics, Self.registryRules).isEmpty)
    }

    @Test func anUnregisteredPublisherIsAnErrorAtItsValueWithTheNearestName() throws {
        let site = try SampleSite(adding: [
            "content/policies/p-1.md": Self.policy("p-1", index: "11450100MB0000005E/2024-00101", publisher: "明湖区市场监管局"),
            "content/policies/p-2.md": Self.policy("p-2", index: "11450100MB0000005E/2024-00102", publisher: "区市场监管局"),
            "content/policies/p-3.md": Self.policy("p-3", index: "11450100MB0000005E/2024-00103", publisher: "明湖区市场监督管理局"),
        ], keepingPublishers: true)
        let (result, diagnostics) = try site.check()
        #expect(result.status == 1)
        let found = Self.rules(diagnostics, ["publisher.unknown"])
        #expect(SampleSite.places(found) == ["content/policies/p-1.md:5:12 publisher.unknown",
                                             "content/policies/p-2.md:5:12 publisher.unknown"])
        #expect(found.map { $0["message"] as! String } == [
            "'publisher' (发布机构) '明湖区市场监管局' is not in site.yaml's publishers; did you mean '明湖区市场监督管理局'?",
            "'publisher' (发布机构) '区市场监管局' is not in site.yaml's publishers; it is the short name of '明湖区市场监督管理局', write the full name",
        ])
    }

    @Test func aMissingPublisherIsToldWhichRegisteredNameToWrite() throws {
        func withoutPublisher(_ slug: String, index: String) -> String {
            Self.policy(slug, index: index, publisher: "-").replacingOccurrences(of: "publisher: -\n", with: "")
        }
        let site = try SampleSite(adding: [
            // The 索引号's code names the publisher; a code of no registered publisher does not.
            "content/policies/p-1.md": withoutPublisher("p-1", index: "11450100MB0000005E/2024-00101"),
            "content/policies/p-2.md": withoutPublisher("p-2", index: "99999999MB0000001A/2024-00102"),
        ], keepingPublishers: true)
        let (result, diagnostics) = try site.check()
        #expect(result.status == 1)
        let found = Self.rules(diagnostics, ["record.required"])
        #expect(SampleSite.places(found) == ["content/policies/p-1.md:1:1 record.required",
                                             "content/policies/p-2.md:1:1 record.required"])
        #expect(found.map { $0["message"] as! String } == [
            "missing required field 'publisher' (发布机构); the 索引号's code 11450100MB0000005E is 明湖区市场监督管理局's: add publisher: 明湖区市场监督管理局",
            "missing required field 'publisher' (发布机构); add the full name of one of the publishers registered in content/site.yaml: "
                + "明湖区人民政府, 明湖区人民政府办公室, 明湖区财政局, 明湖区自然资源局, 明湖区市场监督管理局, … (11 in all)",
        ])
    }

    @Test func anIndexNumberWithAnotherPublishersCodeIsAnErrorAtItsValue() throws {
        let site = try SampleSite(adding: [
            // 工商 guide with the finance bureau's prefix: the issue's own example.
            "content/policies/p-1.md": Self.policy("p-1", index: "11450100MB0000003C/2024-00101", publisher: "明湖区市场监督管理局"),
            "content/policies/p-2.md": Self.policy("p-2", index: "2024-00102", publisher: "明湖区市场监督管理局"),
            "content/policies/p-3.md": Self.policy("p-3", index: "11450100MB0000005E/2024-00103", publisher: "明湖区市场监督管理局"),
        ], keepingPublishers: true)
        let (result, diagnostics) = try site.check()
        #expect(result.status == 1)
        let found = Self.rules(diagnostics, Self.registryRules)
        #expect(SampleSite.places(found) == ["content/policies/p-1.md:3:15 index_number.publisher",
                                             "content/policies/p-2.md:3:15 index_number.publisher"])
        let messages = found.map { $0["message"] as! String }
        #expect(messages[0].hasPrefix("index number (索引号) '11450100MB0000003C/2024-00101' starts with '11450100MB0000003C', but its publisher 明湖区市场监督管理局's code is '11450100MB0000005E' (site.yaml line "))
        #expect(messages[1].contains("'2024-00102' has no code before a '/'"))
    }

    @Test func anIndexNumberOfAnotherYearThanItsDateIsAnError() throws {
        let site = try SampleSite(adding: [
            "content/policies/p-1.md": Self.policy("p-1", index: "11450100MB0000005E/2099-00101", publisher: "明湖区市场监督管理局"),
            "content/policies/p-2.md": Self.policy("p-2", index: "11450100MB0000005E/2024-00102", publisher: "明湖区市场监督管理局",
                                                   created: "2024-12-30", published: "2025-01-03"),
            "content/policies/p-3.md": Self.policy("p-3", index: "11450100MB0000005E/2025-00103", publisher: "明湖区市场监督管理局",
                                                   created: "2024-12-30", published: "2025-01-03"),
        ], keepingPublishers: true)
        let (result, diagnostics) = try site.check()
        #expect(result.status == 1)
        let found = Self.rules(diagnostics, Self.registryRules)
        // By default the year is 成文日期's: p-2 (2024, written 2024-12-30) passes, p-3 does not.
        #expect(SampleSite.places(found) == ["content/policies/p-1.md:3:15 index_number.year",
                                             "content/policies/p-3.md:3:15 index_number.year"])
        #expect((found[0]["message"] as! String) == "index number (索引号) '11450100MB0000005E/2099-00101' is of the year 2099, but 'created' (成文日期) is 2024-03-01 (index_number_year: created); the number belongs to 2024")
    }

    @Test func indexNumberYearPublishedReadsThePublicationYear() throws {
        let site = try SampleSite(adding: [
            "content/policies/p-2.md": Self.policy("p-2", index: "11450100MB0000005E/2024-00102", publisher: "明湖区市场监督管理局",
                                                   created: "2024-12-30", published: "2025-01-03"),
            "content/policies/p-3.md": Self.policy("p-3", index: "11450100MB0000005E/2025-00103", publisher: "明湖区市场监督管理局",
                                                   created: "2024-12-30", published: "2025-01-03"),
        ], keepingPublishers: true)
        let settings = site.root.appendingPathComponent("content/site.yaml")
        let yaml = try String(contentsOf: settings, encoding: .utf8)
        try yaml.replacingOccurrences(of: "index_number_year: created", with: "index_number_year: 发布日期")
            .write(to: settings, atomically: true, encoding: .utf8)
        let (_, diagnostics) = try site.check()
        // Only the records this test writes: a sample record written in one year and
        // published in the next (a scheduled notice) is rightly reported under this setting too.
        let found = Self.rules(diagnostics, Self.registryRules)
            .filter { ($0["file"] as? String)?.hasPrefix("content/policies/p-") == true }
        #expect(SampleSite.places(found) == ["content/policies/p-2.md:3:15 index_number.year"])
        #expect((found.first?["message"] as? String)?.contains("but 'published' (发布日期) is 2025-01-03 (index_number_year: published)") == true)
    }

    @Test func aSequenceNumberIsUsedOncePerPublisherAndYearPublicOrNot() throws {
        let site = try SampleSite(adding: [
            // The sample's withheld 自然资源局 record holds 11450100MB0000004D/2024-00002.
            "content/policies/p-1.md": Self.policy("p-1", index: "11450100MB0000004D/2024-0002", publisher: "明湖区自然资源局"),
            "content/policies/p-2.md": Self.policy("p-2", index: "11450100MB0000004D/2024-00003", publisher: "明湖区自然资源局"),
            "content/policies/p-3.md": Self.policy("p-3", index: "11450100MB0000004D/2023-00002", publisher: "明湖区自然资源局",
                                                   created: "2023-03-01", published: "2023-03-05"),
        ], keepingPublishers: true)
        let (result, diagnostics) = try site.check()
        #expect(result.status == 1)
        let found = Self.rules(diagnostics, Self.registryRules)
        #expect(SampleSite.places(found) == ["content/policies/p-1.md:3:15 index_number.sequence"])
        #expect((found.first?["message"] as? String) == "sequence number 2 of 明湖区自然资源局 (11450100MB0000004D) in 2024 is also used by content/policies/mhbm-2024-2.md:3 ('11450100MB0000004D/2024-00002'); 'disclose new TYPE SLUG --publisher 明湖区自然资源局' gives the next free one")
    }

    @Test func aSiteWithoutARegistryKeepsFreeTextPublishers() throws {
        let site = try SampleSite(adding: [
            "content/policies/p-1.md": Self.policy("p-1", index: "11450100MB0000003C/2099-00101", publisher: "明湖区测试局"),
        ])
        let (result, diagnostics) = try site.check()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.rules(diagnostics, Self.registryRules).isEmpty)
    }

    @Test func aDepartmentsReportIsDueOnThirtyFirstJanuaryAGovernmentsOnThirtyFirstMarch() throws {
        let site = try SampleSite(adding: [
            "content/reports/czj-2023.md": try Self.report(index: "11450100MB0000003C/2024-00101", publisher: "明湖区财政局",
                                                           year: 2023, published: "2024-02-01"),
            "content/reports/czj-2022.md": try Self.report(index: "11450100MB0000003C/2023-00101", publisher: "明湖区财政局",
                                                           year: 2022, published: "2023-01-31"),
            "content/reports/qzf-2023.md": try Self.report(index: "11450100MB0000001A/2024-00101", publisher: "明湖区人民政府",
                                                           year: 2023, published: "2024-03-29"),
            "content/reports/qzf-2022.md": try Self.report(index: "11450100MB0000001A/2023-00101", publisher: "明湖区人民政府",
                                                           year: 2022, published: "2023-04-03"),
        ], keepingPublishers: true)
        let (result, diagnostics) = try site.check()
        #expect(result.status == 1)
        let found = Self.rules(diagnostics, Self.registryRules)
        #expect(found.map { "\($0["file"] as! String) \($0["rule"] as! String)" } == [
            "content/reports/czj-2023.md report.deadline", "content/reports/qzf-2022.md report.deadline",
        ])
        let messages = found.map { $0["message"] as! String }
        #expect(messages[0] == "the 2023 report was published 2024-02-01, after its deadline 2024-01-31 (01-31 of the following year for a 部门 such as 明湖区财政局, 条例 第四十九条)")
        #expect(messages[1] == "the 2022 report was published 2023-04-03, after its deadline 2023-03-31 (03-31 of the following year for a 人民政府 such as 明湖区人民政府, 条例 第四十九条)")
    }

    @Test func withoutARegistryEveryReportHasReportDeadline() throws {
        let site = try SampleSite(adding: [
            "content/reports/czj-2023.md": try Self.report(index: "11450100MB0000003C/2024-00101", publisher: "明湖区财政局",
                                                           year: 2023, published: "2024-02-01"),
        ])
        let (_, diagnostics) = try site.check()
        #expect(Self.rules(diagnostics, ["report.deadline"]).isEmpty)
    }

    @Test func aSecondReportOfAPublisherForAYearIsAnErrorNamingTheFirst() throws {
        let site = try SampleSite(adding: [
            "content/reports/czj-2023.md": try Self.report(index: "11450100MB0000003C/2024-00101", publisher: "明湖区财政局",
                                                           year: 2023, published: "2024-01-20"),
            "content/reports/czj-2023-b.md": try Self.report(index: "11450100MB0000003C/2024-00102", publisher: "明湖区财政局",
                                                             year: 2023, published: "2024-01-21"),
            "content/reports/scjg-2023.md": try Self.report(index: "11450100MB0000005E/2024-00101", publisher: "明湖区市场监督管理局",
                                                            year: 2023, published: "2024-01-20"),
        ], keepingPublishers: true)
        let (result, diagnostics) = try site.check()
        #expect(result.status == 1)
        let found = Self.rules(diagnostics, Self.registryRules)
        #expect(found.map { "\($0["file"] as! String) \($0["rule"] as! String)" } == ["content/reports/czj-2023.md report.duplicate"])
        let yearLine = try #require(Self.report(index: "x/2024-00001", publisher: "x", year: 2023, published: "2024-01-20")
            .components(separatedBy: "\n").firstIndex { $0.hasPrefix("year:") }) + 1
        #expect(found.first?["line"] as? Int == yearLine)
        #expect(found.first?["message"] as? String == "明湖区财政局 already has a report for 2023: content/reports/czj-2023-b.md:\(yearLine); a publisher publishes one annual report a year")
    }

    @Test func registryMistakesInSiteYamlAreErrorsAtTheirValue() throws {
        let site = try SampleSite()
        try site.add("""
        title: 测试站
        base_url: https://www.mouqu.example.gov.cn/xxgk/
        publishers:
          - {name: 明湖区财政局, short_name: 区财政局, code: 11450100MB0000003C, kind: 部门}
          - {name: 明湖区财政局, short_name: 财政, code: 11450100MB0000003D, kind: 部门}
          - {name: 明湖区教育局, code: 11450100MB0000003C, kind: 部门}
          - {name: 明湖区民政局, code: 1145-0100, kind: 部门}
          - {name: 明湖区卫生健康局, code: 11450100MB0000006F, kind: 局}
        """, at: "content/site.yaml")
        let (result, diagnostics) = try site.check()
        #expect(result.status == 1)
        let found = diagnostics.filter { ($0["file"] as? String) == "content/site.yaml" }
        #expect(SampleSite.places(found) == [
            // The second 财政局 (its name), the 教育局 with 财政局's code, a code of no form, a kind
            // neither 人民政府 nor 部门.
            "content/site.yaml:5:12 site.invalid", "content/site.yaml:6:26 site.invalid",
            "content/site.yaml:7:26 site.invalid", "content/site.yaml:8:54 site.invalid",
        ])
        let messages = found.map { $0["message"] as! String }
        #expect(messages[0].hasPrefix("publisher '明湖区财政局' is listed twice (first at line 4)"))
        #expect(messages[1].hasPrefix("code '11450100MB0000003C' is also the code of the publisher at line 4"))
        #expect(messages[2].contains("not '1145-0100'"))
        #expect(messages[3].contains("must be one of government, department (人民政府, 部门), not '局'"))
    }
}
