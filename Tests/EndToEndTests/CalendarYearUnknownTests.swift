import Foundation
import Testing

/// `calendar.year_unknown`: working days counted in a year the tool has no holidays for are
/// named once per year, and a date of that year in site.yaml's calendar silences it.
@Suite struct CalendarYearUnknownTests {
    static func notice(_ number: Int, created: String, published: String) -> String {
        """
        ---
        title: 明湖区政务服务中心关于春节期间窗口服务安排的通告（第\(number)号）
        index_number: 11450100MB0000008H/2028-0000\(number)
        disclosure: 主动公开
        publisher: 明湖区政务服务中心
        created: \(created)
        published: \(published)
        review: {reviewer: 区政务服务中心保密审查小组, date: \(created)}
        topic: 政务服务
        ---

        春节期间，区政务服务中心综合窗口暂停现场服务，网上办事大厅正常受理。

        """
    }

    static let files = [
        "content/notices/cj-2028-1.md": notice(1, created: "2028-01-20", published: "2028-01-24"),
        "content/notices/cj-2028-2.md": notice(2, created: "2028-01-21", published: "2028-01-25"),
    ]

    @Test func aYearOutsideTheCalendarIsNamedOnceAtTheFirstRecord() throws {
        let sample = try SampleSite(adding: Self.files)
        let (result, diagnostics) = try sample.check(["--as-of", "2028-02-01"])
        let found = diagnostics.filter { $0["rule"] as? String == "calendar.year_unknown" }
        #expect(found.count == 1, "once per year: \(found)")
        #expect(SampleSite.places(found) == ["content/notices/cj-2028-1.md:7:12 calendar.year_unknown"])
        #expect((found.first?["message"] as? String)?.contains("working days in 2028 are counted Monday to Friday") == true)
        #expect((found.first?["severity"] as? String) == "warning")
        #expect(result.status == 0, "a warning: \(result.stderr)")
    }

    @Test func aDateOfTheYearInSiteYAMLCalendarSilencesIt() throws {
        let sample = try SampleSite(adding: Self.files)
        let yaml = sample.root.appendingPathComponent("content/site.yaml")
        let text = try String(contentsOf: yaml, encoding: .utf8)
        let extended = text.replacingOccurrences(of: "holidays: [2027-01-01]", with: "holidays: [2027-01-01, 2028-01-01]")
        #expect(extended != text)
        try sample.add(extended, at: "content/site.yaml")
        let (_, diagnostics) = try sample.check(["--as-of", "2028-02-01"])
        #expect(!diagnostics.contains { $0["rule"] as? String == "calendar.year_unknown" }, "\(diagnostics)")
    }
}
