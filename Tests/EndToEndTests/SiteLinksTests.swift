import Foundation
import Testing

/// `links:` in site.yaml: the footer of every page links to them; a path inside the site
/// is written relative to each page, and what cannot be a link is `site.invalid` at its
/// line and column.
@Suite struct SiteLinksTests {
    static let sampleLinks = """
    links:
      - title: 明湖市政府信息公开平台
        url: https://www.minghushi.example.gov.cn/xxgk/
      - title: 广西数字政务一体化平台
        url: https://zwfw.guangxi.example.gov.cn/

    """

    /// A copy of the sample whose `links:` are `links`.
    static func sample(links: String, in directory: TemporaryDirectory) throws -> URL {
        let root = try directory.copy(fixture: "sample")
        let file = root.appendingPathComponent("content/site.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(sampleLinks))
        try text.replacingOccurrences(of: sampleLinks, with: links).write(to: file, atomically: true, encoding: .utf8)
        return root
    }

    @Test func everyPageLinksToTheSitesInItsFooter() throws {
        let directory = try TemporaryDirectory()
        let root = try Self.sample(links: Self.sampleLinks, in: directory)
        let build = try Disclose.run(["build", "--root", root.path])
        #expect(build.status == 0, "\(build.stderr)")
        let tree = try SiteTree(root.appendingPathComponent("site"))
        #expect(tree.pages.count > 50)
        for page in tree.pages {
            let html = tree.text(page)
            #expect(html.contains("<nav class=\"site-links\" aria-label=\"相关链接\">"), "\(page)")
            #expect(html.contains("<a class=\"footer-item\" href=\"https://www.minghushi.example.gov.cn/xxgk/\">明湖市政府信息公开平台</a>"), "\(page)")
            #expect(html.contains("href=\"https://zwfw.guangxi.example.gov.cn/\">广西数字政务一体化平台</a>"), "\(page)")
        }
    }

    /// A path inside the site is written relative to each page, and the audit checks it.
    @Test func aPathInsideTheSiteIsRelativeToEachPage() throws {
        let directory = try TemporaryDirectory()
        let root = try Self.sample(links: """
        links:
          - title: 政府信息公开指南
            url: pages/guide.html#main
          - title: 政务服务网
            url: https://zwfw.example.gov.cn/?area=450100&tab=1

        """, in: directory)
        let build = try Disclose.run(["build", "--root", root.path])
        #expect(build.status == 0, "\(build.stderr)")
        let tree = try SiteTree(root.appendingPathComponent("site"))
        #expect(tree.text("index.html").contains("href=\"pages/guide.html#main\">政府信息公开指南</a>"))
        #expect(tree.text("policies/2024/mhbf-2024-12.html").contains("href=\"../../pages/guide.html#main\">政府信息公开指南</a>"))
        #expect(tree.text("index.html").contains("href=\"https://zwfw.example.gov.cn/?area=450100&amp;tab=1\">政务服务网</a>"))

        // A path to no file of the site, in any folder, stops the build once at its url;
        // below assets/, whose files the templates decide, at the audit.
        for (path, rule) in [("old/index.html", "site.invalid"), ("Policies/mhbm-2024-2.html", "site.invalid"),
                             ("index.htm", "site.invalid"), ("assets/old.css", "audit.broken_link")] {
            let other = try TemporaryDirectory()
            let broken = try Self.sample(links: """
            links:
              - title: 旧版网站
                url: \(path)

            """, in: other)
            let failed = try Disclose.run(["build", "--root", broken.path, "--format", "json"])
            #expect(failed.status == 1)
            let rules = try Disclose.diagnostics(failed).filter { $0["severity"] as? String == "error" }.compactMap { $0["rule"] as? String }
            #expect(rule == "site.invalid" ? rules == ["site.invalid"] : rules.contains(rule), "\(path): \(failed.stdout)")
            #expect(!FileManager.default.fileExists(atPath: broken.appendingPathComponent("site").path))
        }
    }

    /// A path to a page the site will not have is named once, at its url in site.yaml, by
    /// check and by build before anything is rendered; paths to planned files pass.
    @Test func aPathToAFileTheSiteWillNotHaveIsNamedOnceAtItsURL() throws {
        let directory = try TemporaryDirectory()
        let links = """
        links:
          - title: 政府信息公开指南
            url: pages/GUIDE.html
          - title: 政策文件
            url: policies/index.html
          - title: 公开指南
            url: pages/guide.html

        """
        let root = try Self.sample(links: links, in: directory)
        let text = try String(contentsOf: root.appendingPathComponent("content/site.yaml"), encoding: .utf8)
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("url: pages/GUIDE.html") }) + 1
        for command in ["check", "build"] {
            let result = try Disclose.run([command, "--root", root.path, "--format", "json"])
            #expect(result.status == 1, "\(command)")
            let found = try Disclose.diagnostics(result).filter { $0["severity"] as? String == "error" }
            #expect(SampleSite.places(found) == ["content/site.yaml:\(line):10 site.invalid"], "\(command): \(found)")
            #expect((found.first?["message"] as? String)?.contains("'links[1].url' names 'pages/GUIDE.html', which the site will not have") == true, "\(found)")
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site").path))
        // Without it, the other two are planned files: the site builds.
        let good = try TemporaryDirectory()
        let fixed = try Self.sample(links: links.replacingOccurrences(of: "pages/GUIDE.html", with: "pages/guide.html#main"), in: good)
        let build = try Disclose.run(["build", "--root", fixed.path])
        #expect(build.status == 0, "\(build.stderr)")
    }

    /// A folder named without its slash is named with the fix, the slash before any query
    /// or fragment.
    @Test func aFolderWithoutItsSlashIsNamedWithTheFix() throws {
        let directory = try TemporaryDirectory()
        let links = """
        links:
          - title: 政策文件
            url: policies
          - title: 政策文件（页脚）
            url: policies?from=footer#list

        """
        let root = try Self.sample(links: links, in: directory)
        let result = try Disclose.run(["check", "--root", root.path, "--format", "json"])
        #expect(result.status == 1)
        let messages = try Disclose.diagnostics(result).compactMap { $0["message"] as? String }.filter { $0.contains("without its final '/'") }
        #expect(messages.count == 2, "\(messages)")
        #expect(messages.contains { $0.hasSuffix("write 'policies/'") }, "\(messages)")
        #expect(messages.contains { $0.hasSuffix("write 'policies/?from=footer#list'") }, "\(messages)")
    }

    /// An address below `base_url`, pasted from the live site, is the path inside the site it
    /// names: relative to each page, so that the reading room opens it from disk, its
    /// fragment (an id of the live page) dropped, and checked before rendering; one naming
    /// a withheld record's page is refused once, at its url, in whatever case its folder is
    /// written, not found by the audit on every page.
    @Test func anAddressOfTheSiteItselfIsAPathInsideIt() throws {
        let directory = try TemporaryDirectory()
        let root = try Self.sample(links: """
        links:
          - title: 政府信息公开指南
            url: https://WWW.minghu.example.gov.cn/xxgk/pages/guide.html#main
          - title: 首页
            url: http://www.minghu.example.gov.cn:80/xxgk/

        """, in: directory)
        let build = try Disclose.run(["build", "--root", root.path])
        #expect(build.status == 0, "\(build.stderr)")
        let tree = try SiteTree(root.appendingPathComponent("site"))
        #expect(tree.text("index.html").contains("href=\"pages/guide.html\">政府信息公开指南</a>"))
        #expect(tree.text("index.html").contains("href=\"index.html\">首页</a>"))
        #expect(tree.text("policies/2024/mhbf-2024-12.html").contains("href=\"../../pages/guide.html\">政府信息公开指南</a>"))
        #expect(!tree.pages.contains { tree.text($0).contains("href=\"https://WWW.minghu.example.gov.cn/") })

        for address in ["https://www.minghu.example.gov.cn/xxgk/policies/mhbm-2024-2.html",
                        "https://www.minghu.example.gov.cn/XXGK/Policies/mhbm-2024-2.html#top",
                        "https://www.minghu.example.gov.cn/xxgk/nosuch/index.html"] {
            let other = try TemporaryDirectory()
            let withheld = try Self.sample(links: """
            links:
              - title: 内部文件
                url: \(address)

            """, in: other)
            let text = try String(contentsOf: withheld.appendingPathComponent("content/site.yaml"), encoding: .utf8)
            let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex { $0.contains(address) }) + 1
            for command in ["check", "build"] {
                let result = try Disclose.run([command, "--root", withheld.path, "--format", "json"])
                #expect(result.status == 1, "\(command)")
                let found = try Disclose.diagnostics(result).filter { $0["severity"] as? String == "error" }
                #expect(SampleSite.places(found) == ["content/site.yaml:\(line):10 site.invalid"], "\(command) \(address): \(found)")
            }
            // A build stopped before rendering by a warning under `--strict` names it too.
            let record = withheld.appendingPathComponent("content/policies/mhf-2024-3.md")
            try Data(try String(contentsOf: record, encoding: .utf8)
                .replacingOccurrences(of: "topic: 政务公开\n", with: "topic: 政务公开\ncolour: red\n").utf8).write(to: record)
            let strict = try Disclose.run(["build", "--strict", "--root", withheld.path, "--format", "json"])
            #expect(strict.status == 1)
            #expect(SampleSite.places(try Disclose.diagnostics(strict)).contains("content/site.yaml:\(line):10 site.invalid"), "\(strict.stdout)")
            #expect(!FileManager.default.fileExists(atPath: withheld.appendingPathComponent("site").path))
        }
    }

    /// A build for another address (`--base-url`, a staging server) keeps every link to the
    /// site inside it: a footer link to the staging address and a body link to the live
    /// one, even when one address lies below the other.
    @Test func aBuildForAnotherAddressKeepsTheSitesLinksInside() throws {
        let directory = try TemporaryDirectory()
        let root = try Self.sample(links: """
        links:
          - title: 公开指南
            url: https://staging.minghu.example.gov.cn/xxgk/pages/guide.html

        """, in: directory)
        let policy = root.appendingPathComponent("content/policies/mhf-2024-3.md")
        try Data((try String(contentsOf: policy, encoding: .utf8)
            + "\n见[上年规定](https://www.minghu.example.gov.cn/xxgk/policies/mhf-2023-15.html)。\n").utf8).write(to: policy)
        for base in ["https://staging.minghu.example.gov.cn/xxgk/", "https://www.minghu.example.gov.cn/"] {
            let out = directory.url.appendingPathComponent("out-\(base.count)")
            let build = try Disclose.run(["build", "--root", root.path, "--output", out.path, "--base-url", base])
            if base.contains("staging") {
                #expect(build.status == 0, "\(base): \(build.stderr)")
                let tree = try SiteTree(out)
                #expect(tree.text("index.html").contains("href=\"pages/guide.html\">公开指南</a>"))
                #expect(tree.text("policies/mhf-2024-3.html").contains("href=\"mhf-2023-15.html\""))
            } else {
                // The staging footer address is another site's for this build; the body link,
                // below both site.yaml's address and this one, names a page the build writes.
                let failed = try Disclose.run(["check", "--root", root.path, "--base-url", base, "--format", "json"])
                #expect(failed.status == 0, "\(failed.stdout)")
                #expect(build.status == 0, "\(base): \(build.stderr)")
                #expect(try SiteTree(out).text("policies/mhf-2024-3.html").contains("href=\"mhf-2023-15.html\""))
            }
        }
    }

    /// A build stopped by a footer path before rendering names the bodies' broken links in
    /// the same run, as `check` does.
    @Test func aFooterPathAndABodyLinkAreNamedInOneRun() throws {
        let directory = try TemporaryDirectory()
        let root = try Self.sample(links: """
        links:
          - title: 指南
            url: pages/GUIDE.html

        """, in: directory)
        let policy = root.appendingPathComponent("content/policies/mhf-2024-3.md")
        try Data((try String(contentsOf: policy, encoding: .utf8) + "\n见[缺失](nothere.md)。\n").utf8).write(to: policy)
        var seen: [[String]] = []
        for command in ["check", "build"] {
            let result = try Disclose.run([command, "--root", root.path, "--format", "json"])
            #expect(result.status == 1)
            seen.append(try Disclose.diagnostics(result).filter { $0["severity"] as? String == "error" }.compactMap { $0["rule"] as? String })
        }
        #expect(seen[0] == ["site.invalid", "link.target"] || seen[0] == ["link.target", "site.invalid"], "\(seen)")
        #expect(seen[0] == seen[1], "\(seen)")
    }

    /// What cannot be a link of a page that works from disk is site.invalid at the url.
    @Test func whatCannotBeALinkIsRefusedAtItsValue() throws {
        let refused = [
            "javascript:alert(1)", "//evil.example.com/", "/xxgk/index.html", "../portal.html", "pages/../../x.html",
            "ftp://ftp.example.gov.cn/", "https://user:pw@example.gov.cn/", "https:///path", "pages/", "政务 服务.html",
            "mailto:xxgk@example.gov.cn", "pages\\guide.html", "pages/%2e%2e/%2E%2E/portal.html",
            "https://[::1", "https://www.example.gov.cn:70000/", "https://www.example.gov.cn:0/", "http://localhost/", "http://oa/",
        ]
        for url in refused {
            let directory = try TemporaryDirectory()
            let root = try Self.sample(links: """
            links:
              - title: 链接
                url: '\(url)'

            """, in: directory)
            let site = try String(contentsOf: root.appendingPathComponent("content/site.yaml"), encoding: .utf8)
            let line = site.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("    url: ") }! + 1
            let check = try Disclose.run(["check", "--root", root.path, "--format", "json"])
            #expect(check.status == 1, "\(url)")
            let found = try Disclose.diagnostics(check)
            #expect(found.count == 1 && found.first?["rule"] as? String == "site.invalid" && found.first?["line"] as? Int == line
                    && found.first?["column"] as? Int == 10 && found.first?["field"] as? String == "links[1].url", "\(url): \(found)")
        }
        // Not a mapping, and a missing url, are refused too.
        for links in ["links:\n  - https://example.gov.cn/\n\n", "links:\n  - title: 链接\n\n"] {
            let scratch = try TemporaryDirectory()
            let root = try Self.sample(links: links, in: scratch)
            let check = try Disclose.run(["check", "--root", root.path, "--format", "json"])
            #expect(check.status == 1)
            #expect(try Disclose.diagnostics(check).map { $0["rule"] as? String } == ["site.invalid"], "\(links)")
        }
    }
}
