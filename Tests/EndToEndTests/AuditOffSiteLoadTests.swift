import Foundation
import Testing

/// A kiosk must never reach out: whatever way a template (or a style sheet or image among
/// its assets) makes the browser fetch something from another site, the build's audit
/// refuses it as `audit.external_resource`, and the site is not written.
@Suite struct AuditOffSiteLoadTests {
    /// Builds the sample with `snippet` put into the base template before `</body>`, and
    /// `assets` (path below `templates/assets/`, text) beside the default ones.
    func build(_ snippet: String, assets: [String: String] = [:]) throws -> (Disclose.Result, [[String: Any]]) {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        let base = try String(contentsOf: Disclose.packageRoot.appendingPathComponent("templates/base.mustache"), encoding: .utf8)
        try tmp.write(base.replacingOccurrences(of: "</body>", with: snippet + "\n</body>"), to: "sample/templates/base.mustache")
        for (path, text) in assets { try tmp.write(text, to: "sample/templates/assets/" + path) }
        let result = try Disclose.run(["build", "--root", root.path, "--format", "json"])
        let diagnostics = try Disclose.diagnostics(result)
        if result.status != 0 {
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site").path), "nothing is written")
        }
        return (result, diagnostics)
    }

    /// Every finding is an off-site load of evil.example, one of them on the home page.
    func expectOffSiteLoads(_ result: Disclose.Result, _ diagnostics: [[String: Any]], in file: String = "index.html",
                            _ snippet: String) {
        #expect(result.status == 1, "\(snippet)")
        #expect(Set(diagnostics.map { $0["rule"] as? String ?? "" }) == ["audit.external_resource"], "\(snippet): \(diagnostics)")
        #expect(diagnostics.allSatisfy { ($0["message"] as? String ?? "").contains("evil.example") }, "\(snippet): \(diagnostics)")
        #expect(diagnostics.contains { ($0["file"] as? String ?? "").hasSuffix("site/" + file) }, "\(snippet): \(diagnostics)")
    }

    @Test(arguments: [
        // Going elsewhere by itself.
        #"<meta http-equiv="refresh" content="0; url=https://evil.example/">"#,
        #"<meta http-equiv="Refresh" content="5;'//evil.example/x'">"#,
        #"<meta http-equiv="refresh" content="0 url=https://evil.example/">"#,
        #"<base href="https://evil.example/">"#,
        // SVG inline.
        #"<svg><image xlink:href="https://evil.example/i.png"/></svg>"#,
        #"<svg><use href="//evil.example/s.svg#i"/></svg>"#,
        #"<svg><image href="{{root}}index.html"><set attributeName="href" to="https://evil.example/x.png"/></image></svg>"#,
        // CSS in <style> and style=.
        #"<style>@import "https://evil.example/a.css";</style>"#,
        #"<style>@import url(https://evil.example/a.css) screen;</style>"#,
        #"<style>@IMPORT/**/'//evil.example/a.css';</style>"#,
        #"<style>p { background: u\72l(https\3a //evil.example/x.png) }</style>"#,
        #"<style>p { background-image: image-set("https://evil.example/a.png" 1x) }</style>"#,
        #"<style>p { background-image: -webkit-image-set(url(//evil.example/a.png) 1x) }</style>"#,
        #"<div style="background: url( &quot;https://evil.example/bg.png&quot; )">x</div>"#,
        #"<div style="background:URL(https://evil.example/bg.png)">x</div>"#,
        // Documents inside the page, and pings.
        #"<iframe srcdoc="&lt;img src='https://evil.example/p.png'&gt;"></iframe>"#,
        #"<a href="{{root}}index.html" ping="https://evil.example/ping">x</a>"#,
        // Every element and attribute that fetches.
        #"<img src="{{root}}index.html" srcset="{{root}}index.html 1x, https://evil.example/p.png 2x" alt="">"#,
        #"<picture><source srcset="https://evil.example/p.webp"><img src="{{root}}index.html" alt=""></picture>"#,
        #"<video poster="https://evil.example/p.png"></video>"#,
        #"<audio src="https://evil.example/a.mp3"></audio>"#,
        #"<object data="https://evil.example/o.swf"></object>"#,
        #"<object><param name="movie" value="https://evil.example/o.swf"></object>"#,
        #"<embed src="https://evil.example/e.swf">"#,
        #"<iframe src="https://evil.example/"></iframe>"#,
        #"<form action="https://evil.example/collect"><input name="q"></form>"#,
        #"<form><button formaction="https://evil.example/collect">go</button></form>"#,
        #"<input type="image" src="https://evil.example/b.png" alt="go">"#,
        #"<link rel="preload" href="https://evil.example/f.woff2" as="font">"#,
        #"<link rel="prefetch" href="https://evil.example/next.html">"#,
        #"<link rel="dns-prefetch" href="//evil.example">"#,
        #"<link rel="preconnect" href="https://evil.example">"#,
        #"<link rel="preload" as="image" imagesrcset="https://evil.example/p.png 1x">"#,
        #"<table background="https://evil.example/bg.png"><tr><td>x</td></tr></table>"#,
        #"<svg><rect width="1" height="1" fill="url(https://evil.example/p.svg#g)"/></svg>"#,
        #"<svg><g filter="url('//evil.example/f.svg#f')"></g></svg>"#,
        #"<svg xml:base="https://evil.example/"><image href="{{root}}index.html"/></svg>"#,
        #"<style>p { background-image: image("https://evil.example/a.png") }</style>"#,
        #"<?xml-stylesheet href="https://evil.example/s.xsl"?>"#,
        // Schemes that fetch, and URLs a browser cleans up before it fetches.
        #"<img src="ftp://evil.example/p.png" alt="">"#,
        #"<img src="file://evil.example/share/p.png" alt="">"#,
        #"<img src="ht&#9;tps://evil.example/p.png" alt="">"#,
        #"<img src=" &#10;//evil.example/p.png" alt="">"#,
        #"<img src="\\evil.example\p.png" alt="">"#,
        #"<script src="HTTPS://evil.example/x.js"></script>"#,
        #"<script type="speculationrules">{"prefetch": [{"source": "list", "urls": ["https:\/\/evil.example/next.html"]}]}</script>"#,
    ])
    func aTemplateThatLoadsFromAnotherSiteIsRefused(_ snippet: String) throws {
        let (result, diagnostics) = try build(snippet)
        expectOffSiteLoads(result, diagnostics, snippet)
    }

    /// A style sheet among the template's assets: `@import` and `url()` in every spelling.
    @Test(arguments: [
        "@import 'https://evil.example/a.css';",
        "@import url(\"//evil.example/a.css\");",
        ".x { background: url(https://evil.example/a.png) }",
        ".x { background: url( 'https://evil.example/a.png' ) }",
        ".x { background: \\75 rl(https://evil.example/a.png) }",
        ".x { background: url(https\\:\\/\\/evil.example/a.png) }",
        ".x { background: image-set('https://evil.example/a.png' 1x, 'style.css' 2x) }",
        "@font-face { font-family: x; src: url(//evil.example/f.woff2) format('woff2') }",
    ])
    func aStyleSheetThatLoadsFromAnotherSiteIsRefused(_ css: String) throws {
        let (result, diagnostics) = try build("<link rel=\"stylesheet\" href=\"{{root}}assets/extra.css\">",
                                              assets: ["extra.css": "/* extra */\n\n" + css + "\n"])
        expectOffSiteLoads(result, diagnostics, in: "assets/extra.css", css)
        #expect(diagnostics.first?["line"] as? Int == 3, "the finding is at the line of the load: \(diagnostics)")
    }

    /// An SVG image among the assets, opened on its own, loads what it names.
    @Test(arguments: [
        #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="https://evil.example/p.png"/></svg>"#,
        #"<svg xmlns="http://www.w3.org/2000/svg"><use href="//evil.example/s.svg#i"/></svg>"#,
        #"<svg xmlns="http://www.w3.org/2000/svg"><style>@import "https://evil.example/a.css";</style></svg>"#,
        #"<?xml-stylesheet href="https://evil.example/s.css"?><svg xmlns="http://www.w3.org/2000/svg"/>"#,
    ])
    func anImageThatLoadsFromAnotherSiteIsRefused(_ svg: String) throws {
        let (result, diagnostics) = try build("<img src=\"{{root}}assets/logo.svg\" alt=\"\">", assets: ["logo.svg": svg])
        expectOffSiteLoads(result, diagnostics, in: "assets/logo.svg", svg)
    }

    /// Other files a browser renders when a page frames them: XHTML, an XSLT style sheet.
    @Test(arguments: [
        ("frame.xhtml", #"<html xmlns="http://www.w3.org/1999/xhtml" lang="zh"><head><title>x</title></head><body><img src="https://evil.example/p.png" alt=""/></body></html>"#),
        ("feed.xsl", #"<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:import href="https://evil.example/x.xsl"/></xsl:stylesheet>"#),
    ])
    func otherRenderedFilesThatLoadFromAnotherSiteAreRefused(_ name: String, _ text: String) throws {
        let (result, diagnostics) = try build("<iframe src=\"{{root}}assets/\(name)\"></iframe>", assets: [name: text])
        expectOffSiteLoads(result, diagnostics, in: "assets/" + name, name)
    }

    /// A link a reader follows may leave (by http, https or ftp), and a page or image of the
    /// site itself loads: none of it is a finding.
    @Test func linksMayLeaveAndLocalLoadsPass() throws {
        let (result, diagnostics) = try build("""
            <a href="https://www.gov.cn/" ping="{{root}}index.html">政府网</a><a href="ftp://ftp.example.gov.cn/x.pdf">ftp</a>
            <a href="//www.gov.cn/">政府网</a><img src="{{root}}assets/logo.svg" srcset="{{root}}assets/logo.svg 2x" alt="">
            <meta http-equiv="refresh" content="600; url={{root}}index.html"><div style="background:url('{{root}}assets/logo.svg')"></div>
            <style>@namespace svg url(http://www.w3.org/2000/svg); p { color: red }</style>
            <script type="speculationrules">{"prefetch": [{"where": {"href_matches": "/*\\?*"}, "eagerness": "moderate"}]}</script>
            """, assets: ["logo.svg": #"<svg xmlns="http://www.w3.org/2000/svg"><a href="https://www.gov.cn/"><rect width="1" height="1"/></a></svg>"#])
        #expect(result.status == 0, "\(diagnostics)")
        #expect(diagnostics.isEmpty)
    }

    /// A link to the site's own address (`base_url`) leaves for the live site, which holds
    /// only what the tree holds: one naming a file the tree lacks (here a withheld
    /// record's page, however spelled) is a broken link, as the page carries it.
    @Test func aLinkToTheSitesOwnAddressMustNameAFileOfTheTree() throws {
        let (result, diagnostics) = try build("""
            <a href="https://x%5C@www.minghu.example.gov.cn/xxgk/policies/mhbm-2024-2.html">甲</a>
            <a href="https:mhbm-2024-2.html">乙</a>
            <a href="//WWW.minghu.example.gov.cn/xxgk/policies/mhbm-2024-2.html">丙</a>
            <a href="https://www.minghu.example.gov.cn/xxgk/policies/mhf-2024-3.html">公开的</a>
            <a href="http:www.minghu.example.gov.cn/xxgk/">首页</a>
            <a href="http:&sol;&sol;www.minghu.example.gov.cn&sol;xxgk&sol;policies&sol;q&sol;..&sol;mhbm-2024-2.html">丁</a>
            <a href="https://x&amp;num;@www.minghu.example.gov.cn/xxgk/policies/q/../mhbm-2024-2.html">戊</a>
            <a href="https://www.gov.cn/search?a=1&amp;b;c&amp;sol;">政府网</a>
            """)
        #expect(result.status == 1)
        // (The withheld page's file name is also a leak of its identifier, found apart.)
        #expect(summary(diagnostics).filter { $0 != "index.html audit.leak" } == Array(repeating: "index.html audit.broken_link", count: 5),
                "\(diagnostics)")
        let messages = diagnostics.compactMap { $0["message"] as? String }
        #expect(messages.contains { $0.contains("policies/mhbm-2024-2.html") && $0.contains("base_url") }, "\(messages)")
        #expect(messages.contains { $0.contains("'https:mhbm-2024-2.html'") && $0.contains(" mhbm-2024-2.html") }, "\(messages)")
        // HTML5's named references, which libxml2 leaves as written, read as the browser reads them.
        #expect(messages.contains { $0.contains("&sol;") && $0.contains("policies/mhbm-2024-2.html") }, "\(messages)")
        // libxml2 decoded '&amp;' already: the value is read as it is, too.
        #expect(messages.contains { $0.contains("x&num;@") }, "\(messages)")
        #expect(!messages.contains { $0.contains("www.gov.cn") }, "\(messages)")
    }

    /// `<!-->` ends an empty comment in a browser; libxml2 reads the comment on to the next
    /// `-->`, and would not see a link between them.
    @Test func anAbruptlyClosedEmptyCommentIsMalformed() throws {
        for opening in ["<!-->", "<!--->"] {
            let (result, diagnostics) = try build("\(opening) <a href=\"https://www.minghu.example.gov.cn/xxgk/policies/q/../mhbm-2024-2.html\">x</a> -->")
            #expect(result.status == 1)
            #expect(summary(diagnostics).contains("index.html audit.malformed"), "\(opening): \(diagnostics)")
        }
    }

    /// A document written into a data: URL can load what it names: only images may use one.
    @Test func aDocumentInADataURLIsRefused() throws {
        let (result, diagnostics) = try build(#"<object data="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'%3E%3Cimage href='https://evil.example/p.png'/%3E%3C/svg%3E"></object><img src="data:image/png;base64,iVBORw0KGgo=" alt="">"#)
        #expect(result.status == 1)
        #expect(summary(diagnostics) == ["index.html audit.broken_link"], "\(diagnostics)")
    }

    func summary(_ diagnostics: [[String: Any]]) -> [String] {
        diagnostics.filter { ($0["file"] as? String ?? "").hasSuffix("site/index.html") }
            .map { "index.html \($0["rule"] as? String ?? "")" }
    }

    /// A refresh or base to a page that is not in the site is a broken link, not a pass.
    @Test func aRefreshToAMissingPageIsABrokenLink() throws {
        let (result, diagnostics) = try build(#"<meta http-equiv="refresh" content="0;URL='nowhere.html'">"#)
        #expect(result.status == 1)
        #expect(Set(diagnostics.map { $0["rule"] as? String ?? "" }) == ["audit.broken_link"], "\(diagnostics)")
        let (based, baseFindings) = try build(#"<base href="./">"#)
        #expect(based.status == 1)
        #expect(Set(baseFindings.map { $0["rule"] as? String ?? "" }) == ["audit.broken_link"], "\(baseFindings)")
    }
}
