import Testing
@testable import DisclosureKit

/// How the leak search cuts the build's data files into separate texts: a run never
/// crosses from one into the next, and each is still read whole.
@Suite struct SeparateTextsTests {
    func texts(_ text: String, _ format: SeparateTexts.Format) -> [String] {
        let bytes = Array(text.utf8)
        let out = bytes.withUnsafeBufferPointer { SeparateTexts.bytesAndLines($0, format).bytes }
        return out.split(separator: 0, omittingEmptySubsequences: true).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A feed id is a tag URI: the host, the fixed date and the entry's name are separate
    /// texts ('www.example.gov.cn' and '2000' are not the withheld 'w@example.gov.cn。2008');
    /// other elements, with their commas and colons, stay whole.
    @Test func readsATagURIAsItsParts() {
        #expect(texts("<id>tag:www.example.gov.cn,2000:feed</id>", .elements) == ["id", "tag", "www example gov cn", "2000", "feed", "id"])
        #expect(texts("<title>关于甲,乙:丙的通知</title>", .elements) == ["title", "关于甲乙丙的通知", "title"])
        #expect(texts("<loc>https://www.example.gov.cn/a.html</loc>", .elements) == ["loc", "https www example gov cn a html", "loc"])
    }

    /// A page is read whole but for its `<title>` and `<meta>` tags, where ' - ' parts the
    /// value from the generated year, page number or label the build joined to it.
    @Test func readsATitlesPartsApart() {
        let page = "<p>甲 - 乙</p><title>办事指南 - 2021年 - 站名</title><meta name=\"ColumnName\" content=\"明湖区财政局 - 政府信息公开目录\"><h1>丙 - 丁</h1>"
        #expect(texts(page, .page) == ["p 甲乙 p title 办事指南", "2021年", "站名 title meta name columnname content 明湖区财政局",
                                       "政府信息公开目录 h1 丙丁 h1"])
        #expect(SeparateTexts.format(of: "policies/year-2024.html") == .page)
        #expect(SeparateTexts.format(of: "policies/a.txt") == nil)
    }

    @Test func readsCSVCellsAndJSONStringsApart() {
        #expect(texts("政策解读,明湖区政务服务中心\n", .csv) == ["政策解读", "明湖区政务服务中心"])
        #expect(texts("{\"a\":\"甲\\\"乙\"}", .strings) == ["a", "甲乙"])
    }
}
