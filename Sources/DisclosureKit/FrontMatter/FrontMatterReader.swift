import Foundation
import Yams

/// Parses front-matter YAML with Yams into a `YAMLNode` tree that keeps the line and
/// column of every key and value, within limits that make hostile input cheap to refuse.
public enum FrontMatterReader {
    /// Deepest nesting of mappings and lists accepted.
    public static let maximumDepth = 32
    /// Most values accepted, counted after alias expansion (a "billion laughs" document
    /// expands exponentially; Yams' composer shares aliased nodes, so walking the
    /// composed tree with a budget is what keeps that cheap).
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
        let text = String(yaml)
        let lineShift = firstLine - 1
        // Only an alias (`*name`) can expand; front matter without a `*` needs no second pass.
        if text.utf8.contains(UInt8(ascii: "*")), let excess = AliasBudget.firstExcess(in: text, limit: maximumNodes) {
            return .failure(.tooComplex(
                reason: Phrase("前置信息展开后超过 \(maximumNodes) 个值（别名展开？），不予接受", en: "the front matter expands to more than \(maximumNodes) values (alias expansion?); refused"),
                at: SourceLocation(line: excess.line + lineShift, column: excess.column)))
        }
        // A tag starts with `!`; front matter without one needs no pass over its events.
        if text.utf8.contains(UInt8(ascii: "!")) {
            let tagged = KeyTags.find(in: text)
            if let first = tagged.first {
                return .failure(.keyTag(key: first.key, tag: first.tag,
                                        at: SourceLocation(line: first.location.line + lineShift, column: first.location.column),
                                        others: tagged.count - 1))
            }
        }
        let root: Node?
        do {
            // The basic resolver: the text decides nothing (see YAMLNode), and the default
            // resolver's regular expressions were 3.5 % of a build's CPU time. The encoding
            // is given: Yams' default reads the whole environment on every call (another
            // 3.6 %) and prints to standard output when YAMS_DEFAULT_ENCODING is set, which
            // would corrupt `--format json`.
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            if let slip = fullWidthColon(text, lineShift: lineShift) { return .failure(slip) }
            return .failure(failure(from: error, text: text, lineShift: lineShift))
        } catch {
            return .failure(.syntax(message: Phrase("YAML 错误：\(error)", en: "YAML error: \(error)"), at: SourceLocation(line: firstLine, column: 1)))
        }
        guard let root else {
            // Empty front matter: a mapping with no keys; the decoder reports what is missing.
            return .success(YAMLNode(.mapping([]), at: SourceLocation(line: firstLine, column: 1)))
        }
        var converter = Converter(lineShift: lineShift)
        do {
            let node = try converter.convert(root, depth: 0)
            guard case .mapping = node.value else {
                if let slip = fullWidthColon(text, lineShift: lineShift) { return .failure(slip) }
                return .failure(.notMapping(found: node.kindPhrase, at: node.location))
            }
            return .success(node)
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(.syntax(message: Phrase("\(error)", en: "\(error)"), at: SourceLocation(line: firstLine, column: 1)))
        }
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

    private struct Converter {
        let lineShift: Int
        var nodes = 0

        func location(_ node: Node) -> SourceLocation {
            guard let mark = node.mark else { return SourceLocation(line: 1 + lineShift, column: 1) }
            return SourceLocation(line: mark.line + lineShift, column: mark.column)
        }

        mutating func convert(_ node: Node, depth: Int) throws -> YAMLNode {
            nodes += 1
            let here = location(node)
            guard nodes <= maximumNodes else {
                throw Failure.tooComplex(
                    reason: Phrase("前置信息展开后超过 \(maximumNodes) 个值（别名展开？），不予接受", en: "the front matter expands to more than \(maximumNodes) values (alias expansion?); refused"),
                    at: here)
            }
            guard depth <= maximumDepth else {
                throw Failure.tooComplex(
                    reason: Phrase("前置信息嵌套超过 \(maximumDepth) 层，不予接受", en: "the front matter nests deeper than \(maximumDepth) levels; refused"), at: here)
            }
            switch node {
            case .scalar(let scalar):
                return YAMLNode(.scalar(scalar.string, plain: scalar.style == .plain || scalar.style == .any), at: here)
            case .sequence(let sequence):
                var items: [YAMLNode] = []
                items.reserveCapacity(sequence.count)
                for item in sequence {
                    items.append(try convert(item, depth: depth + 1))
                }
                return YAMLNode(.sequence(items), at: here)
            case .mapping(let mapping):
                var entries: [YAMLEntry] = []
                entries.reserveCapacity(mapping.count)
                // Keys are compared by their text alone (Yams compares tags too; tags on keys
                // are refused before composing, but no key may ever be read two ways).
                var firstByKey: [String: SourceLocation] = [:]
                for (key, value) in mapping {
                    guard case .scalar(let keyScalar) = key else {
                        throw Failure.syntax(message: Phrase("字段名必须是纯文本，不能是\(key.sequence != nil ? "列表" : "映射")",
                                                            en: "a key must be plain text, not \(key.sequence != nil ? "a list" : "a mapping")"),
                                             at: location(key))
                    }
                    if let first = firstByKey[keyScalar.string] {
                        throw Failure.duplicateKey(key: keyScalar.string, at: location(key), firstAt: first)
                    }
                    firstByKey[keyScalar.string] = location(key)
                    nodes += 1
                    entries.append(YAMLEntry(key: keyScalar.string, keyLocation: location(key),
                                             value: try convert(value, depth: depth + 1)))
                }
                return YAMLNode(.mapping(entries), at: here)
            case .alias:
                // Yams resolves aliases while composing; an unresolved one is malformed input.
                throw Failure.syntax(message: Phrase("无法解析的 YAML 别名", en: "unresolved YAML alias"), at: here)
            }
        }
    }

    private static func failure(from error: YamlError, text: String, lineShift: Int) -> Failure {
        func shifted(_ mark: Mark) -> SourceLocation {
            SourceLocation(line: max(1, mark.line) + lineShift, column: max(1, mark.column))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = Phrase("YAML 语法错误：\(YAMLProblemText.chinese(problem: problem))", en: "YAML syntax error: \(problem)")
            if let context, !context.text.isEmpty {
                message = message + Phrase("（\(YAMLProblemText.chinese(context: context.text))，第 \(context.mark.line + lineShift) 行）",
                                           en: " (\(context.text) at line \(context.mark.line + lineShift))")
            }
            return .syntax(message: message, at: shifted(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams names a non-text key "<uncovertable>"; say what it is instead.
            let key = duplicates.first.map { $0 == "<uncovertable>" ? "(a list or mapping used as a key)" : $0 } ?? "?"
            let first = shifted(context.mark)
            if let second = laterOccurrence(of: key, after: context.mark, in: text) {
                return .duplicateKey(key: key, at: SourceLocation(line: second.line + lineShift, column: second.column), firstAt: first)
            }
            return .duplicateKey(key: key, at: first, firstAt: nil)
        case .reader(let problem, let offset, _, _):
            var location = SourceLocation(line: 1 + lineShift, column: 1)
            if let offset {
                let prefix = text.utf8.prefix(max(0, offset))
                let line = prefix.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
                location = SourceLocation(line: line + lineShift, column: 1)
            }
            return .syntax(message: Phrase("YAML 错误：\(problem)", en: "YAML error: \(problem)"), at: location)
        default:
            return .syntax(message: Phrase("YAML 错误：\(error)", en: "YAML error: \(error)"), at: SourceLocation(line: 1 + lineShift, column: 1))
        }
    }

    /// Where `key` is written again at the same column, below its first occurrence: Yams
    /// reports a duplicate at the first one, but the second is the one to delete.
    static func laterOccurrence(of key: String, after first: Mark, in text: String) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line < lines.count else { return nil }
        for index in first.line..<lines.count {
            let line = lines[index]
            let indent = first.column - 1
            guard line.count > indent else { continue }
            let rest = line.dropFirst(indent)
            for candidate in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(candidate) {
                let after = rest.dropFirst(candidate.count).drop { $0 == " " || $0 == "\t" }
                if after.hasPrefix(":") { return (index + 1, first.column) }
            }
        }
        return nil
    }
}
