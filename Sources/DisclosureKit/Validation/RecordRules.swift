/// The rules about one record's common fields that need more than a type check:
/// slugs, index numbers, the withheld reason, date order, review before publication
/// and timeliness. Each checks only the values it was given, so a record missing one
/// field is still checked on all the others.
struct RecordRules {
    let site: SiteConfig
    var reader: FieldReader

    static let maximumTitleLength = 200
    static let maximumSlugLength = 80

    /// The page name: `slug` when given, else the file's stem; either must be a valid slug
    /// and not the name of a page the build writes itself in that folder.
    mutating func checkSlug(_ slug: Located<String>?, file: RecordFile) -> Located<String>? {
        if let slug {
            guard Self.isValidSlug(slug.value) else {
                reader.report(.slugInvalid, slug.location, field: "slug",
                              Phrase("'slug' '\(slug.value)' 无效：只能使用小写字母 a-z、数字和 '-'，以字母或数字开头，最多 \(Self.maximumSlugLength) 个字符",
                                     en: "'slug' '\(slug.value)' is not valid: use lower-case letters a-z, digits and '-', starting with a letter or digit, at most \(Self.maximumSlugLength) characters"))
                return nil
            }
            guard !Self.isReservedPageName(slug.value, file: file) else {
                reader.report(.slugReserved, slug.location, field: "slug",
                              Phrase("'slug' '\(slug.value)' 是构建在 \(file.type.folder)/ 中写出的页面名（栏目的列表页为 index.html、page-2.html……，年度归档为 year-2024.html、year-2024-page-2.html……）；请另选一个 slug",
                                     en: "'slug' '\(slug.value)' is the name of a page the build writes in \(file.type.folder)/ (the section's list pages are index.html, page-2.html, ..., its year archives year-2024.html, year-2024-page-2.html, ...); choose another slug"))
                return nil
            }
            return slug
        }
        guard Self.isValidSlug(file.stem) else {
            reader.report(.slugInvalid, .fileStart, field: "slug",
                          Phrase("文件名 '\(file.stem)' 不是有效的页面名；请重命名文件或设置 'slug'（小写字母 a-z、数字和 '-'，最多 \(Self.maximumSlugLength) 个字符）",
                                 en: "the file name '\(file.stem)' is not a valid page name; rename the file or set 'slug' (lower-case letters a-z, digits and '-', at most \(Self.maximumSlugLength) characters)"))
            return nil
        }
        guard !Self.isReservedPageName(file.stem, file: file) else {
            reader.report(.slugReserved, .fileStart, field: "slug",
                          Phrase("文件名 '\(file.stem)' 是构建在 \(file.type.folder)/ 中写出的页面名（栏目的列表页为 index.html、page-2.html……，年度归档为 year-2024.html、year-2024-page-2.html……）；请重命名文件或设置 'slug'",
                                 en: "the file name '\(file.stem)' is the name of a page the build writes in \(file.type.folder)/ (the section's list pages are index.html, page-2.html, ..., its year archives year-2024.html, year-2024-page-2.html, ...); rename the file or set 'slug'"))
            return nil
        }
        return Located(value: file.stem, location: .fileStart)
    }

    /// True for a page name the build writes itself in the record's folder: a section's
    /// list pages (`SitePlan.listPath`: `index`, `page-N`) and year archives
    /// (`YearArchivePaths`: `year-NNNN`, `year-NNNN-page-N`) in its top folder. Every
    /// `page-` + digits is reserved, not only the pages the site has now: one more record
    /// adds a list page.
    static func isReservedPageName(_ name: String, file: RecordFile) -> Bool {
        isReservedPageName(name, subfolders: file.subfolders)
    }

    static func isReservedPageName(_ name: String, subfolders: [String]) -> Bool {
        guard subfolders.isEmpty else { return false }
        if name == "index" || YearArchivePaths.isArchiveStem(name) { return true }
        guard name.hasPrefix("page-") else { return false }
        let number = name.utf8.dropFirst(5)
        return !number.isEmpty && number.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    static func isValidSlug(_ slug: String) -> Bool {
        let bytes = slug.utf8
        guard let first = bytes.first, bytes.count <= maximumSlugLength else { return false }
        func allowed(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) }
        return allowed(first) && bytes.allSatisfy { allowed($0) || $0 == UInt8(ascii: "-") }
    }

    mutating func checkTitle(_ title: Located<String>?) {
        guard let title, title.value.count > Self.maximumTitleLength else { return }
        reader.report(.recordLength, title.location, field: "title",
                      Phrase("'title'（名称）有 \(title.value.count) 个字符；最多允许 \(Self.maximumTitleLength) 个",
                             en: "\(Glossary.quoted("title")) has \(title.value.count) characters; at most \(Self.maximumTitleLength) are allowed"))
    }

    mutating func checkIndexNumber(_ indexNumber: Located<String>?) {
        guard let indexNumber, let pattern = site.indexNumberPattern, !pattern.matches(indexNumber.value) else { return }
        reader.report(.indexNumberPattern, indexNumber.location, field: "index_number",
                      Phrase("索引号 '\(indexNumber.value)' 不符合站点的 index_number_pattern '\(pattern.source)'",
                             en: "index number (索引号) '\(indexNumber.value)' does not match the site's index_number_pattern '\(pattern.source)'"))
    }

    mutating func checkWithheldReason(disclosure: Located<Disclosure>?, reason: Located<String>?) {
        guard let disclosure else { return }
        if disclosure.value == .withheld && reason == nil {
            reader.report(.disclosureWithheldReason, disclosure.location, field: "withheld_reason",
                          Phrase("不予公开的记录必须填写 'withheld_reason'（不予公开理由），即不予公开的法定理由",
                                 en: "a withheld (不予公开) record must give 'withheld_reason' (不予公开理由), the legal reason it is withheld"))
        } else if disclosure.value != .withheld, let reason {
            reader.report(.disclosureWithheldReason, reason.location, field: "withheld_reason",
                          Phrase("'withheld_reason'（不予公开理由）只用于不予公开的记录，但本记录为 \(disclosure.value.rawValue)（\(disclosure.value.chineseName)）；请删除该字段或修改 'disclosure'",
                                 en: "'withheld_reason' (不予公开理由) is only for withheld records, but this one is \(disclosure.value.rawValue) (\(disclosure.value.chineseName)); remove it or change 'disclosure'"))
        }
    }

    mutating func checkDates(created: Located<CalendarDate>?, published: Located<CalendarDate>?,
                             modified: Located<CalendarDate>?, review: Located<Review>?) {
        if let created, let published, published.value < created.value {
            reader.report(.recordDate, published.location, field: "published",
                          Phrase("'published'（发布日期）\(published.value) 早于 'created'（成文日期）\(created.value)",
                                 en: "'published' (发布日期) \(published.value) is before 'created' (成文日期) \(created.value)"))
        }
        if let created, let modified, modified.value < created.value {
            reader.report(.recordDate, modified.location, field: "modified",
                          Phrase("'modified'（修改日期）\(modified.value) 早于 'created'（成文日期）\(created.value)",
                                 en: "'modified' (修改日期) \(modified.value) is before 'created' (成文日期) \(created.value)"))
        }
        if let review, let published, review.value.date > published.value {
            reader.report(.reviewAfterPublication, review.location, field: "review.date",
                          Phrase("审查日期 \(review.value.date) 晚于发布日期 \(published.value)；保密审查应在发布之前（先审查后公开）",
                                 en: "review date (审查日期) \(review.value.date) is after the publication date \(published.value); the confidentiality review comes before publication (先审查后公开)"))
        }
    }

    /// Publication within the site's working-day limit of `created`, or of `modified` when later.
    /// A `late_reason` turns the warning into a note that names the reason
    /// (`LateReason.report`).
    mutating func checkTimeliness(created: Located<CalendarDate>?, published: Located<CalendarDate>?,
                                  modified: Located<CalendarDate>?, lateReason: Located<String>? = nil) {
        guard let created, let published else {
            LateReason.report(lateReason, late: nil, &reader)
            return
        }
        var start = created.value
        var startName = "created"
        if let modified, modified.value > start {
            start = modified.value
            startName = "modified"
        }
        let limit = site.timelinessWorkingDays
        let due = site.calendar.adding(workingDays: limit, to: start)
        guard published.value > due else {
            LateReason.report(lateReason, late: nil, &reader)
            return
        }
        let taken = site.calendar.workingDays(after: start, through: published.value)
        let message = Phrase("\(published.value) 发布，距 '\(startName)' \(start) 已 \(taken) 个工作日；时限为 \(limit) 个工作日（最迟 \(due)）",
                             en: "published \(published.value), \(taken) working days after '\(startName)' \(start); the limit is \(limit) working days (due \(due))")
        if lateReason == nil {
            reader.report(.timelinessLate, published.location, field: "published", message)
        } else {
            LateReason.report(lateReason, late: (message, published.location), &reader)
        }
    }
}
