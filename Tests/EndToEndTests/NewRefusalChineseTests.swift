import Foundation
import Testing

/// `new`'s refusals made by the library as a webmaster reads them: in Chinese by default, after
/// `disclose: 错误：`, with the values typed kept as written; nothing is written.
@Suite struct NewRefusalChineseTests {
    static let chinese = ["DISCLOSE_LANG": "zh"]

    @Test func anUnknownPublisherIsRefusedInChineseWithTheNearestName() throws {
        let site = try SampleSite(keepingPublishers: true)
        let made = try Disclose.run(["new", "policy", "x-1", "--publisher", "明湖区卫生局", "--root", site.root.path],
                                    environment: Self.chinese)
        #expect(made.status != 0)
        #expect(made.stderr.contains("disclose: 错误：--publisher '明湖区卫生局' 不在 site.yaml 的发布机构名录中；是否应为 '明湖区卫生健康局'？"), "\(made.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/policies/x-1.md").path))
    }

    @Test func aTakenPageNameIsRefusedInChinese() throws {
        let site = try SampleSite()
        let taken = try Disclose.run(["new", "policy", "2025/mhbf-2024-12", "--root", site.root.path], environment: Self.chinese)
        #expect(taken.status != 0)
        #expect(taken.stderr.contains("页面名 'mhbf-2024-12' 已被 policies/ 中的 content/policies/2024/mhbf-2024-12.md 使用；请换一个 SLUG"), "\(taken.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/policies/2025").path))
    }
}
