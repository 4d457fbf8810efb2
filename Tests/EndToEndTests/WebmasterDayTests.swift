import Foundation
import Testing

/// A webmaster's day with the commands of the package, end to end: a new site, its
/// markers filled in, a record written from its skeleton, checked, built and audited.
@Suite struct WebmasterDayTests {
    static func replace(_ pairs: [(String, String)], in file: URL) throws {
        var text = try String(contentsOf: file, encoding: .utf8)
        for (old, new) in pairs {
            #expect(text.contains(old), "\(file.lastPathComponent) lacks \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func fromInitToAnAuditedSite() throws {
        let directory = try TemporaryDirectory()
        let root = directory.url.appendingPathComponent("明湖区信息公开")
        #expect(try Disclose.run(["init", root.path]).status == 0)
        // CI's --strict holds the new site back until its markers are filled in.
        #expect(try Disclose.run(["check", "--strict", "--root", root.path]).status == 1)
        for file in ["content/site.yaml", "content/pages/guide.md"] {
            try Self.replace([("【待填写】", "")], in: root.appendingPathComponent(file))
        }
        try Self.replace([("https://www.example.gov.cn/xxgk/", "https://www.minghu.example.gov.cn/xxgk/")],
                         in: root.appendingPathComponent("content/site.yaml"))
        #expect(try Disclose.run(["check", "--strict", "--root", root.path]).status == 0)

        let new = try Disclose.run(["new", "通知公告", "tz-2026-1", "--root", root.path])
        #expect(new.status == 0, "\(new.stderr)")
        let record = root.appendingPathComponent("content/notices/tz-2026-1.md")
        let unfilled = try Disclose.run(["check", "--root", root.path])
        #expect(unfilled.status == 1)
        #expect(unfilled.stderr.contains("content/notices/tz-2026-1.md:3:8: error: [record.placeholder] 'title' (名称) still holds the placeholder '<待填写 名称 / title>'; fill it in"),
                "\(unfilled.stderr)")

        try Self.replace([
            ("\"<待填写 名称 / title>\"", "明湖区政务服务中心关于元旦期间调整服务时间的通知"),
            ("\"<待填写 索引号 / index number>\"", "11450100MB0000008H/2026-00001"),
            ("\"<待填写 发布机构 / publisher>\"", "明湖区政务服务中心"),
            ("\"<待填写 审查人 / reviewer>\"", "区政务服务中心办公室"),
            ("\"<待填写 主题分类 / topic>\"", "政务服务"),
            ("\"<待填写 内容概述 / summary>\"", "元旦期间区政务服务中心暂停线下窗口服务，网上办事照常。"),
            ("<!-- 正文（Markdown） -->", "元旦期间，区政务服务中心暂停线下窗口服务，网上办事和自助服务区照常运行。"),
        ], in: record)
        let check = try Disclose.run(["check", "--strict", "--root", root.path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.hasSuffix("0 errors, 0 warnings in 1 record\n"), "\(check.stderr)")

        let build = try Disclose.run(["build", "--root", root.path])
        #expect(build.status == 0, "\(build.stderr)")
        let audit = try Disclose.run(["audit", root.appendingPathComponent("site").path, "--root", root.path])
        #expect(audit.status == 0, "\(audit.stderr)")
        let tree = try SiteTree(root.appendingPathComponent("site"))
        #expect(tree.text("notices/tz-2026-1.html").contains("明湖区政务服务中心关于元旦期间调整服务时间的通知"))
        let catalog = try #require(try JSONSerialization.jsonObject(with: tree.files["catalog.json"] ?? Data()) as? [String: Any])
        #expect(catalog["format"] as? String == "disclose-catalog" && catalog["version"] as? Int == 1)
        #expect((catalog["records"] as? [[String: Any]])?.map { $0["index_number"] as? String } == ["11450100MB0000008H/2026-00001"])
    }

    /// The values of a new notice's placeholders, filled in.
    static let noticeFilledIn = [
        ("\"<待填写 名称 / title>\"", "明湖区政务服务中心关于元旦期间调整服务时间的通知"),
        ("\"<待填写 索引号 / index number>\"", "11450100MB0000008H/2026-00001"),
        ("\"<待填写 发布机构 / publisher>\"", "明湖区政务服务中心"),
        ("\"<待填写 审查人 / reviewer>\"", "区政务服务中心办公室"),
        ("\"<待填写 主题分类 / topic>\"", "政务服务"),
        ("\"<待填写 内容概述 / summary>\"", "元旦期间区政务服务中心暂停线下窗口服务，网上办事照常。"),
        ("<!-- 正文（Markdown） -->", "元旦期间，区政务服务中心暂停线下窗口服务，网上办事和自助服务区照常运行。"),
    ]

    /// The same day as the webmaster sees it, in Chinese (no language set): every line a
    /// command prints for a person, the severities and the summaries are Chinese, and each
    /// problem keeps its file:line:column and rule.
    @Test func theDayInChinese() throws {
        let chinese = ["DISCLOSE_LANG": ""]
        let directory = try TemporaryDirectory()
        let root = directory.url.appendingPathComponent("明湖区信息公开")
        let initialised = try Disclose.run(["init", root.path], environment: chinese)
        #expect(initialised.status == 0)
        #expect(initialised.stderr.hasPrefix("已在 \(root.path) 中写入新网站：请填写 content/site.yaml 和 content/pages/guide.md 中的每一处【待填写】"),
                "\(initialised.stderr)")

        let markers = try Disclose.run(["check", "--root", root.path], environment: chinese)
        #expect(markers.status == 0, "\(markers.stderr)")
        let toFill = markers.stderr.split(separator: "\n").filter { $0.contains(": 警告：[content.to_fill] ") }
        #expect(toFill.count > 1, "\(markers.stderr)")
        #expect(toFill.allSatisfy { $0.range(of: #"^content/(site\.yaml|pages/guide\.md):\d+:\d+: 警告："#, options: .regularExpression) != nil },
                "\(toFill)")
        #expect(markers.stderr.hasSuffix("0 个错误，\(toFill.count) 个警告，共 0 条记录\n"), "\(markers.stderr)")
        #expect(!markers.stderr.contains("warning:") && !markers.stderr.contains("errors,"), "\(markers.stderr)")
        for file in ["content/site.yaml", "content/pages/guide.md"] {
            try Self.replace([("【待填写】", "")], in: root.appendingPathComponent(file))
        }
        try Self.replace([("https://www.example.gov.cn/xxgk/", "https://www.minghu.example.gov.cn/xxgk/")],
                         in: root.appendingPathComponent("content/site.yaml"))

        let new = try Disclose.run(["new", "通知公告", "tz-2026-1", "--root", root.path], environment: chinese)
        #expect(new.status == 0, "\(new.stderr)")
        #expect(new.stderr == "已写入 content/notices/tz-2026-1.md：请把每一处 <待填写 …> 占位内容填写完整，然后运行 'disclose check'\n",
                "\(new.stderr)")
        let unfilled = try Disclose.run(["check", "--root", root.path], environment: chinese)
        #expect(unfilled.status == 1)
        let title = try #require(unfilled.stderr.split(separator: "\n").first { $0.hasPrefix("content/notices/tz-2026-1.md:3:8: ") },
                                 "\(unfilled.stderr)")
        #expect(title.hasPrefix("content/notices/tz-2026-1.md:3:8: 错误：[record.placeholder] ") && title.contains("'<待填写 名称 / title>'"),
                "\(title)")
        #expect(unfilled.stderr.range(of: #"\n\d+ 个错误，0 个警告，共 1 条记录\n$"#, options: .regularExpression) != nil, "\(unfilled.stderr)")

        try Self.replace(Self.noticeFilledIn, in: root.appendingPathComponent("content/notices/tz-2026-1.md"))
        let check = try Disclose.run(["check", "--strict", "--root", root.path], environment: chinese)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr == "0 个错误，0 个警告，共 1 条记录\n", "\(check.stderr)")

        let build = try Disclose.run(["build", "--root", root.path], environment: chinese)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stderr.hasPrefix("0 个错误，0 个警告，共 1 条记录\n"), "\(build.stderr)")
        // The one notice is counted in its type's column and the total, on the row of 主动公开.
        #expect(build.stderr.range(of: #"\n +主动公开( +0)+ +1 +1\n"#, options: .regularExpression) != nil, "\(build.stderr)")
        #expect(build.stderr.contains("\n已写入页面 ") && build.stderr.contains("\n警告：0 条\n"), "\(build.stderr)")
        let audit = try Disclose.run(["audit", root.appendingPathComponent("site").path, "--root", root.path], environment: chinese)
        #expect(audit.status == 0, "\(audit.stderr)")
        #expect(audit.stderr.range(of: #"^已审查 \d+ 个文件，其中 0 个有问题\n0 个错误，0 个警告，共 1 条记录\n$"#, options: .regularExpression) != nil,
                "\(audit.stderr)")
        let tree = try SiteTree(root.appendingPathComponent("site"))
        #expect(tree.text("notices/tz-2026-1.html").contains("明湖区政务服务中心关于元旦期间调整服务时间的通知"))
    }
}
