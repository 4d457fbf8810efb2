import Foundation

/// The outcome of decoding one page file.
public struct DecodedPage: Sendable {
    public var file: PageFile
    /// The page; nil when any error was found in it.
    public var page: FixedPage?
    /// What the cross-page rules need even of a page with errors.
    public var slug: Located<String>?
    public var role: Located<PageRole>?
    /// `publisher`: a role is one page per publisher (and one for the whole site).
    public var publisher: String?
    public var attachments: [ListedAttachment] = []
    public var diagnostics: [Diagnostic]
}

/// Turns one file of `content/pages/` into a `FixedPage`, through the readers records go
/// through (UTF-8 and size limits, front matter, YAML, control characters, Markdown
/// complexity), so a page is held to the rules of authored text a record is.
public struct FixedPageDecoder: Sendable {
    public let site: SiteConfig

    /// The keys a page knows.
    /// Keys that mark a text non-public, in the spellings an author may use (compared
    /// trimmed and in lower case).
    static let disclosureKeys: Set<String> = ["disclosure", "公开方式", "公开属性", "公开类型", "withheld_reason",
                                              "不予公开理由", "不予公开原因", "不公开理由"]
    /// The non-public values of `disclosure` and their Chinese names (from `Disclosure`),
    /// with the spellings an author may type beside them.
    static let nonPublicValues: Set<String> = Set(Disclosure.allCases.filter { !$0.isPublic }.flatMap { [$0.rawValue, $0.chineseName] })
        .union(["on_request", "on request", "不公开", "依申请", "非公开", "非主动公开"])

    /// The texts of a value as `nonPublicValues` are compared with: a scalar, or each item
    /// of a list (`[不予公开]`), trimmed of white space, brackets and the punctuation an
    /// author ends a value with (`不予公开。`), in lower case.
    static func markTexts(_ node: YAMLNode) -> [String] {
        let trimmed = CharacterSet.whitespacesAndNewlines.union(.punctuationCharacters).union(.symbols)
        switch node.value {
        case .scalar(let text, _): return [text.trimmingCharacters(in: trimmed).lowercased()]
        case .sequence(let items): return items.flatMap(markTexts)
        case .mapping: return []
        }
    }

    static let keys = ["title", "nav", "role", "slug", "summary", "modified", "publisher", AttachmentListDecoder.key]

    public init(site: SiteConfig) {
        self.site = site
    }

    public func decode(bytes: [UInt8], file: PageFile) -> DecodedPage {
        var decoded = decodeText(bytes: bytes, file: file)
        decoded.page?.sourceDigest = StableHasher.digest(bytes)
        return decoded
    }

    private func decodeText(bytes: [UInt8], file: PageFile) -> DecodedPage {
        let fail = { (diagnostic: Diagnostic) in DecodedPage(file: file, page: nil, diagnostics: [diagnostic]) }
        let text: String
        switch SourceText.decode(bytes, limit: site.maximumRecordBytes) {
        case .success(let decoded): text = decoded
        case .failure(let failure):
            return fail(SourceText.diagnostic(for: failure, file: file.relativePath, limit: site.maximumRecordBytes))
        }
        let split: SplitRecord
        switch FrontMatterSplitter.split(text) {
        case .success(let value): split = value
        case .failure(let failure): return fail(FrontMatterSplitter.diagnostic(for: failure, file: file.relativePath))
        }
        let root: YAMLNode
        switch FrontMatterReader.read(split.yaml, firstLine: split.yamlFirstLine) {
        case .success(let value): root = value
        case .failure(let failure): return fail(FrontMatterReader.diagnostic(for: failure, file: file.relativePath))
        }
        guard case .mapping(let entries) = root.value else {
            return fail(FrontMatterReader.diagnostic(for: .notMapping(found: root.kindPhrase, at: root.location),
                                                     file: file.relativePath))
        }
        return decode(FieldMapping(entries: entries, path: "", anchor: .fileStart), body: String(split.body),
                      bodyFirstLine: split.bodyFirstLine, file: file)
    }

    func decode(_ top: FieldMapping, body: String, bodyFirstLine: Int, file: PageFile) -> DecodedPage {
        var reader = FieldReader(file: file.relativePath)
        // A page is published whatever it says: an author who marks one non-public means a
        // record, and a warning about an unknown key would let it be published.
        if let entry = top.entry("disclosure") {
            var value = ""
            if case .scalar(let text, _) = entry.value.value, !entry.value.isNull { value = text.trimmed }
            reader.report(.pageDisclosure, entry.keyLocation, field: "disclosure",
                          Phrase("'disclosure'（公开方式）\(value.isEmpty ? "无需填写：" : "为 '\(value)'，但 ")content/pages/ 中的每个页面都会发布；非主动公开的文字是记录：请把它移到栏目文件夹，或删除此字段",
                                 en: "'disclosure' (公开方式)\(value.isEmpty ? "" : " is '\(value)', but") every page of content/pages/ is published; a text that is not public is a record: move it to its section folder, or remove the key"))
        }
        // The same mark in another spelling (the key's Chinese name, another case, the
        // reason a withheld record gives, or a non-public value under a key a page does not
        // have: `role: 依申请公开` and a title are a page's own) is the same intent: an error
        // too, never an unknown key's warning.
        var marked: [String] = []
        for entry in top.entries where entry.key != "disclosure" && !Self.keys.contains(entry.key) {
            guard Self.disclosureKeys.contains(entry.key.trimmed.lowercased())
                    || Self.markTexts(entry.value).contains(where: Self.nonPublicValues.contains) else { continue }
            marked.append(entry.key)
            reader.report(.pageDisclosure, entry.keyLocation, field: entry.key,
                          Phrase("'\(entry.key)' 似乎标明此页面不公开，但 content/pages/ 中的每个页面都会发布；非主动公开的文字是记录：请把它移到栏目文件夹，或删除此字段",
                                 en: "'\(entry.key)' seems to mark this page as not public, but every page of content/pages/ is published; a text that is not public is a record: move it to its section folder, or remove the key"))
        }
        reader.checkUnknownKeys(top, known: Self.keys + ["disclosure"] + marked)
        let title = reader.string(top, "title", required: true)
        let navigation = reader.integer(top, "nav", required: false, in: 0...100_000)
        let role = reader.enumeration(top, "role", required: false, PageRole.allCases.map { ($0, $0.aliases) })
        let slugField = reader.string(top, "slug", required: false)
        let summary = reader.string(top, "summary", required: false, multiLine: true)
        let modified = reader.calendarDate(top, "modified", required: false)
        let attachments = AttachmentListDecoder.decode(top, &reader)
        let publisher = reader.string(top, "publisher", required: false)

        var rules = RecordRules(site: site, reader: reader)
        rules.checkTitle(title)
        rules.checkPagePublisher(publisher)
        reader = rules.reader
        let slug = checkSlug(slugField, file: file, &reader)
        BodyChecks.check(body, firstLine: bodyFirstLine, &reader)
        PersonalIDNumbers.checkPage(title: title, summary: summary, publisher: publisher,
                                    slug: slugField ?? Located(value: file.stem, location: .fileStart), body: body,
                                    bodyFirstLine: bodyFirstLine, attachments: attachments, &reader)

        var page: FixedPage?
        if reader.diagnostics.errorCount == 0, let title, let slug {
            page = FixedPage(file: file, title: title.value, navigation: navigation?.value, role: role?.value,
                             slug: slug.value, summary: summary?.value, modified: modified?.value,
                             attachments: attachments, body: body, bodyFirstLine: bodyFirstLine)
            page?.publisher = publisher?.value
        }
        return DecodedPage(file: file, page: page, slug: slug, role: role, publisher: publisher?.value,
                           attachments: attachments, diagnostics: reader.diagnostics)
    }

    /// `slug`, else the file's stem: a valid page name (the rule records follow). Nothing
    /// else is written in `pages/` but attachments, which `attachment.clash` keeps apart.
    private func checkSlug(_ slug: Located<String>?, file: PageFile, _ reader: inout FieldReader) -> Located<String>? {
        let value = slug ?? Located(value: file.stem, location: .fileStart)
        guard RecordRules.isValidSlug(value.value) else {
            let what = slug == nil ? "the file name '\(file.stem)'" : "'slug' '\(value.value)'"
            let whatZh = slug == nil ? "文件名 '\(file.stem)'" : "'slug' '\(value.value)'"
            reader.report(.slugInvalid, value.location, field: "slug",
                          Phrase("\(whatZh) 不是有效的页面名：请使用小写字母 a-z、数字和 '-'，以字母或数字开头，至多 \(RecordRules.maximumSlugLength) 个字符\(slug == nil ? "（或设置 'slug'）" : "")",
                                 en: "\(what) is not a valid page name: use lower-case letters a-z, digits and '-', starting with a letter or digit, at most \(RecordRules.maximumSlugLength) characters\(slug == nil ? " (or set 'slug')" : "")"))
            return nil
        }
        return value
    }
}
