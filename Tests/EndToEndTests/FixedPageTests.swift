import Foundation
import Testing

/// Fixed pages (`content/pages/`): the sample's column pages as a reader finds them, and
/// every way an author can get one wrong, reported at its place.
@Suite struct FixedPageTests {
    static let roles = ["pages/guide.html", "pages/rules.html", "pages/functions.html", "pages/request.html"]

    /// A page of `content/pages/` with `front` lines between the `---` lines.
    static func page(_ front: [String], body: String = "正文。\n") -> String {
        (["---"] + front + ["---"]).joined(separator: "\n") + "\n" + body
    }

    @Test func theSampleColumnHasItsPagesInTheNavigationSitemapAndSearch() throws {
        let site = try SampleSite()
        let build = try site.build()
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stderr.contains("0 errors, 0 warnings"), "\(build.stderr)")
        let output = try site.output()
        #expect(output.problems() == [])
        for path in Self.roles { #expect(output.files[path] != nil, "\(path)") }

        // Every page's navigation lists the four, in their `nav` order, relative to it.
        for page in ["index.html", "policies/mhf-2024-3.html", "pages/rules.html", "search.html", "404.html"] {
            let text = output.text(page)
            let prefix = page.contains("/") ? "../" : ""
            let positions = Self.roles.map { text.range(of: "<li><a href=\"\(prefix)\($0)\"")?.lowerBound }
            #expect(positions.allSatisfy { $0 != nil }, "\(page)")
            #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "\(page): navigation out of order")
        }
        #expect(output.text("pages/rules.html").contains("<li><a href=\"../pages/rules.html\" aria-current=\"page\">"))
        // The home page leads to the guide.
        #expect(output.text("index.html").contains("请阅读<a href=\"pages/guide.html\">明湖区人民政府信息公开指南</a>"))
        // Links between pages and records are rewritten from their .md files.
        #expect(output.text("pages/request.html").contains("<a href=\"guide.html\">政府信息公开指南</a>"))
        #expect(output.text("pages/rules.html").contains("<a href=\"../policies/mhf-2024-3.html\">"))
        let sitemap = output.text("sitemap.xml")
        for path in Self.roles { #expect(sitemap.contains("https://www.minghu.example.gov.cn/xxgk/\(path)</loc>"), "\(path)") }
        #expect(sitemap.range(of: #"pages/guide\.html</loc>\s*<lastmod>2024-03-01</lastmod>"#, options: .regularExpression) != nil)
        // Search: each page is a document of type "page" named by its role.
        let index = output.searchData
        #expect(index.contains("[\"pages/guide.html\",\"明湖区人民政府信息公开指南\",\"page\","))
        #expect(index.contains(",\"政府信息公开指南\"]"))
        #expect(index.contains(",\"依申请公开\"]"))
        #expect(output.text("search.html").contains("<option value=\"page\">页面</option>"))
        // The application form is listed with its title, kind and size.
        let form = try Data(contentsOf: site.root.appendingPathComponent("content/pages/政府信息公开申请表.pdf"))
        #expect(output.files["pages/政府信息公开申请表.pdf"] == form)
        let kilobytes = (form.count + 1023) / 1024
        #expect(output.text("pages/request.html").contains(
            "附件1：<a href=\"政府信息公开申请表.pdf\">明湖区人民政府政府信息公开申请表</a>（PDF，\(kilobytes) KB）"))
        // The audit of the upload knows them.
        let audit = try Disclose.run(["audit", site.root.appendingPathComponent("site").path, "--root", site.root.path])
        #expect(audit.status == 0, "\(audit.stderr)")
    }

    @Test func everyMistakeInAPageIsReportedAtItsPlace() throws {
        let site = try SampleSite(adding: [
            "content/pages/a-no-title.md": Self.page(["nav: 5"]),
            "content/pages/b-typo.md": Self.page(["title: 拼写错误", "nva: 2"]),
            "content/pages/c-role.md": Self.page(["title: 角色错误", "role: 指南"]),
            "content/pages/d-nav.md": Self.page(["title: 位置错误", "nav: 第一"]),
            "content/pages/e-control.md": Self.page(["title: 控制字符"], body: "第一行\n第二\u{7}行\n"),
            "content/pages/f-second-guide.md": Self.page(["title: 第二个指南", "role: guide"]),
            "content/pages/g-slug.md": Self.page(["title: 名称冲突", "slug: rules"]),
            "content/pages/Bad Name.md": Self.page(["title: 文件名不合规"]),
            "content/pages/old/x.md": Self.page(["title: 子目录"]),
            "content/pages/h-link.md": Self.page(["title: 链接"], body: "见[内部文件](../policies/missing.md)。\n"),
        ])
        let (result, diagnostics) = try site.check()
        #expect(result.status == 1)
        let places = SampleSite.places(diagnostics).filter { $0.hasPrefix("content/pages/") }
        #expect(places == [
            "content/pages/Bad Name.md:1:1 slug.invalid",
            "content/pages/a-no-title.md:1:1 record.required",
            "content/pages/b-typo.md:3:1 record.unknown_key",
            "content/pages/c-role.md:3:7 record.type",
            "content/pages/d-nav.md:3:6 record.type",
            "content/pages/e-control.md:5:3 record.control_character",
            "content/pages/guide.md:4:7 page.role_duplicate",
            "content/pages/h-link.md:4:2 link.target",
            "content/pages/old:1:1 page.folder",
            "content/pages/rules.md:1:1 slug.duplicate",
        ], "\(places)")
        let messages = diagnostics.compactMap { $0["message"] as? String }
        #expect(messages.contains { $0.contains("did you mean 'nav'") })
        #expect(messages.contains { $0.contains("content/pages/f-second-guide.md") && $0.contains("政府信息公开指南") })
        #expect(messages.contains { $0.contains("slug 'rules' is also used by content/pages/g-slug.md") })
        #expect(try site.build().status == 1)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("site").path))

        // With the pages mended, the link to a missing record is the one error left: it was
        // reported in the first run too, beside the others.
        for name in ["a-no-title", "b-typo", "c-role", "d-nav", "e-control", "f-second-guide", "g-slug", "Bad Name"] {
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/pages/\(name).md"))
        }
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/pages/old"))
        let (mended, found) = try site.check()
        #expect(mended.status == 1)
        #expect(SampleSite.places(found) == ["content/pages/h-link.md:4:2 link.target"], "\(found)")
    }

    /// A careless author who marks a page non-public means a record: the page is not
    /// published with a warning, the site is not built.
    @Test func aPageMarkedNonPublicIsAnError() throws {
        let site = try SampleSite(adding: [
            "content/pages/neibu.md": Self.page(["title: 内部工作安排", "disclosure: withheld"], body: "内部安排CANARY-PAGE-D15C。\n"),
        ])
        let (result, diagnostics) = try site.check()
        #expect(result.status == 1)
        #expect(SampleSite.places(diagnostics) == ["content/pages/neibu.md:3:1 page.disclosure"], "\(diagnostics)")
        #expect((diagnostics.first?["message"] as? String)?.contains("is 'withheld', but every page") == true)
        #expect(try site.build().status == 1)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("site").path))
    }

    /// The guide is what article 12 asks for: a site with pages but none of role guide is
    /// warned (an error with --strict); a site without content/pages/ is not.
    @Test func aColumnWithoutItsGuideIsWarned() throws {
        let site = try SampleSite()
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/pages/guide.md"))
        // The other pages linked it: a link to a page that is gone is an error like any other.
        for page in ["request.md"] {
            let url = site.root.appendingPathComponent("content/pages/" + page)
            let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "[政府信息公开指南](guide.md)", with: "政府信息公开指南")
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let (result, diagnostics) = try site.check()
        #expect(result.status == 0)
        #expect(SampleSite.places(diagnostics) == ["content/pages:1:1 pages.no_guide"])
        let (strict, _) = try site.check(["--strict"])
        #expect(strict.status == 1)
        // A role given in Chinese counts.
        try site.add(Self.page(["title: 公开指南", "role: 公开指南"]), at: "content/pages/zhinan.md")
        #expect(try site.check().1.isEmpty)

        // A folder of files and no page has no page to be the guide: its files are orphans.
        for page in ["zhinan.md", "rules.md", "functions.md", "request.md", "guide-czj.md"] {
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/pages/" + page))
        }
        let (filesOnly, orphans) = try site.check()
        #expect(filesOnly.status == 0)
        #expect(SampleSite.places(orphans) == ["content/pages/政府信息公开申请表.pdf:1:1 attachment.orphan"], "\(orphans)")

        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/pages"))
        let (bare, none) = try site.check()
        #expect(bare.status == 0)
        #expect(none.isEmpty, "\(none)")
    }

    /// Records link pages by their .md file, and pages link records; a page cannot link a
    /// record that is not public.
    @Test func linksGoBothWaysAndNeverToANonPublicRecord() throws {
        let site = try SampleSite(adding: [
            "content/policies/link-page.md": SampleSite.policy(title: "链接页面的文件", index: 1,
                                                               body: "申请方法见[依申请公开](../pages/request.md)。\n"),
            "content/policies/internal-99.md": SampleSite.onRequestPolicy(title: "内部事项", index: "11450100MB0000009Z/2024-99001",
                                                                          body: "内部。\n"),
        ])
        let build = try site.build()
        #expect(build.status == 0, "\(build.stderr)")
        #expect(try site.output().text("policies/link-page.html").contains("<a href=\"../pages/request.html\">依申请公开</a>"))

        try site.add(Self.page(["title: 不当链接"], body: "\n见[内部事项](../policies/internal-99.md)。\n"), at: "content/pages/bad-link.md")
        let (result, diagnostics) = try site.check()
        #expect(result.status == 1)
        #expect(SampleSite.places(diagnostics) == ["content/pages/bad-link.md:5:2 link.target"], "\(diagnostics)")
        #expect((diagnostics.first?["message"] as? String)?.contains("not public") == true)
    }

    /// A page is public text an author wrote, as a public record is: a sentence it shares
    /// with a non-public record is published with it, and `check` warns so at the page's
    /// line (`leak.shared_text`), naming the phrase to declare if it is ordinary wording.
    @Test func aPageRepeatingANonPublicRecordIsWarned() throws {
        let secret = "关于明湖区旧城改造补偿标准内部测算的说明CANARY-PAGE-7F3A"
        let site = try SampleSite(adding: [
            "content/policies/internal-99.md": SampleSite.onRequestPolicy(title: "旧城改造补偿测算", index: "11450100MB0000009Z/2024-99002",
                                                                          body: secret + "。\n"),
            "content/pages/notes.md": Self.page(["title: 工作说明"], body: "本页转述：" + secret + "。\n"),
        ])
        let (checked, diagnostics) = try site.check()
        #expect(checked.status == 0)
        #expect(SampleSite.places(diagnostics) == ["content/pages/notes.md:4:1 leak.shared_text"], "\(diagnostics)")
        let message = diagnostics.first?["message"] as? String ?? ""
        #expect(message.contains("content/policies/internal-99.md"), "\(message)")
        #expect(message.contains("leak_boilerplate: [\"关于明湖区旧城改造补偿标准内部测算的说明CANARY-PAGE-7F3A\"]"), "\(message)")
        // `build` warns the same (and `serve`, which builds): --strict refuses to publish it.
        let strict = try site.build(["--strict", "--format", "json"])
        #expect(strict.status == 1, "\(strict.stderr)")
        #expect(SampleSite.places(try Disclose.diagnostics(strict)) == ["content/pages/notes.md:4:1 leak.shared_text"], "\(strict.stdout)")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("site").path))
        let build = try site.build(["--format", "json"])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(SampleSite.places(try Disclose.diagnostics(build)) == ["content/pages/notes.md:4:1 leak.shared_text"], "\(build.stdout)")
        #expect(try site.output().text("pages/notes.html").contains(secret))
    }

    /// A page's file is `pages/SLUG.html`; a file of content/pages/ that would be written
    /// there is refused, and a file no page takes is not copied.
    @Test func filesBesidePagesThatWouldClashOrBelongToNoneAreRefused() throws {
        let site = try SampleSite(adding: [
            "content/pages/guide.html": "<p>手写页面</p>\n",
            "content/pages/readme.txt": "说明\n",
        ])
        let (result, diagnostics) = try site.check()
        #expect(result.status == 1)
        #expect(SampleSite.places(diagnostics) == ["content/pages/guide.html:1:1 attachment.clash",
                                                   "content/pages/readme.txt:1:1 attachment.orphan"], "\(diagnostics)")
    }

    /// A page's attachment the audit reads as a document is judged by `check` at its
    /// file under content/, as a record's is.
    @Test func aPagesDocumentAttachmentIsCheckedAtItsSource() throws {
        let site = try SampleSite(adding: [
            "content/pages/request-附表.html": "<p>没有 lang 和 title 的附表</p>\n",
        ])
        let (result, diagnostics) = try site.check()
        #expect(result.status == 1)
        #expect(SampleSite.places(diagnostics) == ["content/pages/request-附表.html:1:1 audit.malformed",
                                                   "content/pages/request-附表.html:1:1 audit.malformed"], "\(diagnostics)")
        let messages = diagnostics.compactMap { $0["message"] as? String }
        #expect(messages == ["the page has no <html lang> (copied to pages/request-附表.html in the site)",
                             "the page has no <title> (copied to pages/request-附表.html in the site)"])
        // The build says the same, at the same place, before it writes anything.
        let build = try site.build(["--format", "json"])
        #expect(build.status == 1)
        #expect(try Disclose.diagnostics(build).map { "\(SampleSite.places([$0])[0]) \($0["message"] as? String ?? "")" }
                == zip(SampleSite.places(diagnostics), messages).map { "\($0) \($1)" }, "\(build.stdout)")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("site").path))
    }

    /// Into an output whose path leaves room for every record's files but not for the
    /// application form's longer name, the build reports the form at its source (`file.name`)
    /// before writing anything, as it does a record's attachment.
    @Test func aPageAttachmentTooLongToWriteIsReportedAtItsSource() throws {
        let site = try SampleSite()
        let limit = Int(PATH_MAX) - 1
        // base = output + staging allowance (64) + 1: the form (34 bytes) goes over, the
        // longest record path (31 bytes) does not.
        let wanted = limit - 64 - 1 - 33
        var parent = site.root.path
        var names: [String] = []
        while parent.utf8.count + "/site".utf8.count < wanted {
            let room = wanted - "/site".utf8.count - parent.utf8.count - 1
            let name = String(repeating: "o", count: min(200, max(1, room)))
            parent += "/" + name
            names.append(name)
        }
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/bash")
        shell.arguments = ["-c", "cd '\(site.root.path)' && for d in \(names.joined(separator: " ")); do mkdir \"$d\" && cd \"$d\"; done"]
        try shell.run()
        shell.waitUntilExit()
        let output = parent + "/site"
        #expect(output.utf8.count == wanted)
        let built = try Disclose.run(["build", "--root", site.root.path, "--output", output])
        #expect(built.status == 1, "\(built.stderr)")
        #expect(built.stderr.contains("content/pages/政府信息公开申请表.pdf:1:1: error: [file.name]"), "\(built.stderr)")
        #expect(!built.stderr.contains("content/policies"), "\(built.stderr)")
    }

    /// A page's title is in the navigation of every page: an incremental build that edits
    /// it makes the other pages again, and gives the tree a clean build gives.
    @Test func editingAPageRebuildsTheNavigationOfEveryPage() throws {
        let site = try SampleSite()
        #expect(try site.build().status == 0)
        func inode(_ path: String) throws -> Int? {
            try FileManager.default.attributesOfItem(atPath: site.root.appendingPathComponent("site/" + path).path)[.systemFileNumber] as? Int
        }
        let form = try inode("pages/政府信息公开申请表.pdf")
        let url = site.root.appendingPathComponent("content/pages/functions.md")
        let text = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "title: 明湖区人民政府办公室机构职能", with: "title: 区政府办公室职能")
        try text.write(to: url, atomically: true, encoding: .utf8)
        let rebuild = try site.build()
        #expect(rebuild.status == 0, "\(rebuild.stderr)")
        let incremental = try site.output()
        #expect(incremental.text("policies/mhf-2024-3.html").contains(">区政府办公室职能</a></li>"))
        #expect(!incremental.text("policies/mhf-2024-3.html").contains("明湖区人民政府办公室机构职能"))
        // The page's attachment did not change: carried by hard link, not copied again.
        #expect(try inode("pages/政府信息公开申请表.pdf") == form)
        let clean = site.root.appendingPathComponent("clean")
        #expect(try Disclose.run(["build", "--root", site.root.path, "--output", clean.path]).status == 0)
        #expect(try SiteTree(clean).files == incremental.files)
    }
}
