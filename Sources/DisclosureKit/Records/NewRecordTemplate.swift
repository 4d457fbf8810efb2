/// The skeletons `disclose new TYPE SLUG` writes: the common fields, then every field of
/// the type's declaration, each under a comment with its Chinese label. Text fields hold `<待填写 …>` placeholders, which
/// `check` reports (rule `record.placeholder`) until they are replaced.
public enum NewRecordTemplate {
    /// What marks a value as not yet filled in.
    public static let placeholderMarker = "<待填写"

    /// `text` as a YAML value: plain when it reads back as itself, else double-quoted.
    static func yamlText(_ text: String) -> String {
        let special: Set<Character> = [":", "#", "'", "\"", "[", "]", "{", "}", ",", "&", "*", "!", "|", ">", "%", "@", "`", "\\", "-", "?", "~"]
        guard text.contains(where: { special.contains($0) || $0.isNewline }) || text.trimmed != text else { return text }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }

    static func placeholder(_ chinese: String, _ english: String) -> String {
        "\"\(placeholderMarker) \(chinese) / \(english)>\""
    }

    /// The skeleton text for `type`, dated `today`.
    /// `publisher` and `indexNumber`, when `disclose new --publisher` gives them, replace
    /// their placeholders.
    public static func text(for type: RecordType, today: CalendarDate, publisher: String? = nil,
                            indexNumber: String? = nil) -> String {
        let p = placeholder
        var lines = [
            "---",
            "# 名称：不超过 200 个字符",
            "title: \(p("名称", "title"))",
            "# 索引号：全站唯一",
            "index_number: \(indexNumber ?? p("索引号", "index number"))",
            "# 公开方式：proactive（主动公开）| on-request（依申请公开）| withheld（不予公开）",
            "disclosure: proactive",
            "# 不予公开理由：仅在公开方式为 withheld 时填写，且必须填写",
            "# withheld_reason: ",
            "# 发布机构",
            "publisher: \(publisher.map(yamlText) ?? p("发布机构", "publisher"))",
            "# 成文日期，YYYY-MM-DD",
            "created: \(today)",
            "# 发布日期：成文之日起 20 个工作日内；先审查后公开，不早于审查日期",
            "published: \(today)",
            "# 保密审查：审查人和审查日期，审查日期不晚于发布日期",
            "review:",
            "  reviewer: \(p("审查人", "reviewer"))",
            "  date: \(today)",
            "# 主题分类（可选；不填请删除此行）",
            "topic: \(p("主题分类", "topic"))",
            "# 内容概述（可选，显示在列表和目录中；不填请删除此行）",
            "summary: \(p("内容概述", "summary"))",
        ]
        for field in type.declaration.fields {
            lines += fieldLines(field, type: type.declaration, today: today)
        }
        lines += [
            "---",
            "",
            "<!-- 正文（Markdown） -->",
            "",
        ]
        if type.declaration.applies(.reportStatistics) { lines += ReportSections.skeletonBody }
        return lines.joined(separator: "\n")
    }

    /// The comment and the line(s) of one declared field.
    static func fieldLines(_ field: FieldDeclaration, type: TypeDeclaration, today: CalendarDate) -> [String] {
        var comment = "# \(field.label) / \(field.key)"
        if field.kind == .enumeration {
            comment += ": " + field.values.map { "\($0.value) (\($0.label))" }.joined(separator: " | ")
        }
        if !field.required { comment += "（可选）" }
        if let hint = field.skeletonComment { comment += "：\(hint)" }
        let key = field.key
        if let skeleton = field.skeleton { return [comment, "\(key): \(skeleton)"] }
        switch field.kind {
        case .multilineText, .textList:
            guard field.required else { return [comment, "# \(key): "] }
            return [comment, "\(key):", "  - \(placeholder(field.label, key))"]
        case .table:
            return [comment, "\(key): []"]
        case .reportStatistics:
            return [comment, "\(key):"] + ReportStatisticsWriter.lines(ReportStatisticsWriter.zero)
        case .group:
            // An optional member is left out: the author adds it when there is one.
            let members = field.fields.filter(\.required).map {
                "\($0.key): \($0.skeleton ?? value($0, type: type, today: today) ?? placeholder($0.label, $0.key))"
            }
            let line = "\(key): {\(members.joined(separator: ", "))}"
            return [comment, field.required ? line : "# " + line]
        default:
            // An optional field is written commented out: a value the skeleton chose (0,
            // today, the first choice) would be published as if the author had.
            guard field.required else { return [comment, "# \(key): "] }
            return [comment, "\(key): \(value(field, type: type, today: today) ?? placeholder(field.label, key))"]
        }
    }

    /// A value to start from for a required field, when one is right for most records
    /// (today's date, the report's year, the declared default); nil for a value the author
    /// must choose, which gets a placeholder.
    static func value(_ field: FieldDeclaration, type: TypeDeclaration, today: CalendarDate) -> String? {
        switch field.kind {
        case .date: return today.description
        case .number:
            guard field.key == type.yearField else { return field.defaultValue }
            // A report is on a year that has ended (`report.year`): the one before.
            let year = type.applies(.reportStatistics) ? today.year - 1 : today.year
            return String(min(max(year, field.minimum), field.maximum))
        case .enumeration, .amount, .text, .publisher, .reference:
            return field.defaultValue
        default:
            return nil
        }
    }
}
