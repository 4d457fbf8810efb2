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

    @available(*, deprecated, message: "give the rule's texts in Chinese and English (Phrase)")
    public init(id: String, severity: Severity, checks: String, example: String) {
        self.init(id: id, severity: severity, checks: Phrase(checks, en: checks), example: Phrase(example, en: example))
    }

    /// A diagnostic of this rule at `location` of `file`.
    public func diagnostic(_ file: String, _ location: SourceLocation, field: String? = nil,
                           _ message: Phrase) -> Diagnostic {
        Diagnostic(file: file, location: location, severity: severity, rule: id, field: field,
                   message: message)
    }

    @available(*, deprecated, message: "give the message in Chinese and English (Phrase)")
    public func diagnostic(_ file: String, _ location: SourceLocation, field: String? = nil,
                           _ message: String) -> Diagnostic {
        diagnostic(file, location, field: field, Phrase(message, en: message))
    }
}

extension Rule {
    // MARK: Files and the tree
    public static let fileRead = Rule(
        id: "file.read", severity: .error,
        checks: "a file under `content/` can be read",
        example: "cannot read file: Permission denied")
    public static let fileEncoding = Rule(
        id: "file.encoding", severity: .error,
        checks: "a record is UTF-8 text (a file saved as GBK/GB18030 is named as such, with how to convert it)",
        example: "the file is not valid UTF-8 (first bad byte on this line); save it as UTF-8")
    public static let fileTooLarge = Rule(
        id: "file.too_large", severity: .error,
        checks: "a record file is at most `max_record_size` (`site.yaml`, default 4 MiB), its front matter at most 256 KiB",
        example: "the file is 5.2 MiB; records are limited to 4 MiB (max_record_size; put large material in an attachment)")
    public static let fileSymlink = Rule(
        id: "file.symlink", severity: .error,
        checks: "no symbolic link under `content/` leads outside the site root (such links are never followed); `templates/` and its files are no links",
        example: "symbolic link leads outside the site root (to /etc/passwd); it is not followed")
    public static let fileName = Rule(
        id: "file.name", severity: .error,
        checks: "every name under `content/` and `templates/` is UTF-8 without control characters or `\\`, at most 255 bytes (in NFC too), in a path of at most 4,095 bytes",
        example: "the name holds a control character (U+000A); rename it, it is not read")
    public static let fileNameClash = Rule(
        id: "file.name_clash", severity: .error,
        checks: "no two names in one folder are equal once both are in Unicode normalisation form C (NFC)",
        example: "'café.md' (decomposed, not NFC) and 'café.md' (precomposed, NFC) in content/policies differ only in how their characters are encoded; on the web they are one name. Rename or remove one; neither is read")
    public static let fileSpecial = Rule(
        id: "file.special", severity: .error,
        checks: "everything under `content/` and `templates/` is a regular file, a folder or a link to one (no named pipe, socket or device)",
        example: "is a named pipe (FIFO), not a regular file or folder; it is never opened. Remove it")
    public static let fileAmbiguous = Rule(
        id: "file.ambiguous", severity: .error,
        checks: "a file under `content/` is a record when its name ends in `.md` or `.markdown` (any case); any other file does not open with front matter holding a `disclosure` key",
        example: "this file opens with front matter and a 'disclosure' (公开方式) key like a record, but is not named .md, so it would be copied verbatim as an attachment; if it is a record, name it .md; it is not published")
    public static let sectionUnknown = Rule(
        id: "section.unknown", severity: .error,
        checks: "every Markdown file is inside the section folder of a type (`policies/`, `budgets/`, ... or one a declaration in `types/` names)",
        example: "Markdown file outside a section folder; records belong under content/policies/, content/budgets/, ... or content/decisions/")
    public static let attachmentOrphan = Rule(
        id: "attachment.orphan", severity: .warning,
        checks: "a non-Markdown file in a section folder belongs to a record (its name starts with a record's file stem and `.`, `-` or `_`)",
        example: "file belongs to no record and is not copied; name it after its record (STEM-附件.pdf)")
    public static let attachmentClash = Rule(
        id: "attachment.clash", severity: .error,
        checks: "an attachment does not have the name of a page the build writes",
        example: "attachment 'x.html' would overwrite the page of record 'x'; rename it")
    public static let attachmentNonPublic = Rule(
        id: "attachment.non_public", severity: .error,
        checks: "a public record's attachment is not a link to, a hard link of, nor a byte-identical copy of a non-public record's file or attachment",
        example: "'x.pdf' has the same bytes as content/policies/secret-附件.pdf, material of the non-public record content/policies/secret.md; it is not published")
    public static let attachmentListed = Rule(
        id: "attachment.listed", severity: .error,
        checks: "each file an `attachments:` entry names is listed once, by its name alone, and is a regular file (not a link) of the record's or page's own folder that is no record and no other record's attachment",
        example: "'附件1.pdf' is listed as an attachment, but there is no such file in content/policies/2024/")
    public static let outputClash = Rule(
        id: "output.clash", severity: .error,
        checks: "nothing under `content/` would be written where the build writes something else: a folder named like a page (`x.html/` beside `x.md`), an attachment or page named like a list page or a year archive (`index.html`, `page-N.html`, `year-NNNN.html`, `year-NNNN-page-N.html` at a section's top)",
        example: "the folder content/policies/x.html would be written as policies/x.html/, where the page of content/policies/x.md goes; rename the folder")

    // MARK: Front matter
    public static let frontMatterMissing = Rule(
        id: "front_matter.missing", severity: .error,
        checks: "a record starts with a line `---`",
        example: "the record does not start with a '---' line opening its front matter")
    public static let frontMatterUnterminated = Rule(
        id: "front_matter.unterminated", severity: .error,
        checks: "the front matter is closed by a second `---` line",
        example: "the front matter opened here is never closed by a '---' line")
    public static let frontMatterSyntax = Rule(
        id: "front_matter.syntax", severity: .error,
        checks: "the front matter is valid YAML",
        example: "YAML syntax error: mapping values are not allowed in this context")
    public static let frontMatterDuplicateKey = Rule(
        id: "front_matter.duplicate_key", severity: .error,
        checks: "no key appears twice in one mapping",
        example: "duplicate key 'title' (first at line 2); a key may appear only once")
    public static let frontMatterKeyTag = Rule(
        id: "front_matter.key_tag", severity: .error,
        checks: "no key carries a YAML tag (`!x key:`, `? !x key`); keys are compared by their text alone",
        example: "the key 'disclosure' carries the YAML tag '!x'; a key is plain text: remove the tag")
    public static let frontMatterNotMapping = Rule(
        id: "front_matter.not_mapping", severity: .error,
        checks: "the front matter is a mapping of keys to values",
        example: "the front matter must be a mapping of 'key: value' lines, not a sequence")
    public static let frontMatterTooComplex = Rule(
        id: "front_matter.too_complex", severity: .error,
        checks: "the front matter stays within the limits (nesting depth 32, 20,000 values after alias expansion)",
        example: "the front matter expands to more than 20000 values (alias expansion?); refused")

    // MARK: Fields of a record
    public static let recordRequired = Rule(
        id: "record.required", severity: .error,
        checks: "every required field of the record's type is present and not empty",
        example: "missing required field 'publisher' (发布机构)")
    public static let recordType = Rule(
        id: "record.type", severity: .error,
        checks: "a field has the type and one of the values the format allows",
        example: "'disclosure' (公开方式) must be one of proactive, on-request, withheld (主动公开, 依申请公开, 不予公开), not 'public'")
    public static let recordDate = Rule(
        id: "record.date", severity: .error,
        checks: "a date is a real calendar date written YYYY-MM-DD, and `published`/`modified` are not before `created`",
        example: "'created' (成文日期) must be a date written YYYY-MM-DD, not '2012-3-1'")
    public static let recordRange = Rule(
        id: "record.range", severity: .error,
        checks: "numbers are within their range (years 1949–2100, amounts and counts from 0 to 10^12: no sum or difference the rules compute can overflow)",
        example: "'fiscal_year' (年度) must be between 1949 and 2100, not 3012")
    public static let recordLength = Rule(
        id: "record.length", severity: .error,
        checks: "`title` is at most 200 characters",
        example: "'title' (名称) has 215 characters; at most 200 are allowed")
    public static let recordControlCharacter = Rule(
        id: "record.control_character", severity: .error,
        checks: "no value or body holds a control character (C0 but tab and line ends, DEL, C1), which pages and feeds cannot carry, and a one-line value (a title, a publisher, any text but a summary or a multi-line field) holds no tab or line break",
        example: "'title' (名称) holds the control character U+0000 (character 5 of its value); remove it")
    public static let recordDateRange = Rule(
        id: "record.date_range", severity: .error,
        checks: "every date of a record or page lies from 1949-10-01 (no disclosure record is older than the PRC) to 2100-12-31, as years do",
        example: "'created' (成文日期) 0999-01-01 is not a plausible date; dates run from 1949-10-01 to 2100-12-31")
    public static let recordInvisibleCharacter = Rule(
        id: "record.invisible_character", severity: .warning,
        checks: "no text value of a record or page holds an invisible format character (U+200B–U+200F, U+2028/9, U+202A–U+202E, U+2060–U+2064, U+FEFF), which pages show as nothing",
        example: "'title' (名称) holds the invisible character U+200B (ZERO WIDTH SPACE) at character 3 of its value; remove it")
    public static let recordInvisibleIdentity = Rule(
        id: "record.invisible_identity", severity: .error,
        checks: "`publisher`, `topic`, `index_number` and `document_number` hold no invisible format character: it would split a catalog facet or an identity into two that look the same",
        example: "'publisher' (发布机构) holds the invisible character U+200B (ZERO WIDTH SPACE) at character 6 of its value; it would make a second 发布机构 that looks the same: remove it")
    public static let recordIDNumber = Rule(
        id: "record.id_number", severity: .error,
        checks: "no public record holds what reads as a citizen's ID number (公民身份号码: 18 characters with a birth date, the last a digit or X, or the old 15 digits, spaces allowed) in its title, summary, publisher, fields, body, attachment names and titles or file name",
        example: "'summary' (摘要) holds what reads as an ID number (4501**************); a natural person's ID number is never published")
    public static let recordUnknownKey = Rule(
        id: "record.unknown_key", severity: .warning,
        checks: "every key is one the format knows (a typo is caught with the nearest known key)",
        example: "unknown key 'pubished'; did you mean 'published' (发布日期)?")
    public static let recordPlaceholder = Rule(
        id: "record.placeholder", severity: .error,
        checks: "no placeholder left by `disclose new` (`<待填写 …>`) remains",
        example: "'title' (名称) still holds the placeholder '<待填写 名称 / title>'; fill it in")
    public static let markdownTooComplex = Rule(
        id: "markdown.too_complex", severity: .error,
        checks: "a body stays within what renders in bounded time and memory: 200,000 Markdown elements, 5,000 markup characters per paragraph, 500 cells per table row, nesting depth 32",
        example: "this table row has 4812 cells; at most 500 are rendered (split the table, or attach it as a spreadsheet)")
    public static let recordTopic = Rule(
        id: "record.topic", severity: .error,
        checks: "when `site.yaml` lists `topics`, a record's `topic` (主题分类) is one of them (the nearest is suggested)",
        example: "'topic' (主题分类) '财政预算' is not in site.yaml's topics; did you mean '财政预决算'?")
    public static let slugInvalid = Rule(
        id: "slug.invalid", severity: .error,
        checks: "the slug (or the file name, when no slug is given) matches `[a-z0-9][a-z0-9-]*`, at most 80 characters",
        example: "file name 'Policy 1' is not a valid slug; set 'slug' (lower-case letters, digits, '-') or rename the file")
    public static let slugReserved = Rule(
        id: "slug.reserved", severity: .error,
        checks: "the slug (or the file name) is not a page the build writes itself in that folder (`index`, `page-N`, `year-NNNN`, `year-NNNN-page-N` in a section folder)",
        example: "'slug' 'index' is the name of a page the build writes in policies/ (the section's list pages are index.html, page-2.html, ...); choose another slug")
    public static let slugDuplicate = Rule(
        id: "slug.duplicate", severity: .error,
        checks: "two records of one folder do not share a slug (they would share a page)",
        example: "slug 'nfb-2012-15' is also used by content/policies/b.md; pages would collide")
    public static let indexNumberDuplicate = Rule(
        id: "index_number.duplicate", severity: .error,
        checks: "an index number (索引号) is unique across the whole site",
        example: "index number '000014349/2012-00015' is also used by content/policies/b.md:3")
    public static let indexNumberPattern = Rule(
        id: "index_number.pattern", severity: .error,
        checks: "an index number matches `site.yaml`'s `index_number_pattern`, when one is set",
        example: "index number 'ABC' does not match the site's index_number_pattern '^[0-9A-Z]{9,18}/\\d{4}-\\d{5}$'")
    public static let publisherUnknown = Rule(
        id: "publisher.unknown", severity: .error,
        checks: "when `site.yaml` lists `publishers`, a record's or page's `publisher` (发布机构) is one of their full names (the nearest is suggested)",
        example: "'publisher' (发布机构) '明湖区财政' is not in site.yaml's publishers; did you mean '明湖区财政局'?")
    public static let indexNumberPublisher = Rule(
        id: "index_number.publisher", severity: .error,
        checks: "when `site.yaml` lists `publishers`, an index number starts with its publisher's `code` and a `/`",
        example: "index number (索引号) '11450100MB0000003C/2024-00007' starts with '11450100MB0000003C', but its publisher 明湖区市场监督管理局's code is '11450100MB0000005E' (site.yaml line 40); write 11450100MB0000005E/YYYY-NNNNN")
    public static let indexNumberYear = Rule(
        id: "index_number.year", severity: .error,
        checks: "when `site.yaml` lists `publishers`, an index number reads `CODE/YYYY-NNNNN` and its year is the year of `created` (成文日期), or of `published` with `index_number_year: published`",
        example: "index number (索引号) '11450100MB0000005E/2099-00007' is of the year 2099, but 'created' (成文日期) is 2024-03-01 (index_number_year: created); the number belongs to 2024")
    public static let indexNumberSequence = Rule(
        id: "index_number.sequence", severity: .error,
        checks: "when `site.yaml` lists `publishers`, a sequence number is at least 1 and used once per publisher and year, public or not (`00012` and `0012` are one number)",
        example: "sequence number 12 of 11450100MB0000003C in 2024 is also used by content/budgets/a.md:3 ('11450100MB0000003C/2024-00012'); 'disclose new --publisher 明湖区财政局' gives the next free one")
    public static let disclosureWithheldReason = Rule(
        id: "disclosure.withheld_reason", severity: .error,
        checks: "`withheld_reason` is given exactly when `disclosure` is `withheld`",
        example: "a withheld record must give 'withheld_reason' (不予公开理由), the legal reason it is withheld")
    public static let reviewAfterPublication = Rule(
        id: "review.after_publication", severity: .error,
        checks: "the confidentiality review (保密审查) is dated on or before publication (先审查后公开)",
        example: "review date 2012-03-05 is after the publication date 2012-03-01; review comes before publication (先审查后公开)")
    public static let timelinessLate = Rule(
        id: "timeliness.late", severity: .warning,
        checks: "a proactive record is published within the site's working-day limit (default 20) of `created` or a later `modified`",
        example: "published 2012-02-20, 25 working days after 2012-01-05; the limit is 20 working days (due 2012-02-13)")
    public static let timelinessAcknowledged = Rule(
        id: "timeliness.acknowledged", severity: .note,
        checks: "a late publication its record acknowledges with `late_reason` is still named (it does not fail `--strict`); a `late_reason` on a record that is not late is a warning",
        example: "published 2012-02-20, 25 working days after 2012-01-05; the limit is 20 working days (due 2012-02-13); acknowledged (late_reason): 待上级批复后公开")
    public static let recordTyping = Rule(
        id: "record.typing", severity: .warning,
        checks: "a 文号 writes its year in 〔〕 (not [], 【】 or ()), and a 索引号 has no full-width solidus ／",
        example: "'document_number' (文号) '明政办发[2012]8号' puts its year in '[]'; a 文号 writes it in 六角括号 〔〕: write 明政办发〔2012〕8号")
    public static let calendarYearUnknown = Rule(
        id: "calendar.year_unknown", severity: .warning,
        checks: "working days are counted only in years whose holidays are known: the built-in calendar (2008–2026) or a date of the year in `site.yaml`'s `calendar`; once per year, at the first record published in it",
        example: "working days in 2027 are counted Monday to Friday: the built-in holiday calendar covers 2008–2026 and site.yaml's 'calendar' lists no date of 2027; add that year's 节假日 to 'calendar.holidays' and its 调休 to 'calendar.workdays'")
    public static let recordScheduled = Rule(
        id: "record.scheduled", severity: .note,
        checks: "a proactive record whose `published` is after the as-of date (`--as-of`, or today in `time_zone`) is held back from every output until that day",
        example: "scheduled: published 2027-01-05 is after the as-of date 2026-12-02; the record is held back (no page, list entry, catalog row, search entry, sitemap or feed entry) until 2027-01-05")

    // MARK: Per type
    public static let policyRepealedBy = Rule(
        id: "policy.repealed_by", severity: .error,
        checks: "a policy with `status: repealed` (废止) says what repealed it in `repealed_by` (a record's 索引号, or the 文号 and title of a document outside the site), and only such a policy has `repealed_by`",
        example: "'status' is repealed (废止) but 'repealed_by' does not say what repealed it: give the index number (索引号) of the repealing record, or {document_number: …, title: …} for a document outside the site")
    public static let policyAmendedBy = Rule(
        id: "policy.amended_by", severity: .error,
        checks: "a policy with `status: amended` (已修改) says what amended it in `amended_by` (as `repealed_by`), and only such a policy has `amended_by`",
        example: "'status' is amended (已修改) but 'amended_by' does not say what amended it")
    public static let policyEffectiveDates = Rule(
        id: "policy.effective_dates", severity: .error,
        checks: "a policy's 有效期至 (`effective_until`) is not before its 施行日期 (`effective_from`)",
        example: "'effective_until' (有效期至) 2023-12-31 is before 'effective_from' (施行日期) 2024-01-01")
    public static let referenceUnknown = Rule(
        id: "reference.unknown", severity: .error,
        checks: "a reference to another record (`interprets`, `repealed_by`, `amended_by`) names an index number (索引号) some record has, and not the record itself",
        example: "'interprets' (解读的文件) names index number '11450100MB0000001A/2024-00099', which no record has")
    public static let referenceNotPublic = Rule(
        id: "reference.not_public", severity: .error,
        checks: "a public record refers only to public records: a page never shows, links or names a record that is not 主动公开",
        example: "'interprets' (解读的文件) names '11450100MB0000001A/2024-00099' (content/policies/x.md), which is not public; a public page cannot name it")
    public static let referenceScheduled = Rule(
        id: "reference.scheduled", severity: .error,
        checks: "a public record does not refer to a record held back by scheduled publishing (its `published` after the as-of date): until that day the record is not public, and its 索引号, 文号 or 有效性 would reach the public page and catalog.json",
        example: "'amended_by' (修改文件) names '11450100MB0000001A/2027-00003' (content/policies/x.md), which is scheduled for 2027-01-05; a public record cannot name it before that day (write the reference on that day, or schedule this record too)")
    public static let referenceType = Rule(
        id: "reference.type", severity: .error,
        checks: "a reference names a record of the type its field declares (`refers_to`): a 政策解读's `interprets` names a policy",
        example: "'interprets' (解读的文件) names '11450100MB0000005E/2024-00011' (content/guides/x.md), a guide (办事指南), not a policy (政策文件)")
    public static let referenceDocumentNumber = Rule(
        id: "reference.document_number", severity: .warning,
        checks: "a reference in the outside-document form (`{document_number, title}`) does not name the 文号 of a public record of the site, which its 索引号 names with links both ways (a non-public one is `reference.not_public`)",
        example: "'repealed_by' (废止文件) names 文号 '明政发〔2025〕3号', the 文号 of content/policies/x.md on this site; write its index number (11450100MB0000001A/2025-00006) instead, so both pages link to each other")
    public static let referenceCircle = Rule(
        id: "reference.circle", severity: .error,
        checks: "records do not repeal or amend each other in a circle (A `repealed_by` B and B `repealed_by` A)",
        example: "'repealed_by' (废止文件) names content/policies/b.md, which is itself repealed or amended by this record (directly or through others); a document cannot end the force of the one that ends its own")
    public static let interpretationLate = Rule(
        id: "interpretation.late", severity: .warning,
        checks: "a 政策解读 is published within `interpretation_working_days` (default 3) working days of its policy (三同步)",
        example: "published 2024-03-12, 6 working days after its policy (published 2024-03-04); 三同步 asks for at most 3 working days (due 2024-03-07)")
    public static let budgetLinesSum = Rule(
        id: "budget.lines_sum", severity: .error,
        checks: "budget line amounts add up to `totals.expenditure` (to 0.01)",
        example: "the lines add up to 1180.50 but totals.expenditure is 1200.00 (difference -19.50)")
    public static let guideTimeLimit = Rule(
        id: "guide.time_limit", severity: .error,
        checks: "a guide's promised days are more than 0 and at most its statutory days",
        example: "promised_days (承诺时限) 25 is more than statutory_days (法定时限) 20")
    public static let reportStatisticsBalance = Rule(
        id: "report.statistics.balance", severity: .error,
        checks: "an annual report's tables add up, per applicant column: 本年新收 + 上年结转 = 办理结果总计 + 结转下年度; a row's 总计 = the sum of its applicant columns; a written outcome total = the sum of its reasons; each 总计 of table 四 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
        example: "column 自然人 does not balance: 本年新收 30 + 上年结转 2 = 32, but 办理结果总计 29 + 结转下年度继续办理 2 = 31 (the two must be equal)")
    public static let decisionPartyPrivacy = Rule(
        id: "decision.party_privacy", severity: .error,
        checks: "a decision's natural-person party (自然人) is shown by surname only, each given-name character masked (张某某, 欧阳某某, 李*, 张某某等3人)",
        example: "'party' (行政相对人) of a natural person (自然人) must show the surname only, with the given name masked (e.g. 张某某), not '张三'")
    public static let typeDeclaration = Rule(
        id: "type.declaration", severity: .error,
        checks: "a type declaration in `types/` is well formed: known keys and kinds, no duplicate or common field keys, a folder no other type or output uses, the fields its rule sets need",
        example: "field 'kind' has an unknown kind 'choice'; kinds: text, multiline_text, date, number, amount, enum, text_list, group, table, reference, publisher, report_statistics")
    public static let reportDeadline = Rule(
        id: "report.deadline", severity: .error,
        checks: "an annual report is published by its deadline in the year after `year`: with `publishers`, 01-31 for a 部门 and 03-31 for a 人民政府 (条例 第四十九条), from its publisher's `kind`; without, `report_deadline` (default 03-31)",
        example: "the 2012 report was published 2013-04-02, after its deadline 2013-03-31")
    public static let reportDuplicate = Rule(
        id: "report.duplicate", severity: .error,
        checks: "one annual report per publisher and year, public or not",
        example: "明湖区财政局 already has a report for 2024: content/reports/czj-2024.md:2; a publisher publishes one annual report a year")
    public static let reportStatisticsShape = Rule(
        id: "report.statistics.shape", severity: .error,
        checks: "an annual report's `statistics` follow the national format's tables: each row of table 三 seven numbers (six applicant columns and 总计), 行政诉讼 as `direct` and `after_review`; the earlier shape is rewritten by `disclose migrate-report`",
        example: "statistics are in the shape before the national format's applicant columns (国办公开办函〔2021〕30号); run 'disclose migrate-report FILE' to rewrite them, every number kept")
    public static let reportYear = Rule(
        id: "report.year", severity: .error,
        checks: "an annual report's `year` is before the year it is published",
        example: "'year' (报告年度) is 2025, but the report was published 2025-01-24; a year is reported on after it ends")
    public static let reportSections = Rule(
        id: "report.sections", severity: .error,
        checks: "an annual report's body gives its text under the national format's headings, in order: `## 一、总体情况`, `## 五、存在的主要问题及改进情况` and `## 六、其他需要报告的事项` (二 to 四 are optional: the tables are generated)",
        example: "the body has no heading '## 五、存在的主要问题及改进情况'; the national format places the text of sections 一, 五 and 六 under their headings")
    public static let reportSectionTable = Rule(
        id: "report.section_table", severity: .warning,
        checks: "an annual report's body writes no table (a Markdown `|` row or an HTML `<table>`) under `## 二、…`, `## 三、…` or `## 四、…`: those tables are generated from `statistics:`, and a written one is shown beside them, possibly disagreeing",
        example: "section '二、主动公开政府信息情况' holds a table (line 14); its table is generated from 'statistics', so this one would be shown beside it: move the text to another section or delete it")
    public static let reportPolicyCounts = Rule(
        id: "report.policy_counts", severity: .warning,
        checks: "on a site that marks its policies' `category` (文件类别), an annual report's 规章 and 行政规范性文件 issued (本年制发件数) and repealed (本年废止件数) equal the site's policies of that category by the same publisher dated in the report year (issued: `created`; repealed: the repealing record's `created`)",
        example: "table 二 gives 行政规范性文件 本年制发件数 5, but the site has 6 policies of category 行政规范性文件 by 明湖区人民政府 dated 2024: policies/2024/a.md, …")

    // MARK: Fixed pages
    public static let pageFolder = Rule(
        id: "page.folder", severity: .error,
        checks: "`content/pages/` holds pages (`.md`) and their attachments, with no sub-folders",
        example: "content/pages/ holds pages and their attachments only; the folder 'old' is not read")
    public static let pageDisclosure = Rule(
        id: "page.disclosure", severity: .error,
        checks: "a fixed page gives no `disclosure` (公开方式): every page is published, and text that is not public is a record",
        example: "'disclosure' (公开方式) is 'withheld', but every page of content/pages/ is published; a text that is not public is a record: move it to its section folder")
    public static let pageRoleDuplicate = Rule(
        id: "page.role_duplicate", severity: .error,
        checks: "no two fixed pages have the same `role` (页面角色)",
        example: "role 'guide' (政府信息公开指南) is also the role of content/pages/guide.md; a site has one page of each role")
    public static let pagesNoGuide = Rule(
        id: "pages.no_guide", severity: .warning,
        checks: "when the site has `content/pages/`, one page has `role: guide`: the 政府信息公开指南 article 12 of the 条例 requires",
        example: "no page in content/pages/ has 'role: guide' (政府信息公开指南), which article 12 of the 条例 requires every organ to publish")

    // MARK: A new site
    public static let contentToFill = Rule(
        id: "content.to_fill", severity: .warning,
        checks: "no `【待填写】` marker `disclose init` left in `site.yaml`, a fixed page or a record remains (its text would be published as written)",
        example: "【待填写】 '本机关的受理窗口地址' is left to fill in: write the site's own text and delete the marker")

    // MARK: Site settings
    public static let siteMissing = Rule(
        id: "site.missing", severity: .error,
        checks: "`content/site.yaml` exists",
        example: "no content/site.yaml; it must give at least 'title' and 'base_url'")
    public static let siteInvalid = Rule(
        id: "site.invalid", severity: .error,
        checks: "`site.yaml` has `title` and an absolute `base_url`, a valid `index_number_pattern`, `report_deadline` as MM-DD, calendar dates and a known `time_zone`",
        example: "'base_url' must be an absolute http(s) URL, not 'example.gov.cn'")
    public static let siteUnknownKey = Rule(
        id: "site.unknown_key", severity: .warning,
        checks: "every key of `site.yaml` (and of its `calendar:` and `footer:`) is a setting (a typo is caught with the nearest setting)",
        example: "unknown key 'footer.adress'; did you mean 'footer.address' (地址)?")
    public static let siteIdentity = Rule(
        id: "site.identity", severity: .warning,
        checks: "`site_id_code` (网站标识码) is ten digits or `bm` and eight digits; `footer.icp` reads like 京ICP备12345678号, `footer.police` like 京公网安备 11010502000001号, `footer.email` is one address",
        example: "'site_id_code' (网站标识码) is ten characters: the six-digit administrative division code and four digits (such as 4501070001), or 'bm' and eight digits for a department of the State Council; '450107001' is not")

    // MARK: Build
    public static let linkTarget = Rule(
        id: "link.target", severity: .error,
        checks: "a link in a body works offline: a relative link names a public record's `.md` file or a published attachment; no absolute `/` paths; no images from outside the site",
        example: "link to '../policies/x.md' names a record that is not public; it would be a broken link")
    public static let linkUnsafe = Rule(
        id: "link.unsafe", severity: .warning,
        checks: "a link in a body uses a safe scheme (http, https, mailto, tel, ftp); others (`javascript:`, `data:`, ...) are removed",
        example: "link target with scheme 'javascript:' is not allowed; the link was removed")
    public static let templateSyntax = Rule(
        id: "template.syntax", severity: .error,
        checks: "a template in `templates/` parses as Mustache",
        example: "templates/record.mustache:12:5: unclosed section 'fields'")
    public static let templateMissingPartial = Rule(
        id: "template.missing_partial", severity: .error,
        checks: "every partial and parent a template names exists",
        example: "templates/record.mustache:1:1: names the partial 'footr', which no template defines")
    public static let templateUnknown = Rule(
        id: "template.unknown", severity: .warning,
        checks: "every file in `templates/` is one the build uses",
        example: "templates/recrod.mustache is not a template the build uses; did you mean 'record'?")

    // MARK: Text shared between records
    public static let leakSharedText = Rule(
        id: "leak.shared_text", severity: .warning,
        checks: "a public record shares no run of 30+ characters with a non-public record's text, unless the phrase is in `site.yaml`'s `leak_boilerplate` or the public record names the non-public one's index number (索引号); a fixed page (`content/pages/`) publishes no text the audit would otherwise find of a non-public record (a run of 19+ bytes, or an identifier whole). The message names the phrase to declare in `leak_boilerplate` when it is ordinary wording",
        example: "shares 34 characters with the non-public record content/policies/x.md ('本说明涉及尚未公开的审核意见…'), which this record publishes; if this record quotes that one on purpose, name its index number here; if this is ordinary wording rather than the record's own, declare it public in site.yaml: leak_boilerplate: [\"本说明涉及尚未公开的审核意见\"]")

    // MARK: Audit of a built site
    public static let auditLeak = Rule(
        id: "audit.leak", severity: .error,
        checks: "no trace of a non-public record in any file or file name of the site, decoded and normalised (entities, `\\u`, CSS and percent escapes, inline tags, invisible characters, NFKC, punctuation as white space): any run of 19+ bytes of whole characters, no end white space (7 Chinese characters), of its title, summary, withheld reason, text fields, attachments' names or body, within one text (a CSV cell, a JSON or script string, an HTML page whole), and each identifier whole (索引号, 文号, page path, slug, file name, dates, numbers and amounts of its fields, bounded by no ASCII letter or digit), that no public record's or fixed page's text holds (the site's templates, assets and settings legitimise nothing); no file with the bytes of a non-public record's file or attachment. The message quotes the shared run and names the phrase to declare in `leak_boilerplate` when it is ordinary wording",
        example: "contains text of the non-public record content/policies/x.md ('关于内部审核事项的说明 canary 1a2b'); if this is ordinary wording rather than the record's own, declare it public in site.yaml: leak_boilerplate: [\"关于内部审核事项的说明（CANARY-1A2B\"]")
    public static let auditBrokenLink = Rule(
        id: "audit.broken_link", severity: .error,
        checks: "every relative link and resource names a file of the site, and every `#fragment` an id in it",
        example: "link 'policies/x.html' names a file that is not in the site")
    public static let auditExternalResource = Rule(
        id: "audit.external_resource", severity: .error,
        checks: "nothing is fetched from outside the site by a page, style sheet or SVG image (`src`, `srcset`, `<link href>`, `<form action>`, `ping`, `<meta http-equiv=refresh>`, `<base href>`, SVG `href`, `<?xml-stylesheet?>`, CSS `url()`, `@import`, `image-set()`) with `//` or any scheme that reaches out (`http(s):`, `ftp:`, `file:`, ...); plain `<a>` links may leave",
        example: "<script src> loads 'https://cdn.example.com/x.js' from outside the site")
    public static let auditAbsolutePath = Rule(
        id: "audit.absolute_path", severity: .error,
        checks: "no link or resource uses an absolute `/path` (it breaks from disk and from a sub-path)",
        example: "link '/xxgk/index.html' is an absolute path")
    public static let auditMalformed = Rule(
        id: "audit.malformed", severity: .error,
        checks: "every HTML page parses and has `lang` and a `<title>`; every XML and JSON file is well-formed",
        example: "the page has no <html lang>")
    public static let auditStrayFile = Rule(
        id: "audit.stray_file", severity: .error,
        checks: "every file in the site is one the build writes for this content (no file left by hand)",
        example: "the build does not write this file; remove it from the upload")
    public static let auditMissingFile = Rule(
        id: "audit.missing_file", severity: .error,
        checks: "every file the build writes for this content is present",
        example: "the build writes policies/x.html, but it is missing")

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
        linkTarget, linkUnsafe, templateSyntax, templateMissingPartial, templateUnknown,
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
