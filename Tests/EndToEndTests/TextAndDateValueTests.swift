import Foundation
import Testing

/// Values that parse but cannot be right: a date before the PRC or in another century,
/// an invisible character that splits a publisher in two, a line break in a title.
/// Each is reported at its value.
@Suite struct TextAndDateValueTests {
    @Test func anImplausibleDateIsRefusedAtItsValue() throws {
        let policy = SampleSite.policy(title: "日期错误的文件", index: 63)
            .replacingOccurrences(of: "created: 2024-01-15", with: "created: 0999-01-01")
            .replacingOccurrences(of: "published: 2024-01-16", with: "published: 9999-12-31")
        let sample = try SampleSite(adding: [
            "content/policies/dates.md": policy,
            "content/pages/dated.md": "---\ntitle: 日期错误的页面\nmodified: 1949-09-30\n---\n\n正文。\n",
        ])
        let (result, diagnostics) = try sample.check()
        #expect(result.status == 1)
        let places = SampleSite.places(diagnostics)
        #expect(places.contains("content/policies/dates.md:6:10 record.date_range"), "\(places)")
        #expect(places.contains("content/policies/dates.md:7:12 record.date_range"), "\(places)")
        #expect(places.contains("content/pages/dated.md:3:11 record.date_range"), "\(places)")
        #expect(!places.contains { $0.hasSuffix("timeliness.late") }, "no count of two million working days: \(places)")
        let built = try sample.build()
        #expect(built.status == 1)
        #expect(!FileManager.default.fileExists(atPath: sample.root.appendingPathComponent("site/policies/year-0999.html").path))
    }

    @Test func theFirstAndLastPlausibleDaysAreAccepted() throws {
        let policy = SampleSite.policy(title: "边界日期的文件", index: 64)
            .replacingOccurrences(of: "created: 2024-01-15", with: "created: 1949-10-01")
            .replacingOccurrences(of: "published: 2024-01-16", with: "published: 2024-01-16\neffective_from: 2024-01-16\neffective_until: 2100-12-31")
        let sample = try SampleSite(adding: ["content/policies/edges.md": policy])
        let (_, diagnostics) = try sample.check()
        let places = SampleSite.places(diagnostics)
        #expect(!places.contains { $0.hasSuffix("record.date_range") }, "\(places)")
    }

    @Test func anInvisibleCharacterInAPublisherIsAnErrorAndElsewhereAWarning() throws {
        let policy = SampleSite.policy(title: "标题\u{200B}含零宽空格", index: 65)
            .replacingOccurrences(of: "publisher: 测试局", with: "publisher: 测试\u{200B}局")
        let sample = try SampleSite(adding: [
            "content/policies/zwsp.md": policy,
            "content/pages/zwsp.md": "---\ntitle: 页面\u{FEFF}标题\nsummary: 概述\u{2060}\n---\n\n正文。\n",
        ])
        let (result, diagnostics) = try sample.check()
        #expect(result.status == 1)
        let mine = diagnostics.filter { ($0["file"] as? String)?.contains("zwsp") == true }
        #expect(SampleSite.places(mine) == [
            "content/pages/zwsp.md:2:8 record.invisible_character",
            "content/pages/zwsp.md:3:10 record.invisible_character",
            "content/policies/zwsp.md:2:8 record.invisible_character",
            "content/policies/zwsp.md:5:12 record.invisible_identity",
        ], "\(SampleSite.places(mine))")
        let messages = mine.map { $0["message"] as! String }
        try #require(messages.count == 4)
        #expect(messages[0].contains("U+FEFF") && messages[1].contains("U+2060") && messages[2].contains("U+200B"))
        #expect(mine.map { $0["severity"] as! String } == ["warning", "warning", "warning", "error"])
    }

    @Test func aLineBreakOrTabInAOneLineValueIsRefused() throws {
        let sample = try SampleSite(adding: [
            "content/policies/tab.md": SampleSite.policy(title: "\"标题\\t带制表符\"", index: 66),
            "content/pages/lines.md": "---\ntitle: \"页面\\n标题\"\nsummary: \"第一行\\n第二行\"\n---\n\n正文。\n",
        ])
        let (result, diagnostics) = try sample.check()
        #expect(result.status == 1)
        let mine = diagnostics.filter { ["content/policies/tab.md", "content/pages/lines.md"].contains($0["file"] as? String) }
        #expect(SampleSite.places(mine) == [
            "content/pages/lines.md:2:8 record.control_character",
            "content/policies/tab.md:2:8 record.control_character",
        ], "a summary may hold lines: \(SampleSite.places(mine))")
        try #require(mine.count == 2)
        #expect((mine[0]["message"] as! String).contains("line break"))
        #expect((mine[1]["message"] as! String).contains("tab"))
    }
}
