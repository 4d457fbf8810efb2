import Foundation
import Testing
@testable import DisclosureKit

/// Every rule's texts (what it checks, its example message) are written in Chinese as
/// well as English, in the house style: full-width punctuation, no full stop at the end,
/// and the example keeps every value, key and number the English one quotes, because a
/// webmaster searches the README's table for the words the tool printed.
@Suite struct RuleTranslationTests {
    static func hasHan(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    @Test(arguments: Rule.all.map(\.id)) func bothTextsAreWrittenInChinese(_ id: String) throws {
        let rule = try #require(Rule.all.first { $0.id == id })
        for text in [rule.checks, rule.example] {
            #expect(text.zh != text.en, "\(id): the Chinese is a copy of the English")
            #expect(Self.hasHan(text.zh), "\(id): '\(text.zh)' has no Chinese")
        }
    }

    /// A comma, semicolon, colon or parenthesis touching a Chinese character is written
    /// full-width (，；：（）); a message has no full stop at its end.
    @Test(arguments: Rule.all.map(\.id)) func chinesePunctuationIsFullWidth(_ id: String) throws {
        let rule = try #require(Rule.all.first { $0.id == id })
        for text in [rule.checks.zh, rule.example.zh] {
            let half = text.firstMatch(of: /\p{Han}[,;:()]|[,;:()]\p{Han}/)
            #expect(half == nil, "\(id): half-width punctuation at '\(half.map { String($0.output) } ?? "")' in \(text)")
            #expect(!(text.hasSuffix("。") || text.hasSuffix(".")), "\(id): ends with a full stop: \(text)")
        }
    }

    /// What the English example quotes ('publisher', '明政办发[2012]8号', '^[0-9A-Z]…$')
    /// and every number it gives are in the Chinese example too; a number may be written
    /// in Chinese numerals (条例第十二条).
    @Test(arguments: Rule.all.map(\.id)) func theChineseExampleKeepsWhatTheEnglishQuotes(_ id: String) throws {
        let rule = try #require(Rule.all.first { $0.id == id })
        let en = rule.example.en, zh = rule.example.zh
        for match in en.matches(of: /(?:^|[^A-Za-z])('[^'\s]+')/) {
            #expect(zh.contains(match.1), "\(id): \(match.1) is not in \(zh)")
        }
        for match in en.matches(of: /\d+/) {
            let number = String(match.output)
            let written = Int(number).flatMap(Self.chineseNumeral)
            #expect(zh.contains(number) || written.map { zh.contains($0) } == true, "\(id): \(number) is not in \(zh)")
        }
    }

    @Test func chineseNumeralsAreWrittenAsInALawsArticles() {
        #expect([1, 10, 12, 20, 49, 99].map(Self.chineseNumeral) == ["一", "十", "十二", "二十", "四十九", "九十九"])
    }

    /// 1–99 as an article number is written (十二, 四十九); nil past 99.
    static func chineseNumeral(_ n: Int) -> String? {
        let digits = Array("〇一二三四五六七八九")
        guard (1...99).contains(n) else { return nil }
        if n < 10 { return String(digits[n]) }
        let tens = n / 10 == 1 ? "十" : "\(digits[n / 10])十"
        return n % 10 == 0 ? tens : tens + String(digits[n % 10])
    }

    /// `disclose rules` prints the table in the run's language: headers, severity words
    /// and texts all in it.
    @Test func theRuleTableIsInTheLanguageAsked() {
        let zh = Rule.markdownTable(.zh), en = Rule.markdownTable(.en)
        #expect(zh.hasPrefix("| 规则 | 级别 | 检查什么 | 示例消息 |\n"))
        #expect(zh.contains("| `record.required` | 错误 | 记录所属类型的每个必填字段都已给出且不为空 | 缺少必填字段 'publisher'（发布机构） |"))
        #expect(zh.contains("| `timeliness.late` | 警告 |"))
        #expect(zh.contains("| `record.scheduled` | 提示 |"))
        #expect(en.contains("| `record.required` | error | every required field of the record's type is present and not empty | missing required field 'publisher' (发布机构) |"))
        #expect(zh.split(separator: "\n").count == Rule.all.count + 2)
        #expect(!zh.contains("| error |") && !en.contains("| 错误 |"))
    }
}
