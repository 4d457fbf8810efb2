import Foundation

/// A rule of the content format: a stable identifier, a default severity and the text
/// the README's rule table is generated from (`disclose rules`).
public struct Rule: Sendable, Hashable {
    public let id: String
    public let severity: Severity
    /// What the rule checks, one sentence.
    public let checks: Phrase
    /// A message as the tool prints it.
    public let example: Phrase

    public init(id: String, severity: Severity, checks: Phrase, example: Phrase) {
        self.id = id
        self.severity = severity
        self.checks = checks
        self.example = example
    }

    /// A diagnostic of this rule at `location` of `file`.
    public func diagnostic(_ file: String, _ location: SourceLocation, field: String? = nil,
                           _ message: Phrase) -> Diagnostic {
        Diagnostic(file: file, location: location, severity: severity, rule: id, field: field,
                   message: message)
    }
}

extension Rule {
    // MARK: Files and the tree
    public static let fileRead = Rule(
        id: "file.read", severity: .error,
        checks: Phrase("`content/` 下的文件均可读取",
                       en: "a file under `content/` can be read"),
        example: Phrase("无法读取文件：权限不足",
                        en: "cannot read file: Permission denied"))
    public static let fileEncoding = Rule(
        id: "file.encoding", severity: .error,
        checks: Phrase("记录是 UTF-8 文本（以 GBK/GB18030 保存的文件会被指明，并说明如何转换）",
                       en: "a record is UTF-8 text (a file saved as GBK/GB18030 is named as such, with how to convert it)"),
        example: Phrase("文件不是有效的 'UTF-8'（第一个错误字节在此行）；请以 'UTF-8' 编码保存",
                        en: "the file is not valid UTF-8 (first bad byte on this line); save it as UTF-8"))
    public static let fileTooLarge = Rule(
        id: "file.too_large", severity: .error,
        checks: Phrase("记录文件不超过 `max_record_size`（`site.yaml`，默认 4 MiB），其前置信息不超过 256 KiB",
                       en: "a record file is at most `max_record_size` (`site.yaml`, default 4 MiB), its front matter at most 256 KiB"),
        example: Phrase("文件大小为 5.2 MiB；记录不得超过 4 MiB（max_record_size；篇幅大的材料请放入附件）",
                        en: "the file is 5.2 MiB; records are limited to 4 MiB (max_record_size; put large material in an attachment)"))
    public static let fileSymlink = Rule(
        id: "file.symlink", severity: .error,
        checks: Phrase("`content/` 下的符号链接不指向站点根目录之外（此类链接从不跟随）；`templates/` 及其中的文件不是链接",
                       en: "no symbolic link under `content/` leads outside the site root (such links are never followed); `templates/` and its files are no links"),
        example: Phrase("符号链接指向站点根目录之外（/etc/passwd）；不予跟随",
                        en: "symbolic link leads outside the site root (to /etc/passwd); it is not followed"))
    public static let fileName = Rule(
        id: "file.name", severity: .error,
        checks: Phrase("`content/` 和 `templates/` 下的每个名称都是 UTF-8，不含控制字符或 `\\`，不超过 255 字节（NFC 形式亦然），所在路径不超过 4,095 字节",
                       en: "every name under `content/` and `templates/` is UTF-8 without control characters or `\\`, at most 255 bytes (in NFC too), in a path of at most 4,095 bytes"),
        example: Phrase("文件名含有控制字符（U+000A）；请重命名，此文件不予读取",
                        en: "the name holds a control character (U+000A); rename it, it is not read"))
    public static let fileNameClash = Rule(
        id: "file.name_clash", severity: .error,
        checks: Phrase("同一文件夹中没有两个名称在转为 Unicode 规范化形式 C（NFC）后相同",
                       en: "no two names in one folder are equal once both are in Unicode normalisation form C (NFC)"),
        example: Phrase("content/policies 中的 'café.md'（分解形式，非 NFC）与 'café.md'（预组合，NFC）只是字符的编码方式不同，在网上是同一个名称；请重命名或删除其中一个，两者均不予读取",
                        en: "'café.md' (decomposed, not NFC) and 'café.md' (precomposed, NFC) in content/policies differ only in how their characters are encoded; on the web they are one name. Rename or remove one; neither is read"))
    public static let fileSpecial = Rule(
        id: "file.special", severity: .error,
        checks: Phrase("`content/` 和 `templates/` 下的每一项都是普通文件、文件夹或指向它们的链接（不是命名管道、套接字或设备）",
                       en: "everything under `content/` and `templates/` is a regular file, a folder or a link to one (no named pipe, socket or device)"),
        example: Phrase("是命名管道（FIFO），不是普通文件或文件夹；不会打开它，请删除",
                        en: "is a named pipe (FIFO), not a regular file or folder; it is never opened. Remove it"))
    public static let fileAmbiguous = Rule(
        id: "file.ambiguous", severity: .error,
        checks: Phrase("`content/` 下名称以 `.md` 或 `.markdown`（不区分大小写）结尾的文件是记录；其他文件不以含 `disclosure` 字段的前置信息开头",
                       en: "a file under `content/` is a record when its name ends in `.md` or `.markdown` (any case); any other file does not open with front matter holding a `disclosure` key"),
        example: Phrase("此文件像记录一样以前置信息和 'disclosure'（公开方式） 字段开头，但文件名不以 .md 结尾，会被当作附件原样复制；如果它是记录，请改用 .md 命名；此文件不予发布",
                        en: "this file opens with front matter and a 'disclosure' (公开方式) key like a record, but is not named .md, so it would be copied verbatim as an attachment; if it is a record, name it .md; it is not published"))
    public static let sectionUnknown = Rule(
        id: "section.unknown", severity: .error,
        checks: Phrase("每个 Markdown 文件都在某个类型的栏目文件夹中（`policies/`、`budgets/`……或 `types/` 中类型声明指定的文件夹）",
                       en: "every Markdown file is inside the section folder of a type (`policies/`, `budgets/`, ... or one a declaration in `types/` names)"),
        example: Phrase("Markdown 文件不在栏目文件夹中；记录应放在 content/policies/、content/budgets/、…… 或 content/decisions/ 下",
                        en: "Markdown file outside a section folder; records belong under content/policies/, content/budgets/, ... or content/decisions/"))
    public static let attachmentOrphan = Rule(
        id: "attachment.orphan", severity: .warning,
        checks: Phrase("栏目文件夹中的非 Markdown 文件属于某条记录（其名称以记录的文件名主干加 `.`、`-` 或 `_` 开头）",
                       en: "a non-Markdown file in a section folder belongs to a record (its name starts with a record's file stem and `.`, `-` or `_`)"),
        example: Phrase("不属于任何记录，不会被复制；请按记录的文件名命名（STEM-附件.pdf）",
                        en: "file belongs to no record and is not copied; name it after its record (STEM-附件.pdf)"))
    public static let attachmentClash = Rule(
        id: "attachment.clash", severity: .error,
        checks: Phrase("附件与构建写出的页面不同名",
                       en: "an attachment does not have the name of a page the build writes"),
        example: Phrase("附件 'x.html' 会覆盖记录 'x' 的页面；请重命名",
                        en: "attachment 'x.html' would overwrite the page of record 'x'; rename it"))
    public static let attachmentNonPublic = Rule(
        id: "attachment.non_public", severity: .error,
        checks: Phrase("主动公开记录的附件不是非主动公开的记录的文件或附件的链接、硬链接或逐字节相同的副本，名称也不以非主动公开记录的文件名主干开头（不分大小写，其后无论是什么）",
                       en: "a public record's attachment is not a link to, a hard link of, nor a byte-identical copy of a non-public record's file or attachment, nor named like one (starting with a non-public record's file stem in any case, whatever follows)"),
        example: Phrase("'x.pdf'（公开记录 content/policies/x.md 的附件）与content/policies/secret-附件.pdf（非主动公开的记录 content/policies/secret.md 的附件）的内容完全相同；非主动公开的材料一律不得公开。请删除该附件，或换成可公开的版本",
                        en: "'x.pdf' has the same bytes as content/policies/secret-附件.pdf, material of the non-public record content/policies/secret.md; it is not published"))
    public static let attachmentListed = Rule(
        id: "attachment.listed", severity: .error,
        checks: Phrase("`attachments:` 的每个条目所指的文件只列出一次，只写文件名，且是记录或页面所在文件夹中的普通文件（不是链接），既不是记录，也不是其他记录的附件",
                       en: "each file an `attachments:` entry names is listed once, by its name alone, and is a regular file (not a link) of the record's or page's own folder that is no record and no other record's attachment"),
        example: Phrase("'附件1.pdf' 列为附件，但 content/policies/2024/ 中没有这个文件",
                        en: "'附件1.pdf' is listed as an attachment, but there is no such file in content/policies/2024/"))
    public static let outputClash = Rule(
        id: "output.clash", severity: .error,
        checks: Phrase("`content/` 下的任何内容都不会写到构建写出其他内容的位置：与页面同名的文件夹（`x.md` 旁的 `x.html/`），与列表页或年度归档同名的附件或页面（栏目顶层的 `index.html`、`page-N.html`、`year-NNNN.html`、`year-NNNN-page-N.html`）",
                       en: "nothing under `content/` would be written where the build writes something else: a folder named like a page (`x.html/` beside `x.md`), an attachment or page named like a list page or a year archive (`index.html`, `page-N.html`, `year-NNNN.html`, `year-NNNN-page-N.html` at a section's top)"),
        example: Phrase("文件夹 content/policies/x.html 在站点中会写为 policies/x.html/，而该位置要写入content/policies/x.md 的页面；请重命名该文件夹",
                        en: "the folder content/policies/x.html would be written as policies/x.html/, where the page of content/policies/x.md goes; rename the folder"))

    // MARK: Front matter
    public static let frontMatterMissing = Rule(
        id: "front_matter.missing", severity: .error,
        checks: Phrase("记录以一行 `---` 开头",
                       en: "a record starts with a line `---`"),
        example: Phrase("记录没有以开启前置信息的 '---' 行开头",
                        en: "the record does not start with a '---' line opening its front matter"))
    public static let frontMatterUnterminated = Rule(
        id: "front_matter.unterminated", severity: .error,
        checks: Phrase("前置信息以第二个 `---` 行结束",
                       en: "the front matter is closed by a second `---` line"),
        example: Phrase("此处开启的前置信息没有用 '---' 行结束",
                        en: "the front matter opened here is never closed by a '---' line"))
    public static let frontMatterSyntax = Rule(
        id: "front_matter.syntax", severity: .error,
        checks: Phrase("前置信息是有效的 YAML",
                       en: "the front matter is valid YAML"),
        example: Phrase("YAML 语法错误：此处不能再开始一个字段（值中含有 ': ' 时，请给整个值加上引号）",
                        en: "YAML syntax error: mapping values are not allowed in this context"))
    public static let frontMatterDuplicateKey = Rule(
        id: "front_matter.duplicate_key", severity: .error,
        checks: Phrase("同一映射中没有重复的字段",
                       en: "no key appears twice in one mapping"),
        example: Phrase("字段 'title' 重复（第一次出现在第 2 行）；同一映射中一个字段只能出现一次",
                        en: "duplicate key 'title' (first at line 2); a key may appear only once"))
    public static let frontMatterKeyTag = Rule(
        id: "front_matter.key_tag", severity: .error,
        checks: Phrase("字段名不带 YAML 标签（`!x key:`、`? !x key`）；字段只按其文本比较",
                       en: "no key carries a YAML tag (`!x key:`, `? !x key`); keys are compared by their text alone"),
        example: Phrase("字段 'disclosure' 带有 YAML 标签 '!x'；字段名是纯文本，只按文字比较：请删除标签",
                        en: "the key 'disclosure' carries the YAML tag '!x'; a key is plain text: remove the tag"))
    public static let frontMatterNotMapping = Rule(
        id: "front_matter.not_mapping", severity: .error,
        checks: Phrase("前置信息是字段到值的映射",
                       en: "the front matter is a mapping of keys to values"),
        example: Phrase("前置信息必须是由 'key: value' 行组成的映射，但它是列表",
                        en: "the front matter must be a mapping of 'key: value' lines, not a sequence"))
    public static let frontMatterTooComplex = Rule(
        id: "front_matter.too_complex", severity: .error,
        checks: Phrase("前置信息不超出限制（嵌套深度 32，展开别名后 20,000 个值）",
                       en: "the front matter stays within the limits (nesting depth 32, 20,000 values after alias expansion)"),
        example: Phrase("前置信息展开后超过 20000 个值（别名展开？），不予接受",
                        en: "the front matter expands to more than 20000 values (alias expansion?); refused"))

    // MARK: Fields of a record
    public static let recordRequired = Rule(
        id: "record.required", severity: .error,
        checks: Phrase("记录所属类型的每个必填字段都已给出且不为空",
                       en: "every required field of the record's type is present and not empty"),
        example: Phrase("缺少必填字段 'publisher'（发布机构）",
                        en: "missing required field 'publisher' (发布机构)"))
    public static let recordType = Rule(
        id: "record.type", severity: .error,
        checks: Phrase("字段的类型和取值符合格式的规定",
                       en: "a field has the type and one of the values the format allows"),
        example: Phrase("'disclosure'（公开方式） 必须是 proactive, on-request, withheld（主动公开、依申请公开、不予公开）之一，不能是 'public'",
                        en: "'disclosure' (公开方式) must be one of proactive, on-request, withheld (主动公开, 依申请公开, 不予公开), not 'public'"))
    public static let recordDate = Rule(
        id: "record.date", severity: .error,
        checks: Phrase("日期是按 YYYY-MM-DD 书写的真实日期，且 `published`/`modified` 不早于 `created`",
                       en: "a date is a real calendar date written YYYY-MM-DD, and `published`/`modified` are not before `created`"),
        example: Phrase("'created'（成文日期） 必须是按 YYYY-MM-DD 写的日期，不能是 '2012-3-1'",
                        en: "'created' (成文日期) must be a date written YYYY-MM-DD, not '2012-3-1'"))
    public static let recordRange = Rule(
        id: "record.range", severity: .error,
        checks: Phrase("数值在其范围内（年份 1949–2100，金额和计数 0 至 10^12：规则计算的任何和或差都不会溢出）",
                       en: "numbers are within their range (years 1949–2100, amounts and counts from 0 to 10^12: no sum or difference the rules compute can overflow)"),
        example: Phrase("'fiscal_year'（年度） 必须在 1949 至 2100 之间，不能是 3012",
                        en: "'fiscal_year' (年度) must be between 1949 and 2100, not 3012"))
    public static let recordLength = Rule(
        id: "record.length", severity: .error,
        checks: Phrase("`title` 不超过 200 个字符",
                       en: "`title` is at most 200 characters"),
        example: Phrase("'title'（名称）有 215 个字符；最多允许 200 个",
                        en: "'title' (名称) has 215 characters; at most 200 are allowed"))
    public static let recordControlCharacter = Rule(
        id: "record.control_character", severity: .error,
        checks: Phrase("值和正文中没有页面和订阅源无法承载的控制字符（除制表符和换行符外的 C0、DEL、C1），单行值（标题、发布机构、摘要和多行字段以外的任何文本）中没有制表符或换行符",
                       en: "no value or body holds a control character (C0 but tab and line ends, DEL, C1), which pages and feeds cannot carry, and a one-line value (a title, a publisher, any text but a summary or a multi-line field) holds no tab or line break"),
        example: Phrase("'title'（名称）含有控制字符 U+0000（值的第 5 个字符）；请删除",
                        en: "'title' (名称) holds the control character U+0000 (character 5 of its value); remove it"))
    public static let recordDateRange = Rule(
        id: "record.date_range", severity: .error,
        checks: Phrase("记录或页面的每个日期都在 1949-10-01（没有早于中华人民共和国成立的公开记录）至 2100-12-31 之间，与年份的范围一致",
                       en: "every date of a record or page lies from 1949-10-01 (no disclosure record is older than the PRC) to 2100-12-31, as years do"),
        example: Phrase("'created'（成文日期） 0999-01-01 不是合理的日期；日期应在 1949-10-01 至 2100-12-31 之间",
                        en: "'created' (成文日期) 0999-01-01 is not a plausible date; dates run from 1949-10-01 to 2100-12-31"))
    public static let recordInvisibleCharacter = Rule(
        id: "record.invisible_character", severity: .warning,
        checks: Phrase("记录或页面的文本值中没有页面显示不出的不可见格式字符（U+200B–U+200F、U+2028/9、U+202A–U+202E、U+2060–U+2064、U+FEFF）",
                       en: "no text value of a record or page holds an invisible format character (U+200B–U+200F, U+2028/9, U+202A–U+202E, U+2060–U+2064, U+FEFF), which pages show as nothing"),
        example: Phrase("'title'（名称） 的值在第 3 个字符处含有不可见字符 U+200B（ZERO WIDTH SPACE）；请删除",
                        en: "'title' (名称) holds the invisible character U+200B (ZERO WIDTH SPACE) at character 3 of its value; remove it"))
    public static let recordInvisibleIdentity = Rule(
        id: "record.invisible_identity", severity: .error,
        checks: Phrase("`publisher`、`topic`、`index_number` 和 `document_number` 中没有不可见格式字符：它会把一个目录分类或标识分成看起来相同的两个",
                       en: "`publisher`, `topic`, `index_number` and `document_number` hold no invisible format character: it would split a catalog facet or an identity into two that look the same"),
        example: Phrase("'publisher'（发布机构） 的值在第 6 个字符处含有不可见字符 U+200B（ZERO WIDTH SPACE）；它会造成另一个看起来相同的 'publisher'（发布机构）：请删除",
                        en: "'publisher' (发布机构) holds the invisible character U+200B (ZERO WIDTH SPACE) at character 6 of its value; it would make a second 发布机构 that looks the same: remove it"))
    public static let recordIDNumber = Rule(
        id: "record.id_number", severity: .error,
        checks: Phrase("主动公开的记录的标题、摘要、发布机构、字段、正文、附件名称和标题以及文件名中，没有看似公民身份号码的内容（18 位，含出生日期，末位为数字或 X；或旧的 15 位数字；可含空格）",
                       en: "no public record holds what reads as a citizen's ID number (公民身份号码: 18 characters with a birth date, the last a digit or X, or the old 15 digits, spaces allowed) in its title, summary, publisher, fields, body, attachment names and titles or file name"),
        example: Phrase("'summary'（内容概述）含有疑似身份证号码（4501**************）；自然人的身份证号码一律不得公开：请删除",
                        en: "'summary' (摘要) holds what reads as an ID number (4501**************); a natural person's ID number is never published"))
    public static let recordUnknownKey = Rule(
        id: "record.unknown_key", severity: .warning,
        checks: Phrase("每个字段都是格式已知的字段（拼写错误会提示最接近的已知字段）",
                       en: "every key is one the format knows (a typo is caught with the nearest known key)"),
        example: Phrase("未知字段 'pubished'；是否应为 'published'（发布日期）？",
                        en: "unknown key 'pubished'; did you mean 'published' (发布日期)?"))
    public static let recordPlaceholder = Rule(
        id: "record.placeholder", severity: .error,
        checks: Phrase("没有残留 `disclose new` 留下的占位符（`<待填写 …>`）",
                       en: "no placeholder left by `disclose new` (`<待填写 …>`) remains"),
        example: Phrase("'title'（名称） 仍是占位内容 '<待填写 名称 / title>'；请填写",
                        en: "'title' (名称) still holds the placeholder '<待填写 名称 / title>'; fill it in"))
    public static let markdownTooComplex = Rule(
        id: "markdown.too_complex", severity: .error,
        checks: Phrase("正文不超出能在有限时间和内存内渲染的范围：200,000 个 Markdown 元素，每段 5,000 个标记字符，每个表格行 500 个单元格，嵌套深度 32",
                       en: "a body stays within what renders in bounded time and memory: 200,000 Markdown elements, 5,000 markup characters per paragraph, 500 cells per table row, nesting depth 32"),
        example: Phrase("该表格行有 4812 个单元格；最多呈现 500 个（请拆分表格，或改为电子表格附件）",
                        en: "this table row has 4812 cells; at most 500 are rendered (split the table, or attach it as a spreadsheet)"))
    public static let recordTopic = Rule(
        id: "record.topic", severity: .error,
        checks: Phrase("`site.yaml` 列出 `topics` 时，记录的 `topic`（主题分类）是其中之一（会提示最接近的一个）",
                       en: "when `site.yaml` lists `topics`, a record's `topic` (主题分类) is one of them (the nearest is suggested)"),
        example: Phrase("'topic'（主题分类）'财政预算' 不在 'site.yaml' 的 topics 中；是否应为 '财政预决算'？",
                        en: "'topic' (主题分类) '财政预算' is not in site.yaml's topics; did you mean '财政预决算'?"))
    public static let slugInvalid = Rule(
        id: "slug.invalid", severity: .error,
        checks: Phrase("slug（未给出 slug 时为文件名）符合 `[a-z0-9][a-z0-9-]*`，不超过 80 个字符",
                       en: "the slug (or the file name, when no slug is given) matches `[a-z0-9][a-z0-9-]*`, at most 80 characters"),
        example: Phrase("文件名 'Policy 1' 不是有效的页面名；请重命名文件或设置 'slug'（小写字母 a-z、数字和 '-'，最多 80 个字符）",
                        en: "file name 'Policy 1' is not a valid slug; set 'slug' (lower-case letters, digits, '-') or rename the file"))
    public static let slugReserved = Rule(
        id: "slug.reserved", severity: .error,
        checks: Phrase("slug（或文件名）不是构建在该文件夹中自己写出的页面名（栏目文件夹中的 `index`、`page-N`、`year-NNNN`、`year-NNNN-page-N`）",
                       en: "the slug (or the file name) is not a page the build writes itself in that folder (`index`, `page-N`, `year-NNNN`, `year-NNNN-page-N` in a section folder)"),
        example: Phrase("'slug' 'index' 是构建在 policies/ 中写出的页面名（栏目的列表页为 index.html、page-2.html……，年度归档为 year-2024.html、year-2024-page-2.html……）；请另选一个 slug",
                        en: "'slug' 'index' is the name of a page the build writes in policies/ (the section's list pages are index.html, page-2.html, ...); choose another slug"))
    public static let slugDuplicate = Rule(
        id: "slug.duplicate", severity: .error,
        checks: Phrase("同一文件夹中的两条记录不共用一个 slug（否则会共用一个页面）",
                       en: "two records of one folder do not share a slug (they would share a page)"),
        example: Phrase("页面名 'nfb-2012-15' 已被同一文件夹中的 content/policies/b.md 使用；两者都会写到 policies/nfb-2012-15.html。请另设 'slug'",
                        en: "slug 'nfb-2012-15' is also used by content/policies/b.md; pages would collide"))
    public static let indexNumberDuplicate = Rule(
        id: "index_number.duplicate", severity: .error,
        checks: Phrase("索引号在整个站点中唯一",
                       en: "an index number (索引号) is unique across the whole site"),
        example: Phrase("索引号 '000014349/2012-00015' 已被 content/policies/b.md:3 使用；索引号在全站必须唯一",
                        en: "index number '000014349/2012-00015' is also used by content/policies/b.md:3"))
    public static let indexNumberPattern = Rule(
        id: "index_number.pattern", severity: .error,
        checks: Phrase("设置了 `site.yaml` 的 `index_number_pattern` 时，索引号与之匹配",
                       en: "an index number matches `site.yaml`'s `index_number_pattern`, when one is set"),
        example: Phrase("索引号 'ABC' 不符合站点的 index_number_pattern '^[0-9A-Z]{9,18}/\\d{4}-\\d{5}$'",
                        en: "index number 'ABC' does not match the site's index_number_pattern '^[0-9A-Z]{9,18}/\\d{4}-\\d{5}$'"))
    public static let publisherUnknown = Rule(
        id: "publisher.unknown", severity: .error,
        checks: Phrase("`site.yaml` 列出 `publishers` 时，记录或页面的 `publisher`（发布机构）是其中某个机构的全称（会提示最接近的一个）",
                       en: "when `site.yaml` lists `publishers`, a record's or page's `publisher` (发布机构) is one of their full names (the nearest is suggested)"),
        example: Phrase("'publisher'（发布机构）'明湖区财政' 不在 'site.yaml' 的 publishers 中；是否应为 '明湖区财政局'？",
                        en: "'publisher' (发布机构) '明湖区财政' is not in site.yaml's publishers; did you mean '明湖区财政局'?"))
    public static let indexNumberPublisher = Rule(
        id: "index_number.publisher", severity: .error,
        checks: Phrase("`site.yaml` 列出 `publishers` 时，索引号以其发布机构的 `code` 和 `/` 开头",
                       en: "when `site.yaml` lists `publishers`, an index number starts with its publisher's `code` and a `/`"),
        example: Phrase("索引号 '11450100MB0000003C/2024-00007' 以 '11450100MB0000003C' 开头，但其发布机构明湖区市场监督管理局的代码是 '11450100MB0000005E'（'site.yaml' 第 40 行）；应写作 11450100MB0000005E/YYYY-NNNNN",
                        en: "index number (索引号) '11450100MB0000003C/2024-00007' starts with '11450100MB0000003C', but its publisher 明湖区市场监督管理局's code is '11450100MB0000005E' (site.yaml line 40); write 11450100MB0000005E/YYYY-NNNNN"))
    public static let indexNumberYear = Rule(
        id: "index_number.year", severity: .error,
        checks: Phrase("`site.yaml` 列出 `publishers` 时，索引号写作 `CODE/YYYY-NNNNN`，其年份是 `created`（成文日期）的年份，设置 `index_number_year: published` 时是 `published` 的年份",
                       en: "when `site.yaml` lists `publishers`, an index number reads `CODE/YYYY-NNNNN` and its year is the year of `created` (成文日期), or of `published` with `index_number_year: published`"),
        example: Phrase("索引号 '11450100MB0000005E/2099-00007' 属于 2099 年，但'created'（成文日期）为 2024-03-01（index_number_year: created）；该索引号应属于 2024 年",
                        en: "index number (索引号) '11450100MB0000005E/2099-00007' is of the year 2099, but 'created' (成文日期) is 2024-03-01 (index_number_year: created); the number belongs to 2024"))
    public static let indexNumberSequence = Rule(
        id: "index_number.sequence", severity: .error,
        checks: Phrase("`site.yaml` 列出 `publishers` 时，顺序号至少为 1，且每个发布机构每年只用一次，无论记录是否主动公开（`00012` 与 `0012` 是同一个编号）",
                       en: "when `site.yaml` lists `publishers`, a sequence number is at least 1 and used once per publisher and year, public or not (`00012` and `0012` are one number)"),
        example: Phrase("明湖区财政局（11450100MB0000003C） 2024 年的顺序号 12 已被 content/budgets/a.md:3 使用（'11450100MB0000003C/2024-00012'）；'disclose new TYPE SLUG --publisher 明湖区财政局' 会给出下一个可用的顺序号",
                        en: "sequence number 12 of 11450100MB0000003C in 2024 is also used by content/budgets/a.md:3 ('11450100MB0000003C/2024-00012'); 'disclose new --publisher 明湖区财政局' gives the next free one"))
    public static let disclosureWithheldReason = Rule(
        id: "disclosure.withheld_reason", severity: .error,
        checks: Phrase("当且仅当 `disclosure` 为 `withheld` 时给出 `withheld_reason`",
                       en: "`withheld_reason` is given exactly when `disclosure` is `withheld`"),
        example: Phrase("不予公开的记录必须填写 'withheld_reason'（不予公开理由），即不予公开的法定理由",
                        en: "a withheld record must give 'withheld_reason' (不予公开理由), the legal reason it is withheld"))
    public static let reviewAfterPublication = Rule(
        id: "review.after_publication", severity: .error,
        checks: Phrase("保密审查的日期不晚于发布日期（先审查后公开）",
                       en: "the confidentiality review (保密审查) is dated on or before publication (先审查后公开)"),
        example: Phrase("审查日期 2012-03-05 晚于发布日期 2012-03-01；保密审查应在发布之前（先审查后公开）",
                        en: "review date 2012-03-05 is after the publication date 2012-03-01; review comes before publication (先审查后公开)"))
    public static let timelinessLate = Rule(
        id: "timeliness.late", severity: .warning,
        checks: Phrase("主动公开的记录在 `created` 或更晚的 `modified` 之后的站点工作日时限（默认 20 个）内发布",
                       en: "a proactive record is published within the site's working-day limit (default 20) of `created` or a later `modified`"),
        example: Phrase("2012-02-20 发布，距 'created' 2012-01-05 已 25 个工作日；时限为 20 个工作日（最迟 2012-02-13）",
                        en: "published 2012-02-20, 25 working days after 2012-01-05; the limit is 20 working days (due 2012-02-13)"))
    public static let timelinessAcknowledged = Rule(
        id: "timeliness.acknowledged", severity: .note,
        checks: Phrase("记录以 `late_reason` 说明了的逾期发布仍会列出（不会使 `--strict` 失败）；未逾期的记录写了 `late_reason` 则是警告",
                       en: "a late publication its record acknowledges with `late_reason` is still named (it does not fail `--strict`); a `late_reason` on a record that is not late is a warning"),
        example: Phrase("2012-02-20 发布，距 'created' 2012-01-05 已 25 个工作日；时限为 20 个工作日（最迟 2012-02-13）；已说明逾期理由（late_reason）：待上级批复后公开",
                        en: "published 2012-02-20, 25 working days after 2012-01-05; the limit is 20 working days (due 2012-02-13); acknowledged (late_reason): 待上级批复后公开"))
    public static let recordTyping = Rule(
        id: "record.typing", severity: .warning,
        checks: Phrase("文号的年份写在 〔〕 中（不是 []、【】 或 ()），索引号中没有全角斜线 ／",
                       en: "a 文号 writes its year in 〔〕 (not [], 【】 or ()), and a 索引号 has no full-width solidus ／"),
        example: Phrase("'document_number'（文号）'明政办发[2012]8号' 把年份写在 '[]' 中；文号的年份应使用六角括号 〔〕：请写作 明政办发〔2012〕8号",
                        en: "'document_number' (文号) '明政办发[2012]8号' puts its year in '[]'; a 文号 writes it in 六角括号 〔〕: write 明政办发〔2012〕8号"))
    public static let calendarYearUnknown = Rule(
        id: "calendar.year_unknown", severity: .warning,
        checks: Phrase("只在法定节假日已知的年份中计算工作日：内置日历（2008–2026）或 `site.yaml` 的 `calendar` 中有该年日期的年份；每年只提示一次，在该年发布的第一条记录处",
                       en: "working days are counted only in years whose holidays are known: the built-in calendar (2008–2026) or a date of the year in `site.yaml`'s `calendar`; once per year, at the first record published in it"),
        example: Phrase("2027 年的工作日按周一至周五计算：内置的节假日日历只覆盖 2008–2026 年，'site.yaml' 的 'calendar' 中也没有 2027 年的日期；请在 'calendar.holidays' 中添加该年的法定节假日，在 'calendar.workdays' 中添加其调休上班日",
                        en: "working days in 2027 are counted Monday to Friday: the built-in holiday calendar covers 2008–2026 and site.yaml's 'calendar' lists no date of 2027; add that year's 节假日 to 'calendar.holidays' and its 调休 to 'calendar.workdays'"))
    public static let recordScheduled = Rule(
        id: "record.scheduled", severity: .note,
        checks: Phrase("`published` 晚于基准日期（`--as-of`，或 `time_zone` 中的今天）的主动公开记录，在该日之前不出现在任何输出中",
                       en: "a proactive record whose `published` is after the as-of date (`--as-of`, or today in `time_zone`) is held back from every output until that day"),
        example: Phrase("定时发布：发布日期 2027-01-05 晚于基准日期 2026-12-02；此记录待发布，在 2027-01-05 之前不生成页面、列表项、目录行、搜索条目、站点地图或订阅条目",
                        en: "scheduled: published 2027-01-05 is after the as-of date 2026-12-02; the record is held back (no page, list entry, catalog row, search entry, sitemap or feed entry) until 2027-01-05"))

    // MARK: Per type
    public static let policyRepealedBy = Rule(
        id: "policy.repealed_by", severity: .error,
        checks: Phrase("`status: repealed`（废止）的政策文件在 `repealed_by` 中说明被什么废止（某条记录的索引号，或站外文件的文号和标题），且只有这样的政策文件才有 `repealed_by`",
                       en: "a policy with `status: repealed` (废止) says what repealed it in `repealed_by` (a record's 索引号, or the 文号 and title of a document outside the site), and only such a policy has `repealed_by`"),
        example: Phrase("'status' 为 repealed（废止），但 'repealed_by' 没有写明由什么废止：请填写该记录的索引号，站点之外的文件请写 {document_number: …, title: …}",
                        en: "'status' is repealed (废止) but 'repealed_by' does not say what repealed it: give the index number (索引号) of the repealing record, or {document_number: …, title: …} for a document outside the site"))
    public static let policyAmendedBy = Rule(
        id: "policy.amended_by", severity: .error,
        checks: Phrase("`status: amended`（已修改）的政策文件在 `amended_by` 中说明被什么修改（写法同 `repealed_by`），且只有这样的政策文件才有 `amended_by`",
                       en: "a policy with `status: amended` (已修改) says what amended it in `amended_by` (as `repealed_by`), and only such a policy has `amended_by`"),
        example: Phrase("'status' 为 amended（已修改），但 'amended_by' 没有写明由什么修改",
                        en: "'status' is amended (已修改) but 'amended_by' does not say what amended it"))
    public static let policyEffectiveDates = Rule(
        id: "policy.effective_dates", severity: .error,
        checks: Phrase("政策文件的有效期至（`effective_until`）不早于施行日期（`effective_from`）",
                       en: "a policy's 有效期至 (`effective_until`) is not before its 施行日期 (`effective_from`)"),
        example: Phrase("'effective_until'（有效期至）2023-12-31 早于 'effective_from'（施行日期）2024-01-01",
                        en: "'effective_until' (有效期至) 2023-12-31 is before 'effective_from' (施行日期) 2024-01-01"))
    public static let referenceUnknown = Rule(
        id: "reference.unknown", severity: .error,
        checks: Phrase("对其他记录的引用（`interprets`、`repealed_by`、`amended_by`）所写的索引号属于某条记录，且不是记录本身",
                       en: "a reference to another record (`interprets`, `repealed_by`, `amended_by`) names an index number (索引号) some record has, and not the record itself"),
        example: Phrase("'interprets'（解读的文件） 写的索引号 '11450100MB0000001A/2024-00099' 不属于任何记录",
                        en: "'interprets' (解读的文件) names index number '11450100MB0000001A/2024-00099', which no record has"))
    public static let referenceNotPublic = Rule(
        id: "reference.not_public", severity: .error,
        checks: Phrase("主动公开的记录只引用主动公开的记录：页面从不显示、链接或提及非主动公开的记录",
                       en: "a public record refers only to public records: a page never shows, links or names a record that is not 主动公开"),
        example: Phrase("'interprets'（解读的文件） 指向的 '11450100MB0000001A/2024-00099'（content/policies/x.md）不是主动公开的记录；公开的页面不能提及它",
                        en: "'interprets' (解读的文件) names '11450100MB0000001A/2024-00099' (content/policies/x.md), which is not public; a public page cannot name it"))
    public static let referenceScheduled = Rule(
        id: "reference.scheduled", severity: .error,
        checks: Phrase("主动公开的记录不引用因定时发布而暂不发布的记录（其 `published` 晚于基准日期）：在该日之前该记录不是公开的，其索引号、文号或有效性会出现在公开页面和 catalog.json 中",
                       en: "a public record does not refer to a record held back by scheduled publishing (its `published` after the as-of date): until that day the record is not public, and its 索引号, 文号 or 有效性 would reach the public page and catalog.json"),
        example: Phrase("'amended_by'（修改文件） 指向的'11450100MB0000001A/2027-00003'（content/policies/x.md）定于 2027-01-05 发布；公开的记录在该日之前不能提及它（请在该日再写这一引用，或将本记录也设为定时发布）",
                        en: "'amended_by' (修改文件) names '11450100MB0000001A/2027-00003' (content/policies/x.md), which is scheduled for 2027-01-05; a public record cannot name it before that day (write the reference on that day, or schedule this record too)"))
    public static let referenceType = Rule(
        id: "reference.type", severity: .error,
        checks: Phrase("引用所指的记录属于其字段声明的类型（`refers_to`）：政策解读的 `interprets` 指向政策文件",
                       en: "a reference names a record of the type its field declares (`refers_to`): a 政策解读's `interprets` names a policy"),
        example: Phrase("'interprets'（解读的文件） 指向的 '11450100MB0000005E/2024-00011'（content/guides/x.md）是 guide（办事指南），而不是 policy（政策文件）",
                        en: "'interprets' (解读的文件) names '11450100MB0000005E/2024-00011' (content/guides/x.md), a guide (办事指南), not a policy (政策文件)"))
    public static let referenceDocumentNumber = Rule(
        id: "reference.document_number", severity: .warning,
        checks: Phrase("以站外文件形式（`{document_number, title}`）写的引用，不写本站主动公开记录的文号：本站的记录以索引号引用，两个页面互相链接（非主动公开的记录由 `reference.not_public` 检查）",
                       en: "a reference in the outside-document form (`{document_number, title}`) does not name the 文号 of a public record of the site, which its 索引号 names with links both ways (a non-public one is `reference.not_public`)"),
        example: Phrase("'repealed_by'（废止文件） 写的文号 '明政发〔2025〕3号' 是本站 content/policies/x.md 的文号；请改写其索引号（11450100MB0000001A/2025-00006），使两个页面互相链接",
                        en: "'repealed_by' (废止文件) names 文号 '明政发〔2025〕3号', the 文号 of content/policies/x.md on this site; write its index number (11450100MB0000001A/2025-00006) instead, so both pages link to each other"))
    public static let referenceCircle = Rule(
        id: "reference.circle", severity: .error,
        checks: Phrase("记录之间不循环废止或修改（A 的 `repealed_by` 是 B，B 的 `repealed_by` 是 A）",
                       en: "records do not repeal or amend each other in a circle (A `repealed_by` B and B `repealed_by` A)"),
        example: Phrase("'repealed_by'（废止文件） 指向的 content/policies/b.md 本身又被本记录（直接或经由其他记录）废止或修改；一份文件不能终止使其自身失效的那份文件的效力",
                        en: "'repealed_by' (废止文件) names content/policies/b.md, which is itself repealed or amended by this record (directly or through others); a document cannot end the force of the one that ends its own"))
    public static let interpretationLate = Rule(
        id: "interpretation.late", severity: .warning,
        checks: Phrase("政策解读在其政策文件发布后 `interpretation_working_days`（默认 3）个工作日内发布（三同步）",
                       en: "a 政策解读 is published within `interpretation_working_days` (default 3) working days of its policy (三同步)"),
        example: Phrase("2024-03-12 发布，距其政策文件（content/policies/x.md，2024-03-04 发布）已 6 个工作日；三同步要求最多 3 个工作日（interpretation_working_days；最迟 2024-03-07）",
                        en: "published 2024-03-12, 6 working days after its policy (published 2024-03-04); 三同步 asks for at most 3 working days (due 2024-03-07)"))
    public static let budgetLinesSum = Rule(
        id: "budget.lines_sum", severity: .error,
        checks: Phrase("预算各行金额之和等于 `totals.expenditure`（精确到 0.01）",
                       en: "budget line amounts add up to `totals.expenditure` (to 0.01)"),
        example: Phrase("lines（支出明细）合计为 1180.50，但 totals.expenditure（支出总计）为 1200.00（相差 -19.50）",
                        en: "the lines add up to 1180.50 but totals.expenditure is 1200.00 (difference -19.50)"))
    public static let guideTimeLimit = Rule(
        id: "guide.time_limit", severity: .error,
        checks: Phrase("办事指南的承诺天数大于 0 且不超过法定天数",
                       en: "a guide's promised days are more than 0 and at most its statutory days"),
        example: Phrase("promised_days（承诺时限）25 超过 statutory_days（法定时限）20；承诺时限不得超过法定时限",
                        en: "promised_days (承诺时限) 25 is more than statutory_days (法定时限) 20"))
    public static let reportStatisticsBalance = Rule(
        id: "report.statistics.balance", severity: .error,
        checks: Phrase("年度报告的表格按申请人各列平衡：本年新收 + 上年结转 = 办理结果总计 + 结转下年度；一行的总计 = 各申请人列之和；填写的办理结果总计 = 各项理由之和；表四的每个总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
                       en: "an annual report's tables add up, per applicant column: 本年新收 + 上年结转 = 办理结果总计 + 结转下年度; a row's 总计 = the sum of its applicant columns; a written outcome total = the sum of its reasons; each 总计 of table 四 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结"),
        example: Phrase("自然人 列不平衡：本年新收 30 + 上年结转 2 = 32，而 办理结果总计 29 + 结转下年度继续办理 2 = 31（两者必须相等）",
                        en: "column 自然人 does not balance: 本年新收 30 + 上年结转 2 = 32, but 办理结果总计 29 + 结转下年度继续办理 2 = 31 (the two must be equal)"))
    public static let decisionPartyPrivacy = Rule(
        id: "decision.party_privacy", severity: .error,
        checks: Phrase("决定的自然人当事人只显示姓氏，名字的每个字都加以遮蔽（张某某、欧阳某某、李*、张某某等3人）",
                       en: "a decision's natural-person party (自然人) is shown by surname only, each given-name character masked (张某某, 欧阳某某, 李*, 张某某等3人)"),
        example: Phrase("自然人的 'party'（行政相对人）只能显示姓氏，名字的每个字都要隐去（如 张某某、欧阳某某、李*、张某某等3人），不能是 '张三'",
                        en: "'party' (行政相对人) of a natural person (自然人) must show the surname only, with the given name masked (e.g. 张某某), not '张三'"))
    public static let typeDeclaration = Rule(
        id: "type.declaration", severity: .error,
        checks: Phrase("`types/` 中的类型声明格式正确：字段名和字段类别已知，没有重复的字段，也没有与通用字段重名的字段，所用文件夹不被其他类型或输出占用，具备其规则集所需的字段",
                       en: "a type declaration in `types/` is well formed: known keys and kinds, no duplicate or common field keys, a folder no other type or output uses, the fields its rule sets need"),
        example: Phrase("字段 'kind' 的类别 'choice' 未知；可用的类别：text, multiline_text, date, number, amount, enum, text_list, group, table, reference, publisher, report_statistics",
                        en: "field 'kind' has an unknown kind 'choice'; kinds: text, multiline_text, date, number, amount, enum, text_list, group, table, reference, publisher, report_statistics"))
    public static let reportDeadline = Rule(
        id: "report.deadline", severity: .error,
        checks: Phrase("年度报告在 `year` 的次年截止日期前发布：有 `publishers` 时按发布机构的 `kind`，部门为 01-31，人民政府为 03-31（条例 第四十九条）；没有时按 `report_deadline`（默认 03-31）",
                       en: "an annual report is published by its deadline in the year after `year`: with `publishers`, 01-31 for a 部门 and 03-31 for a 人民政府 (条例 第四十九条), from its publisher's `kind`; without, `report_deadline` (default 03-31)"),
        example: Phrase("2012 年度报告于 2013-04-02 发布，晚于公布期限 2013-03-31",
                        en: "the 2012 report was published 2013-04-02, after its deadline 2013-03-31"))
    public static let reportDuplicate = Rule(
        id: "report.duplicate", severity: .error,
        checks: Phrase("每个发布机构每年只有一份年度报告，无论是否主动公开",
                       en: "one annual report per publisher and year, public or not"),
        example: Phrase("明湖区财政局 已有 2024 年的年度报告：content/reports/czj-2024.md:2；一个发布机构每年只发布一份年度报告",
                        en: "明湖区财政局 already has a report for 2024: content/reports/czj-2024.md:2; a publisher publishes one annual report a year"))
    public static let reportStatisticsShape = Rule(
        id: "report.statistics.shape", severity: .error,
        checks: Phrase("年度报告的 `statistics` 按全国统一格式的表格填写：表三每行七个数（六个申请人列和总计），行政诉讼分为 `direct` 和 `after_review`；旧格式由 `disclose migrate-report` 改写",
                       en: "an annual report's `statistics` follow the national format's tables: each row of table 三 seven numbers (six applicant columns and 总计), 行政诉讼 as `direct` and `after_review`; the earlier shape is rewritten by `disclose migrate-report`"),
        example: Phrase("统计数据仍是全国统一格式增加申请人列（国办公开办函〔2021〕30号）之前的形式；请运行 'disclose migrate-report FILE' 改写，所有数字都会保留",
                        en: "statistics are in the shape before the national format's applicant columns (国办公开办函〔2021〕30号); run 'disclose migrate-report FILE' to rewrite them, every number kept"))
    public static let reportYear = Rule(
        id: "report.year", severity: .error,
        checks: Phrase("年度报告的 `year` 早于其发布年份",
                       en: "an annual report's `year` is before the year it is published"),
        example: Phrase("'year'（报告年度）为 2025，但报告发布于 2025-01-24；一个年度结束之后才能报告该年度",
                        en: "'year' (报告年度) is 2025, but the report was published 2025-01-24; a year is reported on after it ends"))
    public static let reportSections = Rule(
        id: "report.sections", severity: .error,
        checks: Phrase("年度报告的正文按全国统一格式的标题依次写出文字：`## 一、总体情况`、`## 五、存在的主要问题及改进情况` 和 `## 六、其他需要报告的事项`（二至四可省略：表格自动生成）",
                       en: "an annual report's body gives its text under the national format's headings, in order: `## 一、总体情况`, `## 五、存在的主要问题及改进情况` and `## 六、其他需要报告的事项` (二 to 四 are optional: the tables are generated)"),
        example: Phrase("正文缺少标题 '## 五、存在的主要问题及改进情况'；全国统一格式把第一、五、六部分的文字放在各自的标题下",
                        en: "the body has no heading '## 五、存在的主要问题及改进情况'; the national format places the text of sections 一, 五 and 六 under their headings"))
    public static let reportSectionTable = Rule(
        id: "report.section_table", severity: .warning,
        checks: Phrase("年度报告的正文在 `## 二、…`、`## 三、…` 或 `## 四、…` 下不写表格（Markdown 的 `|` 行或 HTML 的 `<table>`）：这些表格由 `statistics:` 生成，手写的表格会显示在旁边，且可能与之不符",
                       en: "an annual report's body writes no table (a Markdown `|` row or an HTML `<table>`) under `## 二、…`, `## 三、…` or `## 四、…`: those tables are generated from `statistics:`, and a written one is shown beside them, possibly disagreeing"),
        example: Phrase("'二、主动公开政府信息情况' 部分含有表格（第 14 行）；该部分的表格由 'statistics' 生成，这张表会与它并排显示：请把文字移到其他部分或删除",
                        en: "section '二、主动公开政府信息情况' holds a table (line 14); its table is generated from 'statistics', so this one would be shown beside it: move the text to another section or delete it"))
    public static let reportPolicyCounts = Rule(
        id: "report.policy_counts", severity: .warning,
        checks: Phrase("在标注政策文件 `category`（文件类别）的站点上，年度报告中规章和行政规范性文件的本年制发件数和本年废止件数，等于站点中同一发布机构在报告年度内该类别的政策文件数（制发按 `created`；废止按废止它的记录的 `created`）",
                       en: "on a site that marks its policies' `category` (文件类别), an annual report's 规章 and 行政规范性文件 issued (本年制发件数) and repealed (本年废止件数) equal the site's policies of that category by the same publisher dated in the report year (issued: `created`; repealed: the repealing record's `created`)"),
        example: Phrase("表二中行政规范性文件的本年制发件数为 5，但站点中明湖区人民政府在 2024 年成文（created）的行政规范性文件类政策文件有 6 件：policies/2024/a.md、……",
                        en: "table 二 gives 行政规范性文件 本年制发件数 5, but the site has 6 policies of category 行政规范性文件 by 明湖区人民政府 dated 2024: policies/2024/a.md, …"))

    // MARK: Fixed pages
    public static let pageFolder = Rule(
        id: "page.folder", severity: .error,
        checks: Phrase("`content/pages/` 中只有页面（`.md`）及其附件，没有子文件夹",
                       en: "`content/pages/` holds pages (`.md`) and their attachments, with no sub-folders"),
        example: Phrase("content/pages/ 只存放固定页面及其附件；文件夹 'old' 不予读取",
                        en: "content/pages/ holds pages and their attachments only; the folder 'old' is not read"))
    public static let pageDisclosure = Rule(
        id: "page.disclosure", severity: .error,
        checks: Phrase("固定页面不写 `disclosure`（公开方式）：每个页面都会发布，不公开的文本应作为记录",
                       en: "a fixed page gives no `disclosure` (公开方式): every page is published, and text that is not public is a record"),
        example: Phrase("'disclosure'（公开方式）为 'withheld'，但content/pages/ 中的每个页面都会发布；非主动公开的文字是记录：请把它移到栏目文件夹，或删除此字段",
                        en: "'disclosure' (公开方式) is 'withheld', but every page of content/pages/ is published; a text that is not public is a record: move it to its section folder"))
    public static let pageRoleDuplicate = Rule(
        id: "page.role_duplicate", severity: .error,
        checks: Phrase("没有两个固定页面的 `role`（页面角色）相同",
                       en: "no two fixed pages have the same `role` (页面角色)"),
        example: Phrase("角色 'guide'（政府信息公开指南）也是 content/pages/guide.md 的角色；站点的每种角色只有一个页面",
                        en: "role 'guide' (政府信息公开指南) is also the role of content/pages/guide.md; a site has one page of each role"))
    public static let pagesNoGuide = Rule(
        id: "pages.no_guide", severity: .warning,
        checks: Phrase("站点有 `content/pages/` 时，其中有一个页面为 `role: guide`：即条例第十二条要求的政府信息公开指南",
                       en: "when the site has `content/pages/`, one page has `role: guide`: the 政府信息公开指南 article 12 of the 条例 requires"),
        example: Phrase("content/pages/ 中没有 'role: guide'（政府信息公开指南）的页面，而条例第十二条要求每个行政机关公布公开指南",
                        en: "no page in content/pages/ has 'role: guide' (政府信息公开指南), which article 12 of the 条例 requires every organ to publish"))

    // MARK: A new site
    public static let contentToFill = Rule(
        id: "content.to_fill", severity: .warning,
        checks: Phrase("`site.yaml`、固定页面或记录中没有残留 `disclose init` 留下的 `【待填写】` 标记（否则其文字会原样发布）",
                       en: "no `【待填写】` marker `disclose init` left in `site.yaml`, a fixed page or a record remains (its text would be published as written)"),
        example: Phrase("【待填写】 '本机关的受理窗口地址' 尚待填写：请写入本站自己的内容，并删除该标记",
                        en: "【待填写】 '本机关的受理窗口地址' is left to fill in: write the site's own text and delete the marker"))

    // MARK: Site settings
    public static let siteMissing = Rule(
        id: "site.missing", severity: .error,
        checks: Phrase("`content/site.yaml` 存在",
                       en: "`content/site.yaml` exists"),
        example: Phrase("没有 content/site.yaml；它至少要给出 'title' 和 'base_url'",
                        en: "no content/site.yaml; it must give at least 'title' and 'base_url'"))
    public static let siteInvalid = Rule(
        id: "site.invalid", severity: .error,
        checks: Phrase("`site.yaml` 有 `title` 和绝对的 `base_url`，`index_number_pattern` 有效，`report_deadline` 写作 MM-DD，日历日期有效，`time_zone` 是已知时区",
                       en: "`site.yaml` has `title` and an absolute `base_url`, a valid `index_number_pattern`, `report_deadline` as MM-DD, calendar dates and a known `time_zone`"),
        example: Phrase("'base_url' 必须是 http(s) 绝对网址，不能是 'example.gov.cn'",
                        en: "'base_url' must be an absolute http(s) URL, not 'example.gov.cn'"))
    public static let siteUnknownKey = Rule(
        id: "site.unknown_key", severity: .warning,
        checks: Phrase("`site.yaml`（及其 `calendar:` 和 `footer:`）的每个字段都是已有的设置（拼写错误会提示最接近的设置）",
                       en: "every key of `site.yaml` (and of its `calendar:` and `footer:`) is a setting (a typo is caught with the nearest setting)"),
        example: Phrase("未知字段 'footer.adress'；是否应为 'footer.address'（地址）？",
                        en: "unknown key 'footer.adress'; did you mean 'footer.address' (地址)?"))
    public static let siteIdentity = Rule(
        id: "site.identity", severity: .warning,
        checks: Phrase("`site_id_code`（网站标识码）是十位数字或 `bm` 加八位数字；`footer.icp` 形如 京ICP备12345678号，`footer.police` 形如 京公网安备 11010502000001号，`footer.email` 是一个地址",
                       en: "`site_id_code` (网站标识码) is ten digits or `bm` and eight digits; `footer.icp` reads like 京ICP备12345678号, `footer.police` like 京公网安备 11010502000001号, `footer.email` is one address"),
        example: Phrase("'site_id_code'（网站标识码）为十个字符：六位行政区划代码加四位数字（如 4501070001），国务院部门为 'bm' 加八位数字；'450107001' 不符合",
                        en: "'site_id_code' (网站标识码) is ten characters: the six-digit administrative division code and four digits (such as 4501070001), or 'bm' and eight digits for a department of the State Council; '450107001' is not"))

    // MARK: Build
    public static let linkTarget = Rule(
        id: "link.target", severity: .error,
        checks: Phrase("正文中的链接可离线使用：相对链接指向主动公开记录的 `.md` 文件或已发布的附件；不用绝对的 `/` 路径；不引用站外图片",
                       en: "a link in a body works offline: a relative link names a public record's `.md` file or a published attachment; no absolute `/` paths; no images from outside the site"),
        example: Phrase("链接 '../policies/x.md' 指向非主动公开的记录；公开的页面不能链接它：请删除该链接，或在该记录审查后将其改为主动公开",
                        en: "link to '../policies/x.md' names a record that is not public; it would be a broken link"))
    public static let linkUnsafe = Rule(
        id: "link.unsafe", severity: .warning,
        checks: Phrase("正文中的链接使用安全的协议（http、https、mailto、tel、ftp）；其他协议（`javascript:`、`data:`……）的链接会被删除",
                       en: "a link in a body uses a safe scheme (http, https, mailto, tel, ftp); others (`javascript:`, `data:`, ...) are removed"),
        example: Phrase("不允许使用协议为 'javascript:' 的链接目标；该链接已被移除",
                        en: "link target with scheme 'javascript:' is not allowed; the link was removed"))
    public static let templateSyntax = Rule(
        id: "template.syntax", severity: .error,
        checks: Phrase("`templates/` 中的模板能按 Mustache 解析",
                       en: "a template in `templates/` parses as Mustache"),
        example: Phrase("templates/record.mustache:12:5: 区块 'fields' 未闭合",
                        en: "templates/record.mustache:12:5: unclosed section 'fields'"))
    public static let templateUnsupported = Rule(
        id: "template.unsupported", severity: .error,
        checks: Phrase("模板只使用 disclose 支持的 Mustache 写法（docs/templates.md）",
                       en: "a template uses only the Mustache that disclose supports (docs/templates.md)"),
        example: Phrase("templates/record.mustache:3:7: 不支持转换函数 name(value)",
                        en: "templates/record.mustache:3:7: a transform name(value) is not supported"))
    public static let templateMissingPartial = Rule(
        id: "template.missing_partial", severity: .error,
        checks: Phrase("模板引用的每个子模板和父模板都存在",
                       en: "every partial and parent a template names exists"),
        example: Phrase("templates/record.mustache:1:1: 引用了子模板 'footr'，但没有模板定义它",
                        en: "templates/record.mustache:1:1: names the partial 'footr', which no template defines"))
    public static let templateUnknown = Rule(
        id: "template.unknown", severity: .warning,
        checks: Phrase("`templates/` 中的每个文件都是构建使用的模板",
                       en: "every file in `templates/` is one the build uses"),
        example: Phrase("templates/recrod.mustache 不是构建使用的模板；是否应为 'record'？",
                        en: "templates/recrod.mustache is not a template the build uses; did you mean 'record'?"))

    // MARK: Text shared between records
    public static let leakSharedText = Rule(
        id: "leak.shared_text", severity: .warning,
        checks: Phrase("主动公开的记录与非主动公开的记录的文本没有 30 个及以上字符的相同片段，除非该片段列在 `site.yaml` 的 `leak_boilerplate` 中，或该公开记录写明了那条记录的索引号；固定页面（`content/pages/`）不发布审查会判定为非主动公开的记录的文本（19 字节及以上的片段，或完整的标识）。若为普通措辞，消息会给出可在 `leak_boilerplate` 中声明的片段",
                       en: "a public record shares no run of 30+ characters with a non-public record's text, unless the phrase is in `site.yaml`'s `leak_boilerplate` or the public record names the non-public one's index number (索引号); a fixed page (`content/pages/`) publishes no text the audit would otherwise find of a non-public record (a run of 19+ bytes, or an identifier whole). The message names the phrase to declare in `leak_boilerplate` when it is ordinary wording"),
        example: Phrase("与非主动公开的记录 content/policies/x.md 有 34 个字符相同（'本说明涉及尚未公开的审核意见…'），本记录会将其公开；如果本记录是有意引用该记录，请在此处写明其索引号；如果这是通用措辞，而不是该记录自己的文字，请在 'site.yaml' 中声明其可以公开：leak_boilerplate: [\"本说明涉及尚未公开的审核意见\"]",
                        en: "shares 34 characters with the non-public record content/policies/x.md ('本说明涉及尚未公开的审核意见…'), which this record publishes; if this record quotes that one on purpose, name its index number here; if this is ordinary wording rather than the record's own, declare it public in site.yaml: leak_boilerplate: [\"本说明涉及尚未公开的审核意见\"]"))

    // MARK: Audit of a built site
    public static let auditLeak = Rule(
        id: "audit.leak", severity: .error,
        checks: Phrase("站点的任何文件和文件名中都没有非主动公开的记录的痕迹，经解码和规范化后比较（实体、`\\u`、CSS 和百分号转义、行内标签、不可见字符、NFKC、标点视为空白）：在同一段文本中（一个 CSV 单元格、一个 JSON 或脚本字符串、一个完整的 HTML 页面），其标题、摘要、不予公开理由、文本字段、附件名称或正文中任何 19 字节及以上、由完整字符组成、两端无空白的片段（7 个汉字），以及每个 19 字节及以上的完整标识（索引号、文号、页面路径、slug、文件名、日期、其字段中的数字和金额，前后不紧邻 ASCII 字母或数字；较短的标识，如多数 slug 和日期，只在文件名和页面路径中查找），只要没有任何主动公开的记录或固定页面的文本含有它（站点的模板、资源和设置不能使任何内容合法化）；没有文件与非主动公开的记录的文件或附件字节相同。消息会引用相同的片段，若为普通措辞，会给出可在 `leak_boilerplate` 中声明的片段",
                       en: "no trace of a non-public record in any file or file name of the site, decoded and normalised (entities, `\\u`, CSS and percent escapes, inline tags, invisible characters, NFKC, punctuation as white space): any run of 19+ bytes of whole characters, no end white space (7 Chinese characters), of its title, summary, withheld reason, text fields, attachments' names or body, within one text (a CSV cell, a JSON or script string, an HTML page whole), and each identifier of 19 bytes or more whole (索引号, 文号, page path, slug, file name, dates, numbers and amounts of its fields, bounded by no ASCII letter or digit; a shorter one, such as most slugs and dates, is found in file names and page paths only), that no public record's or fixed page's text holds (the site's templates, assets and settings legitimise nothing); no file with the bytes of a non-public record's file or attachment. The message quotes the shared run and names the phrase to declare in `leak_boilerplate` when it is ordinary wording"),
        example: Phrase("含有非主动公开的记录 content/policies/x.md 的文字（'关于内部审核事项的说明 canary 1a2b'）；如果这是通用措辞，而不是该记录自己的文字，请在 'site.yaml' 中声明其可以公开：leak_boilerplate: [\"关于内部审核事项的说明（CANARY-1A2B\"]",
                        en: "contains text of the non-public record content/policies/x.md ('关于内部审核事项的说明 canary 1a2b'); if this is ordinary wording rather than the record's own, declare it public in site.yaml: leak_boilerplate: [\"关于内部审核事项的说明（CANARY-1A2B\"]"))
    public static let auditBrokenLink = Rule(
        id: "audit.broken_link", severity: .error,
        checks: Phrase("每个相对链接和资源都指向站点中的文件，每个 `#fragment` 都指向其中的某个 id；指向本站地址（`base_url`）之下的链接，按浏览器的读法，也都指向站点中的文件",
                       en: "every relative link and resource names a file of the site, and every `#fragment` an id in it; a link to an address below the site's own (`base_url`), read as a browser reads it, names a file of the site too"),
        example: Phrase("'policies/x.html' 指向 policies/x.html，站点中没有该文件",
                        en: "link 'policies/x.html' names a file that is not in the site"))
    public static let auditExternalResource = Rule(
        id: "audit.external_resource", severity: .error,
        checks: Phrase("页面、样式表或 SVG 图片不以 `//` 或任何向外访问的协议（`http(s):`、`ftp:`、`file:`……）从站外获取任何内容（`src`、`srcset`、`<link href>`、`<form action>`、`ping`、`<meta http-equiv=refresh>`、`<base href>`、SVG 的 `href`、`<?xml-stylesheet?>`、CSS 的 `url()`、`@import`、`image-set()`）；普通的 `<a>` 链接可以指向站外",
                       en: "nothing is fetched from outside the site by a page, style sheet or SVG image (`src`, `srcset`, `<link href>`, `<form action>`, `ping`, `<meta http-equiv=refresh>`, `<base href>`, SVG `href`, `<?xml-stylesheet?>`, CSS `url()`, `@import`, `image-set()`) with `//` or any scheme that reaches out (`http(s):`, `ftp:`, `file:`, ...); plain `<a>` links may leave"),
        example: Phrase("<script src> 从站点之外加载 'https://cdn.example.com/x.js'",
                        en: "<script src> loads 'https://cdn.example.com/x.js' from outside the site"))
    public static let auditAbsolutePath = Rule(
        id: "audit.absolute_path", severity: .error,
        checks: Phrase("链接和资源不使用绝对路径 `/path`（从磁盘打开或部署在子路径下时会失效）",
                       en: "no link or resource uses an absolute `/path` (it breaks from disk and from a sub-path)"),
        example: Phrase("'/xxgk/index.html' 是绝对路径；从磁盘打开或放在子路径下时会失效",
                        en: "link '/xxgk/index.html' is an absolute path"))
    public static let auditMalformed = Rule(
        id: "audit.malformed", severity: .error,
        checks: Phrase("每个 HTML 页面都能解析，且有 `lang` 和 `<title>`；每个 XML 和 JSON 文件格式正确",
                       en: "every HTML page parses and has `lang` and a `<title>`; every XML and JSON file is well-formed"),
        example: Phrase("页面没有 <html lang>",
                        en: "the page has no <html lang>"))
    public static let auditStrayFile = Rule(
        id: "audit.stray_file", severity: .error,
        checks: Phrase("站点中的每个文件都是构建为当前内容写出的文件（没有手工放入的文件）",
                       en: "every file in the site is one the build writes for this content (no file left by hand)"),
        example: Phrase("按现有内容，构建不会写出该文件；上传前请将其从站点中删除",
                        en: "the build does not write this file; remove it from the upload"))
    public static let auditMissingFile = Rule(
        id: "audit.missing_file", severity: .error,
        checks: Phrase("构建为当前内容写出的每个文件都存在",
                       en: "every file the build writes for this content is present"),
        example: Phrase("按现有内容，构建会写出 policies/x.html，但该文件缺失",
                        en: "the build writes policies/x.html, but it is missing"))

    /// Every rule, in the order of the README's table.
    public static let all: [Rule] = [
        fileRead, fileEncoding, fileTooLarge, fileSymlink, fileName, fileNameClash, fileSpecial, fileAmbiguous,
        sectionUnknown, attachmentOrphan, attachmentClash, attachmentNonPublic, attachmentListed, outputClash,
        frontMatterMissing, frontMatterUnterminated, frontMatterSyntax, frontMatterDuplicateKey, frontMatterKeyTag,
        frontMatterNotMapping, frontMatterTooComplex,
        recordRequired, recordType, recordDate, recordRange, recordLength, recordControlCharacter, recordDateRange, recordInvisibleCharacter, recordInvisibleIdentity, recordIDNumber, recordUnknownKey, recordPlaceholder, recordTopic, markdownTooComplex,
        slugInvalid, slugReserved, slugDuplicate, indexNumberDuplicate, indexNumberPattern, publisherUnknown, indexNumberPublisher, indexNumberYear, indexNumberSequence, disclosureWithheldReason,
        reviewAfterPublication, timelinessLate, timelinessAcknowledged, calendarYearUnknown, recordScheduled, recordTyping,
        policyRepealedBy, policyAmendedBy, policyEffectiveDates, referenceUnknown, referenceNotPublic, referenceScheduled,
        referenceType, referenceDocumentNumber, referenceCircle, interpretationLate, budgetLinesSum, guideTimeLimit, reportStatisticsBalance, decisionPartyPrivacy, typeDeclaration, reportDeadline, reportDuplicate,
        reportStatisticsShape, reportYear, reportSections, reportSectionTable, reportPolicyCounts,
        pageFolder, pageDisclosure, pageRoleDuplicate, pagesNoGuide, contentToFill,
        siteMissing, siteInvalid, siteUnknownKey, siteIdentity,
        linkTarget, linkUnsafe, templateSyntax, templateUnsupported, templateMissingPartial, templateUnknown,
        leakSharedText, auditLeak, auditBrokenLink, auditExternalResource, auditAbsolutePath, auditMalformed, auditStrayFile,
        auditMissingFile,
    ]

    /// The README's rule table in `language`, in Markdown.
    public static func markdownTable(_ language: Language) -> String {
        let header = language == .zh ? "| 规则 | 级别 | 检查什么 | 示例消息 |" : "| rule | severity | checks | example message |"
        var lines = [header, "|---|---|---|---|"]
        for rule in all {
            let example = rule.example.text(language).replacingOccurrences(of: "|", with: "\\|")
            let checks = rule.checks.text(language).replacingOccurrences(of: "|", with: "\\|")
            lines.append("| `\(rule.id)` | \(rule.severity.word(language)) | \(checks) | \(example) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
