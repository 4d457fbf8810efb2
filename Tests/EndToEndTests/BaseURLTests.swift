import Foundation
import Testing

/// `base_url` is printed before every page's path (the `Url` meta tag, the sitemap), so a
/// value that would make those addresses wrong is refused at its place in site.yaml.
@Suite struct BaseURLTests {
    static func settings(_ baseURL: String) -> String {
        let text = PageConventionsTests.plainSettings
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).first { $0.hasPrefix("base_url:") }!
        return text.replacingOccurrences(of: String(line), with: "base_url: '\(baseURL)'")
    }

    @Test(arguments: [
        ("https://user:secret@www.example.gov.cn/xxgk/", "user name or password"),
        ("https://www.example.gov.cn/xxgk/?from=kiosk", "query"),
        ("https://www.example.gov.cn/xxgk/#top", "fragment"),
        ("https://www.example .gov.cn/xxgk/", "a space"),
        ("ftp://www.example.gov.cn/xxgk/", "http(s)"),
        ("https://www.example.gov.cn:99999/", "port"),
    ])
    func anAddressThatWouldSpoilEveryPageURLIsRefusedAtItsValue(baseURL: String, reason: String) throws {
        let sample = try SampleSite(adding: ["content/site.yaml": Self.settings(baseURL)])
        let (result, diagnostics) = try sample.check()
        #expect(result.status == 1)
        let line = Self.settings(baseURL).split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("base_url:") }! + 1
        #expect(SampleSite.places(diagnostics) == ["content/site.yaml:\(line):11 site.invalid"], "\(diagnostics)")
        #expect((diagnostics.first?["message"] as? String)?.contains(reason) == true, "\(diagnostics)")
        let built = try sample.build(["--base-url", baseURL])
        #expect(built.status != 0, "--base-url refuses it too")
    }

    @Test func aChineseHostAndAPortStayValid() throws {
        let sample = try SampleSite(adding: ["content/site.yaml": Self.settings("https://明湖区.政务.cn:8443/xxgk")])
        let result = try sample.build()
        #expect(result.status == 0, "\(result.stderr)")
        let site = try sample.output()
        let tags = PageConventionsTests.metaTags(site.text(PageConventionsTests.record))
        #expect(tags["Url"] == "https://明湖区.政务.cn:8443/xxgk/" + PageConventionsTests.record)
        #expect(tags["SiteDomain"] == "明湖区.政务.cn")
    }
}
