import DisclosureKit
import Foundation
import DiscloseTestSupport
import Testing

@Suite struct BuildCommandTests {
    func build(_ root: URL, output: URL? = nil, _ extra: [String] = [], environment: [String: String] = [:]) throws -> Disclose.Result {
        var arguments = ["build", "--root", root.path]
        if let output { arguments += ["--output", output.path] }
        return try Disclose.run(arguments + extra, environment: environment)
    }

    @Test func sampleSiteIsCompleteAndWorksFromDisk() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        let result = try build(root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("pages written:"))
        #expect(!result.stderr.contains("\r") && !result.stderr.contains("\u{1B}"), "no progress line or colour when not a terminal")
        let site = try SiteTree(root.appendingPathComponent("site"))
        for path in ["index.html", "catalog.html", "404.html", "robots.txt", "sitemap.xml", "assets/style.css",
                     "policies/index.html", "budgets/index.html", "guides/index.html", "reports/index.html",
                     "policies/mhf-2024-3.html", "policies/2024/mhbf-2024-12.html", "budgets/2024/mhczj-2024-ys.html",
                     "guides/spjyxk-xb.html", "reports/ndbg-2024.html", OutputDirectory.markerName] {
            #expect(site.files[path] != nil, "\(path) missing")
        }
        #expect(site.problems() == [])
        for page in site.pages {
            #expect(site.text(page).hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"), "\(page)")
        }
        #expect(site.text("robots.txt").contains("Sitemap: https://www.minghu.example.gov.cn/xxgk/sitemap.xml"))
        // A repealed policy says so and links its replacement; a record link became a page link.
        let repealed = site.text("policies/mhbf-2022-7.html")
        #expect(repealed.contains("已废止"))
        #expect(repealed.contains("href=\"../policies/mhbf-2024-21.html\""))
        #expect(site.text("policies/mhbf-2024-21.html").contains("href=\"mhbf-2022-7.html\""))
        // The eight disclosures and the report tables.
        let guide = site.text("guides/spjyxk-xb.html")
        for heading in ["项目名称", "设定依据", "申请条件", "申报材料", "办理程序", "办理时限", "收费依据及标准", "窗口权限"] {
            #expect(guide.contains("<h2>\(heading)</h2>"), "\(heading)")
        }
        let report = site.text("reports/ndbg-2024.html")
        #expect(report.contains("三、收到和处理政府信息公开申请情况"))
        #expect(report.contains(">复议后起诉</th>"))
        #expect(report.contains(">法律服务机构</th>"))
        #expect(site.text("budgets/2024/mhczj-2024-ys.html").contains("<caption>“三公”经费（单位：万元）</caption>"))
    }

    @Test func sitemapValidatesAndListsEveryPublicPageAndNothingElse() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        #expect(try build(root, ["--base-url", "https://kiosk.example.gov.cn/gk"]).status == 0)
        let site = try SiteTree(root.appendingPathComponent("site"))
        let sitemap = try #require(site.files["sitemap.xml"])
        #expect(XMLSchemaCheck.validate(Array(sitemap), schema: "sitemap.xsd") == 0)
        let text = String(decoding: sitemap, as: UTF8.self)
        let locs = text.components(separatedBy: "<loc>").dropFirst().map { $0.components(separatedBy: "</loc>")[0] }
        let expected = site.pages.filter { $0 != "404.html" }.map { "https://kiosk.example.gov.cn/gk/" + $0 }
        #expect(locs.sorted() == expected.sorted())
        #expect(text.contains("<loc>https://kiosk.example.gov.cn/gk/policies/mhf-2023-15.html</loc>\n    <lastmod>2023-03-20</lastmod>"))
    }

    @Test func twoBuildsAndTwoTimeZonesAreByteIdentical() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        let first = tmp.url.appendingPathComponent("first"), second = tmp.url.appendingPathComponent("second")
        #expect(try build(root, output: first, environment: ["TZ": "America/Los_Angeles"]).status == 0)
        #expect(try build(root, output: second, environment: ["TZ": "Asia/Shanghai"]).status == 0)
        #expect(try SiteTree(first).files == SiteTree(second).files)
        #expect(try build(root, output: second).status == 0)
        #expect(try SiteTree(first).files == SiteTree(second).files)
    }

    /// Unique tokens in every field of non-public records and in their attachments never
    /// reach any byte or file name of the output.
    @Test func nonPublicRecordsLeaveNoTrace() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        var tokens: [String] = []
        for (n, disclosure) in ["on-request", "withheld"].enumerated() {
            let token = "canary\(n)x\(UUID().uuidString.prefix(8).lowercased())"
            tokens.append(token)
            try tmp.write("""
                ---
                title: 标题 \(token)
                index_number: 11450100MB0000009Z/2024-0009\(n)
                disclosure: \(disclosure)
                \(disclosure == "withheld" ? "withheld_reason: 理由 \(token)\n" : "")publisher: 发布机构\(token)
                created: 2024-01-15
                published: 2024-01-16
                review: {reviewer: 审查人\(token), date: 2024-01-16}
                topic: 主题\(token)
                summary: 摘要 \(token)
                document_number: 文号\(token)
                ---
                正文中的 \(token) 不得出现在任何输出中。[公开文件](../mhf-2024-3.md)

                """, to: "sample/content/policies/2024/\(token).md")
            try tmp.write("附件 \(token)", to: "sample/content/policies/2024/\(token)-附件.pdf")
        }
        // Their topics are declared in site.yaml's controlled list, which no public record uses.
        let settings = root.appendingPathComponent("content/site.yaml")
        let declared = try String(contentsOf: settings, encoding: .utf8)
            .replacingOccurrences(of: "\ntopics:\n", with: "\ntopics:\n" + tokens.map { "  - 主题\($0)\n" }.joined())
        try declared.write(to: settings, atomically: true, encoding: .utf8)
        let result = try build(root)
        #expect(result.status == 0, "\(result.stderr)")
        let site = try SiteTree(root.appendingPathComponent("site"))
        for (path, data) in site.files {
            let haystack = (path + "\n" + String(decoding: data, as: UTF8.self)).lowercased()
            for token in tokens {
                #expect(!haystack.contains(token), "\(token) leaked into \(path)")
            }
        }
        #expect(site.problems() == [])
    }

    @Test func aRecordThatTurnsWithheldDisappears() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        #expect(try build(root).status == 0)
        let page = root.appendingPathComponent("site/guides/ggcswsxk.html")
        #expect(FileManager.default.fileExists(atPath: page.path))
        let source = root.appendingPathComponent("content/guides/ggcswsxk.md")
        let text = try String(contentsOf: source, encoding: .utf8)
            .replacingOccurrences(of: "disclosure: proactive", with: "disclosure: withheld\nwithheld_reason: 涉及第三方商业秘密")
        try text.write(to: source, atomically: true, encoding: .utf8)
        #expect(try build(root).status == 0)
        let site = try SiteTree(root.appendingPathComponent("site"))
        #expect(site.files["guides/ggcswsxk.html"] == nil)
        #expect(!site.files.values.contains { String(decoding: $0, as: UTF8.self).contains("公共场所卫生许可") })
        #expect(site.problems() == [])
    }

    @Test func aBrokenRecordLeavesThePreviousOutputUntouched() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        #expect(try build(root).status == 0)
        let before = try SiteTree(root.appendingPathComponent("site")).files
        try tmp.write("---\ntitle: 坏记录\n---\n", to: "sample/content/policies/broken.md")
        let failed = try build(root)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("content/policies/broken.md:1:1: error: [record.required]"))
        #expect(try SiteTree(root.appendingPathComponent("site")).files == before)
        // No staging directory or lock is left; the caches are in the root's cache folder.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".disclose") }
        #expect(leftovers == [".disclose"])
    }

    @Test func aLinkToANonPublicRecordFailsTheBuild() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        let source = root.appendingPathComponent("content/policies/mhf-2024-3.md")
        let text = try String(contentsOf: source, encoding: .utf8) + "\n另见[内部审核稿](mhczj-2024-zxzj.md)。\n"
        try text.write(to: source, atomically: true, encoding: .utf8)
        let result = try build(root, ["--format", "json"])
        #expect(result.status == 1)
        let diagnostics = try Disclose.diagnostics(result)
        #expect(diagnostics.map { $0["rule"] as! String } == ["link.target"])
        #expect(diagnostics.first?["line"] as? Int == text.split(separator: "\n", omittingEmptySubsequences: false).count - 1)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site").path))
    }

    @Test func unsafeOutputDirectoriesAreRefusedAndNothingIsDeleted() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        try tmp.write("keep me", to: "sample/templates/notes.txt")
        try tmp.write("precious", to: "elsewhere/report.docx")
        let home = tmp.url.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let before = try SiteTree(tmp.url).files
        for output in [root.path, root.appendingPathComponent("content").path, root.appendingPathComponent("content/policies").path,
                       root.appendingPathComponent("templates").path, root.appendingPathComponent("types").path,
                       root.appendingPathComponent("types/more").path, "/", home.path, tmp.url.path,
                       tmp.url.appendingPathComponent("elsewhere").path, tmp.url.appendingPathComponent("elsewhere/report.docx").path] {
            let result = try Disclose.run(["build", "--root", root.path, "--output", output], environment: ["HOME": home.path])
            #expect(result.status == 2, "\(output): \(result.stderr)")
            #expect(result.stderr.contains("refusing"), "\(output)")
        }
        #expect(try SiteTree(tmp.url).files == before)
    }

    @Test func hostileTitlesAndBodiesNeverBecomeLiveMarkup() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        try tmp.write("""
            ---
            title: "<script>alert('t')</script><img src=x onerror=alert(1)>"
            index_number: 11450100MB0000009Z/2024-00077
            disclosure: proactive
            publisher: "\\" onmouseover=\\"alert(2)"
            created: 2024-01-15
            published: 2024-01-16
            review: {reviewer: 审查, date: 2024-01-16}
            summary: "</td><script>alert(3)</script>"
            document_number: 文号
            ---
            <script>alert(4)</script>

            <img src="x" onerror="alert(5)">

            [点我](javascript:alert(6)) [再点](JAVASCRIPT:alert(7)) [数据](data:text/html;base64,PHNjcmlwdD4=)

            <a href="javascript:alert(8)">raw</a>

            """, to: "sample/content/policies/hostile.md")
        let result = try build(root, ["--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let warnings = try Disclose.diagnostics(result)
        #expect(Set(warnings.map { $0["rule"] as! String }) == ["link.unsafe"])
        let site = try SiteTree(root.appendingPathComponent("site"))
        for (path, data) in site.files where path.hasSuffix(".html") {
            let page = HTMLPage(Array(data))
            #expect(page.inlineScripts == 0, "\(path)")
            #expect(page.eventHandlers == [], "\(path)")
            for reference in page.references {
                let value = reference.value.lowercased().filter { !$0.isWhitespace }
                #expect(!value.hasPrefix("javascript:") && !value.hasPrefix("data:"), "\(path): \(reference.value)")
                #expect(reference.element != "img" || reference.value != "x", "\(path): raw <img> passed through")
            }
        }
        #expect(site.text("policies/hostile.html").contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;"))
    }

    @Test func siteTemplatesOverrideAndTheirErrorsHaveAPlace() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        try tmp.write("{{<base}}{{$main}}<h1>自定义：{{title}}</h1>{{{body}}}{{/main}}{{/base}}\n", to: "sample/templates/record.mustache")
        #expect(try build(root).status == 0)
        #expect(try SiteTree(root.appendingPathComponent("site")).text("policies/mhf-2024-3.html").contains("<h1>自定义：明湖区人民政府"))

        try tmp.write("<p>\n{{#meta}}\n{{label}}\n{{/metaa}}\n", to: "sample/templates/record.mustache")
        let syntax = try build(root, ["--format", "json"])
        #expect(syntax.status == 1)
        let error = try #require(try Disclose.diagnostics(syntax).first)
        #expect(error["rule"] as? String == "template.syntax")
        #expect(error["file"] as? String == "templates/record.mustache")
        #expect(error["line"] as? Int == 4)

        try tmp.write("{{<base}}{{$main}}{{> partials/footr}}{{/main}}{{/base}}\n", to: "sample/templates/record.mustache")
        let missing = try build(root, ["--format", "json"])
        #expect(missing.status == 1)
        #expect(try Disclose.diagnostics(missing).map { $0["rule"] as! String } == ["template.missing_partial"])
        #expect(try SiteTree(root.appendingPathComponent("site")).text("policies/mhf-2024-3.html").contains("自定义"), "the old site stays")
    }

    @Test func attachmentsOfPublicRecordsOnly() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        try tmp.write("%PDF-1.4 public", to: "sample/content/policies/mhf-2024-3-附件1.pdf")
        try tmp.write("%PDF-1.4 secret", to: "sample/content/policies/mhbm-2024-2.pdf")
        #expect(try build(root).status == 0)
        let site = try SiteTree(root.appendingPathComponent("site"))
        #expect(site.files["policies/mhf-2024-3-附件1.pdf"] != nil)
        #expect(site.files["policies/mhbm-2024-2.pdf"] == nil)
        #expect(site.text("policies/mhf-2024-3.html").contains("href=\"mhf-2024-3-附件1.pdf\""))
        #expect(site.problems() == [])
    }

    @Test func staleStagingDirectoriesAreCleanedUp() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        let stale = root.appendingPathComponent(".disclose-staging-site-99999-1")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
        try Data().write(to: stale.appendingPathComponent(OutputDirectory.markerName))
        #expect(try build(root).status == 0)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
    }
}
