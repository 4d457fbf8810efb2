import Foundation

/// What `disclose new` decides before it writes a skeleton: the folder under the section
/// (`new policy 2024/SLUG`), that no record of the section already has the page name,
/// and, with `--publisher`, the publisher's full name and its next free 索引号.
public struct NewRecordPlan: Sendable, Equatable {
    /// Sub-folders of the section the record goes in (`["2024"]`).
    public var subfolders: [String]
    public var slug: String
    /// The registered full name, when `--publisher` was given.
    public var publisher: String?
    /// `CODE/YYYY-NNNNN`, the next number of the publisher in the year, when `--publisher` was given.
    public var indexNumber: String?
}

public enum NewRecordPlanner {
    /// Sub-folders a new record may be put in, below its section.
    public static let maximumDepth = 4

    /// Splits `SUB/…/SLUG`: every part a slug-like name (the sub-folders' names are page
    /// paths too), nil when one is not.
    public static func split(_ path: String) -> (subfolders: [String], slug: String)? {
        let parts = path.slashSeparated(keepingEmpty: true).map(String.init)
        guard let slug = parts.last, parts.count <= maximumDepth + 1,
              parts.allSatisfy(RecordRules.isValidSlug) else { return nil }
        return (Array(parts.dropLast()), slug)
    }

    /// Plans the record `path` (`SLUG` or `SUB/SLUG`) of `type` under `root`. Every record
    /// of the site is read, public or not and with errors or not: a withheld record's
    /// number and a broken record's page name are as taken as any.
    public static func plan(root: String, type: RecordType, path: String, publisher: String?,
                            today: CalendarDate) throws(EnvironmentError) -> NewRecordPlan {
        guard let (subfolders, slug) = split(path) else {
            throw EnvironmentError(Phrase("SLUG 只能由小写字母 a-z、数字和 '-' 组成（至多 80 个字符），前面可以有至多 \(maximumDepth) 层同样命名的子文件夹（2024/SLUG），不能是 '\(path)'", en: "SLUG must be lower-case letters a-z, digits and '-' (at most 80), optionally after up to \(maximumDepth) sub-folders named the same way (2024/SLUG), not '\(path)'"))
        }
        // A name `check` would refuse (`slug.reserved`) is refused before a file is written.
        guard !RecordRules.isReservedPageName(slug, subfolders: subfolders) else {
            throw EnvironmentError(Phrase("'\(slug)' 是构建在 \(type.folder)/ 中生成的页面的名称（列表页 index.html、page-2.html……，年度归档 year-2024.html……）；请换一个 SLUG", en: "'\(slug)' is the name of a page the build writes in \(type.folder)/ (its list pages index.html, page-2.html, ..., its year archives year-2024.html, ...); choose another SLUG"))
        }
        let tree = try ContentScanner(root: root).scan()
        var plan = NewRecordPlan(subfolders: subfolders, slug: slug)
        let read = tree.records.map { ($0, frontMatter(of: $0)) }
        let existing = read.map { ($0.0, $0.1 ?? [:]) }

        // One page name per section, whatever the folders: two records of a section named
        // alike are one name to whoever looks for them, and the year folders a site keeps
        // its records in make that mistake easy.
        for (file, keys) in existing where file.type.id == type.id {
            let name = keys["slug"] ?? file.stem
            guard name == slug else { continue }
            throw EnvironmentError(Phrase("页面名 '\(slug)' 已被 \(type.folder)/ 中的 \(file.relativePath) 使用；请换一个 SLUG", en: "the page name '\(slug)' is already used by \(file.relativePath) in \(type.folder)/; choose another SLUG"))
        }

        guard let publisher else { return plan }
        let (config, _, _) = SiteLoader.loadConfig(tree)
        guard let config else {
            throw EnvironmentError(Phrase("--publisher 需要 content/site.yaml，但它有错误或不存在；请运行 'disclose check'", en: "--publisher needs content/site.yaml, which has errors or is missing; run 'disclose check'"))
        }
        guard let registry = config.publishers else {
            throw EnvironmentError(Phrase("--publisher 需要发布机构名录（content/site.yaml 中的 'publishers:'），本站点没有", en: "--publisher needs the publisher registry ('publishers:' in content/site.yaml), which the site does not have"))
        }
        guard let registered = registry.publisher(named: publisher) ?? registry.publisher(shortNamed: publisher) else {
            let hint = registry.suggestion(for: publisher).map { "; did you mean '\($0)'?" }
                ?? " (the publishers are \(registry.publishers.prefix(8).map(\.name).joined(separator: ", "))\(registry.publishers.count > 8 ? ", ..." : ""))"
            let hintZh = registry.suggestion(for: publisher).map { "；是否应为 '\($0)'？" }
                ?? "（发布机构有：\(registry.publishers.prefix(8).map(\.name).joined(separator: "、"))\(registry.publishers.count > 8 ? "……" : "")）"
            throw EnvironmentError(Phrase("--publisher '\(publisher)' 不在 site.yaml 的发布机构名录中\(hintZh)",
                                          en: "--publisher '\(publisher)' is not in site.yaml's publishers\(hint)"))
        }
        plan.publisher = registered.name
        // The skeleton dates the record today, so today's year is the 索引号's year
        // whichever date index_number_year names.
        var numbers = existing.compactMap { $0.1["index_number"].flatMap(IndexNumberParts.init) }
        // A record whose front matter cannot be read still holds its number (it is being
        // fixed, not given up): its text is searched for the publisher's code.
        for (file, keys) in read where keys == nil {
            numbers += plainTextNumbers(of: file, code: registered.code)
            if let written = registered.writtenCode { numbers += plainTextNumbers(of: file, code: written) }
        }
        plan.indexNumber = nextIndexNumber(code: registered.writtenCode ?? registered.code, year: today.year, among: numbers)
        return plan
    }

    /// One more than the highest sequence number of `code` in `year` (its 组织机构代码 with
    /// or without the hyphen), written as wide as the widest of them (five digits when
    /// there is none).
    public static func nextIndexNumber(code: String, year: Int, among numbers: [IndexNumberParts]) -> String {
        let comparable = PublisherRegistry.comparable(code)
        let taken = numbers.filter { PublisherRegistry.comparable($0.code) == comparable && $0.year == year }
        let next = (taken.map(\.sequence).max() ?? 0) + 1
        let width = max(5, taken.map(\.sequenceWidth).max() ?? 5)
        return IndexNumberParts.format(code: code, year: year, sequence: next, width: width)
    }

    /// Every `CODE/YYYY-N…` of `code` in the file's bytes, read as text whatever its
    /// encoding or front matter: the numbers a record that cannot be parsed may hold.
    static func plainTextNumbers(of file: RecordFile, code: String) -> [IndexNumberParts] {
        guard !code.isEmpty, let bytes = try? FileIO.readBytes(file.absolutePath, limit: SourceText.largestRecordLimit) else { return [] }
        let text = String(decoding: bytes, as: UTF8.self)
        var numbers: [IndexNumberParts] = []
        var searchFrom = text.startIndex
        while let found = text.range(of: code + "/", range: searchFrom..<text.endIndex) {
            let tail = text[found.upperBound...].prefix { $0.isASCII && ($0.isNumber || $0 == "-") }
            if let parts = IndexNumberParts(code + "/" + tail) { numbers.append(parts) }
            searchFrom = found.upperBound
        }
        return numbers
    }

    /// The top-level scalar values of a record's front matter; nil when it cannot be read.
    static func frontMatter(of file: RecordFile) -> [String: String]? {
        guard let bytes = try? FileIO.readBytes(file.absolutePath, limit: SourceText.largestRecordLimit),
              case .success(let text) = SourceText.decode(bytes, limit: SourceText.largestRecordLimit),
              case .success(let split) = FrontMatterSplitter.split(text),
              case .success(let root) = FrontMatterReader.read(split.yaml, firstLine: split.yamlFirstLine),
              case .mapping(let entries) = root.value else { return nil }
        var values: [String: String] = [:]
        for entry in entries {
            if case .scalar(let text, _) = entry.value.value { values[entry.key] = text.trimmed }
        }
        return values
    }
}
