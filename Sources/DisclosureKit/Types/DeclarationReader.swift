/// Reads one type declaration (YAML, the format `docs/types.md` describes) into a
/// `TypeDeclaration`, reporting every problem at its line and column (rule
/// `type.declaration`). A declaration with an error declares nothing.
struct DeclarationReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    static let topKeys = ["id", "extends", "folder", "name", "listed", "year_field", "rule_sets", "fields"]
    static let fieldKeys = ["key", "label", "kind", "required", "shown", "shown_as", "suffix", "default", "min", "max",
                            "values", "fields", "example", "skeleton", "skeleton_comment", "refers_to", "backlink"]

    /// What a declaration file says, before it is checked against the other types.
    struct Parsed {
        var id: Located<String>
        var extends: Located<String>?
        var folder: Located<String>?
        var name: String?
        var listedWhenEmpty: Bool?
        var yearField: Located<String>?
        var ruleSets: [RuleSet]?
        var ruleSetsLocation: SourceLocation
        var fields: [FieldDeclaration]
        var fieldLocations: [SourceLocation]
        /// Where `name` is written.
        var nameLocation: SourceLocation = .fileStart
        /// False when the file had an error: it is still checked against the other types,
        /// so that one run reports every problem, but it declares nothing.
        var isValid = true
    }

    mutating func report(_ location: SourceLocation, field: String? = nil, _ message: Phrase) {
        diagnostics.append(Rule.typeDeclaration.diagnostic(file, location, field: field, message))
    }

    /// Parses the text of a declaration file.
    mutating func read(_ source: String) -> Parsed? {
        let root: YAMLNode
        switch FrontMatterReader.read(Substring(source), firstLine: 1) {
        case .success(let node): root = node
        case .failure(let failure):
            let diagnostic = FrontMatterReader.diagnostic(for: failure, file: file)
            // The parser is the records' front-matter reader; the author wrote a declaration.
            let message = Phrase(diagnostic.message.zh.replacingOccurrences(of: "前置信息", with: "类型声明"),
                                 en: diagnostic.message.en.replacingOccurrences(of: "front matter", with: "type declaration"))
            diagnostics.append(Rule.typeDeclaration.diagnostic(file, diagnostic.location, message))
            return nil
        }
        guard case .mapping(let entries) = root.value else {
            report(root.location, Phrase("类型声明必须是由 'key: value' 行组成的映射，不能是\(root.kindPhrase.zh)", en: "a type declaration must be a mapping of 'key: value' lines, not \(root.kindDescription)"))
            return nil
        }
        let before = diagnostics.count
        checkKeys(entries, known: Self.topKeys, path: "")
        let extends = word(entries, "extends", required: false)
        let id = word(entries, "id", required: extends == nil) ?? extends
        let folder = word(entries, "folder", required: extends == nil)
        let sectionName = text(entries, "name", required: extends == nil)
        var listed: Bool?
        if let entry = entries.first(where: { $0.key == "listed" }), let value = scalar(entry.value, path: "listed") {
            switch value {
            case "always": listed = true
            case "when_used": listed = false
            default: report(entry.value.location, field: "listed", Phrase("'listed' 必须是 always 或 when_used，不能是 '\(value)'", en: "'listed' must be always or when_used, not '\(value)'"))
            }
        }
        let yearField = word(entries, "year_field", required: false)
        var ruleSets: [RuleSet]?
        var ruleSetsLocation = root.location
        if let entry = entries.first(where: { $0.key == "rule_sets" }) {
            ruleSetsLocation = entry.value.location
            ruleSets = []
            for item in sequence(entry.value, path: "rule_sets") {
                guard let value = scalar(item, path: "rule_sets") else { continue }
                guard let ruleSet = RuleSet(rawValue: value) else {
                    let known = RuleSet.allCases.map(\.rawValue).joined(separator: ", ")
                    report(item.location, field: "rule_sets", Phrase("未知的规则集 '\(value)'；可用的规则集：\(known)", en: "unknown rule set '\(value)'; known: \(known)"))
                    continue
                }
                ruleSets?.append(ruleSet)
            }
        }
        var fields: [FieldDeclaration] = []
        var locations: [SourceLocation] = []
        if let entry = entries.first(where: { $0.key == "fields" }) {
            (fields, locations) = fieldList(entry.value, path: "fields")
        } else if extends == nil {
            report(root.location, field: "fields", Phrase("缺少 'fields:'，即该类型的字段列表", en: "missing 'fields:', the list of the type's fields"))
        }
        guard let id else { return nil }
        return Parsed(id: id, extends: extends, folder: folder, name: sectionName, listedWhenEmpty: listed, yearField: yearField,
                      ruleSets: ruleSets, ruleSetsLocation: ruleSetsLocation, fields: fields, fieldLocations: locations,
                      nameLocation: entries.first { $0.key == "name" }?.value.location ?? .fileStart,
                      isValid: diagnostics.count == before)
    }

    // MARK: Fields

    mutating func fieldList(_ node: YAMLNode, path: String) -> ([FieldDeclaration], [SourceLocation]) {
        var fields: [FieldDeclaration] = []
        var locations: [SourceLocation] = []
        var seen: Set<String> = []
        for item in sequence(node, path: path) {
            guard case .mapping(let entries) = item.value else {
                report(item.location, field: path, Phrase("'\(path)' 的每一项必须是映射 {key: ..., label: ..., kind: ...}，不能是\(item.kindPhrase.zh)", en: "each item of '\(path)' must be a mapping {key: ..., label: ..., kind: ...}, not \(item.kindDescription)"))
                continue
            }
            guard let field = field(entries, at: item.location, path: path) else { continue }
            let keyLocation = entries.first { $0.key == "key" }?.value.location ?? item.location
            if !seen.insert(field.key).inserted {
                report(keyLocation, field: path, Phrase("字段 '\(field.key)' 声明了两次", en: "the field key '\(field.key)' is declared twice"))
                continue
            }
            fields.append(field)
            locations.append(keyLocation)
        }
        return (fields, locations)
    }

    mutating func field(_ entries: [YAMLEntry], at location: SourceLocation, path: String) -> FieldDeclaration? {
        let before = diagnostics.count
        checkKeys(entries, known: Self.fieldKeys, path: path)
        guard let key = word(entries, "key", required: true, anchor: location),
              let label = text(entries, "label", required: true, anchor: location),
              let kindName = word(entries, "kind", required: true, anchor: location) else { return nil }
        guard let kind = FieldKind(rawValue: kindName.value) else {
            let known = FieldKind.allCases.map(\.name).joined(separator: ", ")
            report(kindName.location, field: "kind", Phrase("字段 '\(key.value)' 的类别 '\(kindName.value)' 未知；可用的类别：\(known)", en: "field '\(key.value)' has an unknown kind '\(kindName.value)'; kinds: \(known)"))
            return nil
        }
        var field = FieldDeclaration(key: key.value, label: label, kind: kind)
        field.required = flag(entries, "required") ?? false
        field.shown = flag(entries, "shown") ?? false
        field.shownAs = text(entries, "shown_as", required: false)
        field.suffix = text(entries, "suffix", required: false) ?? ""
        field.defaultValue = text(entries, "default", required: false)
        field.example = text(entries, "example", required: false)
        field.skeleton = text(entries, "skeleton", required: false)
        field.skeletonComment = text(entries, "skeleton_comment", required: false)
        field.refersTo = word(entries, "refers_to", required: false)?.value
        field.backlink = text(entries, "backlink", required: false)
        if kind != .reference && (field.refersTo != nil || field.backlink != nil) {
            report(location, field: "refers_to", Phrase("只有引用字段（reference）才有 'refers_to' 和 'backlink'；'\(key.value)' 是 \(kind.name)", en: "only a reference has 'refers_to' and 'backlink'; '\(key.value)' is \(kind.name)"))
        }
        if let minimum = number(entries, "min") { field.minimum = minimum }
        if let maximum = number(entries, "max") { field.maximum = maximum }
        if field.minimum > field.maximum {
            report(location, field: "min", Phrase("字段 '\(key.value)'：min \(field.minimum) 大于 max \(field.maximum)", en: "field '\(key.value)': min \(field.minimum) is more than max \(field.maximum)"))
        }
        if let entry = entries.first(where: { $0.key == "values" }) {
            for item in sequence(entry.value, path: "values") {
                guard case .mapping(let valueEntries) = item.value else {
                    report(item.location, field: "values", Phrase("'values' 的每一项必须是映射 {value: ..., label: ...}，不能是\(item.kindPhrase.zh)", en: "each item of 'values' must be a mapping {value: ..., label: ...}, not \(item.kindDescription)"))
                    continue
                }
                checkKeys(valueEntries, known: ["value", "label", "aliases"], path: "values")
                guard let value = word(valueEntries, "value", required: true, anchor: item.location),
                      let valueLabel = text(valueEntries, "label", required: true, anchor: item.location) else { continue }
                var aliases: [String] = []
                if let aliasEntry = valueEntries.first(where: { $0.key == "aliases" }) {
                    aliases = sequence(aliasEntry.value, path: "aliases").compactMap { scalar($0, path: "aliases") }
                }
                field.values.append(EnumValue(value: value.value, label: valueLabel, aliases: aliases))
            }
        }
        if let entry = entries.first(where: { $0.key == "fields" }) {
            field.fields = fieldList(entry.value, path: "\(path).\(key.value).fields").0
        }
        checkSpellings(field, at: location)
        if field.defaultValue != nil && ![.text, .publisher, .reference, .enumeration].contains(kind) {
            report(location, field: "default", Phrase("只有 text、publisher、reference 或 enum 字段才有 'default'；'\(key.value)' 是 \(kind.name)，缺少它的记录什么也不显示", en: "only a text, publisher, reference or enum field has a 'default'; '\(key.value)' is \(kind.name), and a record without it shows nothing"))
        }
        switch kind {
        case .enumeration:
            if field.values.isEmpty { report(location, field: "values", Phrase("enum 字段 '\(key.value)' 没有列出 'values'", en: "the enum field '\(key.value)' lists no 'values'")) }
            if let fallback = field.defaultValue, !field.values.contains(where: { $0.value == fallback }) {
                report(location, field: "default", Phrase("'\(key.value)' 的默认值 '\(fallback)' 不在其 values 之中", en: "the default '\(fallback)' of '\(key.value)' is not one of its values"))
            }
        case .group, .table:
            if field.fields.isEmpty { report(location, field: "fields", Phrase("\(kind.name) 字段 '\(key.value)' 没有列出 'fields'", en: "the \(kind.name) field '\(key.value)' lists no 'fields'")) }
            if field.fields.contains(where: { $0.kind.holdsSubFields || $0.kind == .reportStatistics }) {
                report(location, field: "fields", Phrase("'\(key.value)' 的子字段必须是简单值（不能是 group、table 或 report_statistics）", en: "the sub-fields of '\(key.value)' must be simple values (no group, table or report_statistics)"))
            }
        case .reference where !field.fields.isEmpty:
            // A document outside the site, named by its 文号 and title.
            if field.fields.map(\.key) != ["document_number", "title"] || field.fields.contains(where: { $0.kind != .text }) {
                report(location, field: "fields", Phrase("引用字段 '\(key.value)' 的 'fields' 指站点之外的文件，必须恰好是 document_number 和 title，且都是 text", en: "the 'fields' of the reference '\(key.value)' name a document outside the site and must be exactly document_number and title, both text"))
            }
        default:
            if !field.fields.isEmpty { report(location, field: "fields", Phrase("只有 group、table 或 reference 字段才有 'fields'；'\(key.value)' 是 \(kind.name)", en: "only a group, a table or a reference has 'fields'; '\(key.value)' is \(kind.name)")) }
            if !field.values.isEmpty && kind != .enumeration {
                report(location, field: "values", Phrase("只有 enum 字段才有 'values'；'\(key.value)' 是 \(kind.name)", en: "only an enum has 'values'; '\(key.value)' is \(kind.name)"))
            }
        }
        return diagnostics.count == before ? field : nil
    }

    /// Each value, label and alias of an enum names one value only: a record's word must
    /// not read as two choices (or as the one its author did not mean).
    mutating func checkSpellings(_ field: FieldDeclaration, at location: SourceLocation) {
        var owner: [String: Int] = [:]
        for (index, value) in field.values.enumerated() {
            for spelling in Set(value.spellings) {
                if let other = owner[spelling], other != index {
                    report(location, field: "values",
                           Phrase("'\(spelling)' 指 '\(field.key)' 的两个值（'\(field.values[other].value)' 和 '\(value.value)'）；每个值、标签和别名只能指一个值", en: "'\(spelling)' names two values of '\(field.key)' ('\(field.values[other].value)' and '\(value.value)'); each value, label and alias must name one value"))
                } else {
                    owner[spelling] = index
                }
            }
        }
    }

    // MARK: Scalars

    mutating func checkKeys(_ entries: [YAMLEntry], known: [String], path: String) {
        for entry in entries where !known.contains(entry.key) {
            let hint = NearestKey.suggestion(for: entry.key, among: known).map { "; did you mean '\($0)'?" }
                ?? "; known keys here: \(known.joined(separator: ", "))"
            let hintZh = NearestKey.suggestion(for: entry.key, among: known).map { "；是否应为 '\($0)'？" }
                ?? "；此处可用的字段：\(known.joined(separator: ", "))"
            report(entry.keyLocation, field: entry.key, Phrase("未知字段 '\(entry.key)'\(hintZh)", en: "unknown key '\(entry.key)'\(hint)"))
        }
    }

    mutating func scalar(_ node: YAMLNode, path: String) -> String? {
        guard case .scalar(let text, _) = node.value, !node.isNull else {
            report(node.location, field: path, Phrase("'\(path)' 必须是单个值，不能是\(node.kindPhrase.zh)", en: "'\(path)' must be a single value, not \(node.kindDescription)"))
            return nil
        }
        return text.trimmed
    }

    mutating func sequence(_ node: YAMLNode, path: String) -> [YAMLNode] {
        guard case .sequence(let items) = node.value else {
            report(node.location, field: path, Phrase("'\(path)' 必须是列表（每项一行，以 '- ' 开头），不能是\(node.kindPhrase.zh)", en: "'\(path)' must be a list ('- item' lines), not \(node.kindDescription)"))
            return []
        }
        return items
    }

    mutating func text(_ entries: [YAMLEntry], _ key: String, required: Bool, anchor: SourceLocation = .fileStart) -> String? {
        guard let entry = entries.first(where: { $0.key == key }) else {
            if required { report(anchor, field: key, Phrase("缺少 '\(key)'", en: "missing '\(key)'")) }
            return nil
        }
        guard let value = scalar(entry.value, path: key) else { return nil }
        if value.isEmpty { report(entry.value.location, field: key, Phrase("'\(key)' 为空", en: "'\(key)' is empty")) }
        // Labels and names reach every page, feed and sitemap, which cannot carry these.
        if let (offset, character) = FieldReader.firstControlCharacter(value) ?? (value.contains("\n") ? (0, "\n") : nil) {
            report(entry.value.location, field: key,
                   Phrase("'\(key)' 含有控制字符 U+\(String(format: "%04X", character.value))（第 \(offset + 1) 个字符）；请删除", en: "'\(key)' holds the control character U+\(String(format: "%04X", character.value)) (character \(offset + 1)); remove it"))
            return nil
        }
        return value
    }

    /// A lower-case word (`a-z`, digits, `_`, `-`), as ids, folders and keys are.
    mutating func word(_ entries: [YAMLEntry], _ key: String, required: Bool,
                       anchor: SourceLocation = .fileStart) -> Located<String>? {
        guard let entry = entries.first(where: { $0.key == key }) else {
            if required { report(anchor, field: key, Phrase("缺少 '\(key)'", en: "missing '\(key)'")) }
            return nil
        }
        guard let value = scalar(entry.value, path: key) else { return nil }
        let allowed = !value.isEmpty && value.utf8.first.map { $0 >= 0x61 && $0 <= 0x7A } == true
            && value.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F || $0 == 0x2D }
        guard allowed, value.utf8.count <= 64 else {
            report(entry.value.location, field: key, Phrase("'\(key)' 必须是小写单词（a-z、0-9、'_'、'-'，以字母开头），不能是 '\(value)'", en: "'\(key)' must be a lower-case word (a-z, 0-9, '_', '-'; starting with a letter), not '\(value)'"))
            return nil
        }
        return Located(value: value, location: entry.value.location)
    }

    mutating func flag(_ entries: [YAMLEntry], _ key: String) -> Bool? {
        guard let entry = entries.first(where: { $0.key == key }), let value = scalar(entry.value, path: key) else { return nil }
        switch value {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            report(entry.value.location, field: key, Phrase("'\(key)' 必须是 true 或 false，不能是 '\(value)'", en: "'\(key)' must be true or false, not '\(value)'"))
            return nil
        }
    }

    mutating func number(_ entries: [YAMLEntry], _ key: String) -> Int? {
        guard let entry = entries.first(where: { $0.key == key }), let value = scalar(entry.value, path: key) else { return nil }
        guard let number = FieldReader.parseInteger(value),
              abs(number) <= FieldReader.maximumWholeNumber else {
            report(entry.value.location, field: key, Phrase("'\(key)' 必须是 ±\(FieldReader.maximumWholeNumber) 以内的整数，不能是 '\(value)'", en: "'\(key)' must be a whole number within ±\(FieldReader.maximumWholeNumber), not '\(value)'"))
            return nil
        }
        return number
    }
}
