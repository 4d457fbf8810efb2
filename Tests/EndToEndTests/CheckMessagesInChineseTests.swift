import Foundation
import Testing

/// What `check`, `build` and `audit` find is said in Chinese by default, at the same
/// file:line:column, and in the English of before with `--lang en`.
@Suite struct CheckMessagesInChineseTests {
    static let chinese = ["DISCLOSE_LANG": "zh"]

    @Test func aDuplicateIndexNumberIsSaidInChineseAtItsPlace() throws {
        let index = "11450100MB0000009Z/2024-90001"
        let sample = try SampleSite(adding: [
            "content/policies/zz-dup-a.md": SampleSite.policy(title: "明湖区测试政策甲", index: 1),
            "content/policies/zz-dup-b.md": SampleSite.policy(title: "明湖区测试政策乙", index: 1),
        ])
        let zh = try Disclose.run(["check", "--root", sample.root.path], environment: Self.chinese)
        #expect(zh.status == 1)
        #expect(zh.stderr.contains("content/policies/zz-dup-b.md:3:15: 错误：[index_number.duplicate] 索引号 '\(index)' 已被 content/policies/zz-dup-a.md:3 使用；索引号在全站必须唯一\n"), "\(zh.stderr)")
        let en = try Disclose.run(["check", "--root", sample.root.path, "--lang", "en"])
        #expect(en.stderr.contains("content/policies/zz-dup-b.md:3:15: error: [index_number.duplicate] index number (索引号) '\(index)' is also used by content/policies/zz-dup-a.md:3; index numbers must be unique across the site\n"), "\(en.stderr)")
    }

    @Test func aLinkToAMissingRecordIsSaidInChineseAtTheLink() throws {
        let sample = try SampleSite(adding: [
            "content/policies/zz-link.md": SampleSite.policy(title: "明湖区测试政策", index: 7, body: "详见[实施细则](missing.md)。\n"),
        ])
        let result = try Disclose.run(["check", "--root", sample.root.path], environment: Self.chinese)
        #expect(result.status == 1)
        #expect(result.stderr.contains(": 错误：[link.target] 链接 'missing.md' 指向的 content/policies/missing.md 不存在；请更正路径（相对于本记录所在的文件夹）\n"), "\(result.stderr)")
        #expect(result.stderr.contains("content/policies/zz-link.md:"), "\(result.stderr)")
    }

    @Test func aTemplateSyntaxErrorIsSaidInChineseAtItsLine() throws {
        let sample = try SampleSite()
        try sample.add("<p>\n{{#meta}}\n{{label}}\n{{/metaa}}\n", at: "templates/record.mustache")
        let result = try Disclose.run(["check", "--root", sample.root.path], environment: Self.chinese)
        #expect(result.status == 1)
        #expect(result.stderr.contains("templates/record.mustache:4:"), "\(result.stderr)")
        #expect(result.stderr.contains(": 错误：[template.syntax] Mustache 语法错误：区块的结束名称与开始名称不同，位于 '{{/metaa}}' 附近\n"), "\(result.stderr)")
    }

    @Test func theAuditSaysAStrayFileInChinese() throws {
        let sample = try SampleSite()
        #expect(try sample.build().status == 0)
        let site = sample.root.appendingPathComponent("site")
        try "留在服务器上的旧文件".write(to: site.appendingPathComponent("stray.txt"), atomically: true, encoding: .utf8)
        let result = try Disclose.run(["audit", site.path, "--root", sample.root.path], environment: Self.chinese)
        #expect(result.status == 1)
        #expect(result.stderr.contains("stray.txt:1:1: 错误：[audit.stray_file] 按现有内容，构建不会写出该文件；上传前请将其从站点中删除\n"), "\(result.stderr)")
    }

    @Test func anOutputThatIsTheSiteRootIsRefusedInChinese() throws {
        let sample = try SampleSite()
        let zh = try Disclose.run(["build", "--root", sample.root.path, "--output", sample.root.path], environment: Self.chinese)
        #expect(zh.status == 2)
        #expect(zh.stderr.contains("disclose: 错误：拒绝把 '"), "\(zh.stderr)")
        #expect(zh.stderr.contains("' 用作输出目录：它是站点根目录；未写入或删除任何文件\n"), "\(zh.stderr)")
        let en = try Disclose.run(["build", "--root", sample.root.path, "--output", sample.root.path])
        #expect(en.stderr.contains("disclose: error: refusing to use '"), "\(en.stderr)")
        #expect(en.stderr.contains("as the output directory: it is the site root; nothing was written or deleted\n"), "\(en.stderr)")
    }

    @Test func aNewSiteSaysWhatIsLeftToFillInInChinese() throws {
        let directory = try TemporaryDirectory()
        let root = directory.url.appendingPathComponent("xxgk")
        #expect(try Disclose.run(["init", root.path]).status == 0)
        let check = try Disclose.run(["check", "--root", root.path], environment: Self.chinese)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains(": 警告：[content.to_fill] 'base_url' 仍是新站点的示例地址 "), "\(check.stderr)")
        #expect(check.stderr.contains("：请写入站点将要发布的地址（站点地图、订阅源和 catalog.json 都链接到它）\n"), "\(check.stderr)")
        #expect(check.stderr.contains(" 尚待填写：请写入本站自己的内容，并删除该标记\n"), "\(check.stderr)")
        #expect(check.stderr.contains("content/pages/guide.md:"), "\(check.stderr)")
    }
}
