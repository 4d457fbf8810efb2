import Foundation
import Testing

/// `disclose init DIR`: a new site that checks and builds, whose warnings name what is
/// left to fill in, written only into a new or empty folder.
@Suite struct InitCommandTests {
    /// The 1-based line and column (in characters) of the first `needle` in `text`.
    static func position(of needle: String, in text: String) throws -> (line: Int, column: Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if let range = line.range(of: needle) {
                return (index + 1, line.unicodeScalars[line.startIndex..<range.lowerBound].count + 1)
            }
        }
        Issue.record("'\(needle)' not found")
        throw CancellationError()
    }

    static let marker = "【待填写】"

    @Test func aNewSiteChecksWithWarningsNamingWhatIsLeftToFillIn() throws {
        let directory = try TemporaryDirectory()
        let root = directory.url.appendingPathComponent("明湖区/xxgk")
        let made = try Disclose.run(["init", root.path])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stderr.contains("fill in every 【待填写】"), "\(made.stderr)")
        for section in ["policies", "interpretations", "budgets", "guides", "reports", "notices", "plans", "personnel", "decisions"] {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("content/\(section)").path), "\(section)")
        }
        let siteYAML = try String(contentsOf: root.appendingPathComponent("content/site.yaml"), encoding: .utf8)
        let guide = try String(contentsOf: root.appendingPathComponent("content/pages/guide.md"), encoding: .utf8)

        let check = try Disclose.run(["check", "--root", root.path, "--format", "json"])
        #expect(check.status == 0, "\(check.stderr)")
        let found = try Disclose.diagnostics(check)
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0["rule"] as? String == "content.to_fill" && $0["severity"] as? String == "warning" }, "\(found)")
        // One warning per marker, each at the marker, naming what follows it.
        // One more for the example base_url, at its value.
        #expect(found.count == siteYAML.components(separatedBy: Self.marker).count - 1 + guide.components(separatedBy: Self.marker).count - 1 + 1)
        let baseURLLine = try Self.position(of: "base_url: https://www.example.gov.cn/xxgk/", in: siteYAML).line
        #expect(found.contains { $0["file"] as? String == "content/site.yaml" && $0["line"] as? Int == baseURLLine
            && $0["column"] as? Int == 11 && ($0["message"] as? String)?.contains("still the new site's example") == true }, "\(found)")
        let titleLine = try Self.position(of: "title: " + Self.marker, in: siteYAML).line
        let atTitle = found.first { $0["file"] as? String == "content/site.yaml" && $0["line"] as? Int == titleLine }
        #expect(atTitle?["column"] as? Int == 8)
        #expect((atTitle?["message"] as? String)?.contains("'本机关名称+政府信息公开") == true, "\(String(describing: atTitle))")
        let fax = try Self.position(of: "传真：" + Self.marker, in: guide)
        #expect(found.contains { $0["file"] as? String == "content/pages/guide.md" && $0["line"] as? Int == fax.line
            && $0["column"] as? Int == fax.column + 3 && ($0["message"] as? String)?.contains("'传真号码'") == true }, "\(found)")

        // CI's --strict refuses the site until every marker is gone.
        #expect(try Disclose.run(["check", "--strict", "--root", root.path]).status == 1)
        // It builds, and the build's audit passes, while it is being filled in.
        let build = try Disclose.run(["build", "--root", root.path])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(try Disclose.run(["audit", root.appendingPathComponent("site").path, "--root", root.path]).status == 0)
        let tree = try SiteTree(root.appendingPathComponent("site"))
        #expect(tree.text("index.html").contains("pages/guide.html"))
        #expect(tree.problems().isEmpty, "\(tree.problems())")
    }

    /// The passing side of content.to_fill: once every marker is replaced, no warning.
    @Test func aFilledInSiteHasNoWarning() throws {
        let directory = try TemporaryDirectory()
        let root = directory.url.appendingPathComponent("site-root")
        #expect(try Disclose.run(["init", root.path]).status == 0)
        for file in ["content/site.yaml", "content/pages/guide.md"] {
            let url = root.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            try text.replacingOccurrences(of: Self.marker, with: "")
                .replacingOccurrences(of: "https://www.example.gov.cn/xxgk/", with: "https://www.minghu.example.gov.cn/xxgk/")
                .write(to: url, atomically: true, encoding: .utf8)
        }
        let check = try Disclose.run(["check", "--strict", "--root", root.path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.hasSuffix("0 errors, 0 warnings in 0 records\n"), "\(check.stderr)")
    }

    /// A marker left in a record (its summary or body) is named at its line and column;
    /// a record without one has none.
    @Test func aMarkerInARecordIsNamedAtItsPlace() throws {
        let path = "content/notices/zwfwzx-2024-dtx.md"
        let text = """
            ---
            title: 明湖区政务服务中心关于调整咨询电话的通知
            index_number: 11450100MB0000008H/2024-00095
            disclosure: 主动公开
            publisher: 明湖区政务服务中心
            created: 2024-11-04
            published: 2024-11-06
            review: {reviewer: 区政务服务中心保密审查小组, date: 2024-11-05}
            topic: 政务服务
            summary: 咨询电话调整为【待填写】新号码。
            ---

            自2024年11月11日起，区政务服务中心咨询电话调整为【待填写】新号码，原号码停止使用。

            """
        let site = try SampleSite(adding: [path: text])
        let (_, diagnostics) = try site.check()
        let found = diagnostics.filter { $0["file"] as? String == path }
        #expect(SampleSite.places(found) == ["\(path):10:17 content.to_fill", "\(path):13:29 content.to_fill"], "\(found)")
        #expect(found.allSatisfy { $0["severity"] as? String == "warning" })
        #expect((found.first?["message"] as? String)?.contains("'新号码'") == true, "\(found)")
        let filled = try SampleSite(adding: [path: text.replacingOccurrences(of: Self.marker, with: "0771-5551234，")])
        #expect(try filled.check().1.filter { $0["file"] as? String == path }.isEmpty)
    }

    /// A folder that holds anything, a hidden file too, is refused with exit 2 and left
    /// exactly as it was; so is a file.
    @Test func aFolderThatHoldsAnythingIsRefusedAndLeftAsItWas() throws {
        let directory = try TemporaryDirectory()
        try directory.write("我的笔记\n", to: "old/.notes")
        let refused = try Disclose.run(["init", directory.url.appendingPathComponent("old").path])
        #expect(refused.status == 2)
        #expect(refused.stderr.hasPrefix("disclose: error: "), "\(refused.stderr)")
        #expect(refused.stderr.contains("is not empty (.notes)"), "\(refused.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.appendingPathComponent("old").path) == [".notes"])
        #expect(try String(contentsOf: directory.url.appendingPathComponent("old/.notes"), encoding: .utf8) == "我的笔记\n")

        try directory.write("x", to: "a-file")
        let file = try Disclose.run(["init", directory.url.appendingPathComponent("a-file").path])
        #expect(file.status == 2)
        #expect(file.stderr.contains("is a file, not a folder"), "\(file.stderr)")
        // An empty name is refused, not joined into a path at the file system's root.
        let empty = try Disclose.run(["init", ""], in: directory.url)
        #expect(empty.status == 2 && empty.stderr.hasPrefix("disclose: error: DIR is empty"), "\(empty.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "/content/site.yaml"))
        // An empty folder is taken.
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("empty"), withIntermediateDirectories: false)
        #expect(try Disclose.run(["init", directory.url.appendingPathComponent("empty").path]).status == 0)
    }

    /// `--with-templates` copies the built-in templates, which build the same pages.
    @Test func withTemplatesCopiesTheDefaultTemplates() throws {
        let directory = try TemporaryDirectory()
        let plain = directory.url.appendingPathComponent("plain"), custom = directory.url.appendingPathComponent("custom")
        #expect(try Disclose.run(["init", plain.path]).status == 0)
        #expect(try Disclose.run(["init", custom.path, "--with-templates"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: plain.appendingPathComponent("templates").path))
        for template in ["base.mustache", "record.mustache", "partials/attachments.mustache", "assets/style.css"] {
            let copied = try Data(contentsOf: custom.appendingPathComponent("templates/\(template)"))
            #expect(copied == (try Data(contentsOf: Disclose.packageRoot.appendingPathComponent("templates/\(template)"))), "\(template)")
        }
        for root in [plain, custom] {
            let build = try Disclose.run(["build", "--root", root.path])
            #expect(build.status == 0, "\(build.stderr)")
        }
        let a = try SiteTree(plain.appendingPathComponent("site")), b = try SiteTree(custom.appendingPathComponent("site"))
        #expect(a.files == b.files)
    }

    /// The .gitignore keeps the output, the caches and a build's staging and lock out of git.
    @Test func theGitignoreNamesWhatABuildLeaves() throws {
        let directory = try TemporaryDirectory()
        let root = directory.url.appendingPathComponent("new")
        #expect(try Disclose.run(["init", root.path]).status == 0)
        #expect(try Disclose.run(["build", "--root", root.path]).status == 0)
        let ignore = try String(contentsOf: root.appendingPathComponent(".gitignore"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
        // Everything at the root besides content/ and .gitignore is the build's.
        let left = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0 != "content" && $0 != ".gitignore" }
        #expect(!left.isEmpty)
        for name in left {
            #expect(ignore.contains { pattern in
                let body = pattern.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
                return body.hasSuffix("*") ? name.hasPrefix(body.dropLast()) : name == body
            }, "\(name) is not ignored by \(ignore)")
        }
        #expect(ignore.contains("/.disclose-staging-*") && ignore.contains("/.disclose-lock-*"))
    }
}
