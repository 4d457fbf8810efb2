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
            "div style url() a.png", "img src p.png", "img srcset p2.png 2x", "img src UPPER.PNG",
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
