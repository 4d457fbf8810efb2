import Foundation
import Testing

/// What may legitimise text of a non-public record: a public record only, and visibly
/// (`leak.shared_text`); never the site's templates, assets or settings.
@Suite struct LeakSourcesTests {
    static let withheldSentence = "本说明涉及尚未公开的审核意见和具体金额安排，仅供内部研究使用，暂不对外发布。"
    static let withheldTitle = "关于内部审核事项的说明（内部讨论稿）"
    static let withheldIndex = "11450100MB0000009Z/2024-00099"

    /// The sample site with one more non-public record, `content/policies/internal-99.md`.
    func sample(_ tmp: TemporaryDirectory, siteSettings: String = "") throws -> URL {
        let root = try tmp.copy(fixture: "sample")
        try tmp.write(SampleSite.onRequestPolicy(title: Self.withheldTitle, index: Self.withheldIndex, body: Self.withheldSentence),
                      to: "sample/content/policies/internal-99.md")
        if !siteSettings.isEmpty {
            let settings = root.appendingPathComponent("content/site.yaml")
            try (try String(contentsOf: settings, encoding: .utf8) + siteSettings).write(to: settings, atomically: true, encoding: .utf8)
        }
        return root
    }

    /// A public policy of the sample site whose body is `body`.
    func writePublic(_ tmp: TemporaryDirectory, _ name: String, number: Int, body: String) throws {
        try tmp.write("""
            ---
            title: 明湖区财政局关于第\(number)批审核工作的通知
            index_number: 11450100MB0000009Z/2024-00\(100 + number)
            disclosure: proactive
            publisher: 明湖区财政局
            created: 2024-03-01
            published: 2024-03-05
            review: {reviewer: 审查组, date: 2024-03-04}
            document_number: 明财发〔2024〕\(number)号
            ---
            各有关单位：

            \(body)

            """, to: "sample/content/policies/\(name).md")
    }

    func rules(_ result: Disclose.Result) throws -> [[String: Any]] { try Disclose.diagnostics(result) }

    /// A non-public record signed as letters are (…不予主动公开。 then the office's name and
    /// the date) shares nothing with the pages the build writes about that office: the
    /// catalog's publisher pages once described their column as the site's title, a colon
    /// and the office's name (…信息公开：明湖区财政局), and the catalog home's
    /// '明湖区财政局 （2条）' met '明湖区财政局 2024年…' in a run of seven characters. The
    /// count is a separate text now, as a CSV cell is, and the build passes.
    @Test func aSignedNonPublicRecordIsNoLeakOnItsOfficesCatalogPages() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        try tmp.write(SampleSite.onRequestPolicy(title: "关于内部审核事项的说明（内部讨论稿）", index: Self.withheldIndex,
                                                 body: "本文件依法不予主动公开。\n\n明湖区财政局  \n2024年1月15日"),
                      to: "sample/content/policies/internal-99.md")
        let result = try Disclose.run(["build", "--root", root.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("audit.leak"), "\(result.stderr)")
        let catalog = try String(contentsOf: root.appendingPathComponent("site/catalog.html"), encoding: .utf8)
        #expect(catalog.contains("明湖区财政局</a> <span class=\"count\" data-separate-text>（"), "the case is on the page")
    }

    /// A separate text is still searched whole, and so is the text beside it: a site's
    /// catalog template that writes a non-public sentence inside the generated count's
    /// element, or right after it, publishes it, and the build stops.
    @Test func nonPublicSentenceBesideAGeneratedCountIsALeak() throws {
        for placed in ["（{{count}}条）\(Self.withheldSentence)</span>", "（{{count}}条）</span>\(Self.withheldSentence)"] {
            let tmp = try TemporaryDirectory()
            let root = try sample(tmp)
            let template = try String(contentsOf: Disclose.packageRoot.appendingPathComponent("templates/catalog.mustache"), encoding: .utf8)
            let marked = "（{{count}}条）</span>"
            #expect(template.contains(marked))
            try tmp.write(template.replacingOccurrences(of: marked, with: placed), to: "sample/templates/catalog.mustache")
            let result = try Disclose.run(["build", "--root", root.path, "--format", "json"])
            #expect(result.status == 1, "\(placed)")
            let leaks = try rules(result).filter { $0["rule"] as? String == "audit.leak" }
            // At the page, and at the template that wrote it.
            #expect(leaks.map { $0["file"] as? String ?? "" }.filter { $0.hasSuffix("site/catalog.html") }.count == 1, "\(placed): \(leaks)")
            #expect(leaks.filter { $0["file"] as? String == "templates/catalog.mustache" }.count == 1, "\(placed): \(leaks)")
            #expect(leaks.count == 2, "\(placed): \(leaks)")
            #expect(leaks.allSatisfy { ($0["message"] as? String)?.contains("content/policies/internal-99.md") == true })
        }
    }

    // MARK: Templates, assets and settings legitimise nothing

    /// The reproduction: a non-public record's sentence in `templates/assets/` is
    /// published and the build, and `disclose audit` of such a tree, find it.
    @Test func sentenceInATemplateAssetIsALeak() throws {
        let tmp = try TemporaryDirectory()
        let root = try sample(tmp)
        let result = try Disclose.run(["build", "--root", root.path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        try tmp.write("说明：" + Self.withheldSentence + "\n", to: "sample/templates/assets/notes.txt")
        let failed = try Disclose.run(["build", "--root", root.path, "--format", "json"])
        #expect(failed.status == 1)
        let leaks = try rules(failed).filter { $0["rule"] as? String == "audit.leak" }
        #expect(leaks.count == 1, "\(leaks)")
        #expect((leaks.first?["file"] as? String)?.hasSuffix("site/assets/notes.txt") == true, "\(leaks)")
        #expect((leaks.first?["message"] as? String)?.contains("content/policies/internal-99.md") == true)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site/assets/notes.txt").path),
                "the output is left as it was")
        // `disclose audit` of a tree holding it: the templates hold it, and still it is a leak.
        try (Self.withheldSentence + "\n").write(to: root.appendingPathComponent("site/assets/notes.txt"), atomically: true, encoding: .utf8)
        let audited = try Disclose.run(["audit", root.appendingPathComponent("site").path, "--root", root.path, "--format", "json"])
        #expect(audited.status == 1)
        #expect(try rules(audited).map { $0["rule"] as? String } == ["audit.leak"], "\(audited.stdout)")
    }

    /// A site's own template that writes a non-public title into every page is a leak,
    /// even though the template is the site's own text.
    @Test func titleInAPageTemplateIsALeak() throws {
        let tmp = try TemporaryDirectory()
        let root = try sample(tmp)
        try tmp.write("""
            {{<base}}
            {{$main}}
            <h1>页面不存在</h1>
            <p>参见《\(Self.withheldTitle)》。</p>
            {{/main}}
            {{/base}}
            """, to: "sample/templates/404.mustache")
        let result = try Disclose.run(["build", "--root", root.path, "--format", "json"])
        #expect(result.status == 1)
        let leaks = try rules(result).filter { $0["rule"] as? String == "audit.leak" }
        // At the page, and at the template's line that wrote it.
        #expect(leaks.map { $0["file"] as? String ?? "" }.filter { $0.hasSuffix("site/404.html") }.count == 1, "\(leaks)")
        let atTemplate = leaks.filter { $0["file"] as? String == "templates/404.mustache" }
        #expect(atTemplate.map { $0["line"] as? Int } == [4], "\(leaks)")
        #expect(leaks.count == 2, "\(leaks)")
    }

    /// A title's parts are separate texts, and each is still searched whole: a non-public
    /// title a template writes as one of them is a leak.
    @Test func nonPublicTitleAsAPartOfAPageTitleIsALeak() throws {
        let tmp = try TemporaryDirectory()
        let root = try sample(tmp)
        try tmp.write("""
            {{<base}}
            {{$title}}页面不存在 - \(Self.withheldTitle){{/title}}
            {{$main}}
            <h1>页面不存在</h1>
            {{/main}}
            {{/base}}
            """, to: "sample/templates/404.mustache")
        let result = try Disclose.run(["build", "--root", root.path, "--format", "json"])
        #expect(result.status == 1)
        let leaks = try rules(result).filter { $0["rule"] as? String == "audit.leak" }
        #expect(leaks.map { $0["file"] as? String ?? "" }.filter { $0.hasSuffix("site/404.html") }.count == 1, "\(leaks)")
        #expect(leaks.filter { $0["file"] as? String == "templates/404.mustache" }.map { $0["line"] as? Int } == [2], "\(leaks)")
    }

    /// A setting (the site's title) that carries a non-public title is a leak on every page.
    @Test func settingThatCarriesNonPublicTextIsALeak() throws {
        let tmp = try TemporaryDirectory()
        let root = try sample(tmp)
        let settings = root.appendingPathComponent("content/site.yaml")
        try (try String(contentsOf: settings, encoding: .utf8))
            .replacingOccurrences(of: "title: 明湖区人民政府信息公开", with: "title: \(Self.withheldTitle)")
            .write(to: settings, atomically: true, encoding: .utf8)
        let result = try Disclose.run(["build", "--root", root.path, "--format", "json"])
        #expect(result.status == 1)
        let leaks = try rules(result).filter { $0["rule"] as? String == "audit.leak" }
        #expect(leaks.contains { ($0["file"] as? String)?.hasSuffix("site/index.html") == true }, "\(leaks)")
    }

    /// A non-public record's attachment copied into the templates' assets under another
    /// name is published as that asset: its bytes are non-public material, not its record's
    /// text, so only comparing the site's files with it finds it. The build commits nothing;
    /// `disclose audit` of a tree holding such a copy reports it too.
    @Test func copyOfANonPublicAttachmentInTheAssetsIsALeak() throws {
        let tmp = try TemporaryDirectory()
        let root = try sample(tmp)
        let list = "姓名,金额\n张三,50000\n李四,80000\n"
        try tmp.write(list, to: "sample/content/policies/internal-99-名单.csv")
        #expect(try Disclose.run(["build", "--root", root.path]).status == 0)
        try tmp.write(list, to: "sample/templates/assets/list.csv")
        let result = try Disclose.run(["build", "--root", root.path, "--format", "json"])
        #expect(result.status == 1)
        let leaks = try rules(result).filter { $0["rule"] as? String == "audit.leak" }
        #expect(leaks.map { ($0["file"] as? String)?.hasSuffix("site/assets/list.csv") } == [true], "\(leaks)")
        #expect((leaks.first?["message"] as? String)?.contains("content/policies/internal-99-名单.csv") == true, "\(leaks)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site/assets/list.csv").path))
        // Left on the server copy by hand: a stray file, and a leak.
        try FileManager.default.removeItem(at: root.appendingPathComponent("templates/assets/list.csv"))
        try list.write(to: root.appendingPathComponent("site/policies/list.csv"), atomically: true, encoding: .utf8)
        let audited = try Disclose.run(["audit", root.appendingPathComponent("site").path, "--root", root.path, "--format", "json"])
        #expect(audited.status == 1)
        #expect(Set(try rules(audited).compactMap { $0["rule"] as? String }) == ["audit.leak", "audit.stray_file"], "\(audited.stdout)")
    }

    /// A non-public record's attachment names what it holds: a template or asset that
    /// writes that name ('土地出让金返还明细表') publishes it, and stops the build. A public
    /// attachment of the same name is published by its page, and is no false alarm.
    @Test func nameOfANonPublicAttachmentIsALeakUnlessAPublicOneHasIt() throws {
        let tmp = try TemporaryDirectory()
        let root = try sample(tmp)
        try tmp.write("%PDF-1.4 内部", to: "sample/content/policies/internal-99-土地出让金返还明细表.pdf")
        try tmp.write("附件：土地出让金返还明细表\n", to: "sample/templates/assets/notes.txt")
        let result = try Disclose.run(["build", "--root", root.path, "--format", "json"])
        #expect(result.status == 1)
        let leaks = try rules(result).filter { $0["rule"] as? String == "audit.leak" }
        #expect(leaks.map { ($0["file"] as? String)?.hasSuffix("site/assets/notes.txt") } == [true], "\(leaks)")
        #expect((leaks.first?["message"] as? String)?.contains("content/policies/internal-99.md") == true, "\(leaks)")
        try tmp.write("%PDF-1.4 公开", to: "sample/content/policies/mhf-2024-3-土地出让金返还明细表.pdf")
        let published = try Disclose.run(["build", "--root", root.path, "--format", "json"])
        #expect(published.status == 0, "\(published.stdout)")
    }

    /// An attachment belongs to the record with the longest stem it starts with: a
    /// non-public record's attachment is not copied because a public record's file stem
    /// is a prefix of its name.
    @Test func attachmentOfANonPublicRecordIsNotGivenToAPublicOne() throws {
        let tmp = try TemporaryDirectory()
        let root = try sample(tmp)
        try writePublic(tmp, "internal", number: 1, body: "公开的通知。")
        try tmp.write("%PDF-1.4 内部 " + Self.withheldSentence, to: "sample/content/policies/internal-99-附件.pdf")
        try tmp.write("%PDF-1.4 公开", to: "sample/content/policies/internal-附件.pdf")
        let result = try Disclose.run(["build", "--root", root.path])
        #expect(result.status == 0, "\(result.stderr)")
        let site = try SiteTree(root.appendingPathComponent("site"))
        #expect(site.files["policies/internal-附件.pdf"] != nil)
        #expect(site.files["policies/internal-99-附件.pdf"] == nil)
    }

    /// A public body that links to a non-public record's attachment is refused where it
    /// is written (`link.target`), by check as by build: only public records' attachments
    /// are published, so the link would publish its name and lead nowhere.
    @Test func linkToANonPublicRecordsAttachmentIsRefused() throws {
        let tmp = try TemporaryDirectory()
        let root = try sample(tmp)
        try tmp.write("%PDF-1.4 内部", to: "sample/content/policies/internal-99-附件.pdf")
        try writePublic(tmp, "copy-1", number: 1, body: "详见[附件](internal-99-附件.pdf)。")
        for command in ["check", "build"] {
            let result = try Disclose.run([command, "--root", root.path, "--format", "json"])
            #expect(result.status == 1, "\(command)")
            let found = try rules(result).filter { $0["rule"] as? String == "link.target" }
            #expect(found.map { $0["file"] as? String } == ["content/policies/copy-1.md"], "\(command): \(result.stdout)")
        }
    }

    // MARK: A public record that shares text: visible

    /// A public record holding 30 or more characters of a non-public record's text is
    /// published (the audit trusts it), and named: a warning in check and build, at the
    /// line in the public record, naming both files; an error with --strict.
    @Test func publicRecordSharingTextIsWarnedInCheckAndBuild() throws {
        let tmp = try TemporaryDirectory()
        let root = try sample(tmp)
        try writePublic(tmp, "copy-1", number: 1, body: "经研究，现将有关事项通知如下：\n\n" + Self.withheldSentence)
        for command in ["check", "build"] {
            let result = try Disclose.run([command, "--root", root.path, "--format", "json"])
            #expect(result.status == 0, "\(command): \(result.stderr)")
            let shared = try rules(result).filter { $0["rule"] as? String == "leak.shared_text" }
            #expect(shared.count == 1, "\(command): \(shared)")
            #expect(shared.first?["file"] as? String == "content/policies/copy-1.md", "\(command)")
            #expect(shared.first?["line"] as? Int == 15, "\(command): the line of the sentence in the public record")
            #expect(shared.first?["severity"] as? String == "warning")
            #expect((shared.first?["message"] as? String)?.contains("content/policies/internal-99.md") == true, "\(command)")
            // The way out, with the phrase as the non-public record writes it (its 、 and ，).
            #expect((shared.first?["message"] as? String)?.contains("leak_boilerplate: [\"" + String(Self.withheldSentence.dropLast()) + "\"]") == true,
                    "\(command): \(shared)")
        }
        // The site was built (a warning) and the audit is clean: the public record publishes it.
        let audited = try Disclose.run(["audit", root.appendingPathComponent("site").path, "--root", root.path])
        #expect(audited.status == 0, "\(audited.stderr)")
        for command in ["check", "build"] {
            let strict = try Disclose.run([command, "--root", root.path, "--strict", "--format", "json"])
            #expect(strict.status == 1, "\(command) --strict")
            #expect(try rules(strict).contains { $0["rule"] as? String == "leak.shared_text" && $0["severity"] as? String == "error" })
        }
    }

    /// The sentence copied hard-wrapped (公文 lines of a few characters) and with a word
    /// emphasised is the same run: line breaks and markup between Chinese characters do not
    /// cut it, and the finding counts all 35 characters, at the line where it starts.
    @Test func wrappedOrEmphasisedCopyIsTheSameRun() throws {
        let tmp = try TemporaryDirectory()
        let root = try sample(tmp)
        try writePublic(tmp, "copy-1", number: 1, body: "经研究，现将有关事项通知如下：\n\n本说明涉及尚未\n公开的审核意见和\n**具体金额**安排，仅\n供内部研究使用，暂不\n对外发布。")
        let result = try Disclose.run(["check", "--root", root.path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let shared = try rules(result).filter { $0["rule"] as? String == "leak.shared_text" }
        #expect(shared.count == 1, "\(result.stdout)")
        #expect(shared.first?["line"] as? Int == 15)
        let message = shared.first?["message"] as? String ?? ""
        #expect(message.contains("有 35 个字符相同") || message.contains("shares 35 characters"), "\(message)")
    }

    /// A rebuild searches the files it carries over again when a text stops being
    /// published: the asset that quoted the sentence was clean while a public record held
    /// it too, and is a leak once that record no longer does, though neither the asset nor
    /// any page that shows it changed.
    @Test func carriedFileIsSearchedAgainWhenATextIsPublishedNoMore() throws {
        let tmp = try TemporaryDirectory()
        let root = try sample(tmp)
        try tmp.write("说明：" + Self.withheldSentence + "\n", to: "sample/templates/assets/notes.txt")
        try writePublic(tmp, "copy-1", number: 1, body: "经研究，现将有关事项通知如下：\n\n" + Self.withheldSentence)
        let first = try Disclose.run(["build", "--root", root.path, "--format", "json"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try rules(first).allSatisfy { $0["rule"] as? String == "leak.shared_text" }, "\(first.stdout)")
        try writePublic(tmp, "copy-1", number: 1, body: "经研究，现将有关事项通知如下：\n\n请各单位按时报送材料。")
        let second = try Disclose.run(["build", "--root", root.path, "--format", "json"])
        #expect(second.status == 1, "\(second.stderr)")
        let leaks = try rules(second).filter { $0["rule"] as? String == "audit.leak" }
        #expect(leaks.map { ($0["file"] as? String)?.hasSuffix("site/assets/notes.txt") } == [true], "\(leaks)")
        let published = try String(contentsOf: root.appendingPathComponent("site/assets/notes.txt"), encoding: .utf8)
        #expect(published.contains(Self.withheldSentence), "the output is left as the first build wrote it")
    }

    /// Under 30 characters is not reported; the title alone (18 characters) is not either.
    @Test func shorterSharedRunIsNotReported() throws {
        let tmp = try TemporaryDirectory()
        let root = try sample(tmp)
        try writePublic(tmp, "copy-1", number: 1, body: "参见" + Self.withheldTitle + "，本说明涉及尚未公开的审核意见。")
        let result = try Disclose.run(["check", "--root", root.path, "--format", "json"])
        #expect(result.status == 0)
        #expect(try rules(result).filter { $0["rule"] as? String == "leak.shared_text" }.isEmpty, "\(result.stdout)")
    }

    /// Declared boilerplate is exempt from the warning and from the audit; a phrase too
    /// short to matter is refused.
    @Test func declaredBoilerplateIsExempt() throws {
        let tmp = try TemporaryDirectory()
        let root = try sample(tmp, siteSettings: "leak_boilerplate:\n  - \(Self.withheldSentence)\n")
        try writePublic(tmp, "copy-1", number: 1, body: Self.withheldSentence)
        try tmp.write(Self.withheldSentence + "\n", to: "sample/templates/assets/notes.txt")
        let result = try Disclose.run(["build", "--root", root.path, "--format", "json"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(try rules(result).isEmpty, "\(result.stdout)")

        let other = try TemporaryDirectory()
        let short = try sample(other, siteSettings: "leak_boilerplate: [依申请提供]\n")
        let refused = try Disclose.run(["check", "--root", short.path, "--format", "json"])
        #expect(refused.status == 1)
        #expect(try rules(refused).map { $0["rule"] as? String } == ["site.invalid"], "\(refused.stdout)")
    }

    /// A public record that names the non-public record's index number quotes it on
    /// purpose: no warning. The naming never lets a template leak.
    @Test func publicRecordNamingTheNonPublicOneIsExemptButTemplatesAreNot() throws {
        let tmp = try TemporaryDirectory()
        let root = try sample(tmp)
        // Full-width, as an author typing Chinese may write it: still the same number.
        let fullWidth = String(String.UnicodeScalarView(Self.withheldIndex.unicodeScalars.map { scalar in
            scalar.value >= 0x21 && scalar.value <= 0x7E ? Unicode.Scalar(scalar.value + 0xFEE0)! : scalar
        }))
        try writePublic(tmp, "copy-1", number: 1, body: "根据索引号\(fullWidth)的说明：" + Self.withheldSentence)
        let checked = try Disclose.run(["check", "--root", root.path, "--format", "json"])
        #expect(checked.status == 0)
        #expect(try rules(checked).isEmpty, "\(checked.stdout)")
        // Another public record that does not name it is still warned.
        try writePublic(tmp, "copy-2", number: 2, body: Self.withheldSentence)
        let second = try Disclose.run(["check", "--root", root.path, "--format", "json"])
        #expect(try rules(second).map { $0["file"] as? String } == ["content/policies/copy-2.md"], "\(second.stdout)")
        // A template carrying the non-public title (which no public record holds) still leaks.
        try tmp.write("说明：" + Self.withheldTitle + "\n", to: "sample/templates/assets/notes.txt")
        let built = try Disclose.run(["build", "--root", root.path, "--format", "json"])
        #expect(built.status == 1)
        #expect(try rules(built).contains { $0["rule"] as? String == "audit.leak" }, "\(built.stdout)")
    }

    /// Across incremental builds: once the last public record that held a non-public
    /// sentence drops it (eight records a build, the most a build counts on from the last),
    /// the sentence is searched for again, and a site asset carrying it is a leak.
    @Test func sentenceEveryPublicRecordDropsIsSearchedForAgain() throws {
        let tmp = try TemporaryDirectory()
        let root = try sample(tmp)
        for number in 1...20 { try writePublic(tmp, "copy-\(number)", number: number, body: Self.withheldSentence) }
        let first = try Disclose.run(["build", "--root", root.path])
        #expect(first.status == 0, "\(first.stderr)")
        for batch in [1...8, 9...16, 17...20] {
            for number in batch { try writePublic(tmp, "copy-\(number)", number: number, body: "本通知自印发之日起施行。") }
            let rebuilt = try Disclose.run(["build", "--root", root.path])
            #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        }
        try tmp.write("说明：" + Self.withheldSentence + "\n", to: "sample/templates/assets/notes.txt")
        let leaked = try Disclose.run(["build", "--root", root.path, "--format", "json"])
        #expect(leaked.status == 1)
        #expect(try rules(leaked).map { $0["rule"] as? String } == ["audit.leak"], "\(leaked.stdout)")
    }

    /// Stock wording that three or more public records hold is not reported; two public
    /// records holding a sentence are each still reported.
    @Test func stockWordingOfManyPublicRecordsIsNotReported() throws {
        let tmp = try TemporaryDirectory()
        let root = try sample(tmp)
        try writePublic(tmp, "copy-1", number: 1, body: Self.withheldSentence)
        try writePublic(tmp, "copy-2", number: 2, body: Self.withheldSentence)
        let two = try Disclose.run(["check", "--root", root.path, "--format", "json"])
        #expect(try rules(two).compactMap { $0["file"] as? String }.sorted() == ["content/policies/copy-1.md", "content/policies/copy-2.md"],
                "\(two.stdout)")
        try writePublic(tmp, "copy-3", number: 3, body: Self.withheldSentence)
        let three = try Disclose.run(["check", "--root", root.path, "--format", "json"])
        #expect(try rules(three).isEmpty, "\(three.stdout)")
    }
}
