import Foundation
import Testing

/// `disclose new --publisher` counts the numbers of records it cannot parse: a record being
/// fixed keeps its 索引号, and handing it out again would make two records one number.
@Suite struct NewPublisherBrokenRecordTests {
    @Test func aBrokenRecordsNumberIsTakenToo() throws {
        let year = NewPublisherTests.thisYear
        let broken = """
            ---
            title: 明湖区财政局关于做好\(year)年预算执行工作的通知
            index_number: 11450100MB0000003C/\(year)-00033
            disclosure: proactive
            publisher: 明湖区财政局
            created: [\(year)-01-05
            ---
            正文。

            """
        let site = try SampleSite(adding: [
            "content/policies/czj-a.md": NewPublisherTests.record(index: "11450100MB0000003C/\(year)-00032", publisher: "明湖区财政局"),
            "content/policies/czj-broken.md": broken,
        ], keepingPublishers: true)
        let (checked, _) = try site.check()
        #expect(checked.status == 1, "the broken record is broken: \(checked.stderr)")
        let made = try Disclose.run(["new", "policy", "czj-b", "--publisher", "明湖区财政局", "--root", site.root.path])
        #expect(made.status == 0, "\(made.stderr)")
        let text = try String(contentsOf: site.root.appendingPathComponent("content/policies/czj-b.md"), encoding: .utf8)
        #expect(text.contains("\nindex_number: 11450100MB0000003C/\(year)-00034\n"), "\(text)")
    }
}
