import DisclosureKit
import Foundation
import Testing
@testable import DisclosePreview

/// The preview's answers that need no server: which file a request path names (and
/// which it may never name), the content types, the injected script and error panel.
@Suite struct PreviewRequestTests {
    /// A served folder with a page, a section folder and, beside the folder, a secret.
    final class Folder {
        let base: String
        let site: String
        init() throws {
            let made = FileManager.default.temporaryDirectory.appendingPathComponent("preview-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: made + "/site/policies/内部", withIntermediateDirectories: true)
            base = RequestPath.realPath(made)!
            site = base + "/site"
            try Data("<html><body>首页</body></html>".utf8).write(to: URL(fileURLWithPath: site + "/index.html"))
            try Data("<p>政策</p>".utf8).write(to: URL(fileURLWithPath: site + "/policies/index.html"))
            try Data("body{}".utf8).write(to: URL(fileURLWithPath: site + "/policies/内部/a b.css"))
            try Data("marker".utf8).write(to: URL(fileURLWithPath: site + "/.disclose-build"))
            try Data("secret".utf8).write(to: URL(fileURLWithPath: base + "/secret.txt"))
            try FileManager.default.createSymbolicLink(atPath: site + "/out", withDestinationPath: base)
            try FileManager.default.createSymbolicLink(atPath: site + "/out.txt", withDestinationPath: base + "/secret.txt")
            try FileManager.default.createSymbolicLink(atPath: site + "/inside.html", withDestinationPath: site + "/index.html")
        }
        deinit { try? FileManager.default.removeItem(atPath: base) }
    }

    @Test func filesAndFolderIndexesInsideTheFolderAreServed() throws {
        let folder = try Folder()
        #expect(RequestPath.resolve("/", in: folder.site) == .file(folder.site + "/index.html"))
        #expect(RequestPath.resolve("/index.html?x=1#y", in: folder.site) == .file(folder.site + "/index.html"))
        #expect(RequestPath.resolve("/policies/", in: folder.site) == .file(folder.site + "/policies/index.html"))
        #expect(RequestPath.resolve("/policies/%E5%86%85%E9%83%A8/a%20b.css", in: folder.site)
            == .file(folder.site + "/policies/内部/a b.css"))
        // A link that stays inside is the file it leads to.
        #expect(RequestPath.resolve("/inside.html", in: folder.site) == .file(folder.site + "/index.html"))
    }

    @Test func aFolderWithoutItsSlashIsRedirectedSoThatRelativeLinksHold() throws {
        let folder = try Folder()
        #expect(RequestPath.resolve("/policies", in: folder.site) == .redirect("/policies/"))
        #expect(RequestPath.resolve("/policies?q=1", in: folder.site) == .redirect("/policies/"))
        // A folder with no index.html is not listed.
        #expect(RequestPath.resolve("/policies/%E5%86%85%E9%83%A8/", in: folder.site) == .notFound)
        // Nor redirected to: without its slash it is not found either.
        #expect(RequestPath.resolve("/policies/%E5%86%85%E9%83%A8", in: folder.site) == .notFound)
    }

    @Test(arguments: [
        "/../secret.txt", "/policies/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
        "/.%2e/secret.txt", "/policies%2f..%2f..%2fsecret.txt", "/..%2fsecret.txt", "/..%5csecret.txt",
        "/..\\secret.txt", "/out/secret.txt", "/out.txt", "/.disclose-build", "/%2edisclose-build",
        "/index.html%00.css", "/index.html/", "secret.txt", "http://127.0.0.1/../secret.txt",
        "/%zz", "/nothing.html", "//secret.txt",
    ])
    func requestsOutsideTheFolderOrOddAreNotFound(_ target: String) throws {
        let folder = try Folder()
        #expect(RequestPath.resolve(target, in: folder.site) == .notFound)
    }

    @Test func aFolderNotYetBuiltServesNothing() {
        #expect(RequestPath.resolve("/", in: "/nonexistent-\(UUID().uuidString)/site") == .notFound)
    }

    @Test func contentTypesNameUTF8ForText() {
        #expect(ContentType.of("a/index.html") == "text/html; charset=utf-8")
        #expect(ContentType.of("assets/site.css") == "text/css; charset=utf-8")
        #expect(ContentType.of("search-index.js") == "text/javascript; charset=utf-8")
        #expect(ContentType.of("sitemap.xml") == "application/xml; charset=utf-8")
        #expect(ContentType.of("catalog.json") == "application/json; charset=utf-8")
        #expect(ContentType.of("附件.PDF") == "application/pdf")
        #expect(ContentType.of("README") == "application/octet-stream")
        #expect(ContentType.of("x.exe") == "application/octet-stream")
    }

    @Test func theReloadScriptGoesBeforeTheLastClosingBody() {
        let page = Array("<html><body><pre>&lt;/body&gt;</pre></BODY></html>".utf8)
        let injected = String(decoding: ReloadScript.inject(into: page, generation: 7), as: UTF8.self)
        #expect(injected == "<html><body><pre>&lt;/body&gt;</pre><script src=\"/__disclose/reload.js\" data-generation=\"7\"></script></BODY></html>")
        let bare = String(decoding: ReloadScript.inject(into: Array("<p>片段</p>".utf8), generation: 1), as: UTF8.self)
        #expect(bare.hasPrefix("<p>片段</p><script src=\"/__disclose/reload.js\""))
    }

    @Test func theErrorPanelNamesFileLineAndColumnInChineseAndEscapesTheContent() {
        let failure = BuildFailure(diagnostics: [
            Diagnostic(file: "content/policies/<x>.md", location: .init(line: 3, column: 8), severity: .error,
                       rule: "date.format", field: "created", message: Phrase("'2024/3/1' 不是日期 <script>alert(1)</script>", en: "'2024/3/1' is not a date <script>alert(1)</script>")),
        ], hasGoodSite: true)
        let page = String(decoding: ErrorPage.inject(failure, into: Array("<html><body class=\"x\"><h1>标题</h1></body></html>".utf8), detailed: true), as: UTF8.self)
        #expect(page.contains("<body class=\"x\"><section id=\"disclose-preview-errors\""))
        #expect(page.contains("构建未通过（错误 1 条，警告 0 条）"))
        #expect(page.contains("<code>content/policies/&lt;x&gt;.md:3:8</code> <strong>错误</strong>（date.format）"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.contains("<script>alert(1)"))
        #expect(page.contains("预览仍显示上一次成功构建的网站"))
        let first = ErrorPage.page(BuildFailure(diagnostics: failure.diagnostics, hasGoodSite: false), generation: 2, detailed: true)
        #expect(first.contains("<html lang=\"zh-CN\">"))
        #expect(first.contains("网站尚未构建成功"))
        #expect(first.contains("data-generation=\"2\""))
    }

    @Test func anotherMachineIsToldHowManyProblemsButNotWhatTheySay() {
        let failure = BuildFailure(diagnostics: [
            Diagnostic(file: "content/notices/x.md", location: .init(line: 12, column: 1), severity: .error,
                       rule: "leak.shared_text", field: nil,
                       message: Phrase("与未公开记录 content/policies/y.md 有 34 个相同字符（'内部审核稿的分配数额'）",
                                       en: "shares 34 characters with the non-public record content/policies/y.md ('内部审核稿的分配数额')")),
        ], environmentError: "cannot read content/policies/内部.md", hasGoodSite: true)
        for page in [String(decoding: ErrorPage.inject(failure, into: Array("<body></body>".utf8), detailed: false), as: UTF8.self),
                     ErrorPage.page(failure, generation: 3, detailed: false)] {
            #expect(page.contains("构建未通过（错误 1 条，警告 0 条）"))
            #expect(page.contains("只显示在运行 disclose serve 的计算机上"))
            #expect(!page.contains("内部"))
            #expect(!page.contains("content/"))
            #expect(!page.contains("leak.shared_text"))
        }
        #expect(PreviewRequestContext.isLoopbackAddress("127.0.0.1"))
        #expect(PreviewRequestContext.isLoopbackAddress("127.9.9.9"))
        #expect(PreviewRequestContext.isLoopbackAddress("::1"))
        #expect(PreviewRequestContext.isLoopbackAddress("::ffff:127.0.0.1"))
        #expect(!PreviewRequestContext.isLoopbackAddress("192.168.1.7"))
        #expect(!PreviewRequestContext.isLoopbackAddress("::ffff:10.0.0.1"))
        #expect(!PreviewRequestContext.isLoopbackAddress("fe80::1"))
        #expect(PreviewRequestContext.hostName("127.0.0.1:8012") == "127.0.0.1")
        #expect(PreviewRequestContext.hostName("localhost") == "localhost")
        #expect(PreviewRequestContext.hostName("[::1]:8012") == "::1")
        #expect(PreviewRequestContext.hostName("evil.example:8012") == "evil.example")
    }

    @Test func thePanelGoesAfterTheFirstBodyTagNotOneQuotedLater() {
        let failure = BuildFailure(diagnostics: [], environmentError: "x", hasGoodSite: true)
        let html = Array("<html><BODY id=\"a\"><script>var s = \"<body>\";</script></body></html>".utf8)
        let page = String(decoding: ErrorPage.inject(failure, into: html, detailed: true), as: UTF8.self)
        #expect(page.hasPrefix("<html><BODY id=\"a\"><section id=\"disclose-preview-errors\""))
        #expect(page.hasSuffix("</section><script>var s = \"<body>\";</script></body></html>"))
        let noBody = String(decoding: ErrorPage.inject(failure, into: Array("<p>片段</p>".utf8), detailed: true), as: UTF8.self)
        #expect(noBody.hasPrefix("<section id=\"disclose-preview-errors\""))
        #expect(noBody.hasSuffix("<p>片段</p>"))
    }

    @Test func loopbackHostsAreTheOnlyOnesNotWarnedAbout() {
        for host in ["127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "::1", "[::1]"] {
            #expect(PreviewServer.isLoopback(host), "\(host)")
        }
        for host in ["0.0.0.0", "192.168.1.10", "::", "example.gov.cn", "127.0.0.1.example.com", "1270.0.0.1", "127.0.0.256"] {
            #expect(!PreviewServer.isLoopback(host), "\(host)")
        }
    }

    @Test func theStateMovesToANewGenerationOnlyWhenWhatIsShownChanges() async {
        let state = PreviewState()
        state.record(failure: nil, siteChanged: true)
        #expect(state.snapshot.generation == 1)
        state.record(failure: nil, siteChanged: false)
        #expect(state.snapshot.generation == 1)
        let failure = BuildFailure(diagnostics: [], environmentError: "x", hasGoodSite: true)
        let (key, generations) = state.listen()
        state.record(failure: failure, siteChanged: false)
        #expect(state.snapshot.generation == 2)
        #expect(state.snapshot.hasGoodSite)
        state.record(failure: failure, siteChanged: false)
        #expect(state.snapshot.generation == 2)
        var iterator = generations.makeAsyncIterator()
        #expect(await iterator.next() == 2)
        state.stopListening(key)
        state.stop()
        let (_, after) = state.listen()
        var ended = after.makeAsyncIterator()
        #expect(await ended.next() == nil)
    }
}
