import Testing
@testable import DisclosureKit

/// The shapes of the site's identity values and the date styles.
@Suite struct PageConventionValueTests {
    @Test(arguments: [
        ("4501990001", true), ("1101070001", true), ("bm07000001", true),
        ("450199001", false), ("45019900011", false), ("bm0700000", false), ("BM07000001", false),
        ("450199000A", false), ("４５０１９９０００１", false), ("", false),
    ])
    func siteIDCode(_ text: String, _ valid: Bool) {
        #expect(SiteIdentityDecoder.isSiteIDCode(text) == valid)
    }

    @Test(arguments: [
        ("京ICP备05070602号", true), ("桂ICP备05001234号", true), ("粤ICP备2021123456号-1", true), ("沪ICP备1234号", true),
        ("ICP备05001234号", false), ("京ICP证05070602号", false), ("京ICP备05070602", false), ("京ICP备123号", false),
        ("京ICP备05070602号-", false), ("京ICP备05070602号-1234", false), ("X京ICP备05070602号", false),
        ("京icp备05070602号", false), ("京ICP备０５０７０６０２号", false),
    ])
    func icpNumber(_ text: String, _ valid: Bool) {
        #expect(SiteIdentityDecoder.isICPNumber(text) == valid)
    }

    @Test(arguments: [
        ("京公网安备 11010502000001号", true), ("京公网安备11010502000001号", true),
        ("京公网安备 1101050200000号", false), ("京公网安备 110105020000011号", false), ("公网安备 11010502000001号", false),
        ("京公网安备 11010502000001", false), ("京公网安备 11010502000001号 ", true),
    ])
    func policeNumber(_ text: String, _ valid: Bool) {
        // The reader trims values before they come here; the trailing space stands for that.
        #expect(SiteIdentityDecoder.isPoliceNumber(text.trimmed) == valid)
    }

    @Test(arguments: [
        ("xxgk@minghu.example.gov.cn", true), ("a@b.cn", true),
        ("xxgk at minghu", false), ("a@b", false), ("a@@b.cn", false), ("a@b.cn; c@d.cn", false), ("@b.cn", false), ("a@.cn", false),
    ])
    func email(_ text: String, _ valid: Bool) {
        #expect(SiteIdentityDecoder.isEmail(text) == valid)
    }

    @Test func datesAreWrittenInTheSiteStyle() throws {
        let date = try #require(CalendarDate("2012-05-08"))
        #expect(DateStyle.iso.text(date) == "2012-05-08")
        #expect(DateStyle.chinese.text(date) == "2012年5月8日")
        let december = try #require(CalendarDate("2024-12-31"))
        #expect(DateStyle.chinese.text(december) == "2024年12月31日")
        var config = SiteConfig(title: "t", baseURL: "https://example.gov.cn/xxgk")
        #expect(config.pageDate(date) == "2012-05-08")
        config.dateStyle = .chinese
        #expect(config.pageDate(date) == "2012年5月8日")
    }

    @Test func pubDateAndDomainTakeTheFormsTheTagsUse() throws {
        #expect(GovernmentMetaTags.pubDate(try #require(CalendarDate("2024-04-09"))) == "2024-04-09 00:00")
        #expect(GovernmentMetaTags.domain("https://WWW.Minghu.example.gov.cn:8443/xxgk/") == "www.minghu.example.gov.cn")
        #expect(GovernmentMetaTags.domain("https://www.明湖.政务/xxgk/") == "www.明湖.政务")
        #expect(GovernmentMetaTags.domain("http://user@www.example.gov.cn/") == "www.example.gov.cn")
        #expect(GovernmentMetaTags.domain("https://www.example.gov.cn/") == "www.example.gov.cn")
    }

    @Test func absentFooterSettingsLeaveTheirItemsAndEmptyLinesOut() {
        var config = SiteConfig(title: "明湖区", baseURL: "https://example.gov.cn/", publisher: "明湖区人民政府办公室")
        var lines = FooterLines.lines(config)
        #expect(lines.count == 1)
        config.footer.telephone = "0771-5550123"
        config.siteIDCode = "4501990001"
        lines = FooterLines.lines(config)
        let labels = lines.map { $0.items.map(\.label) }
        #expect(labels == [["主办单位"], ["联系电话"], ["网站标识码"]])
        #expect(lines[0].items[0].value == "明湖区人民政府办公室")
    }
}
