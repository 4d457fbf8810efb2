import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `disclose serve` on the real binary: what it serves, what it never serves, how it
/// follows edits and errors, and that Ctrl-C leaves nothing behind.
@Suite(.serialized) struct ServeCommandTests {
    /// A notice of the sample's 政务服务中心, planted by the tests that edit a live site.
    static func notice(title: String, disclosure: String = "主动公开", index: Int = 91, created: String = "2024-11-04") -> String {
        """
        ---
        title: \(title)
        index_number: 11450100MB0000008H/2024-000\(index)
        disclosure: \(disclosure)
        publisher: 明湖区政务服务中心
        created: \(created)
        published: 2024-11-06
        review: {reviewer: 区政务服务中心保密审查小组, date: 2024-11-05}
        topic: 政务服务
        summary: 区政务服务中心二楼综合窗口改造期间业务临时调整至一楼办理。
        ---

        各企业、群众：

        2024年11月11日至22日，区政务服务中心二楼综合窗口进行改造，相关业务临时调整至一楼第8至12号窗口办理。

        """
    }

    static func start(_ site: SampleSite, extra: [String] = []) throws -> PreviewProcess {
        try PreviewProcess(root: site.root, temporary: site.tmp.url.appendingPathComponent("tmp"), extra: extra)
    }

    @Test func servesTheBuiltSiteWithItsContentTypesAndTheReloadScript() throws {
        let site = try SampleSite()
        let preview = try Self.start(site)
        #expect(preview.url.hasPrefix("http://127.0.0.1:"))
        let home = try preview.get("/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.body.contains("明湖区人民政府信息公开"))
        #expect(home.body.contains("<script src=\"/__disclose/reload.js\" data-generation=\"1\"></script></body>"))
        #expect(!home.body.contains("disclose-preview-errors"))
        let page = try preview.get("/policies/mhbf-2024-21.html")
        #expect(page.status == 200)
        #expect(page.body.contains("明湖区政府信息公开保密审查办法"))
        let types = [
            "/assets/style.css": "text/css; charset=utf-8",
            "/assets/search.js": "text/javascript; charset=utf-8",
            "/sitemap.xml": "application/xml; charset=utf-8",
            "/catalog.json": "application/json; charset=utf-8",
            "/robots.txt": "text/plain; charset=utf-8",
            "/__disclose/reload.js": "text/javascript; charset=utf-8",
        ]
        for (target, type) in types {
            let response = try preview.get(target)
            #expect(response.status == 200, "\(target)")
            #expect(response.headers["content-type"] == type, "\(target)")
        }
        // Only HTML pages get the script: a style sheet or data file is served as built.
        #expect(try !preview.get("/catalog.json").body.contains("__disclose"))
        let folder = try preview.get("/policies")
        #expect(folder.status == 301)
        #expect(folder.headers["location"] == "/policies/")
        #expect(try preview.get("/policies/").body == (try preview.get("/policies/index.html").body))
        #expect(try preview.get("/", method: "POST").status == 405)
        #expect(preview.stop() == 0)
    }

    @Test func anAttachmentIsSentByteForByteAndALargeOneStreamed() throws {
        let site = try SampleSite()
        // 2 MiB of bytes that are not UTF-8, as a scanned PDF is: sixteen of the chunks it is streamed in.
        var large = Data("%PDF-1.4\n".utf8)
        large.append(Data((0..<(2 * 1_048_576)).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }))
        try site.add(large, at: "content/policies/2024/附件1.pdf")
        let preview = try Self.start(site)
        let response = try preview.get("/policies/2024/%E9%99%84%E4%BB%B61.pdf")
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "application/pdf")
        #expect(response.headers["content-length"] == String(large.count))
        #expect(response.bytes == [UInt8](large))
        let head = try preview.get("/policies/2024/%E9%99%84%E4%BB%B61.pdf", method: "HEAD")
        #expect(head.headers["content-length"] == String(large.count))
        #expect(head.bytes.isEmpty)
        #expect(preview.stop() == 0)
    }

    /// Each way out of the folder a careless or hostile request might take, sent as written.
    static let outside = [
        "/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/assets/..%2f..%2f..%2f..%2fetc/passwd", "/..%5c..%5c..%5cetc%5cpasswd", "//etc/passwd", "/etc/passwd",
        "/.disclose-build", "/%2e%2e", "/assets/%2e%2e/%2e%2e/content/site.yaml", "/__disclose/../index.html",
        "/index.html%00.css", "/%zz",
    ]

    @Test func requestsOutsideTheOutputAreNotFound() throws {
        let site = try SampleSite()
        let preview = try Self.start(site)
        for target in Self.outside {
            let response = try preview.get(target)
            #expect(response.status == 404, "\(target): \(response.status)")
            #expect(!response.body.contains("root:"), "\(target)")
            #expect(response.body.contains("找不到此页面"), "\(target)")
        }
        #expect(preview.stop() == 0)
    }

    @Test func aLinkPlantedInTheOutputThatLeadsOutIsNotFollowed() throws {
        let site = try SampleSite()
        let preview = try Self.start(site)
        let folders = try FileManager.default.contentsOfDirectory(atPath: preview.temporary.path)
        let folder = try #require(folders.first { $0.hasPrefix("disclose-preview-") })
        let output = preview.temporary.appendingPathComponent(folder).appendingPathComponent("site")
        try site.add("根目录之外的文字", at: "outside.txt")
        try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("leak").path,
                                                   withDestinationPath: site.root.path)
        try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("leak.txt").path,
                                                   withDestinationPath: site.root.appendingPathComponent("outside.txt").path)
        #expect(try preview.get("/leak/outside.txt").status == 404)
        #expect(try preview.get("/leak.txt").status == 404)
        #expect(try preview.get("/leak/content/site.yaml").status == 404)
        #expect(preview.stop() == 0)
    }

    @Test func aNonPublicRecordNeverAppearsAndARecordTurnedNonPublicGoes() throws {
        let site = try SampleSite()
        let preview = try Self.start(site)
        // The sample's on-request record: no page, no entry.
        #expect(try preview.get("/policies/mhczj-2024-zxzj.html").status == 404)
        #expect(try !preview.get("/catalog.json").body.contains("内部审核稿"))
        #expect(try !preview.get("/").body.contains("内部审核稿"))
        // A notice published while the preview runs, then turned on-request.
        let title = "明湖区政务服务中心关于二楼综合窗口改造期间业务调整的通知"
        try site.add(Self.notice(title: title), at: "content/notices/zwfwzx-2024-gzts.md")
        #expect(preview.waitForOutput("site rebuilt", occurrence: 2, timeout: 120) != nil, "\(preview.output)")
        let published = try preview.get("/notices/zwfwzx-2024-gzts.html")
        #expect(published.status == 200)
        #expect(published.body.contains(title))
        try site.add(Self.notice(title: title, disclosure: "on-request"), at: "content/notices/zwfwzx-2024-gzts.md")
        #expect(preview.waitForOutput("site rebuilt", occurrence: 3, timeout: 120) != nil, "\(preview.output)")
        #expect(try preview.get("/notices/zwfwzx-2024-gzts.html").status == 404)
        #expect(try !preview.get("/catalog.json").body.contains(title))
        #expect(try !preview.get("/notices/").body.contains(title))
        #expect(preview.stop() == 0)
    }

    @Test func whileTheContentHasErrorsTheLastGoodSiteIsServedWithTheProblemsInChinese() throws {
        let site = try SampleSite()
        let preview = try Self.start(site)
        let path = "content/notices/zwfwzx-2024-gqjq.md"
        let good = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        // Line 6, column 10: the date's value.
        try site.add(good.replacingOccurrences(of: "created: 2024-09-20", with: "created: 2024年9月20日"), at: path)
        #expect(preview.waitForOutput("build failed", timeout: 120) != nil, "\(preview.output)")
        let page = try preview.get("/notices/zwfwzx-2024-gqjq.html")
        #expect(page.status == 200)
        #expect(page.body.contains("明湖区政务服务中心关于2024年国庆节期间调整服务时间的通知"))
        #expect(page.body.contains("构建未通过"))
        #expect(page.body.contains("<code>\(path):6:10</code> <strong>错误</strong>"), "\(page.body.prefix(3000))")
        #expect(page.body.contains("预览仍显示上一次成功构建的网站"))
        #expect(preview.errors.contains("\(path):6:10"))
        try site.add(good, at: path)
        #expect(preview.waitForOutput("disclose serve: site", occurrence: 2, timeout: 120) != nil, "\(preview.output)")
        let fixed = try preview.get("/notices/zwfwzx-2024-gqjq.html")
        #expect(!fixed.body.contains("构建未通过"))
        #expect(preview.stop() == 0)
    }

    @Test func aRecordWithdrawnWithErrorsIsNoLongerServedFromTheLastGoodSite() throws {
        let site = try SampleSite()
        let preview = try Self.start(site)
        #expect(preview.waitForOutput("disclose serve: site", timeout: 120) != nil, "\(preview.output)")
        let path = "content/notices/zwfwzx-2024-gqjq.md"
        let title = "明湖区政务服务中心关于2024年国庆节期间调整服务时间的通知"
        #expect(try preview.get("/notices/zwfwzx-2024-gqjq.html").status == 200)
        let shard = "/search-index/d-0.js"
        #expect(try preview.get(shard).body.contains(title))
        let good = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        // 不予公开 without withheld_reason: an error, so the build that would drop it fails.
        try site.add(good.replacingOccurrences(of: "disclosure: 主动公开", with: "disclosure: 不予公开"), at: path)
        #expect(preview.waitForOutput("build failed", timeout: 120) != nil, "\(preview.output)")
        for address in ["/notices/zwfwzx-2024-gqjq.html", shard, "/search-index/meta.js", "/catalog.json", "/"] {
            let response = try preview.get(address)
            #expect(response.status == 503, "\(address)")
            #expect(!response.body.contains(title), "\(address)")
        }
        let page = try preview.get("/")
        #expect(page.body.contains("<html lang=\"zh-CN\">"))
        #expect(page.body.contains("预览因此暂停显示该网站"))
        #expect(preview.output.contains("a record of the last good site is no longer public"), "\(preview.output)")
        #expect(page.body.contains("<code>\(path):"), "\(page.body)")
        // Made public again (still with an error elsewhere): the last good site is back.
        try site.add(good.replacingOccurrences(of: "created: 2024-09-20", with: "created: 2024年9月20日"), at: path)
        #expect(preview.waitForOutput("build failed", occurrence: 2, timeout: 120) != nil, "\(preview.output)")
        let back = try preview.get("/notices/zwfwzx-2024-gqjq.html")
        #expect(back.status == 200)
        #expect(back.body.contains("预览仍显示上一次成功构建的网站"))
        #expect(preview.stop() == 0)
    }

    /// A root without content/ is no site: refused at once, as `build` refuses it.
    @Test func aRootWithoutContentIsRefused() throws {
        let tmp = try TemporaryDirectory()
        try tmp.write("说明\n", to: "empty/readme.txt")
        let result = try Disclose.run(["serve", "--root", tmp.url.appendingPathComponent("empty").path, "--port", "0"], timeout: 60)
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("no content/ directory"), "\(result.stderr)")
    }

    @Test func aRecordWithdrawnWhoseIndexNumberAnotherRecordTookIsNoLongerServed() throws {
        let site = try SampleSite()
        let preview = try Self.start(site)
        #expect(preview.waitForOutput("disclose serve: site", timeout: 120) != nil, "\(preview.output)")
        let path = "content/notices/zwfwzx-2024-gqjq.md"
        #expect(try preview.get("/notices/zwfwzx-2024-gqjq.html").status == 200)
        let good = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        // Withheld without an error, under a new 索引号; its old one given to a new public
        // notice that has an error, so the build fails.
        try site.add(good.replacingOccurrences(of: "disclosure: 主动公开", with: "disclosure: 不予公开\nwithheld_reason: 属于内部事务信息，依据《中华人民共和国政府信息公开条例》第十六条不予公开")
                         .replacingOccurrences(of: "2024-00015", with: "2024-00122"), at: path)
        try site.add(Self.notice(title: "明湖区政务服务中心关于窗口调整的补充通知", index: 15, created: "2024/11/04"),
                     at: "content/notices/zwfwzx-2024-bc.md")
        #expect(preview.waitForOutput("build failed", timeout: 120) != nil, "\(preview.output)")
        #expect(try preview.get("/notices/zwfwzx-2024-gqjq.html").status == 503)
        #expect(preview.stop() == 0)
    }

    @Test func aRecordDeletedWithErrorsIsNoLongerServedFromTheLastGoodSite() throws {
        let site = try SampleSite()
        let preview = try Self.start(site)
        #expect(preview.waitForOutput("disclose serve: site", timeout: 120) != nil, "\(preview.output)")
        #expect(try preview.get("/notices/zwfwzx-2024-gqjq.html").status == 200)
        // Deleted, and a new notice with an error added in the same edit.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/notices/zwfwzx-2024-gqjq.md"))
        try site.add(Self.notice(title: "明湖区政务服务中心关于窗口调整的补充通知", index: 94, created: "2024/11/04"),
                     at: "content/notices/zwfwzx-2024-bc.md")
        #expect(preview.waitForOutput("build failed", timeout: 120) != nil, "\(preview.output)")
        #expect(try preview.get("/notices/zwfwzx-2024-gqjq.html").status == 503)
        #expect(try preview.get("/search-index/d-0.js").status == 503)
        #expect(preview.stop() == 0)
    }

    /// A preview listening on every address, whose latest build failed with a problem
    /// that quotes the sample's on-request record: a public notice copies its text
    /// (leak.shared_text, a warning that quotes it) and another notice has a date in the
    /// wrong form (an error, so the build fails and the panel lists both).
    static func startWithAProblemQuotingANonPublicRecord(_ site: SampleSite) throws -> PreviewProcess {
        let preview = try start(site, extra: ["--host", "0.0.0.0"])
        let copied = "本文件为区级财政专项资金分配的内部审核稿，涉及项目单位的具体分配数额，依申请公开。"
        try site.add(notice(title: "明湖区政务服务中心关于专项资金的说明", index: 93) + copied + "\n",
                     at: "content/notices/zwfwzx-2024-zxsm.md")
        try site.add(notice(title: "明湖区政务服务中心关于窗口调整的补充通知", index: 94, created: "2024/11/04"),
                     at: "content/notices/zwfwzx-2024-bc.md")
        #expect(preview.waitForOutput("build failed", timeout: 120) != nil, "\(preview.output)")
        #expect(preview.errors.contains("leak.shared_text"), "\(preview.errors)")
        return preview
    }

    /// What a browser that may not read the details is shown.
    static func expectNoDetails(_ response: PreviewProcess.Response) {
        #expect(response.status == 200)
        #expect(response.body.contains("构建未通过"))
        #expect(response.body.contains("只显示在运行 disclose serve 的计算机上"))
        #expect(!response.body.contains("leak.shared_text"))
        #expect(!response.body.contains("内部审核稿"))
        #expect(!response.body.contains("zwfwzx-2024-zxsm"))
    }

    @Test func onlyThisMachineByALoopbackNameSeesAProblemThatQuotesANonPublicRecord() throws {
        let site = try SampleSite()
        let preview = try Self.startWithAProblemQuotingANonPublicRecord(site)
        let here = try preview.get("/")
        #expect(here.body.contains("leak.shared_text"))
        #expect(here.body.contains("内部审核稿"))
        #expect(try preview.get("/", hostHeader: "localhost:\(preview.port)").body.contains("内部审核稿"))
        // A page of another site whose name now leads to 127.0.0.1 (DNS rebinding) reads
        // the preview from this machine, but under its own name: no details.
        Self.expectNoDetails(try preview.get("/", hostHeader: "evil.example:\(preview.port)"))
        #expect(preview.stop() == 0)
    }

    @Test(.enabled(if: PreviewProcess.otherAddress() != nil, "this machine has an address other than loopback"))
    func anotherMachineSeesNoProblemThatQuotesANonPublicRecord() throws {
        let site = try SampleSite()
        let preview = try Self.startWithAProblemQuotingANonPublicRecord(site)
        let other = try #require(PreviewProcess.otherAddress())
        Self.expectNoDetails(try preview.get("/", address: other, hostHeader: "\(other):\(preview.port)"))
        #expect(preview.stop() == 0)
    }

    @Test func aSiteThatNeverBuiltShowsTheErrorPage() throws {
        let site = try SampleSite()
        try site.add(Self.notice(title: "", index: 92), at: "content/notices/zwfwzx-2024-kbt.md")
        let preview = try PreviewProcess(root: site.root, temporary: site.tmp.url.appendingPathComponent("tmp"),
                                         waitingFor: "build failed")
        let page = try preview.get("/")
        #expect(page.status == 503)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.body.contains("<html lang=\"zh-CN\">"))
        #expect(page.body.contains("网站尚未构建成功"))
        #expect(page.body.contains("<code>content/notices/zwfwzx-2024-kbt.md:2:"), "\(page.body)")
        #expect(page.body.contains("/__disclose/reload.js"))
        #expect(preview.stop() == 0)
    }

    @Test func aTemplateSiteYAMLAndATypeDeclarationAreWatchedToo() throws {
        let site = try SampleSite()
        let preview = try Self.start(site)
        #expect(try preview.get("/proposals/rdjy-2024-45.html").body.contains("建议提案编号"))
        try site.add("""
        {{<base}}
        {{$main}}
        <h1>页面暂时无法找到</h1>
        <p>请从<a href="{{root}}index.html">首页</a>查找所需信息。</p>
        {{/main}}
        {{/base}}

        """, at: "templates/404.mustache")
        #expect(preview.waitForOutput("site rebuilt", occurrence: 2, timeout: 120) != nil, "\(preview.output)")
        #expect(try preview.get("/404.html").body.contains("页面暂时无法找到"))
        let settings = site.root.appendingPathComponent("content/site.yaml")
        let yaml = try String(contentsOf: settings, encoding: .utf8)
        try site.add(yaml.replacingOccurrences(of: "title: 明湖区人民政府信息公开", with: "title: 明湖区人民政府政务公开"),
                     at: "content/site.yaml")
        #expect(preview.waitForOutput("site rebuilt", occurrence: 3, timeout: 120) != nil, "\(preview.output)")
        #expect(try preview.get("/").body.contains("<title>首页 - 明湖区人民政府政务公开</title>"))
        let declaration = site.root.appendingPathComponent("types/proposal.yaml")
        let declared = try String(contentsOf: declaration, encoding: .utf8)
        try site.add(declared.replacingOccurrences(of: "label: 建议提案编号", with: "label: 建议提案序号"), at: "types/proposal.yaml")
        #expect(preview.waitForOutput("site rebuilt", occurrence: 4, timeout: 120) != nil, "\(preview.output)")
        let proposal = try preview.get("/proposals/rdjy-2024-45.html").body
        #expect(proposal.contains("建议提案序号"))
        #expect(!proposal.contains("建议提案编号"))
        #expect(preview.stop() == 0)
    }

    @Test func anEditSendsAReloadEventToTheOpenPages() throws {
        let site = try SampleSite()
        let preview = try Self.start(site)
        let page = try preview.get("/notices/zwfwzx-2024-gqjq.html")
        let generation = try #require(page.body.range(of: "data-generation=\"").map { page.body[$0.upperBound...].prefix { $0.isNumber } })
        // A stale page hears at once that it is stale.
        let stale = try preview.get("/__disclose/events?since=0")
        #expect(stale.headers["content-type"] == "text/event-stream; charset=utf-8")
        #expect(stale.body.contains("event: reload\ndata: \(generation)\n"))
        // A current page hears nothing until an edit.
        let heard = UnsafeBox<PreviewProcess.Response>()
        let listening = Thread { heard.value = try? preview.get("/__disclose/events?since=\(generation)") }
        listening.start()
        usleep(1_500_000)
        #expect(heard.value == nil)
        let path = "content/notices/zwfwzx-2024-gqjq.md"
        let good = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        try site.add(good.replacingOccurrences(of: "国庆节期间调整服务时间", with: "国庆节期间调整窗口服务时间"), at: path)
        let deadline = Date().addingTimeInterval(120)
        while heard.value == nil && Date() < deadline { usleep(100_000) }
        let event = try #require(heard.value)
        #expect(event.body.contains("event: reload\ndata: \(Int(generation)! + 1)\n"))
        #expect(try preview.get("/notices/zwfwzx-2024-gqjq.html").body.contains("国庆节期间调整窗口服务时间"))
        #expect(preview.stop() == 0)
    }

    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func aSignalStopsThePreviewAndRemovesItsFolderAndCaches(_ signal: Int32) throws {
        let site = try SampleSite()
        let preview = try Self.start(site)
        // An open event stream must not keep it from stopping.
        let listening = Thread { _ = try? preview.get("/__disclose/events?since=1") }
        listening.start()
        usleep(300_000)
        #expect(try FileManager.default.contentsOfDirectory(atPath: preview.temporary.path).contains { $0.hasPrefix("disclose-preview-") })
        let caches = site.root.appendingPathComponent(".disclose").path
        #expect(try FileManager.default.contentsOfDirectory(atPath: caches).contains { $0.hasSuffix("-cache") })
        #expect(preview.stop(signal, timeout: 20) == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: preview.temporary.path).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: caches).allSatisfy { !$0.hasSuffix("-cache") })
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("site").path))
        #expect(preview.output.contains("stopped; the preview's folder is removed"))
    }

    @Test func aBuildWritesNoTraceOfThePreview() throws {
        let site = try SampleSite()
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        let tree = try site.output()
        for (path, data) in tree.files {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("__disclose"), "\(path)")
            #expect(!text.contains("EventSource"), "\(path)")
            #expect(!text.contains("disclose-preview"), "\(path)")
        }
    }

    @Test func aHostOtherThanLoopbackIsWarnedAbout() throws {
        let site = try SampleSite()
        let preview = try Self.start(site, extra: ["--host", "0.0.0.0"])
        #expect(preview.errors.contains("warning: --host 0.0.0.0 is not a loopback address"))
        #expect(try preview.get("/").status == 200)
        #expect(preview.stop() == 0)
        let quiet = try Self.start(try SampleSite())
        #expect(!quiet.errors.contains("loopback"))
        #expect(quiet.stop() == 0)
    }

    @Test func aPortInUseOrAMissingRootIsAnEnvironmentError() throws {
        let site = try SampleSite()
        let first = try Self.start(site)
        let second = try Disclose.run(["serve", "--root", site.root.path, "--port", String(first.port)], timeout: 60)
        #expect(second.status == 2, "\(second.stdout) \(second.stderr)")
        #expect(second.stderr.contains("error: cannot listen on 127.0.0.1:\(first.port): the port is already in use"), "\(second.stderr)")
        #expect(!second.stderr.contains("errno"), "\(second.stderr)")
        // No build for a preview that cannot be served, and nothing left behind.
        #expect(!second.stdout.contains("site rebuilt"))
        #expect(first.stop() == 0)
        let missing = try Disclose.run(["serve", "--root", site.root.appendingPathComponent("无此目录").path], timeout: 60)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("is not a readable directory"))
        let badPort = try Disclose.run(["serve", "--port", "70000"], timeout: 60)
        #expect(badPort.status == 2)
    }
}
