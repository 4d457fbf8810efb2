import Foundation
import Testing

/// Attachments listed in a record's `attachments:` with their titles: shown in list order
/// as 附件N：title（KIND，SIZE）, then the files that are the record's by name; every
/// listing that would publish what is not the record's own is refused at its entry.
@Suite struct ListedAttachmentTests {
    static func bytes(_ count: Int, _ seed: UInt8) -> Data { Data((0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31) ^ seed }) }

    /// The `attachments:` lines of a record's front matter, from line 10 of `SampleSite.policy`.
    static func listing(_ entries: [(file: String, title: String)]) -> String {
        (["attachments:"] + entries.flatMap { ["  - file: \($0.file)", "    title: \($0.title)"] }).joined(separator: "\n")
    }

    @Test func listedAttachmentsAreShownInOrderWithTitleKindAndSizeThenTheUnlisted() throws {
        let site = try SampleSite(adding: [
            "content/policies/2023/fj.md": SampleSite.policy(
                title: "附件测试文件", index: 1,
                extra: Self.listing([("附件2.ofd", "明湖区2024年政务公开工作要点（版式文件）"), ("附件1.pdf", "明湖区2024年政务公开工作要点")]),
                body: "正文。\n\n![工作流程图](fj-流程图.png)\n"),
        ])
        try site.add(Self.bytes(2000, 1), at: "content/policies/2023/附件2.ofd")
        try site.add(Self.bytes(300 * 1024, 2), at: "content/policies/2023/附件1.pdf")
        try site.add(Self.bytes(10, 3), at: "content/policies/2023/fj-统计表.xlsx")
        try site.add(Self.bytes(3 * 1024 * 1024 / 2, 4), at: "content/policies/2023/fj-流程图.png")
        let build = try site.build()
        #expect(build.status == 0, "\(build.stderr)")
        let output = try site.output()
        let page = output.text("policies/2023/fj.html")
        let section = page.range(of: "<section class=\"attachments\"")
            .map { String(page[$0.lowerBound...]).components(separatedBy: "</section>")[0] } ?? ""
        let items = section.components(separatedBy: "<li>").dropFirst().map { $0.components(separatedBy: "</li>")[0] }
        #expect(items == [
            "附件1：<a href=\"附件2.ofd\">明湖区2024年政务公开工作要点（版式文件）</a>（OFD，2 KB）<span class=\"attachment-note\">需使用OFD阅读器打开</span>",
            "附件2：<a href=\"附件1.pdf\">明湖区2024年政务公开工作要点</a>（PDF，300 KB）",
            "附件3：<a href=\"fj-统计表.xlsx\">fj-统计表.xlsx</a>（XLSX，1 KB）",
        ], "\(items)")
        // The image the body shows is copied, and is no attachment to download.
        #expect(page.contains("<img src=\"fj-%E6%B5%81%E7%A8%8B%E5%9B%BE.png\""))
        #expect(output.files["policies/2023/fj-流程图.png"]?.count == 3 * 1024 * 1024 / 2)
        for name in ["附件2.ofd", "附件1.pdf", "fj-统计表.xlsx"] { #expect(output.files["policies/2023/" + name] != nil, "\(name)") }
        #expect(output.problems() == [])
        // No finding: the listed files belong to no other record and are no orphans.
        let (_, diagnostics) = try site.check()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    @Test func everyListingOfWhatIsNotTheRecordsOwnIsRefusedAtItsEntry() throws {
        let site = try SampleSite(adding: [
            "content/policies/2024/lb.md": SampleSite.policy(
                title: "列出他人附件", index: 1,
                extra: [
                    "attachments:",
                    "  - file: 不存在.pdf",                 // 11
                    "    title: 不存在的文件",
                    "  - file: ../../site.yaml",            // 13
                    "    title: 站点设置",
                    "  - file: /etc/passwd",                // 15
                    "    title: 系统文件",
                    "  - file: sub/a.pdf",                  // 17
                    "    title: 子目录文件",
                    "  - file: 链接.pdf",                   // 19
                    "    title: 符号链接",
                    "  - file: other-附件.pdf",             // 21
                    "    title: 别的文件的附件",
                    "  - file: internal-98-附件.pdf",       // 23
                    "    title: 非公开文件的附件",
                    "  - file: 共用.pdf",                   // 25
                    "    title: 重复",
                    "  - file: 共用.pdf",                   // 27
                    "    title: 重复第二次",
                    "  - file: sub",                        // 29
                    "    title: 目录",
                    "  - 只写了文件名.pdf",                  // 31
                    "  - file: 无标题.pdf",                 // 32
                    "  - file: other.md",                   // 33
                    "    title: 记录文件",
                ].joined(separator: "\n")),
            "content/policies/2024/other.md": SampleSite.policy(title: "另一份文件", index: 2),
            "content/policies/2024/internal-98.md": SampleSite.onRequestPolicy(title: "依申请公开的内部文件",
                                                                               index: "11450100MB0000009Z/2024-98001", body: "内部。\n"),
            "content/policies/2024/lb2.md": SampleSite.policy(title: "第二个列出者", index: 3,
                                                              extra: Self.listing([("共用2.pdf", "第二个列出者的附件")])),
            "content/policies/2024/lb3.md": SampleSite.policy(title: "第三个列出者", index: 4,
                                                              extra: Self.listing([("共用2.pdf", "争夺同一个附件")])),
        ])
        for name in ["other-附件.pdf", "internal-98-附件.pdf", "共用.pdf", "共用2.pdf", "无标题.pdf", "sub/a.pdf"] {
            try site.add(Self.bytes(100, 9), at: "content/policies/2024/" + name)
        }
        try site.add(Self.bytes(100, 8), at: "content/policies/2024/目标.pdf")
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("content/policies/2024/链接.pdf").path,
                                                   withDestinationPath: "目标.pdf")
        let (result, diagnostics) = try site.check()
        #expect(result.status == 1)
        let mine = diagnostics.filter { ($0["file"] as? String)?.hasPrefix("content/policies/2024/lb") == true }
        #expect(SampleSite.places(mine) == [
            "content/policies/2024/lb.md:11:11 attachment.listed",
            "content/policies/2024/lb.md:13:11 attachment.listed",
            "content/policies/2024/lb.md:15:11 attachment.listed",
            "content/policies/2024/lb.md:17:11 attachment.listed",
            "content/policies/2024/lb.md:19:11 attachment.listed",
            "content/policies/2024/lb.md:21:11 attachment.listed",
            "content/policies/2024/lb.md:23:11 attachment.listed",
            "content/policies/2024/lb.md:27:11 attachment.listed",
            "content/policies/2024/lb.md:29:11 attachment.listed",
            "content/policies/2024/lb.md:31:5 record.type",
            "content/policies/2024/lb.md:32:5 record.required",
            "content/policies/2024/lb.md:33:11 attachment.listed",
            "content/policies/2024/lb3.md:11:11 attachment.listed",
        ], "\(SampleSite.places(mine))")
        let messages = mine.map { $0["message"] as! String }
        #expect(messages[0].contains("no such file in content/policies/2024/"))
        #expect(messages[1].contains("leads out of this record's folder"))
        #expect(messages[2].contains("absolute path"))
        #expect(messages[4].contains("symbolic link"))
        #expect(messages[5].contains("content/policies/2024/other.md by its name;"), "\(messages[5])")
        #expect(messages[6].contains("content/policies/2024/internal-98.md") && messages[6].contains("not public"))
        #expect(messages[7].contains("already listed at line 25"))
        #expect(messages[8].contains("is a folder"))
        #expect(messages[12].contains("also listed by content/policies/2024/lb2.md"))
        #expect(try site.build().status == 1)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("site").path))
    }

    /// A non-public record's listed files are its material: never copied, their titles
    /// never shown, and a title repeated by a template is a leak like its text.
    @Test func aNonPublicRecordsListedAttachmentsNeverReachTheSite() throws {
        let title = "明湖区征地拆迁补偿资金内部分配明细表CANARY-ATT-51C9"
        let site = try SampleSite(adding: [
            "content/policies/internal-97.md": SampleSite.onRequestPolicy(
                title: "依申请公开的补偿文件", index: "11450100MB0000009Z/2024-97001", body: "内部。\n")
                .replacingOccurrences(of: "document_number: 明财函〔2024〕99号",
                                      with: "document_number: 明财函〔2024〕97号\n" + Self.listing([("分配表.xlsx", title)])),
        ])
        let secretBytes = Self.bytes(5000, 7)
        try site.add(secretBytes, at: "content/policies/分配表.xlsx")
        let (checked, diagnostics) = try site.check()
        #expect(checked.status == 0, "\(diagnostics)")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let build = try site.build()
        #expect(build.status == 0, "\(build.stderr)")
        let output = try site.output()
        #expect(output.files.keys.filter { $0.contains("分配表") } == [])
        #expect(!output.files.values.contains(secretBytes))
        let leaked = output.files.filter { String(decoding: $0.value, as: UTF8.self).contains("CANARY-ATT-51C9") }
        #expect(leaked.isEmpty, "\(leaked.keys)")

        // The title is the record's text: a template that writes it stops the build.
        try site.add("{{<base}}{{$main}}<h1>{{site_title}}</h1><p>\(title)</p>{{/main}}{{/base}}\n", at: "templates/home.mustache")
        let leak = try site.build()
        #expect(leak.status == 1)
        #expect(leak.stderr.contains("[audit.leak]") && leak.stderr.contains("content/policies/internal-97.md"), "\(leak.stderr)")
    }

    /// A public record cannot list, under a name of its own, a copy of a non-public
    /// record's attachment; nor can a fixed page.
    @Test func aCopyOfNonPublicMaterialListedByAPublicRecordOrPageIsRefused() throws {
        let secret = Self.bytes(4000, 5)
        let site = try SampleSite(adding: [
            "content/policies/internal-96.md": SampleSite.onRequestPolicy(title: "依申请公开的资料", index: "11450100MB0000009Z/2024-96001",
                                                                          body: "内部。\n"),
            "content/policies/gk.md": SampleSite.policy(title: "公开文件", index: 1, extra: Self.listing([("公开附件.pdf", "公开附件")])),
            "content/pages/zl.md": FixedPageTests.page(["title: 资料", "attachments: [{file: 资料.pdf, title: 资料}]"]),
        ])
        try site.add(secret, at: "content/policies/internal-96-附件.pdf")
        try site.add(secret, at: "content/policies/公开附件.pdf")
        try site.add(secret, at: "content/pages/资料.pdf")
        let (result, diagnostics) = try site.check()
        #expect(result.status == 1)
        #expect(SampleSite.places(diagnostics) == ["content/pages/资料.pdf:1:1 attachment.non_public",
                                                   "content/policies/公开附件.pdf:1:1 attachment.non_public"], "\(diagnostics)")
        #expect(try site.build().status == 1)
    }

    /// The withheld `gk-jm.md`'s material saved as `gk-jm附件.pdf` or `gk-JM.pdf`, beside
    /// the public `gk.md`, is not published as gk's attachment: check and build refuse it
    /// at the file, and the site is left as it was.
    @Test func aWithheldRecordsCarelesslyNamedFileIsNotAPublicNeighboursAttachment() throws {
        let site = try SampleSite(adding: [
            "content/policies/gk-jm.md": SampleSite.onRequestPolicy(title: "依申请公开的资料", index: "11450100MB0000009Z/2024-96002",
                                                                    body: "内部。\n"),
            "content/policies/gk.md": SampleSite.policy(title: "公开文件", index: 2),
        ])
        try site.add(Self.bytes(3000, 7), at: "content/policies/gk-jm附件.pdf")
        try site.add(Self.bytes(3000, 8), at: "content/policies/gk-JM.pdf")
        let (result, diagnostics) = try site.check()
        #expect(result.status == 1)
        #expect(SampleSite.places(diagnostics) == ["content/policies/gk-JM.pdf:1:1 attachment.non_public",
                                                   "content/policies/gk-jm附件.pdf:1:1 attachment.non_public"], "\(diagnostics)")
        let built = try site.build()
        #expect(built.status == 1)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("site").path))
    }

    /// Changing a title changes the page in an incremental build as in a clean one.
    @Test func anEditedTitleIsShownByTheNextBuild() throws {
        let site = try SampleSite(adding: [
            "content/policies/bt.md": SampleSite.policy(title: "标题变更", index: 1, extra: Self.listing([("表.pdf", "旧的附件标题")])),
        ])
        try site.add(Self.bytes(100, 1), at: "content/policies/表.pdf")
        #expect(try site.build().status == 0)
        #expect(try site.output().text("policies/bt.html").contains(">旧的附件标题</a>"))
        try site.add(SampleSite.policy(title: "标题变更", index: 1, extra: Self.listing([("表.pdf", "新的附件标题")])), at: "content/policies/bt.md")
        try site.add(Self.bytes(5000, 1), at: "content/policies/表.pdf")
        #expect(try site.build().status == 0)
        let page = try site.output().text("policies/bt.html")
        #expect(page.contains(">新的附件标题</a>（PDF，5 KB）"))
    }
}

/// A listed file that is refused is told why once, at its entry: a symbolic link is
/// called one, and the file is no orphan (its owner lists it).
@Suite struct RefusedListedAttachmentTests {
    @Test func aListedSymbolicLinkIsCalledOneAndIsNoOrphan() throws {
        let listing = "attachments:\n  - file: link.pdf\n    title: 链接的附件"
        let site = try SampleSite(adding: [
            "content/policies/2024/linker.md": SampleSite.policy(title: "列出链接的文件", index: 62, extra: listing),
            "content/pages/linker.md": "---\ntitle: 列出链接的页面\n\(listing)\n---\n\n正文。\n",
        ])
        for folder in ["content/policies/2024", "content/pages"] {
            try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent(folder + "/link.pdf").path,
                                                       withDestinationPath: "../pages/政府信息公开申请表.pdf")
        }
        let (result, diagnostics) = try site.check()
        #expect(result.status == 1)
        let places = SampleSite.places(diagnostics)
        #expect(!places.contains { $0.hasSuffix("attachment.orphan") }, "\(places)")
        let listed = diagnostics.filter { $0["rule"] as? String == "attachment.listed" }
        #expect(SampleSite.places(listed) == ["content/pages/linker.md:4:11 attachment.listed",
                                               "content/policies/2024/linker.md:11:11 attachment.listed"], "\(places)")
        for finding in listed {
            let message = finding["message"] as! String
            #expect(message.contains("is a symbolic link") && message.contains("refused") && !message.contains("out of the site"), "\(message)")
        }
    }
}
