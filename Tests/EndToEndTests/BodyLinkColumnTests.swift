import Foundation
import Testing

/// A body link's column is counted in characters, as every other column is: after
/// Chinese text it is where an editor shows it, not the byte offset.
@Suite struct BodyLinkColumnTests {
    @Test func aLinkAfterChineseTextIsReportedAtItsCharacter() throws {
        let sample = try SampleSite(adding: [
            "content/pages/cn.md": "---\ntitle: 测试页面\n---\n\n中[缺失](nowhere.md)，又见文[另一个](gone.md)。\n",
            "content/policies/cn.md": SampleSite.policy(title: "中文链接测试", index: 61, body: "正文\n\n  见《[办法](missing.md)》。\n"),
        ])
        let (result, diagnostics) = try sample.check()
        #expect(result.status == 1)
        #expect(SampleSite.places(diagnostics) == [
            "content/pages/cn.md:5:2 link.target",
            "content/pages/cn.md:5:22 link.target",
            "content/policies/cn.md:13:5 link.target",
        ], "\(SampleSite.places(diagnostics))")
    }
}
