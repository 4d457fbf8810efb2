import Testing
@testable import DisclosureKit

/// The host and port of a `links:` URL: what passes, and why the rest does not.
@Suite struct SiteLinkHostTests {
    @Test(arguments: ["https://www.example.gov.cn/", "https://zwfw.example.gov.cn:8443/x", "http://[2001:db8::1]:8080/",
                      "https://[2001:db8::1]/", "http://10.0.0.1/"])
    func anAbsoluteURLWithAHostOfSeveralLabelsPasses(_ url: String) {
        #expect((try? SiteLinksDecoder.kind(of: url).get()) == false, "\(url)")
    }

    @Test(arguments: [("https://[::1", "no closing ']'"), ("https://a.gov.cn:65536/", "port '65536'"),
                      ("https://a.gov.cn:/", "port ''"), ("https://[::1]x/", "follows its IPv6 address"),
                      ("http://localhost:8012/", "host 'localhost' has no dot"), ("http://oa/", "host 'oa' has no dot")])
    func anAbsoluteURLWithAnOddHostOrPortIsRefused(_ url: String, _ problem: String) {
        guard case .failure(let found) = SiteLinksDecoder.kind(of: url) else {
            Issue.record("\(url) passed")
            return
        }
        #expect(found.description.contains(problem), "\(url): \(found)")
    }
}
