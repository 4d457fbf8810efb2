import Testing
@testable import DisclosureKit

@Suite struct SiteRulesTests {
    func identity(_ stem: String, index: String?, slug: String? = nil, disclosure: Disclosure = .proactive,
                  repealedBy: String? = nil, subfolders: [String] = []) -> RecordIdentity {
        let file = RecordSamples.file(.policy, stem: stem, subfolders: subfolders)
        return RecordIdentity(file: file, title: stem,
                              indexNumber: index.map { Located(value: $0, location: SourceLocation(line: 3, column: 15)) },
                              slug: Located(value: slug ?? stem, location: .fileStart), disclosure: disclosure,
                              references: repealedBy.map { [RecordReference(field: "repealed_by", target: Located(value: $0, location: SourceLocation(line: 9, column: 14)))] } ?? [])
    }

    @Test func uniqueIndexNumbersPass() {
        #expect(SiteRules.check([identity("a", index: "1"), identity("b", index: "2")]) == [])
    }

    @Test func duplicateIndexNumberIsReportedOnTheLaterRecord() throws {
        let diagnostics = SiteRules.check([identity("a", index: "1"), identity("b", index: "1")])
        let d = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(d.rule == "index_number.duplicate")
        #expect(d.file == "content/policies/b.md")
        #expect(d.message.en.contains("content/policies/a.md:3"))
        #expect(d.message.zh == "索引号 '1' 已被 content/policies/a.md:3 使用；索引号在全站必须唯一")
    }

    @Test func slugClashWithinAFolderOnly() {
        let clash = SiteRules.check([identity("a", index: "1", slug: "x"), identity("b", index: "2", slug: "x")])
        #expect(clash.map(\.rule) == ["slug.duplicate"])
        let apart = SiteRules.check([identity("a", index: "1", slug: "x"),
                                     identity("b", index: "2", slug: "x", subfolders: ["2012"])])
        #expect(apart == [])
    }

    @Test func aReferenceMustNameAnotherRecordAndAPublicOneFromAPublicRecord() {
        #expect(SiteRules.check([identity("a", index: "1", repealedBy: "2"), identity("b", index: "2")]) == [])
        let missing = SiteRules.check([identity("a", index: "1", repealedBy: "9")])
        #expect(missing.map(\.rule) == ["reference.unknown"])
        #expect(missing.first?.location == SourceLocation(line: 9, column: 14))
        let itself = SiteRules.check([identity("a", index: "1", repealedBy: "1")])
        #expect(itself.map(\.rule) == ["reference.unknown"])
        let hidden = SiteRules.check([identity("a", index: "1", repealedBy: "2"),
                                      identity("b", index: "2", disclosure: .withheld)])
        #expect(hidden.map(\.rule) == ["reference.not_public"])
        #expect(hidden.first?.message.en.contains("content/policies/b.md") == true)
        #expect(hidden.first?.message.zh == "'repealed_by'（废止文件） 指向的 '2'（content/policies/b.md）不是主动公开的记录；公开的页面不能提及它")
        // A record that is not public may name a public one, or another that is not.
        let fromHidden = SiteRules.check([identity("a", index: "1", disclosure: .withheld, repealedBy: "2"),
                                          identity("b", index: "2", disclosure: .onRequest)])
        #expect(fromHidden == [])
    }
}

@Suite struct AttachmentMatcherTests {
    @Test func longestStemWinsAndOrphansWarn() {
        let records = [RecordSamples.file(.policy, stem: "nfb-2012-15"), RecordSamples.file(.policy, stem: "nfb-2012-150")]
        func attachment(_ name: String) -> AttachmentFile {
            AttachmentFile(relativePath: "content/policies/\(name)", absolutePath: "/x/\(name)", type: .policy,
                           subfolders: [], name: name)
        }
        let (matches, diagnostics) = AttachmentMatcher.match(
            [attachment("nfb-2012-15.pdf"), attachment("nfb-2012-15-附件二.pdf"), attachment("nfb-2012-150.pdf"),
             attachment("nfb-2012-15x.pdf"), attachment("readme.txt")], records: records)
        #expect(matches.map { "\($0.attachment.name)→\($0.record.stem)" } ==
                ["nfb-2012-15.pdf→nfb-2012-15", "nfb-2012-15-附件二.pdf→nfb-2012-15", "nfb-2012-150.pdf→nfb-2012-150"])
        #expect(diagnostics.map(\.rule) == ["attachment.orphan", "attachment.orphan"])
    }

    /// A file that is the public `x`'s by its name but starts with the withheld `x-jm`'s
    /// stem in another case or with no separator reads as x-jm's material named
    /// carelessly: it goes to no one, refused as non-public material, listed or not. A
    /// public longer stem takes nothing this way, and the withheld record keeps its own.
    @Test func aFileNamedLikeAWithheldRecordsGoesToNoPublicOne() {
        let records = [RecordSamples.file(.policy, stem: "x"), RecordSamples.file(.policy, stem: "x-jm"),
                       RecordSamples.file(.policy, stem: "x-gk"), RecordSamples.file(.policy, stem: "x-1")]
        func attachment(_ name: String) -> AttachmentFile {
            AttachmentFile(relativePath: "content/policies/\(name)", absolutePath: "/x/\(name)", type: .policy,
                           subfolders: [], name: name)
        }
        // x-12.pdf is x's (another number than the withheld x-1's); x-1附件.pdf is refused.
        let names = ["x-jm附件.pdf", "x-JM.pdf", "x-Jm-附件.pdf", "x-jm-附件.pdf", "x-gk附件.pdf", "x-附件.pdf", "x-listed-JM.pdf",
                     "x-12.pdf", "x-1附件.pdf"]
        let publicRecords: Set<String> = ["content/policies/x.md", "content/policies/x-gk.md"]
        let (matches, diagnostics) = AttachmentMatcher.match(names.map(attachment), records: records,
            listing: ["content/policies/x.md": [ListedAttachment(file: "x-JM.pdf", title: "附件", location: .fileStart)]],
            publicRecords: publicRecords)
        #expect(matches.map { "\($0.attachment.name)→\($0.record.stem)" } ==
                ["x-jm-附件.pdf→x-jm", "x-gk附件.pdf→x", "x-附件.pdf→x", "x-listed-JM.pdf→x", "x-12.pdf→x"])
        let refused = diagnostics.filter { $0.rule == "attachment.non_public" }
        // x-JM.pdf, listed, is refused once, at its entry.
        #expect(refused.map(\.file).sorted() == ["content/policies/x-1附件.pdf", "content/policies/x-Jm-附件.pdf",
                                                   "content/policies/x-jm附件.pdf"])
        #expect(refused.filter { $0.file != "content/policies/x-1附件.pdf" }.allSatisfy { $0.message.zh.contains("content/policies/x-jm.md") })
        #expect(diagnostics.filter { $0.rule == "attachment.listed" }.map(\.file) == ["content/policies/x.md"])
        #expect(diagnostics.filter { $0.rule == "attachment.orphan" }.isEmpty)
    }

    /// `x.html` beside `x.md` would overwrite x's page; `x-附件.html`, or `x.html` in
    /// another folder, would not; a slug moves the page and the clash with it.
    @Test func anAttachmentNamedLikeAPageClashes() {
        func attachment(_ name: String, subfolders: [String] = []) -> AttachmentFile {
            AttachmentFile(relativePath: (["content/policies"] + subfolders + [name]).joined(separator: "/"),
                           absolutePath: "/x/\(name)", type: .policy, subfolders: subfolders, name: name)
        }
        func identity(_ stem: String, slug: String, subfolders: [String] = []) -> RecordIdentity {
            RecordIdentity(file: RecordSamples.file(.policy, stem: stem, subfolders: subfolders), title: stem, indexNumber: nil,
                           slug: Located(value: slug, location: .fileStart), disclosure: .proactive)
        }
        let identities = [identity("x", slug: "x"), identity("y", slug: "page-y"), identity("z", slug: "z", subfolders: ["2024"])]
        let (matches, _) = AttachmentMatcher.match(
            [attachment("x.html"), attachment("x-附件.html"), attachment("y.html"), attachment("page-y.html"),
             attachment("z.html")], records: identities.map(\.file))
        let clashes = SiteLoader.attachmentClashes(matches, identities: identities)
        #expect(clashes.map(\.file) == ["content/policies/x.html"])
        #expect(clashes.map(\.rule) == ["attachment.clash"])
        #expect(SiteLoader.attachmentClashes([], identities: identities) == [])
    }
}

@Suite struct SiteConfigTests {
    func decode(_ yaml: String) -> (SiteConfig?, [Diagnostic]) {
        let node = try! FrontMatterReader.read(Substring(yaml), firstLine: 1).get()
        return SiteConfigDecoder.decode(node, file: "content/site.yaml")
    }

    @Test func minimalSettings() throws {
        let (config, diagnostics) = decode("title: 某区\nbase_url: https://www.example.gov.cn/xxgk\n")
        #expect(diagnostics == [])
        let site = try #require(config)
        #expect(site.baseURL == "https://www.example.gov.cn/xxgk/")
        #expect(site.language == "zh-CN")
        #expect(site.timelinessWorkingDays == 20)
        #expect(site.reportDeadline(forYear: 2012)?.description == "2013-03-31")
    }

    @Test func problemsNameTheKey() {
        let (config, diagnostics) = decode("title: 某区\nbase_url: example.gov.cn\nreport_deadline: '3-31'\nindex_number_pattern: '[unclosed'\ncalendar: {holidays: [2024-1-1]}\n")
        #expect(config == nil)
        #expect(diagnostics.map(\.field) == ["base_url", "index_number_pattern", "report_deadline", "calendar.holidays"])
        #expect(diagnostics.allSatisfy { $0.rule == "site.invalid" })
    }

    @Test func missingTitle() {
        let (_, diagnostics) = decode("base_url: https://x.gov.cn/\n")
        #expect(diagnostics.map(\.field) == ["title"])
    }
}
