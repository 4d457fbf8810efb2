import Foundation

/// A value read from the front matter with the place it was written.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    /// Where the value is written (where a problem with it is reported).
    public var location: SourceLocation
}

extension Located: Codable where Value: Codable {}

/// A mapping of the front matter being read, with the key path it sits at.
struct FieldMapping {
    var entries: [YAMLEntry]
    /// Key path prefix: `""` at the top, `"review"` inside `review:`.
    var path: String
    /// Where a field missing from this mapping is reported: the record's first line at
    /// the top, the mapping's own key below it.
    var anchor: SourceLocation

    func entry(_ key: String) -> YAMLEntry? { entries.first { $0.key == key } }
    func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}

/// Reads typed values out of front-matter mappings, collecting one diagnostic for every
/// problem instead of stopping at the first; every reader returns nil for a value it
/// could not read, so later rules simply skip what is missing.
struct FieldReader {
    /// The largest whole number (a count, a number of days) and the largest amount (in the
    /// record's unit, 万元 by default) a record may give. Far beyond any real figure, and
    /// small enough that what the rules compute from them cannot overflow: a sum of every
    /// value a front matter can hold (`FrontMatterReader.maximumNodes`) stays within
    /// `Int64`, in cents too (a test checks this stays true).
    static let maximumWholeNumber = 1_000_000_000_000
    static let maximumAmount = 1_000_000_000_000

    let file: String
    /// Rules to report with; `site.yaml` reports everything as `site.invalid`.
    var required = Rule.recordRequired
    var type = Rule.recordType
    var date = Rule.recordDate
    var range = Rule.recordRange
    var unknownKey = Rule.recordUnknownKey
    var control = Rule.recordControlCharacter
    /// Nil where the value is not a record's or a page's (`site.yaml`).
    var dateRange: Rule? = Rule.recordDateRange
    var invisible: (warning: Rule, identity: Rule)? = (Rule.recordInvisibleCharacter, Rule.recordInvisibleIdentity)
    /// The Chinese names of the fields being read, for messages.
    var labels = FieldLabels.common
    /// What a "missing" message about a key path adds in place of the field's example,
    /// when the site knows better (the registered publishers).
    var missingHints: [String: Phrase] = [:]
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    mutating func report(_ rule: Rule, _ location: SourceLocation, field: String?, _ message: Phrase) {
        diagnostics.append(rule.diagnostic(file, location, field: field, message))
    }

    // MARK: Presence

    /// The value of `key`, or nil (reported when `required`) when it is absent or null.
    mutating func node(_ map: FieldMapping, _ key: String, required: Bool) -> YAMLNode? {
        let path = map.path(key)
        guard let entry = map.entry(key), !entry.value.isNull else {
            if required {
                if let entry = map.entry(key) {
                    report(self.required, entry.keyLocation, field: path,
                           Phrase("必填字段 \(labels.quotedZh(path)) 为空", en: "required field \(labels.quoted(path)) is empty"))
                } else {
                    let example = labels.example(path).map { "; add it, e.g. \($0)" } ?? ""
                    let exampleZh = labels.example(path).map { "；请补上，例如 \($0)" } ?? ""
                    report(self.required, map.anchor, field: path,
                           Phrase("缺少必填字段 \(labels.quotedZh(path))", en: "missing required field \(labels.quoted(path))")
                               + (missingHints[path] ?? Phrase(exampleZh, en: example)))
                }
            }
            return nil
        }
        return entry.value
    }

    /// The text of a scalar node, or nil (reported) for a list or mapping, or for text
    /// holding a control character.
    mutating func scalarText(_ node: YAMLNode, path: String, expected: Phrase) -> String? {
        guard case .scalar(let text, _) = node.value else {
            report(type, node.location, field: path, Phrase("\(labels.quotedZh(path)) 必须是\(expected.zh)，不能是\(node.kindPhrase.zh)", en: "\(labels.quoted(path)) must be \(expected.en), not \(node.kindDescription)"))
            return nil
        }
        if let (offset, scalar) = Self.firstControlCharacter(text) {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            let code = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            report(control, node.location, field: path,
                   Phrase("\(labels.quotedZh(path)) 含有控制字符 U+\(code)（值的第 \(offset + 1) 个字符）；请删除",
                          en: "\(labels.quoted(path)) holds the control character U+\(code) (character \(offset + 1) of its value); remove it"))
            return nil
        }
        // A placeholder is reported once, as such, whatever kind the field is (a skeleton
        // leaves one in a required choice or number too), and then treated as absent so
        // that no other rule (index-number pattern, slug, ...) reports the same line again.
        guard !checkPlaceholder(text.trimmed, path: path, at: node.location) else { return nil }
        return text
    }

    /// The first control character of `text` and its position in characters: C0 but tab
    /// and line feed (which multi-line text may hold), DEL and C1. A NUL passed `check`
    /// and stopped the build's XML writers; the others reach pages and feeds unseen.
    static func firstControlCharacter(_ text: String) -> (offset: Int, scalar: Unicode.Scalar)? {
        guard text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A) || $0 == 0x7F || $0 == 0xC2 }) else {
            return nil
        }
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            switch scalar.value {
            case 0x09, 0x0A: continue
            case 0x00..<0x20, 0x7F...0x9F: return (offset, scalar)
            default: continue
            }
        }
        return nil
    }

    // MARK: Scalars

    /// A text; unless `multiLine`, one line: a tab or a line break in it is refused, since
    /// it goes into `<title>`, head tags and list rows where it cannot be shown.
    mutating func string(_ map: FieldMapping, _ key: String, required: Bool, multiLine: Bool = false) -> Located<String>? {
        let path = map.path(key)
        guard let node = node(map, key, required: required),
              let text = scalarText(node, path: path, expected: Phrase("文字", en: "text")) else { return nil }
        let trimmed = text.trimmed
        guard checkText(trimmed, path: path, at: node.location, multiLine: multiLine) else { return nil }
        if trimmed.isEmpty {
            if required {
                report(self.required, node.location, field: path, Phrase("必填字段 \(labels.quotedZh(path)) 为空", en: "required field \(labels.quoted(path)) is empty"))
            }
            return nil
        }
        return Located(value: trimmed, location: node.location)
    }

    /// Reports a `disclose new` placeholder; true when `text` is one.
    @discardableResult
    mutating func checkPlaceholder(_ text: String, path: String, at location: SourceLocation) -> Bool {
        // Every field of every record comes here: look for the marker's '<' first, since
        // Foundation's substring search costs more than decoding the field did.
        guard text.utf8.contains(UInt8(ascii: "<")), text.contains(NewRecordTemplate.placeholderMarker) else { return false }
        report(.recordPlaceholder, location, field: path,
               Phrase("\(labels.quotedZh(path)) 仍是占位内容 '\(text)'；请填写", en: "\(labels.quoted(path)) still holds the placeholder '\(text)'; fill it in"))
        return true
    }

    mutating func calendarDate(_ map: FieldMapping, _ key: String, required: Bool) -> Located<CalendarDate>? {
        let path = map.path(key)
        guard let node = node(map, key, required: required),
              let text = scalarText(node, path: path, expected: Phrase("按 YYYY-MM-DD 写的日期", en: "a date written YYYY-MM-DD")) else { return nil }
        guard let value = CalendarDate(text.trimmed) else {
            let looksLikeDate = text.range(of: #"^\d{4}-\d{1,2}-\d{1,2}$"#, options: .regularExpression) != nil
            let noSuchDay = looksLikeDate && text.count == 10
            var detail = noSuchDay ? "; there is no such day in the calendar" : ""
            var detailZh = noSuchDay ? "；日历上没有这一天" : ""
            if let corrected = DateSpelling.corrected(text) {
                detail = "; write \(corrected)"
                detailZh = "；请写作 \(corrected)"
            }
            report(date, node.location, field: path,
                   Phrase("\(labels.quotedZh(path)) 必须是按 YYYY-MM-DD 写的日期，不能是 '\(text)'\(detailZh)",
                          en: "\(labels.quoted(path)) must be a date written YYYY-MM-DD, not '\(text)'\(detail)"))
            return nil
        }
        if let dateRange, !Self.plausibleDates.contains(value) {
            report(dateRange, node.location, field: path,
                   Phrase("\(labels.quotedZh(path)) \(text.trimmed) 不是合理的日期；日期应在 \(Self.plausibleDates.lowerBound) 至 \(Self.plausibleDates.upperBound) 之间", en: "\(labels.quoted(path)) \(text.trimmed) is not a plausible date; dates run from \(Self.plausibleDates.lowerBound) to \(Self.plausibleDates.upperBound)"))
            return nil
        }
        return Located(value: value, location: node.location)
    }

    /// The dates a record or page may carry: from the founding of the PRC (no disclosure
    /// record is older) to the end of the years numbers may name (`record.range`). Fixed,
    /// not moved with the as-of date: a record's findings are cached by its text, and a
    /// later `published` is issue 16's scheduled publishing, not a typing mistake.
    static let plausibleDates = CalendarDate(year: 1949, month: 10, day: 1)!...CalendarDate(year: 2100, month: 12, day: 31)!

    mutating func integer(_ map: FieldMapping, _ key: String, required: Bool,
                          in bounds: ClosedRange<Int> = 0...maximumWholeNumber) -> Located<Int>? {
        let path = map.path(key)
        guard let node = node(map, key, required: required),
              let text = scalarText(node, path: path, expected: Phrase("整数", en: "a whole number")) else { return nil }
        let value = Self.parseInteger(text)
        guard let value, bounds.contains(value) else {
            if value == nil && !Self.isSignedDigits(text.trimmed) {
                report(type, node.location, field: path, Phrase("\(labels.quotedZh(path)) 必须是整数，不能是 '\(text)'", en: "\(labels.quoted(path)) must be a whole number, not '\(text)'"))
            } else {
                report(range, node.location, field: path,
                       Phrase("\(labels.quotedZh(path)) 必须在 \(bounds.lowerBound) 至 \(bounds.upperBound) 之间，不能是 \(text.trimmed)", en: "\(labels.quoted(path)) must be between \(bounds.lowerBound) and \(bounds.upperBound), not \(text.trimmed)"))
            }
            return nil
        }
        return Located(value: value, location: node.location)
    }

    /// A number ≥ 0, kept with its text.
    mutating func amount(_ map: FieldMapping, _ key: String, required: Bool) -> Located<Amount>? {
        let path = map.path(key)
        guard let node = node(map, key, required: required),
              let text = scalarText(node, path: path, expected: Phrase("数字", en: "a number")) else { return nil }
        let trimmed = text.trimmed
        guard let value = Self.parseDecimal(trimmed) else {
            // Digits too many to read exactly are a number out of range, not a typo.
            if Self.isDecimalShaped(trimmed) {
                report(range, node.location, field: path,
                       Phrase("\(labels.quotedZh(path)) 必须在 0 至 \(Self.maximumAmount) 之间，不能是 \(trimmed)", en: "\(labels.quoted(path)) must be between 0 and \(Self.maximumAmount), not \(trimmed)"))
            } else {
                report(type, node.location, field: path, Phrase("\(labels.quotedZh(path)) 必须是 1234.56 这样的数字，不能是 '\(text)'", en: "\(labels.quoted(path)) must be a number like 1234.56, not '\(text)'"))
            }
            return nil
        }
        guard value >= 0 else {
            report(range, node.location, field: path, Phrase("\(labels.quotedZh(path)) 不能为负数（现为 \(trimmed)）", en: "\(labels.quoted(path)) must not be negative, not \(trimmed)"))
            return nil
        }
        guard value <= Double(Self.maximumAmount) else {
            report(range, node.location, field: path,
                   Phrase("\(labels.quotedZh(path)) 必须在 0 至 \(Self.maximumAmount) 之间，不能是 \(trimmed)", en: "\(labels.quoted(path)) must be between 0 and \(Self.maximumAmount), not \(trimmed)"))
            return nil
        }
        return Located(value: Amount(value: value, text: trimmed), location: node.location)
    }

    /// One of a fixed set of values, each with its Chinese aliases.
    mutating func enumeration<Value: Sendable>(_ map: FieldMapping, _ key: String, required: Bool,
                                               _ cases: [(value: Value, names: [String])]) -> Located<Value>? {
        let path = map.path(key)
        guard let node = node(map, key, required: required),
              let text = scalarText(node, path: path, expected: Phrase("一个词", en: "one word")) else { return nil }
        let trimmed = text.trimmed
        if let match = cases.first(where: { $0.names.contains(trimmed) }) {
            return Located(value: match.value, location: node.location)
        }
        let english = cases.map { $0.names[0] }.joined(separator: ", ")
        let chinese = cases.compactMap { $0.names.count > 1 ? $0.names[1] : nil }.joined(separator: ", ")
        let options = chinese.isEmpty ? english : "\(english) (\(chinese))"
        let chineseZh = cases.compactMap { $0.names.count > 1 ? $0.names[1] : nil }.joined(separator: "、")
        let optionsZh = chinese.isEmpty ? english : "\(english)（\(chineseZh)）"
        report(type, node.location, field: path,
               Phrase("\(labels.quotedZh(path)) 必须是 \(optionsZh) 之一，不能是 '\(trimmed)'",
                      en: "\(labels.quoted(path)) must be one of \(options), not '\(trimmed)'"))
        return nil
    }

    // MARK: Collections

    mutating func mapping(_ map: FieldMapping, _ key: String, required: Bool) -> FieldMapping? {
        let path = map.path(key)
        guard let node = node(map, key, required: required) else { return nil }
        guard case .mapping(let entries) = node.value else {
            report(type, node.location, field: path, Phrase("\(labels.quotedZh(path)) 必须是由 'key: value' 组成的映射，不能是\(node.kindPhrase.zh)", en: "\(labels.quoted(path)) must be a mapping of 'key: value' pairs, not \(node.kindDescription)"))
            return nil
        }
        let anchor = map.entry(key)?.keyLocation ?? node.location
        return FieldMapping(entries: entries, path: path, anchor: anchor)
    }

    mutating func list(_ map: FieldMapping, _ key: String, required: Bool) -> (items: [YAMLNode], location: SourceLocation)? {
        let path = map.path(key)
        guard let node = node(map, key, required: required) else { return nil }
        guard case .sequence(let items) = node.value else {
            report(type, node.location, field: path, Phrase("\(labels.quotedZh(path)) 必须是列表（每项一行，以 '- ' 开头），不能是\(node.kindPhrase.zh)", en: "\(labels.quoted(path)) must be a list ('- item' lines), not \(node.kindDescription)"))
            return nil
        }
        return (items, node.location)
    }

    /// A list of texts; with `nonEmpty`, an empty list counts as missing.
    mutating func stringList(_ map: FieldMapping, _ key: String, required: Bool, nonEmpty: Bool, multiLine: Bool = false) -> [String]? {
        let path = map.path(key)
        guard let (items, location) = list(map, key, required: required) else { return nil }
        var strings: [String] = []
        var ok = true
        for item in items {
            guard let text = scalarText(item, path: path, expected: Phrase("文字列表", en: "a list of texts")) else { ok = false; continue }
            let trimmed = text.trimmed
            if trimmed.isEmpty {
                report(required ? self.required : type, item.location, field: path, Phrase("\(labels.quotedZh(path)) 中有空项", en: "\(labels.quoted(path)) has an empty item"))
                ok = false
                continue
            }
            guard checkText(trimmed, path: path, at: item.location, multiLine: multiLine) else { ok = false; continue }
            checkPlaceholder(trimmed, path: path, at: item.location)
            strings.append(trimmed)
        }
        if nonEmpty && items.isEmpty {
            report(self.required, location, field: path, Phrase("\(labels.quotedZh(path)) 至少要列出一项", en: "\(labels.quoted(path)) must list at least one item"))
            return nil
        }
        return ok ? strings : nil
    }

    /// A text, or a list of texts.
    mutating func textOrList(_ map: FieldMapping, _ key: String, required: Bool) -> TextOrList? {
        guard let node = map.entry(key)?.value, !node.isNull else {
            _ = self.node(map, key, required: required)
            return nil
        }
        if case .sequence = node.value {
            return stringList(map, key, required: required, nonEmpty: required, multiLine: true).map(TextOrList.list)
        }
        return string(map, key, required: required, multiLine: true).map { .text($0.value) }
    }

    // MARK: Unknown keys

    /// Warns about every key of `map` the format does not know, naming the nearest one.
    mutating func checkUnknownKeys(_ map: FieldMapping, known: [String]) {
        for entry in map.entries where !known.contains(entry.key) {
            let path = map.path(entry.key)
            if let first = entry.key.unicodeScalars.first, first.properties.isWhitespace, !first.isASCII {
                // Indentation typed with a Chinese keyboard: YAML indents with ASCII spaces
                // only, so `　　reviewer:` is a key of its own, not one under `review:`.
                let name = String(String.UnicodeScalarView(entry.key.unicodeScalars.drop { $0.properties.isWhitespace }))
                let code = "U+" + String(first.value, radix: 16, uppercase: true)
                report(unknownKey, entry.keyLocation, field: path,
                       Phrase("字段名 '\(path)' 以全角空格（\(code)）开头，将被忽略：YAML 只把半角空格当作缩进，行首的全角空格成了字段名的一部分；如果这是 '\(name)'，请删去行首的全角空格（若它属于上一行的字段，改用半角空格缩进）",
                              en: "the key '\(path)' starts with a full-width space (\(code)) and is ignored: YAML indents with ASCII spaces only, so the space became part of the key; if this is '\(name)', delete the leading full-width spaces (indent with ASCII spaces if it belongs to the key above)"))
            } else if let nearest = NearestKey.suggestion(for: entry.key, among: known) {
                report(unknownKey, entry.keyLocation, field: path,
                       Phrase("未知字段 '\(path)'；是否应为 \(labels.quotedZh(map.path(nearest)))？", en: "unknown key '\(path)'; did you mean \(labels.quoted(map.path(nearest)))?"))
            } else {
                report(unknownKey, entry.keyLocation, field: path,
                       Phrase("未知字段 '\(path)' 将被忽略；此处可用的字段：\(known.joined(separator: ", "))", en: "unknown key '\(path)' is ignored; known keys here: \(known.joined(separator: ", "))"))
            }
        }
    }

    // MARK: Number syntax

    /// `[-+]?[0-9]+`, decimal (a leading zero does not make it octal).
    static func parseInteger(_ text: String) -> Int? {
        let t = text.trimmed
        var digits = Substring(t)
        var negative = false
        if let first = digits.first, first == "-" || first == "+" {
            negative = first == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        guard let value = Int(digits) else { return nil }
        return negative ? -value : value
    }

    /// `[-+]?[0-9]+`, of any length.
    static func isSignedDigits(_ text: String) -> Bool {
        var digits = Substring(text)
        if let first = digits.first, first == "-" || first == "+" { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// `[-+]?[0-9]+(\.[0-9]+)?`, of any length.
    static func isDecimalShaped(_ text: String) -> Bool {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        return isSignedDigits(String(parts[0])) && (parts.count == 1 || isSignedDigits(String(parts[1])) && parts[1].first?.isNumber == true)
    }

    /// `[-+]?[0-9]+(\.[0-9]+)?`.
    static func parseDecimal(_ text: String) -> Double? {
        var body = Substring(text)
        if let first = body.first, first == "-" || first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 15 && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            return nil
        }
        return Double(text)
    }
}
