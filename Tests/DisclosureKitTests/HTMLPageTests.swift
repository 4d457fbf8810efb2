@testable import DisclosureKit
import Testing

/// The page reader the audit relies on: what it must find in a page, read as a stream.
@Suite struct HTMLPageTests {
    @Test func findsLanguageTitleIdsReferencesAndText() {
        let html = """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><title>政府信息公开 &amp; 目录</title>
        <link rel="stylesheet" href="assets/style.css"><style>body { background: url('img/bg.png') }</style>
        <script src="assets/search.js"></script><script>var x = 1;</script></head>
        <body><a class="skip" href="#main">跳到正文</a><main id="main"><h1>标题</h1>
        <p onclick="x()">第一段<!-- 注释 -->第二段</p><a name="old-anchor"></a>
        <td style="text-align: right">1</td><div style="background:url(&quot;a.png&quot;)">x</div>
        <img src="p.png" srcset="p2.png 2x"><IMG SRC="UPPER.PNG"></main></body></html>
        """
        let page = HTMLPage(Array(html.utf8))
        #expect(page.language == "zh-CN")
        #expect(page.title == "政府信息公开 & 目录")
        #expect(page.anchors == ["main", "old-anchor"])
        #expect(page.headingOneCount == 1)
        #expect(page.inlineScripts == 1)
        #expect(page.eventHandlers == ["p@onclick"])
        #expect(page.references.map { "\($0.element) \($0.attribute) \($0.value)" } == [
            "link href assets/style.css", "style url() img/bg.png", "script src assets/search.js", "a href #main",
            "div style url() a.png", "img src p.png", "img srcset p2.png", "img src UPPER.PNG",
        ])
        #expect(page.references.first { $0.value == "p.png" }?.line == 8)
        // Text is joined across comments and inline elements, as a reader sees it, never
        // across blocks; entities decoded.
        #expect(page.texts.contains("第一段第二段"))
        #expect(page.texts.contains("政府信息公开 & 目录"))
        #expect(!page.texts.contains { $0.contains("标题第一段") })
        #expect(page.errors.isEmpty)
    }

    /// A word cut by inline markup (`<wbr>`, empty or not) is one run; blocks are not.
    @Test func joinsTextAcrossInlineElementsOnly() {
        let page = HTMLPage(Array("<html lang=\"zh\"><body><p>机密<span></span>文<wbr>件<B>内容</B></p><td>甲</td><td>乙</td></body></html>".utf8))
        #expect(page.texts == ["机密文件内容", "甲", "乙"], "\(page.texts)")
    }

    /// An element marked as holding a separate text (a generated count beside a public
    /// value) is a text of its own: no run goes into or out of it, though an unmarked
    /// inline element around it still joins.
    @Test func readsAMarkedElementAsASeparateText() {
        let page = HTMLPage(Array(("<html lang=\"zh\"><body><ul><li><a href=\"p.html\">明湖区财政局</a> "
            + "<span class=\"count\" DATA-SEPARATE-TEXT>（<b>2</b>条）</span>后文<i>接续</i></li>"
            + "<li>甲<span class=\"count\">乙</span>丙</li></ul></body></html>").utf8))
        #expect(page.texts == ["明湖区财政局 ", "（2条）", "后文接续", "甲乙丙"], "\(page.texts)")
    }

    /// The title's parts, which the build joins with ' - ', are texts of their own; the
    /// same separator in the body is text like any other.
    @Test func readsATitlesPartsAsSeparateTexts() {
        let page = HTMLPage(Array("<html lang=\"zh\"><head><title>办事指南 - 2021年 - 站名</title></head><body><p>甲 - 乙</p></body></html>".utf8))
        #expect(page.texts == ["办事指南", "2021年", "站名", "甲 - 乙"], "\(page.texts)")
        #expect(page.title == "办事指南 - 2021年 - 站名")
    }

    @Test func streamsTextWhenAsked() {
        var seen: [String] = []
        let page = HTMLPage(Array("<html lang=\"zh\"><body><p>甲</p><p>乙</p></body></html>".utf8)) { seen.append($0) }
        #expect(seen == ["甲", "乙"])
        #expect(page.texts.isEmpty)
    }

    @Test func reportsBrokenMarkupAndSurvivesAnEmptyFile() {
        let empty = HTMLPage([])
        #expect(empty.language == nil && empty.title == nil && empty.references.isEmpty)
        let broken = HTMLPage(Array("<html><body><p>a</b></p></body></html>".utf8))
        #expect(!broken.errors.isEmpty, "a stray end tag is reported")
        // The parser's words stay as it wrote them; the line is said in the run's language.
        let first = broken.errors.first
        #expect(first?.en.hasPrefix("line 1: ") == true, "\(broken.errors)")
        #expect(first?.zh.hasPrefix("第 1 行：") == true, "\(broken.errors)")
    }

    /// The parser reads nothing after the root has ended; a browser still runs what is
    /// there, so it is an error of the page. White space and comments may follow.
    @Test(arguments: [
        ("<html><body>a</body></html>\n<script src=\"http://evil.example/a.js\"></script>\n", true),
        ("<html><body>a</body></HTML>x", true),
        ("<html><body>a</body></html><img src=x>", true),
        ("<html><body>a</body></html>\n", false),
        ("<html><body>a</body></html>\n<!-- 生成于 2024 -->\n", false),
        ("<html><body><script>var s = '</html>';</script>a</body></html>", false),
    ])
    func contentAfterTheRootEndIsAnError(_ page: String, stray: Bool) {
        let errors = HTMLPage(Array(page.utf8)).errors
        #expect(errors.contains { $0.en.contains("content after '</html>'") } == stray, "\(errors)")
        // Fed in pieces of every size, the answer is the same.
        for size in 1...4 {
            let bytes = Array(page.utf8)
            let pieces = stride(from: 0, to: bytes.count, by: size).map { Array(bytes[$0..<min($0 + size, bytes.count)]) }
            let parser = HTMLPage.Parser(onText: nil, onReferences: nil)
            for piece in pieces { piece.withUnsafeBytes { parser.feed($0) } }
            let streamed = parser.finish().errors
            #expect(streamed.contains { $0.en.contains("content after '</html>'") } == stray, "size \(size): \(streamed)")
        }
    }
}

/// The byte-wise prefix test `audit` classifies links with: ASCII case is ignored, as
/// browsers ignore it in schemes.
@Suite struct LinkPrefixTests {
    @Test func prefixesIgnoreASCIICase() {
        #expect(SiteAuditor.hasPrefix("HTTPS://cdn.example.com/x.js", "https://"))
        #expect(SiteAuditor.hasPrefix("MailTo:office@example.gov.cn", "mailto:"))
        #expect(SiteAuditor.hasPrefix("data:image/png;base64,AAAA", "data:image/"))
        #expect(!SiteAuditor.hasPrefix("http:/", "http://"))
        #expect(!SiteAuditor.hasPrefix("../http://x", "http://"))
        #expect(!SiteAuditor.hasPrefix("", "tel:"))
        #expect(!SiteAuditor.hasPrefix("ｈttp://", "http://"), "a full-width letter is not a scheme letter")
    }
}

/// The page reader is fed a piece at a time: what it finds must not depend on the cuts.
@Suite struct HTMLPageStreamTests {
    @Test func aPageFedAByteAtATimeReadsAsTheWholePage() {
        let html = """
        <!DOCTYPE html><html lang="zh-CN"><head><title>目录 &amp; 索引</title><style>p { background: url(a.png) }
        @import "b.css";</style></head><body><main id="main"><h1>标题</h1><p>第一段&#45;甲</p>
        <img srcset="c.png 1x, d.png 2x" alt=""><a href="#main" ping="e.html">x</a><?xml-stylesheet href="f.xsl"?>
        <meta http-equiv="refresh" content="5; url=g.html"><iframe srcdoc="&lt;img src=h.png&gt;"></iframe></main></body></html>
        """
        let whole = HTMLPage(Array(html.utf8))
        let parser = HTMLPage.Parser(onText: nil, onReferences: nil)
        for byte in Array(html.utf8) { [byte].withUnsafeBytes { parser.feed($0) } }
        let pieces = parser.finish()
        #expect(whole.references.map(\.value) == ["a.png", "b.css", "c.png", "d.png", "#main", "e.html", "f.xsl", "g.html", "h.png"])
        #expect(pieces.references == whole.references)
        #expect(pieces.anchors == whole.anchors && pieces.title == whole.title && pieces.language == whole.language)
        #expect(pieces.texts.joined() == whole.texts.joined())
        #expect(pieces.errors == whole.errors)
    }

    @Test func referencesComeInBatchesWhenAsked() {
        let html = "<html lang=\"zh\"><title>t</title><body>" + String(repeating: "<a href=\"#x\">x</a>", count: 10_000) + "</body></html>"
        var batches: [Int] = []
        let parser = HTMLPage.Parser(onText: nil) { batches.append($0.count) }
        Array(html.utf8).withUnsafeBytes { parser.feed($0) }
        let page = parser.finish()
        #expect(page.references.isEmpty)
        #expect(batches == [HTMLPage.referenceBatch, HTMLPage.referenceBatch, 10_000 - 2 * HTMLPage.referenceBatch])
    }

    /// The parser keeps up with the pieces, whatever they cut (an attribute value too):
    /// references arrive as the page is fed, not all at its end, and what it read is dropped.
    @Test func theParserKeepsUpWithPiecesCutAnywhere() {
        let html = Array(("<html lang=\"zh\"><title>t</title><body>"
            + String(repeating: "<p>政府信息公开，<a href=\"catalog.html\" title=\"目录\">目录</a></p>\n", count: 50_000)
            + "</body></html>").utf8)
        var handed = 0
        let parser = HTMLPage.Parser(onText: nil) { handed += $0.count }
        var fed = 0
        html.withUnsafeBytes { buffer in
            while fed < buffer.count {
                let end = min(buffer.count, fed + 997)
                parser.feed(UnsafeRawBufferPointer(rebasing: buffer[fed..<end]))
                fed = end
            }
        }
        #expect(handed >= 50_000 - HTMLPage.referenceBatch, "references arrived while the page was fed")
        let page = parser.finish()
        #expect(handed == 50_000 && page.errors.isEmpty, "\(page.errors)")
    }

    @Test func aHugeTextNodeIsHandedOverInOverlappingPieces() {
        let text = String(repeating: "政府信息公开", count: 200_000)  // 3.6 MB
        var pieces: [String] = []
        _ = HTMLPage(Array("<html><body><p>\(text)</p></body></html>".utf8)) { pieces.append($0) }
        #expect(pieces.count > 1)
        #expect(pieces.allSatisfy { $0.utf8.count <= HTMLPage.textPieceBytes + HTMLPage.chunkBytes })
        #expect(pieces.map(\.utf8.count).reduce(0, +) >= text.utf8.count)
        #expect(pieces.allSatisfy { text.contains($0) }, "cut between characters only")
    }
}

/// What CSS makes a browser fetch, however it is spelt.
@Suite struct CSSReferenceTests {
    @Test(arguments: [
        ("a { background: url(x.png) }", ["x.png"]),
        ("a { background: URL( 'x.png' ) }", ["x.png"]),
        ("@import \"a.css\";\n@import url(b.css) screen;", ["a.css", "b.css"]),
        ("@import/* c */'a.css';", ["a.css"]),
        ("a { b: \\75 rl(x.png) }", ["x.png"]),
        ("a { b: url(https\\3a //h/x.png) }", ["https://h/x.png"]),
        ("a { b: image-set(\"x.png\" 1x, url(y.png) 2x) }", ["x.png", "y.png"]),
        ("@namespace svg url(http://www.w3.org/2000/svg); a { b: url(z.png) }", ["z.png"]),
        ("a::after { content: \"url(not-a-load.png)\" }", []),
        ("/* url(commented.png) */ a { color: red }", []),
        ("a { b: url(\"x\\\"y.png\") }", ["x\"y.png"]),
    ])
    func findsEveryLoad(_ css: String, _ expected: [String]) {
        #expect(CSSReferences.urls(in: css).map(\.value) == expected)
    }

    @Test func linesAreCounted() {
        #expect(CSSReferences.urls(in: "a {}\n/* x\n */\nb { c: url(\n'x.png') }").map(\.line) == [5], "the line of the URL itself")
    }
}

@Suite struct ReferenceURLTests {
    @Test func cleanedAsABrowserCleans() {
        #expect(ReferenceURL.cleaned(" \nht\ttps://h/x ") == "https://h/x")
        #expect(ReferenceURL.cleaned("\\\\h\\x.png") == "//h/x.png")
        #expect(ReferenceURL.cleaned("policies/a.html") == "policies/a.html")
    }

    @Test func sourceSetsPingsAndRefreshes() {
        #expect(ReferenceURL.sourceSet("a.png 1x,b.png 2x, c.png") == ["a.png", "b.png", "c.png"])
        #expect(ReferenceURL.sourceSet("a.png,, b,c.png 640w") == ["a.png", "b,c.png"])
        #expect(ReferenceURL.spaceSeparated(" a  b\nc ") == ["a", "b", "c"])
        #expect(ReferenceURL.refreshTarget("0; url=https://h/") == "https://h/")
        #expect(ReferenceURL.refreshTarget("5;URL='x.html'") == "x.html")
        #expect(ReferenceURL.refreshTarget("3, y.html") == "y.html")
        #expect(ReferenceURL.refreshTarget("30") == nil)
        #expect(ReferenceURL.refreshTarget("0 url=https://h/") == "https://h/", "white space alone separates")
        #expect(ReferenceURL.refreshTarget("0 ; URL = \"z.html\"") == "z.html")
        #expect(ReferenceURL.pseudoAttribute("href", in: "type=\"text/xsl\" href='s.xsl'") == "s.xsl")
    }
}
