/// A record type: its section, its fields in display order and the rule sets that apply.
/// Built-in types are declarations shipped in the tool (`BuiltIn/*.yaml`); a site adds
/// its own in `types/*.yaml` at its root. Immutable and shared by every record of the type.
public final class TypeDeclaration: Sendable {
    /// The name `disclose new` takes and JSON carries: `policy`.
    public let id: String
    /// The section folder under `content/`, and the output folder of its pages.
    public let folder: String
    /// The section's name on the site: 政策文件.
    public let name: String
    /// The type fields (beyond the common ones), in the order pages show them.
    public let fields: [FieldDeclaration]
    public let ruleSets: [RuleSet]
    /// The field that gives the record's own year (a budget's fiscal year).
    public let yearField: String?
    /// True when the section is listed even with no public record (the four original
    /// sections are); the others appear once they have one.
    public let listedWhenEmpty: Bool
    /// Where the section comes among the others.
    public let order: Int
    /// The declaration file, for a site's own type.
    public let source: String?
    /// The positions of its `reference` fields: what the relations between pages read.
    let referenceFields: [Int]
    /// The keys a record of the type may hold: the common ones, then the type's.
    let knownKeys: [String]
    /// Chinese names and examples by key path, for messages.
    let labels: FieldLabels
    /// What the record cache knows the declaration by: records decoded under another
    /// declaration are decoded again.
    let digest: Digest

    init(id: String, folder: String, name: String, fields: [FieldDeclaration], ruleSets: [RuleSet],
         yearField: String?, listedWhenEmpty: Bool, order: Int, source: String?, digest: Digest) {
        self.id = id
        self.folder = folder
        self.name = name
        self.fields = fields
        self.ruleSets = ruleSets
        self.yearField = yearField
        self.listedWhenEmpty = listedWhenEmpty
        self.order = order
        self.source = source
        self.digest = digest
        referenceFields = fields.indices.filter { fields[$0].kind == .reference }
        knownKeys = Glossary.commonKeys + fields.map(\.key)
        labels = FieldLabels(fields)
    }

    /// The position of field `key` in `fields` (and in `Record.fields`).
    public func index(of key: String) -> Int? { fields.firstIndex { $0.key == key } }

    public func field(_ key: String) -> FieldDeclaration? { index(of: key).map { fields[$0] } }

    public func applies(_ ruleSet: RuleSet) -> Bool { ruleSets.contains(ruleSet) }
}

/// The Chinese names of a type's key paths (`totals.revenue` → 收入总计) and the examples
/// of its fields, looked up when a message names a field.
final class FieldLabels: Sendable {
    let names: [String: String]
    let examples: [String: String]

    init(_ fields: [FieldDeclaration]) {
        var names: [String: String] = [:]
        var examples: [String: String] = [:]
        func add(_ fields: [FieldDeclaration], prefix: String) {
            for field in fields {
                let path = prefix.isEmpty ? field.key : "\(prefix).\(field.key)"
                names[path] = field.label
                if let example = field.example { examples[path] = example }
                add(field.fields, prefix: path)
            }
        }
        add(fields, prefix: "")
        self.names = names
        self.examples = examples
    }

    init(names: [String: String]) {
        self.names = names
        examples = [:]
    }

    /// The labels of the common fields only (records of no known type).
    static let common = FieldLabels([])

    /// The Chinese names of `site.yaml`'s settings: the site's `title` is its 网站名称, not a
    /// record's 名称.
    static let siteSettings = FieldLabels(names: [
        "title": "网站名称", "base_url": "网站地址", "language": "语言", "publisher": "主办单位",
        "index_number_pattern": "索引号格式", "report_deadline": "年度报告公布期限",
        "timeliness_working_days": "公开时限（工作日）", "calendar": "节假日安排", "calendar.holidays": "法定节假日",
        "calendar.workdays": "调休上班日", "allow_raw_html": "允许原始HTML", "max_record_size": "记录文件大小上限",
        "leak_boilerplate": "公用语句", "site_id_code": "网站标识码", "footer": "页脚", "footer.sponsor": "主办单位",
        "footer.operator": "承办单位", "footer.telephone": "联系电话", "footer.address": "地址",
        "footer.email": "电子邮箱", "footer.icp": "ICP备案号", "footer.police": "公安机关备案号",
        "date_style": "日期写法", "topics": "主题分类", "time_zone": "时区",
        "interpretation_working_days": "政策解读发布时限（工作日）",
        "publishers": "发布机构", "publishers.name": "全称", "publishers.short_name": "简称",
        "publishers.code": "机构代码", "publishers.kind": "机构类型", "index_number_year": "索引号年份",
        "links": "相关链接",
    ])

    /// The Chinese name of a key path: the type's, else the glossary's.
    func chinese(_ path: String) -> String? {
        names[path] ?? Glossary.chinese(path)
    }

    /// `'publisher' (发布机构)`, the way messages name a field.
    func quoted(_ path: String) -> String {
        if let chinese = chinese(path) { return "'\(path)' (\(chinese))" }
        return "'\(path)'"
    }

    /// `'publisher'（发布机构）`: `quoted(_:)` in a Chinese message, with full-width brackets.
    func quotedZh(_ path: String) -> String {
        if let chinese = chinese(path) { return "'\(path)'（\(chinese)）" }
        return "'\(path)'"
    }

    func example(_ path: String) -> String? { examples[path] ?? Glossary.examples[path] }
}
