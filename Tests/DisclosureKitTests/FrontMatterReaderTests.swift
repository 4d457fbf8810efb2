import Foundation
import Testing
@testable import DisclosureKit

@Suite struct FrontMatterReaderTests {
    func read(_ yaml: String) -> Result<YAMLNode, FrontMatterReader.Failure> {
        FrontMatterReader.read(Substring(yaml), firstLine: 2)
    }

    @Test func keepsLineAndColumnOfKeysAndValues() throws {
        let node = try read("title: 标题\nreview:\n  reviewer: 张三\n  date: 2012-01-05\n").get()
        guard case .mapping(let entries) = node.value else { Issue.record("not a mapping"); return }
        #expect(entries.map(\.key) == ["title", "review"])
        #expect(entries[0].keyLocation == SourceLocation(line: 2, column: 1))
        #expect(entries[0].value.location == SourceLocation(line: 2, column: 8))
        guard case .mapping(let review) = entries[1].value.value else { Issue.record("review not a mapping"); return }
        #expect(review[1].key == "date")
        #expect(review[1].keyLocation == SourceLocation(line: 5, column: 3))
        #expect(review[1].value.location == SourceLocation(line: 5, column: 9))
    }

    @Test func keepsScalarTextWithoutYAML11Resolution() throws {
        let node = try read("a: no\nb: 012\nc: 1:30\nd: 2012-05-30\ne: '~'\nf: ~\n").get()
        guard case .mapping(let entries) = node.value else { Issue.record("not a mapping"); return }
        let texts = entries.map { entry -> String in
            if case .scalar(let text, _) = entry.value.value { return text }
            return "?"
        }
        #expect(texts == ["no", "012", "1:30", "2012-05-30", "~", "~"])
        #expect(!entries[4].value.isNull)
        #expect(entries[5].value.isNull)
    }

    @Test func duplicateKeyIsReportedAtTheSecondOccurrence() {
        let result = read("title: a\npublisher: b\ntitle: c\n")
        #expect(throws: FrontMatterReader.Failure.duplicateKey(key: "title", at: SourceLocation(line: 4, column: 1),
                                                               firstAt: SourceLocation(line: 2, column: 1))) {
            try result.get()
        }
    }

    @Test func syntaxErrorHasItsPosition() {
        guard case .failure(.syntax(let message, let location)) = read("title: a\nbad: value: here\n") else {
            Issue.record("expected a syntax error"); return
        }
        #expect(message.en.contains("mapping values are not allowed"))
        #expect(message.zh.hasPrefix("YAML 语法错误："))
        // libyaml's English is said in Chinese, not quoted.
        #expect(message.zh == "YAML 语法错误：此处不能再开始一个字段（值中含有 ': ' 时，请给整个值加上引号）", "\(message.zh)")
        #expect(location.line == 3)
    }

    /// The context libyaml names is in Chinese too.
    @Test func anUnclosedQuoteIsSaidInChinese() {
        guard case .failure(.syntax(let message, _)) = read("title: \"a\nb: c\n") else {
            Issue.record("expected a syntax error"); return
        }
        #expect(message.zh.contains("前置信息意外结束") && message.zh.contains("读取带引号的文字时"), "\(message.zh)")
        #expect(!message.zh.contains("while"), "\(message.zh)")
    }

    @Test func sequenceIsNotAMapping() {
        guard case .failure(.notMapping(let found, _)) = read("- a\n- b\n") else {
            Issue.record("expected notMapping"); return
        }
        #expect(found.en == "a list")
        #expect(found.zh == "列表")
    }

    @Test func emptyFrontMatterIsAnEmptyMapping() throws {
        let node = try read("").get()
        guard case .mapping(let entries) = node.value else { Issue.record("not a mapping"); return }
        #expect(entries.isEmpty)
    }

    @Test func billionLaughsIsRefusedQuickly() {
        var yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            yaml += "a\(level): &a\(level) [\(refs)]\n"
        }
        guard case .failure(.tooComplex) = read(yaml) else {
            Issue.record("an alias bomb must be refused"); return
        }
    }

    /// Yams hashes mapping keys to find duplicates; an alias bomb used as keys would be
    /// expanded there, before the node budget, unless refused first.
    @Test func aliasBombAsKeysIsRefusedBeforeComposing() {
        var yaml = "? &a [x, y]\n: 1\n"
        for level in 1...7 {
            let refs = Array(repeating: level == 1 ? "*a" : "*k\(level - 1)", count: 9).joined(separator: ", ")
            yaml += "k\(level): &k\(level) [\(refs)]\n"
        }
        yaml += "? *k7\n: 1\n? *k7\n: 2\n"
        let start = ContinuousClock.now
        guard case .failure(.tooComplex(_, let location)) = read(yaml) else { Issue.record("expected tooComplex"); return }
        #expect(ContinuousClock.now - start < .seconds(1))
        #expect(location.line >= 4)
    }

    @Test func ordinaryAliasesWithinTheBudgetAreFine() throws {
        let node = try read("base: &b {reviewer: 张三, date: 2012-01-05}\nreview: *b\n").get()
        guard case .mapping(let entries) = node.value else { Issue.record("not a mapping"); return }
        #expect(entries.count == 2)
    }

    @Test func deepNestingIsRefused() {
        let deep = "x: " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "\n"
        guard case .failure(.tooComplex) = read(deep) else { Issue.record("expected tooComplex"); return }
        let deeper = "x: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n"
        guard case .failure(.tooComplex) = read(deeper) else { Issue.record("expected tooComplex"); return }
    }

    /// libyaml's own sentences come out in Chinese, problem and context alike.
    @Test(arguments: [
        "title: *alias\n",
        "a:\n\t- b\n",
        "a: b\u{7}\n",
        "a: 1\n...\nb: 2\n",
    ])
    func libyamlsWordsAreSaidInChinese(yaml: String) throws {
        guard case .failure(.syntax(let message, _)) = read(yaml) else { Issue.record("expected a syntax failure"); return }
        // Names are kept (YAML, Tab); no English word is.
        let words = message.zh.replacingOccurrences(of: "YAML", with: "").replacingOccurrences(of: "Tab", with: "")
        #expect(!words.contains(where: { $0.isASCII && $0.isLetter }), "\(message.zh)")
    }
}
