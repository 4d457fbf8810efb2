import DisclosureKit
import Foundation
import Testing

/// The open-data, feed and search outputs of the sample site.
@Suite struct ReadingRoomOutputTests {
    func builtSample() throws -> (TemporaryDirectory, SiteTree) {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        let result = try Disclose.run(["build", "--root", root.path])
        #expect(result.status == 0, "\(result.stderr)")
        return (tmp, try SiteTree(root.appendingPathComponent("site")))
    }

    @Test func catalogCSVOpensInSpreadsheets() throws {
        let (_, site) = try builtSample()
        let csv = try #require(site.files["catalog.csv"])
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: csv.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == SampleRecords.publicCount + 1, "header + every public record")
        // Named as the pages name them (名称, not 标题), by the glossary.
        #expect(lines[0].hasPrefix("索引号,名称,类别,发布机构,成文日期,发布日期,修改日期,主题分类,内容概述,文号,"))
        #expect(lines.contains { $0.hasPrefix("11450100MB0000003C/2024-00008,明湖区财政局2024年部门预算公开,财政预决算,") && $0.contains(",2386.50,2386.50,") })
    }

    @Test func catalogJSONHasEveryPublicRecordWithItsData() throws {
        let (_, site) = try builtSample()
        let json = try #require(try JSONSerialization.jsonObject(with: site.files["catalog.json"]!) as? [String: Any])
        let records = try #require(json["records"] as? [[String: Any]])
        #expect(records.count == SampleRecords.publicCount)
        #expect(json["record_count"] as? Int == SampleRecords.publicCount)
        let report = try #require(records.first { $0["path"] as? String == "reports/ndbg-2024.html" })
        // The type's member mirrors its declaration: the report's `statistics` field.
        let fields = try #require(report["report"] as? [String: Any])
        #expect(fields["year"] as? Int == 2024)
        let statistics = try #require(fields["statistics"] as? [String: Any])
        #expect((statistics["requests"] as? [String: Any])?["received"] as? Int == 46)
        #expect(report["url"] as? String == "https://www.minghu.example.gov.cn/xxgk/reports/ndbg-2024.html")
        let guide = try #require(records.first { $0["path"] as? String == "guides/spjyxk-xb.html" })
        let timeLimit = (guide["guide"] as? [String: Any])?["time_limit"] as? [String: Any]
        #expect(timeLimit?["promised_days"] as? Int == 5)
        for record in records { #expect(site.files[record["path"] as! String] != nil) }
    }

    @Test func atomFeedIsWellFormedWithStableIdsAndAbsoluteLinks() throws {
        let (_, site) = try builtSample()
        let feed = site.text("feed.xml")
        #expect(feed.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""))
        #expect(feed.components(separatedBy: "<entry>").count - 1 == SampleRecords.publicCount)
        #expect(feed.contains("<id>tag:www.minghu.example.gov.cn,2000:record:11450100MB0000001A/2024-00003</id>"))
        #expect(feed.contains("<link rel=\"alternate\" href=\"https://www.minghu.example.gov.cn/xxgk/policies/2024/mhbf-2024-12.html\"/>"))
        #expect(feed.contains("<updated>2025-01-24T00:00:00+08:00</updated>"))
        #expect(!feed.contains("土壤普查") && !feed.contains("专项资金分配"))
        for page in site.pages {
            #expect(site.text(page).contains("<link rel=\"alternate\" type=\"application/atom+xml\""), "\(page)")
        }
    }

    @Test func searchIndexIsAScriptOfPublicRecordsOnly() throws {
        let (_, site) = try builtSample()
        // The shards are the only search data the build writes.
        #expect(site.files["search-index.js"] == nil)
        let index = site.searchData
        #expect(site.text("search-index/meta.js").hasPrefix("// Search data of the public records, written by disclose build.\nwindow.DISCLOSE_SEARCH_META={"))
        #expect(index.contains("\"policies/mhbf-2022-7.html\""))
        for hidden in ["土壤", "专项资金分配", "mhbm-2024-2", "mhczj-2024-zxzj", "11450100MB0000004D"] {
            #expect(!index.contains(hidden), "\(hidden)")
        }
        let search = site.text("search.html")
        #expect(search.contains("<script src=\"search-index/meta.js\"></script>"))
        #expect(!search.contains("fetch(") && !site.text("assets/search.js").contains("XMLHttpRequest"))
        #expect(site.text("policies/2024/mhbf-2024-12.html").contains("<form class=\"site-search\" action=\"../../search.html\""))
    }
}
