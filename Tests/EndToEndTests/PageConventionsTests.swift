import Foundation
import Testing

/// The conventions of a Chinese government page, on the real binary's output: the head's
/// metadata tags, the footer from site.yaml, the 适老化 switch, the 打印 button, the date
/// style and the home page's sentence.
@Suite struct PageConventionsTests {
    /// The sample's site.yaml without its identity, footer and date settings: what a site
    /// that never set them has (and without its publisher registry, as every test copy).
    static let plainSettings: String = {
        let text = TemporaryDirectory.withoutPublishers(
            (try? String(contentsOf: Disclose.packageRoot.appendingPathComponent("content/site.yaml"), encoding: .utf8)) ?? "")
        let cut = text.range(of: "# 网站标识码")?.lowerBound ?? text.endIndex
        return String(text[..<cut])
    }()

    /// The sample site built with `settings` appended to its plain site.yaml.
    func built(_ settings: String, adding files: [String: String] = [:]) throws -> (SampleSite, Disclose.Result, SiteTree) {
        var all = files
        all["content/site.yaml"] = Self.plainSettings + settings
        let sample = try SampleSite(adding: all)
        let result = try sample.build()
        return (sample, result, try sample.output())
    }

    /// The `<meta name>` tags of a page, name → content (entities decoded as a browser would).
    static func metaTags(_ html: String) -> [String: String] {
        var tags: [String: String] = [:]
        let pattern = try! NSRegularExpression(pattern: "<meta name=\"([A-Za-z]+)\" content=\"([^\"]*)\">")
        for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            let name = String(html[Range(match.range(at: 1), in: html)!])
            let content = String(html[Range(match.range(at: 2), in: html)!])
            tags[name] = decodeEntities(content)
        }
        return tags
    }

    static func decodeEntities(_ text: String) -> String {
        var result = text
        for (entity, character) in [("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&#x27;", "'"), ("&amp;", "&")] {
            result = result.replacingOccurrences(of: entity, with: character)
        }
        return result
    }

    static let record = "policies/2024/mhbf-2024-12.html"

    @Test func everyPageKindCarriesTheTagsOfItsKind() throws {
        let sample = try SampleSite()
        let result = try sample.build()
        #expect(result.status == 0, "\(result.stderr)")
        let site = try sample.output()
        let siteTags = ["SiteName": "明湖区人民政府信息公开", "SiteDomain": "www.minghu.example.gov.cn", "SiteIDCode": "4501990001"]
        for page in site.pages {
            let tags = Self.metaTags(site.text(page))
            for (name, value) in siteTags { #expect(tags[name] == value, "\(page) \(name)") }
        }
        let home = Self.metaTags(site.text("index.html"))
        #expect(home["ColumnName"] == nil && home["ArticleTitle"] == nil)
        #expect(Self.metaTags(site.text("search.html"))["ColumnName"] == nil)
        #expect(Self.metaTags(site.text("404.html"))["ColumnName"] == nil)

        let list = Self.metaTags(site.text("policies/index.html"))
        #expect(list["ColumnName"] == "政策文件")
        #expect(list["ColumnType"] == "信息公开")
        #expect(list["ColumnDescription"]?.contains("政策文件") == true)
        #expect(list["ColumnKeywords"]?.contains("政策文件") == true)
        #expect(list["ArticleTitle"] == nil && list["PubDate"] == nil)
        #expect(Self.metaTags(site.text("catalog.html"))["ColumnName"] == "政府信息公开目录")

        let record = Self.metaTags(site.text(Self.record))
        #expect(record["ColumnName"] == "政策文件")
        #expect(record["ColumnType"] == "信息公开")
        #expect(record["ArticleTitle"] == "明湖区人民政府办公室关于深化政务服务“一网通办”改革的实施意见")
        #expect(record["PubDate"] == "2024-04-09 00:00")
        #expect(record["ContentSource"] == "明湖区人民政府办公室")
        #expect(record["Author"] == "明湖区人民政府办公室")
        #expect(record["Keywords"] == "政务服务,政策文件")
        #expect(record["Description"] == "提出到2025年底区级政务服务事项全程网办率达到90%以上的目标，明确五项重点任务。")
        #expect(record["Url"] == "https://www.minghu.example.gov.cn/xxgk/policies/2024/mhbf-2024-12.html")
        #expect(record["ColumnDescription"] == nil)
        // Each page kind has its record pages' tags on record pages only.
        for page in site.pages where page.hasPrefix("reports/") || page.hasPrefix("guides/") || page.hasPrefix("budgets/") {
            let tags = Self.metaTags(site.text(page))
            let name = page.split(separator: "/").last ?? ""
            let isList = name == "index.html" || name.hasPrefix("year-") || name.hasPrefix("page-")
            #expect((tags["ArticleTitle"] != nil) == !isList, "\(page)")
        }
    }

    @Test func aRecordWithoutSummaryIsDescribedByItsTitle() throws {
        let (_, result, site) = try built("", adding: [
            "content/policies/plain.md": SampleSite.policy(title: "明湖区关于测试元数据的通知", index: 77),
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let tags = Self.metaTags(site.text("policies/plain.html"))
        #expect(tags["ArticleTitle"] == "明湖区关于测试元数据的通知")
        #expect(tags["Description"] == "明湖区关于测试元数据的通知")
        #expect(tags["PubDate"] == "2024-01-16 00:00")
        #expect(tags["SiteIDCode"] == nil, "no site_id_code, no tag")
    }

    @Test func theFooterShowsTheSettingsGivenAndOmitsTheRest() throws {
        let sample = try SampleSite()
        #expect(try sample.build().status == 0)
        let full = try sample.output().text("index.html")
        for line in ["主办单位：明湖区人民政府办公室", "承办单位：明湖区大数据发展局", "联系电话：0771-5550123", "地址：明湖区政务中心路1号",
                     "电子邮箱：xxgk@minghu.example.gov.cn", "网站标识码：4501990001", "ICP备案号：桂ICP备05001234号",
                     "公安机关备案号：桂公网安备 45019902000123号"] {
            #expect(full.contains("<span class=\"footer-item\">\(line)</span> "), "\(line)")
        }

        let (_, result, site) = try built("footer:\n  telephone: 0771-5550199\n")
        #expect(result.status == 0, "\(result.stderr)")
        let page = site.text(Self.record)
        let footer = String(page[page.range(of: "<footer")!.lowerBound...])
        #expect(footer.contains("主办单位：明湖区人民政府办公室"), "publisher stands in for the sponsor")
        #expect(footer.contains("联系电话：0771-5550199"))
        for absent in ["承办单位", "地址", "电子邮箱", "网站标识码", "ICP备案号", "公安机关备案号"] {
            #expect(!footer.contains(absent), "\(absent)")
        }
        #expect(footer.components(separatedBy: "<p").count - 1 == 3, "links, sponsor line, contact line: \(footer)")
    }

    @Test func oddValuesAreEscapedInTagsAndFooter() throws {
        let odd = #"明湖区"<b>&'测试</b>"#
        let (_, result, site) = try built("""
            site_id_code: '4501990001'
            footer:
              operator: '\(odd.replacingOccurrences(of: "'", with: "''"))'
              address: '<script>alert(1)</script>路1号'

            """, adding: [
                "content/policies/odd.md": SampleSite.policy(title: #"关于"引号"与<尖括号>&符号的通知"#, index: 78),
            ])
        #expect(result.status == 0, "\(result.stderr)")
        let html = site.text("policies/odd.html")
        #expect(!html.contains("<script>alert") && !html.contains("<b>&"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;路1号"))
        let tags = Self.metaTags(html)
        #expect(tags["ArticleTitle"] == #"关于"引号"与<尖括号>&符号的通知"#)
        let item = try #require(html.range(of: "承办单位：").map { html[$0.upperBound...] })
        #expect(Self.decodeEntities(String(item[..<item.range(of: "</span>")!.lowerBound])) == odd)
    }

    @Test func dateStyleChineseWritesPagesTheChineseWayAndDataInISO() throws {
        let (_, result, site) = try built("date_style: chinese\n")
        #expect(result.status == 0, "\(result.stderr)")
        let record = site.text(Self.record)
        #expect(record.contains("<th scope=\"row\">成文日期</th><td>2024年4月1日</td>"))
        #expect(record.contains("<th scope=\"row\">发布日期</th><td>2024年4月9日</td>"))
        #expect(Self.metaTags(record)["PubDate"] == "2024-04-09 00:00", "the tag keeps its fixed form")
        let list = site.text("policies/index.html")
        #expect(list.contains("<time datetime=\"2024-04-09\">2024年4月9日</time>"))
        #expect(!list.contains(">2024-04-09<"))
        #expect(site.text("index.html").contains("<time datetime=\"2024-04-09\">2024年4月9日</time>"))
        #expect(site.text("catalog/type-policy.html").contains("<time datetime=\"2024-04-01\">2024年4月1日</time>"))
        #expect(site.text("search.html").contains("data-date-style=\"chinese\""))
        #expect(site.text("catalog.csv").contains(",2024-04-01,2024-04-09,"))
        #expect(site.text("catalog.json").contains("\"created\": \"2024-04-01\""))
        #expect(site.text("feed.xml").contains("2024-04-09T00:00:00+08:00"))
        #expect(!site.text("feed.xml").contains("2024年4月9日") && !site.text("sitemap.xml").contains("年"))
    }

    @Test func dateStyleISOIsTheDefault() throws {
        let (_, result, site) = try built("")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(site.text(Self.record).contains("<th scope=\"row\">成文日期</th><td>2024-04-01</td>"))
        #expect(site.text("policies/index.html").contains("<time datetime=\"2024-04-09\">2024-04-09</time>"))
        #expect(site.text("search.html").contains("data-date-style=\"iso\""))
    }

    @Test func anUnknownDateStyleIsAnErrorAtItsValue() throws {
        let sample = try SampleSite(adding: ["content/site.yaml": Self.plainSettings + "date_style: 农历\n"])
        let (result, diagnostics) = try sample.check()
        #expect(result.status == 1)
        let line = Self.plainSettings.components(separatedBy: "\n").count
        #expect(SampleSite.places(diagnostics).contains("content/site.yaml:\(line):13 site.invalid"), "\(diagnostics)")
        #expect(diagnostics.contains { ($0["message"] as? String)?.contains("iso, chinese (中文)") == true })
    }

    @Test func malformedIdentityValuesAreWarningsAtTheirValues() throws {
        let settings = """
            site_id_code: '450199001'
            footer:
              icp: 'ICP备05001234号'
              police: '桂公网安备 4501990200012号'
              email: 'xxgk at minghu'

            """
        let sample = try SampleSite(adding: ["content/site.yaml": Self.plainSettings + settings])
        let (result, diagnostics) = try sample.check()
        #expect(result.status == 0, "warnings only")
        let first = Self.plainSettings.components(separatedBy: "\n").count
        let places = SampleSite.places(diagnostics).filter { $0.hasSuffix("site.identity") }
        #expect(Set(places) == Set([
            "content/site.yaml:\(first):15 site.identity", "content/site.yaml:\(first + 2):8 site.identity",
            "content/site.yaml:\(first + 3):11 site.identity", "content/site.yaml:\(first + 4):10 site.identity",
        ]), "\(places)")
        #expect(diagnostics.contains { ($0["message"] as? String)?.contains("'450199001' is not") == true })
        let (strict, _) = try sample.check(["--strict"])
        #expect(strict.status == 1, "--strict makes the warnings errors")
        // The sample's own values pass.
        let (clean, cleanDiagnostics) = try SampleSite().check()
        #expect(clean.status == 0)
        #expect(!cleanDiagnostics.contains { $0["rule"] as? String == "site.identity" })
        // And the build still publishes what was written: it is the site's to correct.
        let built = try sample.build()
        #expect(built.status == 0)
        #expect(try sample.output().text("index.html").contains("ICP备案号：ICP备05001234号"))
    }

    @Test func theSwitchesArePresentAndHiddenUntilAScriptShowsThem() throws {
        let sample = try SampleSite()
        #expect(try sample.build().status == 0)
        let site = try sample.output()
        for page in site.pages {
            let html = site.text(page)
            #expect(html.contains("<button type=\"button\" class=\"care-mode-switch\" aria-pressed=\"false\" hidden>适老化</button>"), "\(page)")
            #expect(html.contains("assets/care-mode.js\"></script>"), "\(page)")
            // Fixed pages with a date are articles too, but the 打印 button is the record page's.
            let isRecord = html.contains("<meta name=\"ArticleTitle\"") && !page.hasPrefix("pages/")
            #expect(html.contains("<button type=\"button\" class=\"print-page\" hidden>打印</button>") == isRecord, "\(page)")
            #expect(html.contains("assets/print.js\"></script>") == isRecord, "\(page)")
        }
        #expect(site.text("assets/care-mode.js").contains("localStorage"))
        #expect(site.text("assets/print.js").contains("window.print()"))
        #expect(site.text("assets/style.css").contains("html.care-mode"))
        #expect(site.text("assets/style.css").contains("@media print"))
    }

    @Test func theHomePageSaysHowManyRecordsArePublishedInOneSentence() throws {
        let sample = try SampleSite()
        #expect(try sample.build().status == 0)
        let home = try sample.output().text("index.html")
        #expect(home.contains("本站已主动公开政府信息\(SampleRecords.publicCount)条。"))
        #expect(!home.contains("公开主动公开"))
        #expect(home.contains("政策文件</a> <span class=\"count\">（"))
    }

    /// Settings legitimise no text: a footer line that repeats a run of a non-public record
    /// stops the build, reported at the line in site.yaml, until the site declares the
    /// phrase public.
    @Test func aFooterLineANonPublicRecordHoldsStopsTheBuildUntilDeclaredPublic() throws {
        let address = "明湖区政务中心路1号区财政局三楼机要室"
        let secret = SampleSite.onRequestPolicy(title: "关于内部审核事项的说明", index: "11450100MB0000003C/2024-00099",
                                                body: "请于周五前送至\(address)。")
        let (sample, result, _) = try built("footer:\n  address: \(address)\n", adding: ["content/policies/internal-99.md": secret])
        #expect(result.status == 1)
        #expect(result.stderr.contains("[audit.leak]") && result.stderr.contains("internal-99.md"), "\(result.stderr)")
        // Reported at its source too, not only on every page it reached.
        let line = Self.plainSettings.components(separatedBy: "\n").count + 1
        #expect(result.stderr.contains("content/site.yaml:\(line):12: error: [audit.leak] 'footer.address' is printed on every page and holds text of the non-public record content/policies/internal-99.md"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: sample.root.appendingPathComponent("site").path))
        try sample.add(Self.plainSettings + "footer:\n  address: \(address)\nleak_boilerplate:\n  - \(address)\n", at: "content/site.yaml")
        let declared = try sample.build()
        #expect(declared.status == 0, "\(declared.stderr)")
        #expect(try sample.output().text("index.html").contains("地址：\(address)"))
    }

    @Test func nothingOfANonPublicRecordReachesTheTags() throws {
        let canary = "关于内部元数据标签核查事项的说明MT-CANARY-7"
        let sample = try SampleSite(adding: [
            "content/policies/internal-99.md": SampleSite.onRequestPolicy(title: canary, index: "11450100MB0000003C/2024-00099", body: "内部说明。"),
        ])
        let result = try sample.build()
        #expect(result.status == 0, "\(result.stderr)")
        let site = try sample.output()
        for page in site.pages {
            let tags = Self.metaTags(site.text(page)).values.joined(separator: "\n")
            #expect(!tags.contains("MT-CANARY-7") && !tags.contains("内部元数据标签"), "\(page)")
        }
    }
}
