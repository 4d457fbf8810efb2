import DisclosureKit
import Foundation
import Testing

/// Odd files under content/ (record extensions in any case, look-alikes, names equal in
/// Unicode normalisation, links and copies of non-public files, names a URL must escape,
/// folders where pages go, special files): each is a diagnostic at its source in `check`
/// and `build`, and none reaches the site in a way its name or disclosure does not say.
@Suite struct ContentTrustTests {
    /// A record of the sample's format: withheld ones carry a reason, public ones a
    /// publication date and review.
    static func record(_ number: Int, disclosure: String, slug: String? = nil, body: String = "正文。") -> String {
        var text = "---\ntitle: 明湖区关于测试事项的通知（第\(number)号）\nindex_number: 11450100MB0000009Z/2024-\(String(format: "%05d", number))\n"
        text += "disclosure: \(disclosure)\npublisher: 明湖区测试局\ncreated: 2024-01-15\ndocument_number: 明测〔2024〕\(number)号\n"
        if disclosure == "withheld" { text += "withheld_reason: 属于内部事务信息\n" }
        if disclosure == "proactive" { text += "published: 2024-01-19\nreview:\n  reviewer: 保密审查小组\n  date: 2024-01-17\n" }
        if let slug { text += "slug: \(slug)\n" }
        return text + "---\n\(body)\n"
    }

    func summary(_ result: Disclose.Result) throws -> [String] {
        try Disclose.diagnostics(result).map {
            "\($0["file"] as! String):\($0["line"] as! Int):\($0["column"] as! Int) \($0["rule"] as! String)"
        }
    }

    func check(_ root: URL) throws -> Disclose.Result {
        try Disclose.run(["check", "--root", root.path, "--format", "json"])
    }

    func build(_ root: URL) throws -> Disclose.Result {
        try Disclose.run(["build", "--root", root.path, "--format", "json", "--quiet"])
    }

    /// Nothing but `content` and `types` (and `templates`, when there is one) beside the failed
    /// build: no output and no staging tree left behind (the root's cache folder, where
    /// the record cache is kept whatever the outcome, aside).
    func expectNothingWritten(_ root: URL) throws {
        let left = try FileManager.default.contentsOfDirectory(atPath: root.path)
            .filter { $0 != "content" && $0 != "types" && $0 != "templates" && $0 != ".disclose" }
        #expect(left.isEmpty, "left beside the content: \(left)")
    }

    // MARK: Record extensions

    @Test func recordsInAnyExtensionCaseAreReadAsRecords() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        // Withheld records beside the public mhf-2024-3.md, whose stem theirs start with.
        try tmp.write(Self.record(901, disclosure: "withheld", slug: "w901"), to: "sample/content/policies/mhf-2024-3-内部.MD")
        try tmp.write(Self.record(902, disclosure: "withheld", slug: "w902"), to: "sample/content/policies/mhf-2024-3-草稿.Md")
        try tmp.write(Self.record(903, disclosure: "on-request", slug: "w903"), to: "sample/content/policies/mhf-2024-3-备忘.markdown")
        try tmp.write(Self.record(904, disclosure: "proactive", slug: "p904"), to: "sample/content/policies/p904.MARKDOWN")
        let checked = try check(root)
        #expect(checked.status == 0, "\(checked.stdout)")
        #expect(checked.stderr.contains("in \(SampleRecords.count + 4) records"), "\(checked.stderr)")
        let built = try build(root)
        #expect(built.status == 0, "\(built.stdout)\(built.stderr)")
        let site = try SiteTree(root.appendingPathComponent("site"))
        #expect(site.files.keys.filter { $0.lowercased().hasSuffix(".md") || $0.lowercased().hasSuffix(".markdown") }.isEmpty)
        #expect(!site.files.keys.contains { $0.contains("内部") || $0.contains("草稿") || $0.contains("备忘") || $0.contains("w90") })
        #expect(site.files["policies/p904.html"] != nil)
        #expect(!site.text("policies/mhf-2024-3.html").contains("mhf-2024-3-"))
    }

    @Test func aFileThatReadsLikeARecordIsRefused() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        let withheld = Self.record(905, disclosure: "withheld")
        try tmp.write(withheld, to: "sample/content/policies/mhf-2024-3-内部.txt")
        // Blank lines before the fence make no record to the build, but the text is one.
        try tmp.write("\n\n" + withheld, to: "sample/content/policies/mhf-2024-3-blank.txt")
        // A BOM, CRLF, a quoted key and a blank after the fence are all still a record's text.
        let crlf = "---  \r\n\"disclosure\" : withheld\r\ntitle: 内部\r\n---\r\n正文\r\n"
        try tmp.write(Data([0xEF, 0xBB, 0xBF] + Array(crlf.utf8)), to: "sample/content/policies/mhf-2024-3-附件.pdf")
        try tmp.write(withheld, to: "sample/content/notes.txt")
        // Notepad's "Unicode": UTF-16 little-endian with a byte-order mark.
        try tmp.write(Data([0xFF, 0xFE]) + withheld.data(using: .utf16LittleEndian)!, to: "sample/content/policies/mhf-2024-3-utf16.txt")
        // Front matter without a disclosure key is an attachment like any other.
        try tmp.write("---\ntitle: 说明\n---\n附件说明\n", to: "sample/content/policies/mhf-2024-3-说明.txt")
        let checked = try check(root)
        #expect(checked.status == 1)
        #expect(try summary(checked) as [String] == [
            "content/notes.txt:4:1 file.ambiguous",
            "content/policies/mhf-2024-3-blank.txt:6:1 file.ambiguous",
            "content/policies/mhf-2024-3-utf16.txt:4:1 file.ambiguous",
            "content/policies/mhf-2024-3-内部.txt:4:1 file.ambiguous",
            "content/policies/mhf-2024-3-附件.pdf:2:1 file.ambiguous",
        ])
        let built = try build(root)
        #expect(built.status == 1)
        #expect(try summary(built) == summary(checked))
        try expectNothingWritten(root)
    }

    // MARK: Unicode normalisation

    @Test func namesEqualInNFCAreAClashNotACrash() throws {
        let nfc = "caf\u{E9}", nfd = "cafe\u{301}"
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        try tmp.write("%PDF-1.4 one", to: "sample/content/policies/mhf-2024-3-\(nfc).pdf")
        try tmp.write("%PDF-1.4 two", to: "sample/content/policies/mhf-2024-3-\(nfd).pdf")
        // A withheld record and a public one that differ only in normalisation, each with
        // an attachment: the withheld one's must never be planned for the site.
        try tmp.write(Self.record(906, disclosure: "withheld", slug: "w906"), to: "sample/content/policies/\(nfc).md")
        try tmp.write(Self.record(907, disclosure: "proactive", slug: "p907"), to: "sample/content/policies/\(nfd).md")
        try tmp.write("%PDF-1.4 withheld", to: "sample/content/policies/\(nfc)-附件.pdf")
        let checked = try check(root)
        #expect(checked.status == 1, "\(checked.stderr)")
        #expect(!checked.stderr.contains("Fatal error"))
        let found = try summary(checked)
        let clashes = found.filter { $0.hasSuffix("file.name_clash") }
        #expect(clashes.count == 2)
        // Neither record of the pair is read, so the attachment has no owner.
        #expect(found.filter { !$0.hasSuffix("file.name_clash") } == ["content/policies/caf\u{E9}-附件.pdf:1:1 attachment.orphan"])
        #expect(clashes.contains { $0.hasPrefix("content/policies/mhf-2024-3-caf") })
        #expect(clashes.contains { $0.hasPrefix("content/policies/caf") && $0.hasSuffix(".md:1:1 file.name_clash") })
        let built = try build(root)
        #expect(built.status == 1)
        #expect(!built.stderr.contains("Fatal error"))
        try expectNothingWritten(root)
    }

    @Test func theAuditReadsANormalisationPairInTheOutputWithoutTrapping() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        #expect(try build(root).status == 0)
        try tmp.write("a", to: "sample/site/caf\u{E9}.txt")
        try tmp.write("b", to: "sample/site/cafe\u{301}.txt")
        let audited = try Disclose.run(["audit", root.appendingPathComponent("site").path, "--root", root.path, "--format", "json"])
        #expect(audited.status == 1)
        #expect(!audited.stderr.contains("Fatal error"))
        #expect(try summary(audited).map { $0.hasSuffix(":1:1 audit.stray_file") } == [true, true])
    }

    @Test func aDecomposedStemOwnsItsPrecomposedAttachment() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        try tmp.write(Self.record(908, disclosure: "proactive", slug: "p908"), to: "sample/content/policies/cafe\u{301}.md")
        try tmp.write("%PDF-1.4 public", to: "sample/content/policies/caf\u{E9}-附件.pdf")
        let built = try build(root)
        #expect(built.status == 0, "\(built.stdout)")
        let site = try SiteTree(root.appendingPathComponent("site"))
        let copied = site.files.keys.filter { $0.hasPrefix("policies/caf") && !$0.hasSuffix(".html") }
        #expect(copied.map { Array($0.utf8) } == [Array("policies/caf\u{E9}-附件.pdf".utf8)])
        #expect(site.problems().isEmpty)
    }

    @Test func aFolderBesideTheRootNamedLikeItInNFDIsOutside() throws {
        let tmp = try TemporaryDirectory()
        let sample = try tmp.copy(fixture: "sample")
        let root = tmp.url.appendingPathComponent("caf\u{E9}")
        try FileManager.default.moveItem(at: sample, to: root)
        try tmp.write("%PDF-1.4 outside", to: "cafe\u{301}/secret.pdf")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("content/policies/mhf-2024-3-x.pdf").path,
                                                   withDestinationPath: tmp.url.appendingPathComponent("cafe\u{301}/secret.pdf").path)
        let checked = try check(root)
        #expect(checked.status == 1)
        #expect(try summary(checked) as [String] == ["content/policies/mhf-2024-3-x.pdf:1:1 file.symlink"])
    }

    // MARK: Non-public attachments

    @Test func aPublicAttachmentThatIsNonPublicMaterialIsRefused() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        let policies = root.appendingPathComponent("content/policies")
        // mhbm-2024-2.md is withheld; mhf-2024-3.md is public.
        try tmp.write("%PDF-1.4 内部材料", to: "sample/content/policies/mhbm-2024-2-附件.pdf")
        let secret = policies.appendingPathComponent("mhbm-2024-2-附件.pdf").path
        #expect(link(secret, policies.appendingPathComponent("mhf-2024-3-hard.pdf").path) == 0)
        try FileManager.default.createSymbolicLink(atPath: policies.appendingPathComponent("mhf-2024-3-link.pdf").path,
                                                   withDestinationPath: "mhbm-2024-2-附件.pdf")
        try FileManager.default.copyItem(atPath: secret, toPath: policies.appendingPathComponent("mhf-2024-3-copy.pdf").path)
        // A record that does not parse (no front matter, so no disclosure to read) counts
        // as non-public, and its bytes under a public name are refused.
        try tmp.write("关于内部审核事项的说明\n内部材料，不予公开。\n", to: "sample/content/policies/broken.md")
        try FileManager.default.copyItem(atPath: policies.appendingPathComponent("broken.md").path,
                                         toPath: policies.appendingPathComponent("mhf-2024-3-text.txt").path)
        // Same size, other bytes: published.
        try tmp.write("%PDF-1.4 公开材料", to: "sample/content/policies/mhf-2024-3-public.pdf")
        let checked = try check(root)
        #expect(checked.status == 1)
        #expect(try summary(checked) as [String] == [
            "content/policies/broken.md:1:1 front_matter.missing",
            "content/policies/mhf-2024-3-copy.pdf:1:1 attachment.non_public",
            "content/policies/mhf-2024-3-hard.pdf:1:1 attachment.non_public",
            "content/policies/mhf-2024-3-link.pdf:1:1 attachment.non_public",
            "content/policies/mhf-2024-3-text.txt:1:1 attachment.non_public",
        ])
        let built = try build(root)
        #expect(built.status == 1)
        #expect(try summary(built) == summary(checked))
        try expectNothingWritten(root)
    }

    // MARK: Names and URLs

    @Test func everyGeneratedURLIsEncoded() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        let names = ["a b.pdf", "a%20b.pdf", "x#1?.pdf", "c:d.pdf", "e[1]{2}.pdf"].map { "mhf-2024-3-" + $0 }
        for (index, name) in names.enumerated() {
            try tmp.write("%PDF-1.4 \(index)", to: "sample/content/policies/\(name)")
        }
        try tmp.write(Self.record(909, disclosure: "proactive", slug: "p909",
                                  body: "见[附件](../mhf-2024-3-a%2520b.pdf)和[另一件](../mhf-2024-3-x%231%3F.pdf)。"),
                      to: "sample/content/policies/sub #1%41/p909.md")
        let sample = root.appendingPathComponent("content/policies/mhf-2024-3.md")
        try (String(contentsOf: sample, encoding: .utf8) + "\n[新](sub%20%231%2541/p909.md)\n")
            .write(to: sample, atomically: true, encoding: .utf8)
        let checked = try check(root)
        #expect(checked.status == 0, "\(checked.stdout)")
        let built = try build(root)
        #expect(built.status == 0, "\(built.stdout)\(built.stderr)")
        let site = try SiteTree(root.appendingPathComponent("site"))
        #expect(site.problems().isEmpty, "\(site.problems())")
        // Each attachment's link, decoded as a browser does, names that attachment.
        let page = HTMLPage(Array(try #require(site.files["policies/mhf-2024-3.html"])))
        let linked = Set(page.references.map(\.value).filter { $0.hasPrefix("mhf-2024-3-") }.map { $0.removingPercentEncoding ?? "?" })
        #expect(linked == Set(names))
        let nested = HTMLPage(Array(try #require(site.files["policies/sub #1%41/p909.html"])))
        let fromNested = nested.references.map(\.value).filter { $0.contains("mhf-2024-3-") && !$0.hasSuffix(".html") }
        #expect(Set(fromNested.map { $0.removingPercentEncoding ?? "?" }) == ["../mhf-2024-3-a%20b.pdf", "../mhf-2024-3-x#1?.pdf"])
        #expect(site.text("policies/index.html").contains("href=\"../policies/sub%20%231%2541/p909.html\""))
        #expect(site.searchData.contains("\"policies/sub%20%231%2541/p909.html\""))
    }

    @Test func namesNoURLOrReportCanCarryAreRefusedAtTheSource() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        try tmp.write("%PDF-1.4", to: "sample/content/policies/mhf-2024-3-a\nb.pdf")
        try tmp.write("%PDF-1.4", to: "sample/content/policies/mhf-2024-3-a\\b.pdf")
        try tmp.write(Self.record(910, disclosure: "proactive"), to: "sample/content/policies/p910\t.md")
        // 255 bytes on disk, but twice as long in NFC (U+0344 decomposes into two marks),
        // the name the site's copy would take.
        let growing = "mhf-2024-3-" + String(repeating: "\u{344}", count: 120) + ".pdf"
        try tmp.write("%PDF-1.4", to: "sample/content/policies/" + growing)
        // 'é' as Latin-1 saves it: the single byte 0xE9, which is not UTF-8.
        let latin1 = Array(root.appendingPathComponent("content/policies").path.utf8) + Array("/mhf-2024-3-caf".utf8)
            + [0xE9] + Array(".pdf".utf8) + [0]
        let fd = latin1.withUnsafeBufferPointer {
            open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644)
        }
        #expect(fd >= 0)
        close(fd)
        let checked = try check(root)
        #expect(checked.status == 1)
        #expect(try summary(checked) as [String] == [
            "content/policies/mhf-2024-3-a\\x0Ab.pdf:1:1 file.name",
            "content/policies/mhf-2024-3-a\\x5Cb.pdf:1:1 file.name",
            "content/policies/mhf-2024-3-caf\\xE9.pdf:1:1 file.name",
            "content/policies/\(growing):1:1 file.name",
            "content/policies/p910\\x09.md:1:1 file.name",
        ])
        let built = try build(root)
        #expect(built.status == 1)
        try expectNothingWritten(root)
    }

    // MARK: check parity

    @Test func checkReportsFoldersAndFilesWhereTheBuildWritesOthers() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        try tmp.write(Self.record(911, disclosure: "proactive", slug: "p911"), to: "sample/content/policies/mhf-2024-3.html/p911.md")
        try tmp.write(Self.record(912, disclosure: "proactive", slug: "p912"), to: "sample/content/budgets/index.html/p912.md")
        try tmp.write(Self.record(913, disclosure: "proactive"), to: "sample/content/policies/index.md")
        let checked = try check(root)
        #expect(checked.status == 1)
        #expect(try summary(checked).filter { !$0.hasPrefix("content/budgets/index.html/") } == [
            "content/budgets/index.html:1:1 output.clash",
            "content/policies/index.md:1:1 slug.reserved",
            "content/policies/mhf-2024-3.html:1:1 output.clash",
        ])
        let built = try build(root)
        #expect(built.status == 1)
        #expect(try summary(built) == summary(checked))
        try expectNothingWritten(root)
    }

    // MARK: Silent skips

    @Test func specialFilesLinksAndLongPathsGetADiagnostic() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        #expect(mkfifo(root.appendingPathComponent("content/policies/pipe.md").path, 0o644) == 0)
        #expect(mkfifo(root.appendingPathComponent("content/policies/mhf-2024-3-pipe.pdf").path, 0o644) == 0)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("templates"), withIntermediateDirectories: true)
        #expect(mkfifo(root.appendingPathComponent("templates/home.mustache").path, 0o644) == 0)
        try tmp.write("", to: "sample/templates/partials/a\nb.mustache")
        try tmp.write("{{> footer}}", to: "theme/record.mustache")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("templates/record.mustache").path,
                                                   withDestinationPath: tmp.url.appendingPathComponent("theme/record.mustache").path)
        // A record deeper than PATH_MAX: made by a shell that walks down with relative paths.
        let segment = String(repeating: "d", count: 250)
        let script = "cd '\(root.path)/content/policies' && for i in $(seq 1 18); do mkdir \(segment) && cd \(segment); done && printf x > deep.md"
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/bash")
        shell.arguments = ["-c", script]
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0)
        let start = Date()
        let checked = try check(root)
        #expect(Date().timeIntervalSince(start) < 30)
        #expect(checked.status == 1)
        let found = try summary(checked)
        #expect(found.filter { !$0.hasPrefix("content/policies/ddd") } == [
            "content/policies/mhf-2024-3-pipe.pdf:1:1 file.special",
            "content/policies/pipe.md:1:1 file.special",
            "templates/home.mustache:1:1 file.special",
            "templates/partials/a\\x0Ab.mustache:1:1 file.name",
            "templates/record.mustache:1:1 file.symlink",
        ])
        // Reported at the first folder (or the file) whose path is over the limit.
        #expect(found.filter { $0.hasPrefix("content/policies/ddd") }.count == 1)
        #expect(found.contains { $0.hasPrefix("content/policies/ddd") && $0.hasSuffix(":1:1 file.name") })
        let built = try build(root)
        #expect(built.status == 1)
        try expectNothingWritten(root)
    }

    @Test func contentOrTemplatesLinkedFromOutsideAreRefused() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        let elsewhere = tmp.url.appendingPathComponent("elsewhere")
        try FileManager.default.moveItem(at: root.appendingPathComponent("content"), to: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("content").path, withDestinationPath: elsewhere.path)
        let checked = try check(root)
        #expect(checked.status == 1)
        #expect(try summary(checked).first == "content:1:1 file.symlink")

        let second = tmp.url.appendingPathComponent("second")
        try FileManager.default.createDirectory(at: second, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: elsewhere, to: second.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: root.appendingPathComponent("types"), to: second.appendingPathComponent("types"))
        try tmp.write("{{> nothing}}", to: "theme/record.mustache")
        try FileManager.default.createSymbolicLink(atPath: second.appendingPathComponent("templates").path,
                                                   withDestinationPath: tmp.url.appendingPathComponent("theme").path)
        let linked = try check(second)
        #expect(linked.status == 1)
        #expect(try summary(linked) == ["templates:1:1 file.symlink"])
        let built = try build(second)
        #expect(built.status == 1)
        #expect(try summary(built) == ["templates:1:1 file.symlink"])
        // A file named templates is no folder of templates, and is not passed over.
        try FileManager.default.removeItem(at: second.appendingPathComponent("templates"))
        try tmp.write("", to: "second/templates")
        #expect(try summary(check(second)) == ["templates:1:1 file.read"])
    }
}
