import Foundation

/// Parses front-matter YAML with libyaml (`YAMLComposer`) into a `YAMLNode` tree that
/// keeps the line and column of every key and value, within limits that make hostile
/// input cheap to refuse.
public enum FrontMatterReader {
    /// Deepest nesting of mappings and lists accepted.
    public static let maximumDepth = 32
    /// Most values accepted, counted after alias expansion (a "billion laughs" document
    /// expands exponentially; the composer shares aliased nodes and counts what they
    /// expand to, so refusing one stays cheap).
    public static let maximumNodes = 20_000

    public enum Failure: Error, Equatable {
        case syntax(message: Phrase, at: SourceLocation)
        case duplicateKey(key: String, at: SourceLocation, firstAt: SourceLocation?)
        case notMapping(found: Phrase, at: SourceLocation)
        case tooComplex(reason: Phrase, at: SourceLocation)
        /// A key written with a YAML tag; `others` more follow it.
        case keyTag(key: String, tag: String, at: SourceLocation, others: Int)
    }

    /// Reads `yaml`, whose first line is line `firstLine` of its file.
    public static func read(_ yaml: Substring, firstLine: Int) -> Result<YAMLNode, Failure> {
        var text = String(yaml)
        let lineShift = firstLine - 1
        // Only an alias (`*name`) can expand, only a tag (`!`) be on a key: front matter
        // without either needs no pass over its events before composing. One loop tells.
        let (hasAlias, hasTag) = text.withUTF8 { bytes in
            var alias = false, tag = false
            for byte in bytes {
                if byte == UInt8(ascii: "*") { alias = true } else if byte == UInt8(ascii: "!") { tag = true }
            }
            return (alias, tag)
        }
        if hasAlias, let excess = AliasBudget.firstExcess(in: text, limit: maximumNodes) {
            return .failure(.tooComplex(
                reason: Phrase("前置信息展开后超过 \(maximumNodes) 个值（别名展开？），不予接受", en: "the front matter expands to more than \(maximumNodes) values (alias expansion?); refused"),
                at: SourceLocation(line: excess.line + lineShift, column: excess.column)))
        }
        if hasTag {
            let tagged = KeyTags.find(in: text)
            if let first = tagged.first {
                return .failure(.keyTag(key: first.key, tag: first.tag,
                                        at: SourceLocation(line: first.location.line + lineShift, column: first.location.column),
                                        others: tagged.count - 1))
            }
        }
        let root: YAMLNode?
        do {
            root = try YAMLComposer.compose(text, lineShift: lineShift)
        } catch {
            switch error {
            case .syntax(let syntax):
                if let slip = fullWidthColon(text, lineShift: lineShift) { return .failure(slip) }
                return .failure(failure(from: syntax, text: text, lineShift: lineShift))
            case .refused(let refused):
                // A key written twice is often a slip in another line's colon.
                if case .duplicateKey = refused, let slip = fullWidthColon(text, lineShift: lineShift) { return .failure(slip) }
                return .failure(refused)
            }
        }
        guard let root else {
            // Empty front matter: a mapping with no keys; the decoder reports what is missing.
            return .success(YAMLNode(.mapping([]), at: SourceLocation(line: firstLine, column: 1)))
        }
        guard case .mapping = root.value else {
            if let slip = fullWidthColon(text, lineShift: lineShift) { return .failure(slip) }
            return .failure(.notMapping(found: root.kindPhrase, at: root.location))
        }
        return .success(root)
    }

    /// The failure to report instead when a key's colon is full-width (`FullWidthColon`).
    /// Or when a key's colon has no space after it (`MissingSpaceAfterColon`), whichever
    /// line comes first.
    private static func fullWidthColon(_ text: String, lineShift: Int) -> Failure? {
        let fullWidth = text.contains("：") ? FullWidthColon.find(in: text) : nil
        let noSpace = MissingSpaceAfterColon.find(in: text)
        if let slip = fullWidth, noSpace.map({ $0.line >= slip.line }) ?? true {
            return .syntax(message: FullWidthColon.message(key: slip.key),
                           at: SourceLocation(line: slip.line + lineShift, column: slip.column))
        }
        guard let slip = noSpace else { return nil }
        return .syntax(message: MissingSpaceAfterColon.message(key: slip.key, fullWidthSpace: slip.fullWidthSpace),
                       at: SourceLocation(line: slip.line + lineShift, column: slip.column))
    }

    public static func diagnostic(for failure: Failure, file: String) -> Diagnostic {
        switch failure {
        case .syntax(let message, let location):
            return Rule.frontMatterSyntax.diagnostic(file, location, message)
        case .duplicateKey(let key, let location, let first):
            let firstText = first.map { " (first at line \($0.line))" } ?? ""
            let firstTextZh = first.map { "（第一次出现在第 \($0.line) 行）" } ?? ""
            return Rule.frontMatterDuplicateKey.diagnostic(file, location, field: key,
                Phrase("字段 '\(key)' 重复\(firstTextZh)；同一映射中一个字段只能出现一次",
                       en: "duplicate key '\(key)'\(firstText); a key may appear only once in a mapping"))
        case .notMapping(let found, let location):
            return Rule.frontMatterNotMapping.diagnostic(file, location,
                Phrase("前置信息必须是由 'key: value' 行组成的映射，但它是\(found.zh)", en: "the front matter must be a mapping of 'key: value' lines, but it is \(found.en)"))
        case .tooComplex(let reason, let location):
            return Rule.frontMatterTooComplex.diagnostic(file, location, reason)
        case .keyTag(let key, let tag, let location, let others):
            let more = others > 0 ? " (\(others) more tagged \(others == 1 ? "key follows" : "keys follow"))" : ""
            let moreZh = others > 0 ? "（后面还有 \(others) 个带标签的字段）" : ""
            return Rule.frontMatterKeyTag.diagnostic(file, location, field: key,
                Phrase("字段 '\(key)' 带有 YAML 标签 '\(tag)'；字段名是纯文本，只按文字比较：请删除标签\(moreZh)",
                       en: "the key '\(key)' carries the YAML tag '\(tag)'; a key is plain text, compared by its text alone: remove the tag\(more)"))
        }
    }

    private static func failure(from error: YAMLComposer.SyntaxError, text: String, lineShift: Int) -> Failure {
        if error.stage == .reader {
            let prefix = text.utf8.prefix(max(0, error.offset ?? 0))
            let line = prefix.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            return .syntax(message: Phrase("YAML 错误：\(YAMLProblemText.chinese(problem: error.problem))", en: "YAML error: \(error.problem)"),
                           at: SourceLocation(line: line + lineShift, column: 1))
        }
        // libyaml's own limit on nesting (1,000 levels, flow collections before the composer
        // sees them): the reader's limit on nesting, said as the reader says it.
        if error.problem.hasPrefix("Maximum nesting level reached") {
            return .tooComplex(reason: Phrase("前置信息嵌套超过 \(maximumDepth) 层，不予接受", en: "the front matter nests deeper than \(maximumDepth) levels; refused"),
                               at: SourceLocation(line: max(1, error.line) + lineShift, column: max(1, error.column)))
        }
        var message = Phrase("YAML 语法错误：\(YAMLProblemText.chinese(problem: error.problem))", en: "YAML syntax error: \(error.problem)")
        if let context = error.context, !context.text.isEmpty {
            message = message + Phrase("（\(YAMLProblemText.chinese(context: context.text))，第 \(context.line + lineShift) 行）",
                                       en: " (\(context.text) at line \(context.line + lineShift))")
        }
        return .syntax(message: message, at: SourceLocation(line: max(1, error.line) + lineShift, column: max(1, error.column)))
    }
}
