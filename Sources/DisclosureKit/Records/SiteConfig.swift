import Foundation

/// `content/site.yaml`: the site's settings.
public struct SiteConfig: Sendable {
    public var title: String
    /// Absolute, always ending in `/`: the sitemap, robots.txt, the feed and the pages'
    /// address tags, and the address below which a link is a link into the site.
    public var baseURL: String
    /// site.yaml's `base_url` when a run gives another (`overrideBaseURL`): an address
    /// below it is still the site's, in a body as in the footer.
    public var declaredBaseURL: String?
    public var language: String
    public var publisher: String?
    public var indexNumberPattern: IndexNumberPattern?
    /// Month and day of the annual-report deadline in the year after the report's year.
    public var reportDeadline: (month: Int, day: Int)
    public var timelinessWorkingDays: Int
    public var calendar: WorkingDayCalendar
    /// Pass raw HTML in bodies through (off by default: it is replaced by a comment).
    public var allowRawHTML: Bool
    /// `max_record_size`: the largest record file read, in bytes (default 4 MiB).
    public var maximumRecordBytes = SourceText.maximumFileBytes
    /// `leak_boilerplate`: phrases public and non-public records may share, which the leak
    /// search and `leak.shared_text` ignore (the site declares them public).
    public var leakBoilerplate: [String] = []
    /// `site_id_code`: the 网站标识码 the site's registration gave it.
    public var siteIDCode: String?
    /// `footer:`: who runs the site and how to reach them.
    public var footer = SiteFooter()
    /// `date_style`: how pages write dates (`iso` or `chinese`).
    public var dateStyle = DateStyle.iso
    /// The settings every page prints, with where `site.yaml` writes them.
    public var printedSettings: [PrintedSetting] = []
    /// `links`: the sites every page's footer links to (SiteLinks.swift).
    public var links: [SiteLink] = []
    /// `topics`: the controlled list of 主题分类; nil when `topic` is free text.
    public var topics: SiteTopics?
    /// `time_zone`: where "today" is for the as-of date (an IANA name, default Asia/Shanghai).
    public var timeZone = AsOfDate.defaultTimeZone
    /// The day a policy's 有效期至 is judged against: today in `timeZone` when the settings
    /// are read, or `--as-of`. Read by the pages, never by the record checks (the record
    /// cache does not depend on the day).
    public var asOf = AsOfDate.today(in: TimeZone(identifier: AsOfDate.defaultTimeZone)!)
    /// `interpretation_working_days`: how many working days after its policy a 政策解读 may
    /// be published (三同步).
    public var interpretationWorkingDays = 3
    /// The record types: built in, and the site's own from `types/` (set by the loader).
    public var types: TypeRegistry = .builtIn
    /// `publishers`: the 发布机构 registry; nil when `publisher` is free text.
    public var publishers: PublisherRegistry?
    /// `index_number_year`: the date whose year a 索引号's year must be (with a registry).
    public var indexNumberYear = IndexNumberYear.created

    public init(title: String, baseURL: String, language: String = "zh-CN", publisher: String? = nil,
                indexNumberPattern: IndexNumberPattern? = nil, reportDeadline: (month: Int, day: Int) = (3, 31),
                timelinessWorkingDays: Int = 20, calendar: WorkingDayCalendar = WorkingDayCalendar(),
                allowRawHTML: Bool = false) {
        self.title = title
        self.baseURL = SiteConfig.normalisedBaseURL(baseURL)
        self.language = language
        self.publisher = publisher
        self.indexNumberPattern = indexNumberPattern
        self.reportDeadline = reportDeadline
        self.timelinessWorkingDays = timelinessWorkingDays
        self.calendar = calendar
        self.allowRawHTML = allowRawHTML
    }

    /// The site's address for this run (`--base-url`), site.yaml's kept as `declaredBaseURL`
    /// (unless site.yaml could not be read: the fallback's is no address of the site).
    /// Footer links below either address are paths inside the site.
    public mutating func overrideBaseURL(_ url: String) {
        let normalised = Self.normalisedBaseURL(url)
        if normalised != baseURL, declaredBaseURL == nil, baseURL != Self.fallback.baseURL { declaredBaseURL = baseURL }
        baseURL = normalised
        links = SiteLinksDecoder.resolvingOwnAddresses(links, baseURL: baseURL)
    }

    /// Where the settings are, relative to the site root.
    public static let path = "content/site.yaml"

    /// The settings used when `site.yaml` is missing or broken, so the records can
    /// still be checked in the same run.
    public static let fallback = SiteConfig(title: "", baseURL: "https://example.invalid/",
                                            calendar: NationalHolidays.calendar)

    /// `base_url` with a trailing `/`.
    public static func normalisedBaseURL(_ url: String) -> String {
        url.hasSuffix("/") ? url : url + "/"
    }

    /// A size as `site.yaml` and messages write it: `4 MiB`, `512 KiB`, else bytes.
    public static func describeSize(_ bytes: Int) -> String {
        if bytes % (1024 * 1024) == 0 { return "\(bytes / (1024 * 1024)) MiB" }
        if bytes % 1024 == 0 { return "\(bytes / 1024) KiB" }
        return "\(bytes) bytes"
    }

    /// The last day an annual report on `year` may be published.
    public func reportDeadline(forYear year: Int) -> CalendarDate? {
        let deadlineYear = year + 1
        let day = min(reportDeadline.day, CalendarDate.daysIn(month: reportDeadline.month, year: deadlineYear))
        return CalendarDate(year: deadlineYear, month: reportDeadline.month, day: day)
    }
}

/// `index_number_pattern`, compiled once.
public struct IndexNumberPattern: @unchecked Sendable {
    // NSRegularExpression is immutable and documented as safe to share between threads.
    private let regex: NSRegularExpression
    public let source: String

    public init?(_ source: String) {
        guard let regex = try? NSRegularExpression(pattern: source) else { return nil }
        self.regex = regex
        self.source = source
    }

    public func matches(_ text: String) -> Bool {
        let range = NSRange(text.startIndex..., in: text)
        return regex.firstMatch(in: text, range: range) != nil
    }
}

/// Reads `site.yaml`. Every problem is a `site.invalid` error naming the key.
public enum SiteConfigDecoder {
    public static let knownKeys = [
        "title", "base_url", "language", "publisher", "index_number_pattern", "report_deadline",
        "timeliness_working_days", "calendar", "allow_raw_html", "max_record_size", "leak_boilerplate",
        "site_id_code", "footer", "date_style",
        "topics",
        "time_zone", "interpretation_working_days",
        "publishers", "index_number_year",
        "links",
    ]

    public static func decode(_ root: YAMLNode, file: String) -> (SiteConfig?, [Diagnostic]) {
        var reader = FieldReader(file: file)
        reader.unknownKey = .siteUnknownKey
        reader.labels = .siteSettings
        reader.required = .siteInvalid
        reader.type = .siteInvalid
        reader.date = .siteInvalid
        reader.range = .siteInvalid
        reader.control = .siteInvalid
        reader.dateRange = nil
        reader.invisible = nil
        guard case .mapping(let entries) = root.value else {
            reader.report(.siteInvalid, root.location, field: nil, Phrase("site.yaml 必须是由 'key: value' 行组成的映射", en: "site.yaml must be a mapping of 'key: value' lines"))
            return (nil, reader.diagnostics)
        }
        let top = FieldMapping(entries: entries, path: "", anchor: .fileStart)
        reader.checkUnknownKeys(top, known: knownKeys)

        let title = reader.string(top, "title", required: true)
        var baseURL = reader.string(top, "base_url", required: true)
        if let url = baseURL {
            if let problem = BaseURLCheck.problemPhrase(url.value) {
                reader.report(.siteInvalid, url.location, field: "base_url",
                              Phrase("'base_url' 必须是 https://www.example.gov.cn/xxgk/ 这样的 http(s) 绝对网址，不含用户名、密码、查询、片段或空格；\(problem.zh)：'\(VisibleText.escaped(url.value))'",
                                     en: "'base_url' must be an absolute http(s) URL such as https://www.example.gov.cn/xxgk/, with no user, password, query, fragment or space; \(problem.en): '\(VisibleText.escaped(url.value))'"))
                baseURL = nil
            } else if url.value == ToFillMarkers.placeholderBaseURL {
                reader.report(.contentToFill, url.location, field: "base_url", ToFillMarkers.placeholderBaseURLMessage)
            }
        }
        let language = reader.string(top, "language", required: false)
        let publisher = reader.string(top, "publisher", required: false)
        var pattern: IndexNumberPattern?
        if let source = reader.string(top, "index_number_pattern", required: false) {
            pattern = IndexNumberPattern(source.value)
            if pattern == nil {
                reader.report(.siteInvalid, source.location, field: "index_number_pattern",
                              Phrase("'index_number_pattern' 不是有效的正则表达式：'\(source.value)'", en: "'index_number_pattern' is not a valid regular expression: '\(source.value)'"))
            }
        }
        var deadline = (month: 3, day: 31)
        if let text = reader.string(top, "report_deadline", required: false) {
            if let parsed = parseMonthDay(text.value) {
                deadline = parsed
            } else {
                reader.report(.siteInvalid, text.location, field: "report_deadline",
                              Phrase("'report_deadline' 必须是按 MM-DD 写的月和日（如 03-31），不能是 '\(text.value)'", en: "'report_deadline' must be a month and day written MM-DD (such as 03-31), not '\(text.value)'"))
            }
        }
        let workingDays = reader.integer(top, "timeliness_working_days", required: false, in: 1...365)
        var calendar = WorkingDayCalendar()
        if let calendarMap = reader.mapping(top, "calendar", required: false) {
            reader.checkUnknownKeys(calendarMap, known: ["holidays", "workdays"])
            calendar.holidays = dates(&reader, calendarMap, "holidays")
            calendar.workdays = dates(&reader, calendarMap, "workdays")
        }
        calendar = .national(extendedBy: calendar)
        var allowRawHTML = false
        if let raw = reader.string(top, "allow_raw_html", required: false) {
            switch raw.value {
            case "true", "yes": allowRawHTML = true
            case "false", "no": allowRawHTML = false
            default:
                reader.report(.siteInvalid, raw.location, field: "allow_raw_html", Phrase("'allow_raw_html' 必须是 true 或 false，不能是 '\(raw.value)'", en: "'allow_raw_html' must be true or false, not '\(raw.value)'"))
            }
        }
        var maximumRecordBytes = SourceText.maximumFileBytes
        if let size = reader.string(top, "max_record_size", required: false) {
            if let bytes = parseSize(size.value), (1024...SourceText.largestRecordLimit).contains(bytes) {
                maximumRecordBytes = bytes
            } else {
                reader.report(.siteInvalid, size.location, field: "max_record_size",
                              Phrase("'max_record_size' 必须是 1 KiB 至 \(SiteConfig.describeSize(SourceText.largestRecordLimit)) 之间的大小，以字节数或 '4 MiB'、'512 KiB' 这样的形式书写，不能是 '\(size.value)'", en: "'max_record_size' must be a size from 1 KiB to \(SiteConfig.describeSize(SourceText.largestRecordLimit)), written in bytes or as '4 MiB' or '512 KiB', not '\(size.value)'"))
            }
        }
        let leakBoilerplate = reader.stringList(top, "leak_boilerplate", required: false, nonEmpty: false, multiLine: true) ?? []
        // A phrase shorter than the leak search's shortest run is never found alone, and
        // blanking it out of every non-public text would hide the text around it.
        if !leakBoilerplate.isEmpty, let list = reader.list(top, "leak_boilerplate", required: false) {
            for (item, phrase) in zip(list.items, leakBoilerplate)
            where MatchText.bytes(phrase).count < TextFingerprints.guaranteedLength {
                reader.report(.siteInvalid, item.location, field: "leak_boilerplate",
                              Phrase("'leak_boilerplate' 中的语句 '\(phrase)' 短于 \(TextFingerprints.guaranteedLength) 字节（六个汉字）；泄露检查从不查找这么短的片段，无需声明", en: "'leak_boilerplate' phrase '\(phrase)' is shorter than \(TextFingerprints.guaranteedLength) bytes (six Chinese characters); the leak search never finds so short a run, so it needs no declaring"))
            }
        }
        let siteIDCode = SiteIdentityDecoder.siteIDCode(&reader, top)
        let (footer, printedFooter) = SiteIdentityDecoder.footer(&reader, top)
        let printed = [title.map { ("title", $0) }, publisher.map { ("publisher", $0) }, siteIDCode.map { ("site_id_code", $0) }]
            .compactMap { $0.map { PrintedSetting(key: $0.0, value: $0.1.value, location: $0.1.location) } } + printedFooter
        let dateStyle = reader.enumeration(top, "date_style", required: false,
                                           [(DateStyle.iso, ["iso"]), (.chinese, ["chinese", "中文"])])?.value ?? .iso
        let topics = SiteTopics.decode(&reader, top)
        let (links, printedLinks) = SiteLinksDecoder.decode(&reader, top)
        var timeZone: TimeZone?
        if let zone = reader.string(top, "time_zone", required: false) {
            timeZone = TimeZone(identifier: zone.value)
            if timeZone == nil {
                reader.report(.siteInvalid, zone.location, field: "time_zone",
                              Phrase("'time_zone' 必须是 Asia/Shanghai 这样的时区名称，不能是 '\(zone.value)'", en: "'time_zone' must be a time zone name such as Asia/Shanghai, not '\(zone.value)'"))
            }
        } else if let entry = top.entry("time_zone"), case .scalar(let text, _) = entry.value.value, text.trimmed.isEmpty {
            // An empty value is a setting left half-written, not a choice of the default.
            reader.report(.siteInvalid, entry.value.location, field: "time_zone",
                          Phrase("'time_zone' 为空；请填写 Asia/Shanghai 这样的时区名称，或删除此字段以使用 Asia/Shanghai", en: "'time_zone' is empty; give a time zone name such as Asia/Shanghai, or leave the key out for Asia/Shanghai"))
        }
        let interpretationDays = reader.integer(top, "interpretation_working_days", required: false, in: 0...365)
        let publishers = PublisherRegistry.decode(&reader, top)
        let indexNumberYear = reader.enumeration(top, "index_number_year", required: false,
                                                 [(IndexNumberYear.created, ["created", "成文日期"]), (.published, ["published", "发布日期"])])
        guard let title, let baseURL, reader.diagnostics.errorCount == 0 else {
            return (nil, reader.diagnostics)
        }
        var config = SiteConfig(
            title: title.value, baseURL: baseURL.value, language: language?.value ?? "zh-CN",
            publisher: publisher?.value, indexNumberPattern: pattern, reportDeadline: deadline,
            timelinessWorkingDays: workingDays?.value ?? 20, calendar: calendar, allowRawHTML: allowRawHTML)
        config.maximumRecordBytes = maximumRecordBytes
        config.leakBoilerplate = leakBoilerplate
        config.siteIDCode = siteIDCode?.value
        config.printedSettings = printed + printedLinks
        config.links = SiteLinksDecoder.resolvingOwnAddresses(links, baseURL: config.baseURL)
        config.footer = footer
        config.dateStyle = dateStyle
        config.topics = topics
        if let timeZone {
            config.timeZone = timeZone.identifier
            config.asOf = AsOfDate.today(in: timeZone)
        }
        if let interpretationDays { config.interpretationWorkingDays = interpretationDays.value }
        config.publishers = publishers
        if let indexNumberYear { config.indexNumberYear = indexNumberYear.value }
        return (config, reader.diagnostics)
    }

    private static func dates(_ reader: inout FieldReader, _ map: FieldMapping, _ key: String) -> Set<Int> {
        guard let (items, _) = reader.list(map, key, required: false) else { return [] }
        var days = Set<Int>()
        for item in items {
            guard let text = reader.scalarText(item, path: map.path(key), expected: Phrase("日期", en: "a date")) else { continue }
            if let date = CalendarDate(text) {
                days.insert(date.dayNumber)
            } else {
                reader.report(.siteInvalid, item.location, field: map.path(key),
                              Phrase("'\(map.path(key))' 必须列出按 YYYY-MM-DD 写的日期，不能是 '\(text)'", en: "'\(map.path(key))' must list dates written YYYY-MM-DD, not '\(text)'"))
            }
        }
        return days
    }

    /// Bytes, or a whole number of KiB or MiB: `4194304`, `4 MiB`, `512KiB`.
    static func parseSize(_ text: String) -> Int? {
        let units = [("MiB", 1024 * 1024), ("KiB", 1024)]
        for (unit, factor) in units where text.hasSuffix(unit) {
            let number = text.dropLast(unit.count).trimmingCharacters(in: .whitespaces)
            guard number.count <= 6, let value = FieldReader.parseInteger(number), value > 0 else { return nil }
            return value * factor
        }
        guard text.count <= 12, let value = FieldReader.parseInteger(text), value > 0 else { return nil }
        return value
    }

    static func parseMonthDay(_ text: String) -> (month: Int, day: Int)? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let month = Int(parts[0]), let day = Int(parts[1]),
              CalendarDate(year: 2000, month: month, day: day) != nil else { return nil }
        return (month, day)
    }
}
