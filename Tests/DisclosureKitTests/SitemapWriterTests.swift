import Foundation
import DiscloseTestSupport
import Testing
@testable import DisclosureKit

@Suite struct SitemapWriterTests {
    let entries = (1...7).map { SitemapEntry(path: "policies/2012/政策-\($0).html", lastModified: CalendarDate(year: 2012, month: 1, day: $0)) }
        + [SitemapEntry(path: "index.html", lastModified: nil)]

    @Test func singleSitemapValidatesAndEncodesURLs() throws {
        let files = SitemapWriter.files(entries, baseURL: "https://www.example.gov.cn/xxgk/")
        #expect(files.map(\.path) == ["sitemap.xml"])
        let xml = String(decoding: files[0].bytes, as: UTF8.self)
        #expect(xml.contains("<loc>https://www.example.gov.cn/xxgk/policies/2012/%E6%94%BF%E7%AD%96-1.html</loc>"))
        #expect(xml.contains("<lastmod>2012-01-07</lastmod>"))
        #expect(XMLSchemaCheck.validate(files[0].bytes, schema: "sitemap.xsd") == 0)
    }

    @Test func escapesXMLSpecialCharacters() {
        let files = SitemapWriter.files([SitemapEntry(path: "a&b<c>.html", lastModified: nil)], baseURL: "https://x.gov.cn/?a=1&b=2/")
        let xml = String(decoding: files[0].bytes, as: UTF8.self)
        #expect(xml.contains("https://x.gov.cn/?a=1&amp;b=2/a%26b%3Cc%3E.html"))
        #expect(XMLSchemaCheck.validate(files[0].bytes, schema: "sitemap.xsd") == 0)
    }

    @Test func splitsIntoAnIndexAboveTheLimit() throws {
        let files = SitemapWriter.files(entries, baseURL: "https://www.example.gov.cn/", maximumURLs: 3)
        #expect(files.map(\.path) == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"])
        #expect(XMLSchemaCheck.validate(files[0].bytes, schema: "siteindex.xsd") == 0)
        let index = String(decoding: files[0].bytes, as: UTF8.self)
        #expect(index.contains("<loc>https://www.example.gov.cn/sitemap-2.xml</loc>"))
        #expect(index.contains("<lastmod>2012-01-06</lastmod>"))
        var urls = 0
        for file in files.dropFirst() {
            #expect(XMLSchemaCheck.validate(file.bytes, schema: "sitemap.xsd") == 0)
            urls += String(decoding: file.bytes, as: UTF8.self).components(separatedBy: "<url>").count - 1
        }
        #expect(urls == entries.count)
    }

    @Test func splitsByBytesToo() {
        let files = SitemapWriter.files(entries, baseURL: "https://www.example.gov.cn/", maximumURLs: 50_000, maximumBytes: 600)
        #expect(files.count > 2)
        #expect(files.dropFirst().allSatisfy { $0.bytes.count <= 600 })
    }
}

@Suite struct DefaultTemplatesTests {
    /// templates/ is the source of truth; the binary's copy must match it.
    @Test func builtInTemplatesMatchTheRepository() {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates").path
        #expect(TemplateSet.defaultsMatch(folder: folder), "run scripts/embed-templates.py")
    }

    @Test func defaultsLoadWithoutDiagnostics() {
        let (set, diagnostics) = TemplateSet.load(root: "/nonexistent")
        #expect(set != nil)
        #expect(diagnostics == [])
    }
}

@Suite struct LinkResolverTests {
    let resolver = LinkResolver(
        publicPages: ["content/policies/a.md": "policies/a.html", "content/policies/2012/b.md": "policies/2012/b.html"],
        allRecords: ["content/policies/a.md", "content/policies/2012/b.md", "content/policies/secret.md"],
        publicAttachments: ["content/policies/a-附件.pdf": "policies/a-附件.pdf"])

    func decide(_ target: String, image: Bool = false) -> LinkDecision {
        resolver.decide(target, isImage: image, source: "content/policies/2012/b.md", page: "policies/2012/b.html")
    }

    @Test func recordLinksBecomePageLinks() {
        #expect(decide("../a.md") == .replace("../a.html"))
        #expect(decide("../a.md#第二条") == .replace("../a.html#第二条"))
        #expect(decide("b.md") == .replace("b.html"))
        #expect(decide("../a-%E9%99%84%E4%BB%B6.pdf") == .replace("../a-附件.pdf"))
    }

    @Test func externalAndFragmentLinksAreKept() {
        #expect(decide("https://www.gov.cn/") == .keep)
        #expect(decide("mailto:zwgk@example.gov.cn") == .keep)
        #expect(decide("#fn-1") == .keep)
    }

    @Test func brokenAndUnsafeTargets() {
        guard case .broken(let hidden) = decide("../secret.md") else { Issue.record("secret"); return }
        #expect(hidden.en.contains("not public"))
        #expect(hidden.zh.contains("非主动公开"))
        guard case .broken = decide("../missing.md") else { Issue.record("missing"); return }
        guard case .broken = decide("/xxgk/a.html") else { Issue.record("absolute path"); return }
        guard case .broken = decide("../../../../etc/passwd") else { Issue.record("escape"); return }
        guard case .broken = decide("https://cdn.example.com/x.png", image: true) else { Issue.record("external image"); return }
        guard case .neutralise = decide("javascript:alert(1)") else { Issue.record("javascript"); return }
        guard case .neutralise = decide("JaVaScRiPt:alert(1)") else { Issue.record("JAVASCRIPT"); return }
        guard case .neutralise = decide("data:text/html,<script>") else { Issue.record("data"); return }
    }

    @Test func addressesBelowTheSitesOwnBaseURLBecomeRelativeLinksOrErrors() {
        var own = resolver
        own.ownSite = OwnSiteAddress(baseURL: "https://www.minghu.example.gov.cn/xxgk/")
        own.otherOutputs = ["catalog.html", "index.html", "policies/index.html"]
        func decide(_ target: String, image: Bool = false) -> LinkDecision {
            own.decide(target, isImage: image, source: "content/policies/2012/b.md", page: "policies/2012/b.html")
        }
        #expect(decide("https://www.minghu.example.gov.cn/xxgk/policies/a.html") == .replace("../a.html"))
        // A folder named without its slash: the server sends the reader on to the folder.
        #expect(decide("https://www.minghu.example.gov.cn/xxgk/policies") == .replace("../index.html"))
        #expect(decide("http://WWW.Minghu.example.gov.cn:80/xxgk/policies/a.html#第二条") == .replace("../a.html#第二条"))
        #expect(decide("https://www.minghu.example.gov.cn:443/xxgk/catalog.html?q=1") == .replace("../../catalog.html?q=1"))
        #expect(decide("https://www.minghu.example.gov.cn/xxgk") == .replace("../../index.html"))
        #expect(decide("https://www.minghu.example.gov.cn/xxgk/") == .replace("../../index.html"))
        #expect(decide("https://www.minghu.example.gov.cn/xxgk/guides/../policies/./a.html") == .replace("../a.html"))
        #expect(decide("https://www.minghu.example.gov.cn/xxgk/policies/..") == .replace("../../index.html"))
        #expect(decide("https://www.minghu.example.gov.cn/xxgk/../other/a.html") == .keep)
        #expect(decide("https://www.minghu.example.gov.cn/xxgk/policies/a-%E9%99%84%E4%BB%B6.pdf", image: true) == .replace("../a-附件.pdf"))
        // Every spelling a browser opens as the same address (WHATWG URL): slashes missing,
        // doubled or backslashes, a user name, an empty port, full-width or trailing dots,
        // a percent-encoded host or path, `..` above the top.
        for spelling in ["https:www.minghu.example.gov.cn/xxgk/policies/a.html",
                         "https:/www.minghu.example.gov.cn/xxgk/policies/a.html",
                         "https:\\\\www.minghu.example.gov.cn\\xxgk\\policies\\a.html",
                         "https://u:p@www.minghu.example.gov.cn/xxgk/policies/a.html",
                         "https://www.minghu.example.gov.cn:/xxgk/policies/a.html",
                         "https://www。minghu。example。gov。cn/xxgk/policies/a.html",
                         "https://ＷＷＷ．minghu.example.gov.cn./xxgk/policies/a.html",
                         "https://%77ww.minghu.example.gov.cn/%78xgk/policies/a.html",
                         "https://www.minghu.example.gov.cn//xxgk//policies/a.html",
                         "https://www.minghu.example.gov.cn/../xxgk/policies/%2e%2e/policies/a.html",
                         "https://www.minghu.example.gov.cn/xxgk/policies/a.html\t",
                         "//www.minghu.example.gov.cn/xxgk/policies/a.html",
                         "\\\\www.minghu.example.gov.cn/xxgk/policies/a.html",
                         "https://www.ming\u{00AD}hu.example\u{200B}.gov.cn/xxgk/policies/a.html",
                         "https://www.minghu.example.gov.cn/XXGK/policies/a.html"] {
            #expect(decide(spelling) == .replace("../a.html"), "\(spelling)")
        }
        // Not below the base: another folder, host, port or scheme.
        #expect(decide("https://www.minghu.example.gov.cn/other/a.html") == .keep)
        #expect(decide("https://www.minghu.example.gov.cn/xxgkother/a.html") == .keep)
        #expect(decide("https://minghu.example.gov.cn/xxgk/policies/a.html") == .keep)
        #expect(decide("https://www.minghu.example.gov.cn:8443/xxgk/policies/a.html") == .keep)
        #expect(decide("https://www.minghu.example.gov.cn.evil.example/xxgk/policies/a.html") == .keep)
        #expect(decide("ftp://www.minghu.example.gov.cn/xxgk/policies/a.html") == .keep)
        // Below the base but not written by the build: a withheld record's page, an old site's.
        guard case .broken(let secret) = decide("https://www.minghu.example.gov.cn/xxgk/policies/secret.html") else {
            Issue.record("withheld page"); return
        }
        #expect(secret.zh.contains("policies/secret.html") && secret.en.contains("does not write"))
        guard case .broken = decide("https://www.minghu.example.gov.cn/xxgk/art/2020/1.html") else { Issue.record("old site"); return }
        guard case .broken = decide("//www.minghu.example.gov.cn/Xxgk/policies/secret.html") else { Issue.record("scheme-relative"); return }
        // A combining mark after a delimiter does not hide it: a browser reads code points.
        // (Read as Characters, "?\u{301}" was no '?', and the query was read as the path.)
        guard case .broken = decide("https://www.minghu.example.gov.cn/xxgk/\u{301}policies/secret.html") else {
            Issue.record("combining mark after '/'"); return
        }
        #expect(decide("https://www.minghu.example.gov.cn/xxgk/policies/a.html?\u{301}x") == .replace("../a.html?\u{301}x"))
        // A kept link's '\' reaches the browser as cmark writes it, '%5C', part of a user
        // name: read as written (host 'x') and as written out (the site's host).
        for spelling in ["https://x\\@www.minghu.example.gov.cn/xxgk/policies/secret.html",
                         "https://u\\\u{301}@www.minghu.example.gov.cn/xxgk/policies/secret.html",
                         "https://u\u{600}\\@www.minghu.example.gov.cn/xxgk/policies/secret.html",
                         "//x\\@www.minghu.example.gov.cn/xxgk/policies/secret.html",
                         "http:s:\\\\u@www.minghu.example.gov.cn:80/xxgk/policies/secret.html"] {
            guard case .broken = decide(spelling) else { Issue.record("\(spelling)"); continue }
        }
        #expect(decide("https://x\\@www.minghu.example.gov.cn/xxgk/policies/a.html") == .replace("../a.html"))
        // The path as the browser sends it (dot segments, plain or %2e, resolved with the
        // rest still escaped, so x%2F.. is one segment) and as the server decodes it (each
        // escape on its own: a stray or non-UTF-8 one spoils nothing else).
        for spelling in ["https://www.minghu.example.gov.cn/%FF/%2e%2e/xxgk/policies/secret.html",
                         "https://www.minghu.example.gov.cn/zz/%zz/%2e%2e/%2E%2e/xxgk/policies/secret.html",
                         "HTTP://www.minghu.example.gov.cn/%zz/.%2e/xxgk/policies/secret.html",
                         "https:/%zz/%2e%2e/xxgk/policies/secret.html",
                         "https://www.minghu.example.gov.cn/xxgk/policies/x%2F..%2F..%2F..%2Fother/../secret.html",
                         "https:x%2F..%2F..%2F..%2Fy/../secret.html",
                         "https://www.minghu.example.gov.cn/xxgk/policies/%2e/secret.html",
                         // What IDNA drops or maps from a host: Hangul fillers, invisible
                         // operators, musical formatting, Unicode 16's outlined letters.
                         "https://www.ming\u{3164}hu.example.gov.cn/xxgk/policies/secret.html",
                         "https://www.ming\u{FFA0}hu.example.gov.cn/xxgk/policies/secret.html",
                         "https://www.ming\u{2061}hu.example.gov.cn/xxgk/policies/secret.html",
                         "https://www.ming\u{1D173}hu.example.gov.cn/xxgk/policies/secret.html",
                         "https://www.ming\u{115F}hu.example.gov.cn/xxgk/policies/secret.html",
                         "https://\u{1CCEC}\u{1CCEC}\u{1CCEC}.minghu.example.gov.cn/xxgk/policies/secret.html"] {
            guard case .broken = decide(spelling) else { Issue.record("\(spelling)"); continue }
        }
        #expect(decide("https://www.minghu.example.gov.cn/xxgk/guides/%2E%2E/policies/a.html") == .replace("../a.html"))
        #expect(decide("https://www.minghu.example.gov.cn/xxgk/policies/x%2F../a.html") == .replace("../a.html"))
        #expect(OwnSiteAddress.percentDecoded("a%zz%E6%98%8E%FFb%") == "a%zz明\u{FFFD}b%")
        #expect(decide("https://cdn.example.com/x\\y.png") == .keep)
        // The site's scheme with fewer than two slashes: a page of the site reads the rest
        // relative to itself, a kiosk (file:) as a host; both are read.
        for spelling in ["https:secret.html", "https:../policies/secret.html", "https:/xxgk/policies/secret.html",
                         "https:\\xxgk\\policies\\secret.html", "HTTPS:./secret.html"] {
            guard case .broken = decide(spelling) else { Issue.record("\(spelling)"); continue }
        }
        #expect(decide("https:../a.html") == .replace("../a.html"))
        #expect(decide("https:/xxgk/catalog.html") == .replace("../../catalog.html"))
        #expect(decide("https:?page=2") == .replace("b.html?page=2"))
        // Another scheme is read as an address only: an https page opens http:x as http://x/.
        #expect(decide("http:example.com/a") == .keep)
    }

    /// A site whose address is Chinese: its host in punycode and its folder
    /// percent-encoded (as a browser's address bar copies them) are the same address.
    @Test func aChineseBaseURLIsMatchedInPunycodeAndPercentEncoding() {
        var own = resolver
        own.ownSite = OwnSiteAddress(baseURL: "https://明湖区.example.gov.cn:8443/信息公开/")
        func decide(_ target: String) -> LinkDecision {
            own.decide(target, isImage: false, source: "content/policies/2012/b.md", page: "policies/2012/b.html")
        }
        #expect(Punycode.decode("dkrz15bz5f") == "明湖区")
        #expect(Punycode.decode("mnchen-3ya") == "münchen")
        #expect(Punycode.decode("99999999999999999999") == nil)
        for spelling in ["https://明湖区.example.gov.cn:8443/信息公开/policies/a.html",
                         "https://xn--dkrz15bz5f.example.gov.cn:8443/%E4%BF%A1%E6%81%AF%E5%85%AC%E5%BC%80/policies/a.html",
                         "https://XN--DKRZ15BZ5F.example.gov.cn:8443/信息公开/policies/a.html"] {
            #expect(decide(spelling) == .replace("../a.html"), "\(spelling)")
        }
        guard case .broken = decide("https://xn--dkrz15bz5f.example.gov.cn:8443/信息公开/policies/secret.html") else {
            Issue.record("withheld page by punycode"); return
        }
        #expect(decide("https://xn--dkrz15bz5f.example.gov.cn/信息公开/policies/a.html") == .keep)
    }

    /// A reading room's intranet site at an IP address: a browser reads an IPv4 host in
    /// short, octal and hexadecimal forms as the same address.
    @Test func anIPAddressBaseURLIsMatchedInEverySpelling() {
        var own = resolver
        own.ownSite = OwnSiteAddress(baseURL: "http://192.168.1.10/xxgk/")
        func decide(_ target: String) -> LinkDecision {
            own.decide(target, isImage: false, source: "content/policies/2012/b.md", page: "policies/2012/b.html")
        }
        for host in ["192.168.1.10", "192.168.266", "192.11010314", "3232235786", "0xC0.0250.1.10", "0xc0a8010a",
                     "192.168.1.10.", "0300.0xa8.00001.012", "１９２.168.1.10"] {
            #expect(decide("http://\(host)/xxgk/policies/a.html") == .replace("../a.html"), "\(host)")
            guard case .broken = decide("http://\(host)/xxgk/policies/secret.html") else { Issue.record("\(host)"); continue }
        }
        // Other addresses, and hosts a browser refuses or reads as names.
        for host in ["192.168.1.11", "192.168.1.10.5", "192.168.1.256", "0x1g.168.1.10", "192.168.1.010x", "4294967296"] {
            #expect(decide("http://\(host)/xxgk/policies/secret.html") == .keep, "\(host)")
        }
        #expect(IPv4Host.canonical("127.1") == "127.0.0.1")
        #expect(IPv4Host.canonical("0x7f.0.0.1") == "127.0.0.1")
        #expect(IPv4Host.canonical("08.0.0.1") == nil)
        #expect(IPv4Host.canonical("0x.0.0.0x") == "0.0.0.0")
        #expect(!IPv4Host.endsInANumber("www.example.gov.cn"))
        #expect(IPv4Host.endsInANumber("example.0x1f"))
        #expect(OwnSiteAddress.normalisedHost("example.0x1f") == nil)
    }

    @Test func relativePaths() {
        #expect(LinkResolver.relative(from: "policies/2012/b.html", to: "policies/a.html") == "../a.html")
        #expect(LinkResolver.relative(from: "index.html", to: "policies/a.html") == "policies/a.html")
        #expect(LinkResolver.relative(from: "policies/a.html", to: "guides/2012/x.html") == "../guides/2012/x.html")
    }
}

@Suite struct OutputPathTests {
    @Test func onlyContainedRelativePathsAreWritten() {
        #expect(SiteWriter.isContained("policies/2012/a.html"))
        #expect(SiteWriter.isContained("policies/附件 一.pdf"))
        for bad in ["", "/etc/passwd", "../x.html", "policies/../../x", "a//b", "./a", "a/\u{0}b"] {
            #expect(!SiteWriter.isContained(bad), "\(bad)")
        }
    }
}
