import DisclosureKit
import Foundation
import Testing

@Suite struct AuditCommandTests {
    /// A built copy of the sample site, with two extra non-public records carrying canaries.
    func builtSample(_ tmp: TemporaryDirectory) throws -> (root: URL, site: URL, canary: String) {
        let root = try tmp.copy(fixture: "sample")
        let canary = "CANARY-" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12)
        try tmp.write("""
            ---
            title: 关于内部审核事项的说明（\(canary)）
            index_number: 11450100MB0000009Z/2024-00099
            disclosure: on-request
            publisher: 明湖区财政局
            created: 2024-01-15
            document_number: 明财函〔2024〕99号
            ---
            本说明涉及尚未公开的审核意见和具体金额安排，依申请提供。

            """, to: "sample/content/policies/internal-99.md")
        let result = try Disclose.run(["build", "--root", root.path])
        #expect(result.status == 0, "\(result.stderr)")
        return (root, root.appendingPathComponent("site"), canary)
    }

    func audit(_ root: URL, _ site: URL) throws -> (Disclose.Result, [[String: Any]]) {
        let result = try Disclose.run(["audit", site.path, "--root", root.path, "--format", "json"])
        return (result, try Disclose.diagnostics(result))
    }

    /// Puts `html` at the end of the built home page's body, as a hand edit on the server would.
    func plantInHome(_ site: URL, _ html: String) throws {
        let home = site.appendingPathComponent("index.html")
        try String(contentsOf: home, encoding: .utf8).replacingOccurrences(of: "</body>", with: html + "</body>")
            .write(to: home, atomically: true, encoding: .utf8)
    }

    func summary(_ diagnostics: [[String: Any]], site: URL) -> [String] {
        diagnostics.map { d in
            let file = (d["file"] as! String).replacingOccurrences(of: site.path + "/", with: "")
            return "\(file) \(d["rule"] as! String)"
        }
    }

    /// A huge stray file (sparse: 64 GiB that take no room) is refused by its name without
    /// being read: read, it would hold the audit for minutes (a terabyte, for hours).
    @Test func aHugeStrayFileIsRefusedWithoutBeingRead() throws {
        let tmp = try TemporaryDirectory()
        let (root, site, _) = try builtSample(tmp)
        let huge = site.appendingPathComponent("policies/huge.pdf")
        #expect(FileManager.default.createFile(atPath: huge.path, contents: nil))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 64 << 30)
        try handle.close()
        let result = try Disclose.run(["audit", site.path, "--root", root.path, "--format", "json"], timeout: 120)
        #expect(!result.timedOut)
        #expect(result.status == 1)
        #expect(summary(try Disclose.diagnostics(result), site: site) == ["policies/huge.pdf audit.stray_file"])
    }

    @Test func aFreshBuildPasses() throws {
        let tmp = try TemporaryDirectory()
        let (root, site, _) = try builtSample(tmp)
        let (result, diagnostics) = try audit(root, site)
        #expect(result.status == 0, "\(diagnostics)")
        // The sample's records and the one builtSample adds.
        #expect(result.stderr.range(of: #"audited \d+ files: 0 with findings\n0 errors, 0 warnings in "# + "\(SampleRecords.count + 1)" + #" records\n$"#,
                                    options: .regularExpression) != nil, "\(result.stderr)")
    }

    /// A canary planted by hand in any kind of file is found, and the file is named.
    @Test(arguments: ["index.html", "sitemap.xml", "assets/search-index.js", "catalog.csv", "data/catalog.json"])
    func plantedCanaryIsFound(_ file: String) throws {
        let tmp = try TemporaryDirectory()
        let (root, site, canary) = try builtSample(tmp)
        let path = site.appendingPathComponent(file)
        var text = (try? String(contentsOf: path, encoding: .utf8)) ?? ""
        // Only the token, as compare.sh's canaries.txt lists it: not a whole title.
        text += file.hasSuffix(".html") ? "<p>\(canary)</p>" : "\n\"\(canary)\"\n"
        try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: path, atomically: true, encoding: .utf8)
        let (result, diagnostics) = try audit(root, site)
        #expect(result.status == 1)
        let leaks = summary(diagnostics, site: site).filter { $0.hasSuffix("audit.leak") }
        #expect(leaks == ["\(file) audit.leak"])
        let message = diagnostics.first { $0["rule"] as? String == "audit.leak" }?["message"] as? String
        #expect(message?.contains("content/policies/internal-99.md") == true)
    }

    /// Large files are searched a megabyte at a time: a canary cut by every kind of piece
    /// boundary is still found, on its own line, in files of every kind over a megabyte.
    @Test(arguments: [("search-index/t-0.js", 0), ("search-index/t-0.js", 10), ("search-index/t-0.js", 40),
                      ("catalog.csv", 25), ("catalog.json", 30)])
    func canaryInALargeFileIsFoundWhereverThePiecesAreCut(_ file: String, before boundary: Int) throws {
        let tmp = try TemporaryDirectory()
        let (root, site, canary) = try builtSample(tmp)
        let path = site.appendingPathComponent(file)
        var bytes = Array((try? String(contentsOf: path, encoding: .utf8))?.utf8 ?? "".utf8)
        // Filler lines up to just before the first megabyte boundary, then the canary across it.
        let filler = Array("// 政府信息公开工作年度报告 filler\n".utf8)
        while bytes.count + filler.count < (1 << 20) - boundary { bytes += filler }
        bytes += [UInt8](repeating: 0x20, count: (1 << 20) - boundary - bytes.count)
        let line = bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        bytes += Array(canary.utf8) + Array("\n".utf8) + Array(repeating: filler, count: 100).joined()
        try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: path)
        let (result, diagnostics) = try audit(root, site)
        #expect(result.status == 1)
        let leaks = diagnostics.filter { $0["rule"] as? String == "audit.leak" }
        #expect(leaks.count == 1, "\(leaks)")
        #expect(leaks.first?["line"] as? Int == line, "\(leaks)")
        #expect((leaks.first?["message"] as? String)?.contains("content/policies/internal-99.md") == true)
    }

    @Test func bodySentenceAndIndexNumberAreFoundToo() throws {
        let tmp = try TemporaryDirectory()
        let (root, site, _) = try builtSample(tmp)
        let page = site.appendingPathComponent("policies/mhf-2024-3.html")
        let html = try String(contentsOf: page, encoding: .utf8)
            .replacingOccurrences(of: "</main>", with: "<p>索引号 11450100MB0000009Z/2024-00099：本说明涉及尚未公开的审核意见和具体金额安排</p></main>")
        try html.write(to: page, atomically: true, encoding: .utf8)
        let (result, diagnostics) = try audit(root, site)
        #expect(result.status == 1)
        let leaks = diagnostics.filter { $0["rule"] as? String == "audit.leak" }
        #expect(leaks.count == 1, "one finding per record and file")
        #expect((leaks.first?["message"] as? String)?.contains("non-public record content/policies/internal-99.md") == true)
        // The index number alone, and a sentence cut by markup, are each found too.
        for planted in ["<p>11450100MB0000009Z/2024-00099</p>", "<p>本说明涉及<em>尚未公开的审核意见</em>和具体金额安排</p>"] {
            let clean = try String(contentsOf: page, encoding: .utf8).replacingOccurrences(
                of: "<p>索引号 11450100MB0000009Z/2024-00099：本说明涉及尚未公开的审核意见和具体金额安排</p>", with: planted)
            try clean.write(to: page, atomically: true, encoding: .utf8)
            let (again, found) = try audit(root, site)
            #expect(again.status == 1, "\(planted)")
            #expect(found.contains { $0["rule"] as? String == "audit.leak" }, "\(planted)")
            try html.write(to: page, atomically: true, encoding: .utf8)
        }
    }

    @Test func externalScriptBrokenLinkAbsolutePathAndExtraFile() throws {
        let tmp = try TemporaryDirectory()
        let (root, site, _) = try builtSample(tmp)
        try plantInHome(site, "<script src=\"https://cdn.example.com/analytics.js\"></script><a href=\"policies/nope.html\">x</a><a href=\"/xxgk/index.html\">y</a><a href=\"catalog.html#nowhere\">z</a><a href=\"https://www.gov.cn/\">ok</a>")
        try "stray".write(to: site.appendingPathComponent("policies/old-copy.html.bak"), atomically: true, encoding: .utf8)
        let css = site.appendingPathComponent("assets/style.css")
        try (try String(contentsOf: css, encoding: .utf8) + "\n@font-face { src: url(//fonts.example.com/x.woff2); }\n")
            .write(to: css, atomically: true, encoding: .utf8)
        let (result, diagnostics) = try audit(root, site)
        #expect(result.status == 1)
        #expect(summary(diagnostics, site: site).sorted() == [
            "assets/style.css audit.external_resource",
            "index.html audit.absolute_path",
            "index.html audit.broken_link",
            "index.html audit.broken_link",
            "index.html audit.external_resource",
            "policies/old-copy.html.bak audit.stray_file",
        ])
    }

    /// A fragment is matched, and named in the finding, as the browser reads it: decoded.
    @Test func fragmentsAreMatchedAndNamedDecoded() throws {
        let tmp = try TemporaryDirectory()
        let (root, site, _) = try builtSample(tmp)
        try plantInHome(site, "<p id=\"年度报告\"><a href=\"#%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A\">有</a><a href=\"catalog.html#%E7%9B%AE%E5%BD%95\">无</a></p>")
        let (result, diagnostics) = try audit(root, site)
        #expect(result.status == 1)
        #expect(summary(diagnostics, site: site) == ["index.html audit.broken_link"], "the id on the page itself is found")
        #expect((diagnostics.first?["message"] as? String)?.hasSuffix("catalog.html has no id '目录'") == true,
                "\(diagnostics.first?["message"] ?? "")")
    }

    /// A page's links into itself are checked as the page is read, those into other pages
    /// at the end: both find a missing id, and neither reports one that is there.
    @Test func fragmentsIntoThePageItselfAndIntoAnother() throws {
        let tmp = try TemporaryDirectory()
        let (root, site, _) = try builtSample(tmp)
        try plantInHome(site, "<p id=\"年度报告\"><a href=\"#没有这一节\">甲</a><a href=\"index.html#年度报告\">乙</a><a href=\"index.html#无此\">丙</a><a href=\"catalog.html#main\">丁</a><a href=\"./catalog.html#main-x\">戊</a></p>")
        let (result, diagnostics) = try audit(root, site)
        #expect(result.status == 1)
        let messages = diagnostics.compactMap { $0["message"] as? String }.sorted()
        #expect(summary(diagnostics, site: site) == Array(repeating: "index.html audit.broken_link", count: 3), "\(messages)")
        #expect(messages.contains { $0.hasSuffix("index.html has no id '没有这一节'") }, "\(messages)")
        #expect(messages.contains { $0.hasSuffix("index.html has no id '无此'") }, "\(messages)")
        #expect(messages.contains { $0.hasSuffix("catalog.html has no id 'main-x'") }, "\(messages)")
    }

    @Test func missingFileAndMalformedPage() throws {
        let tmp = try TemporaryDirectory()
        let (root, site, _) = try builtSample(tmp)
        try FileManager.default.removeItem(at: site.appendingPathComponent("guides/ggcswsxk.html"))
        try "<html><body><p>a &amp b</p>".write(to: site.appendingPathComponent("404.html"), atomically: true, encoding: .utf8)
        try "<urlset><url></urlset>".write(to: site.appendingPathComponent("sitemap.xml"), atomically: true, encoding: .utf8)
        let (result, diagnostics) = try audit(root, site)
        #expect(result.status == 1)
        let found = Set(summary(diagnostics, site: site))
        #expect(found.contains("guides/ggcswsxk.html audit.missing_file"))
        #expect(found.contains("guides/index.html audit.broken_link"))
        #expect(found.contains("404.html audit.malformed"))
        #expect(found.contains("sitemap.xml audit.malformed"))
    }

    /// A withheld record that shares a long title and sentences with a public one is not a
    /// leak when only the public text is published.
    @Test func sharedWordingIsNotALeak() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        for (name, disclosure, title) in [("shared-public", "proactive", "明湖区人民政府办公室关于印发2024年政务公开工作要点的通知"),
                                          ("shared-withheld", "withheld\nwithheld_reason: 内部讨论稿", "明湖区人民政府办公室关于印发2024年政务公开工作要点的通知（征求意见稿）")] {
            try tmp.write("""
                ---
                title: \(title)
                index_number: 11450100MB0000009Z/2024-0\(name == "shared-public" ? "0011" : "0012")
                disclosure: \(disclosure)
                publisher: 明湖区人民政府办公室
                created: 2024-03-01
                published: 2024-03-05
                review: {reviewer: 审查组, date: 2024-03-04}
                summary: 部署2024年政务公开重点工作。
                document_number: 明府办函〔2024〕\(name.count)号
                ---
                各镇人民政府、街道办事处，区直各部门：

                现将《2024年政务公开工作要点》印发给你们，请结合实际认真贯彻落实。

                """, to: "sample/content/policies/\(name).md")
        }
        let result = try Disclose.run(["build", "--root", root.path])
        #expect(result.status == 0, "\(result.stderr)")
        let (audited, diagnostics) = try audit(root, root.appendingPathComponent("site"))
        #expect(audited.status == 0, "\(diagnostics)")
    }

    @Test func usageErrors() throws {
        #expect(try Disclose.run(["audit", "/nonexistent/site", "--root", Disclose.packageRoot.path]).status == 2)
        #expect(try Disclose.run(["audit"]).status == 2)
    }
}
