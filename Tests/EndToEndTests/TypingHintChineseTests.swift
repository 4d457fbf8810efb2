import Foundation
import Testing

/// The typing hints as a webmaster reads them: `disclose check` in its default language,
/// Chinese, in the text format, each hint at its file:line:column with its Chinese words.
@Suite struct TypingHintChineseTests {
    static let path = TypingHintTests.path

    /// `disclose check` on the sample plus `text` at the hint's path, in Chinese: the run
    /// and the lines it printed about that file.
    func check(_ text: String? = nil, data: Data? = nil) throws -> (status: Int32, lines: [String]) {
        let sample = try SampleSite()
        if let text { try sample.add(text, at: Self.path) }
        if let data { try sample.add(data, at: Self.path) }
        let result = try Disclose.run(["check", "--root", sample.root.path], environment: ["DISCLOSE_LANG": "zh"])
        let lines = (result.stdout + result.stderr).split(separator: "\n").map(String.init)
        return (result.status, lines.filter { $0.hasPrefix(Self.path + ":") })
    }

    func notice(_ replace: @escaping (String) -> String) -> String { TypingHintTests.notice(replace) }

    @Test func aFullWidthColonIsNamedInChinese() throws {
        let (status, lines) = try check(notice { $0.replacingOccurrences(of: "publisher: ", with: "publisher：") })
        #expect(status == 1)
        #expect(lines == ["\(Self.path):5:10: 错误：[front_matter.syntax] 'publisher' 后面是全角冒号 '：'（中文标点）；YAML 要求半角冒号 ':' 加一个空格：请写作 'publisher: …'"], "\(lines)")
    }

    @Test func aChineseKeyWithAFullWidthColonIsToldToUseTheEnglishName() throws {
        let (_, lines) = try check(notice { $0.replacingOccurrences(of: "publisher: ", with: "发布机构：") })
        #expect(lines.count == 1 && lines[0].hasPrefix("\(Self.path):5:5: 错误：[front_matter.syntax] '发布机构' 后面是全角冒号 '：'"), "\(lines)")
        #expect(lines.first?.contains("字段名用英文（写 'title: …'，不写 '标题：…'）") == true, "\(lines)")
    }

    @Test func aColonWithNoSpaceIsNamedInChinese() throws {
        let (_, lines) = try check(notice { $0.replacingOccurrences(of: "publisher: ", with: "publisher:") })
        #expect(lines == ["\(Self.path):5:10: 错误：[front_matter.syntax] 'publisher:' 的冒号后缺少空格；YAML 会把整行读作一段文字而不是字段：请写作 'publisher: …'"], "\(lines)")
    }

    @Test func squareBracketsInADocumentNumberAreCorrectedInChinese() throws {
        for (typed, shown) in [("[2024]", "[]"), ("【2024】", "【】")] {
            let (status, lines) = try check(notice { $0.replacingOccurrences(of: "〔2024〕", with: typed) })
            #expect(status == 0, "a warning does not fail check")
            let written = "明人社通\(typed)31号"
            #expect(lines == ["\(Self.path):9:22: 警告：[record.typing] 'document_number'（文号）'\(written)' 把年份写在 '\(shown)' 中；文号的年份应使用六角括号 〔〕：请写作 明人社通〔2024〕31号"], "\(lines)")
        }
    }

    @Test func aFullWidthSolidusInAnIndexNumberIsCorrectedInChinese() throws {
        let (_, lines) = try check(notice { $0.replacingOccurrences(of: "9J/2024", with: "9J／2024") })
        let hint = lines.filter { $0.contains("[record.typing]") }
        #expect(hint == ["\(Self.path):3:33: 警告：[record.typing] 'index_number'（索引号）'11450100MB0000009J／2024-00031' 含有全角斜线 '／'；索引号应使用半角 '/'：请写作 11450100MB0000009J/2024-00031"], "\(lines)")
    }

    @Test func aFileSavedAsGB18030IsNamedInChineseWithHowToSaveItAsUTF8() throws {
        // 明湖 in GB18030 (B3 F7 BA FE): the first Chinese character is at line 2, column 8.
        let bytes = Array("---\ntitle: ".utf8) + [0xB3, 0xF7, 0xBA, 0xFE] + Array("\nindex_number: x\n---\n".utf8)
        let (status, lines) = try check(data: Data(bytes))
        #expect(status == 1)
        #expect(lines.count == 1, "\(lines)")
        #expect(lines.first?.hasPrefix("\(Self.path):2:8: 错误：[file.encoding] 文件以 GBK/GB18030（简体中文 GBK）编码保存，不是 'UTF-8'") == true, "\(lines)")
        #expect(lines.first?.contains("在编辑器中选择 另存为 → 编码 UTF-8，或运行 iconv -f GB18030 -t UTF-8 '\(Self.path)'") == true, "\(lines)")
    }

    @Test func datesInOtherSpellingsAreSpelledOutInChinese() throws {
        for typed in ["2024/3/5", "2024年3月5日"] {
            let (_, lines) = try check(notice { $0.replacingOccurrences(of: "published: 2024-03-05", with: "published: \(typed)") })
            #expect(lines == ["\(Self.path):7:12: 错误：[record.date] 'published'（发布日期） 必须是按 YYYY-MM-DD 写的日期，不能是 '\(typed)'；请写作 2024-03-05"], "\(lines)")
        }
        let (_, impossible) = try check(notice { $0.replacingOccurrences(of: "published: 2024-03-05", with: "published: 2024-02-30") })
        #expect(impossible == ["\(Self.path):7:12: 错误：[record.date] 'published'（发布日期） 必须是按 YYYY-MM-DD 写的日期，不能是 '2024-02-30'；日历上没有这一天"], "\(impossible)")
    }

    @Test func aMissingFieldIsNamedWithItsChineseLabel() throws {
        let (_, lines) = try check(notice { $0.replacingOccurrences(of: "publisher: 明湖区人力资源和社会保障局\n", with: "") })
        #expect(lines.contains { $0.hasPrefix("\(Self.path):1:1: 错误：[record.required] 缺少必填字段 'publisher'（发布机构）") }, "\(lines)")
        // English on request, byte for byte as before.
        let sample = try SampleSite(adding: [Self.path: notice { $0.replacingOccurrences(of: "publisher: 明湖区人力资源和社会保障局\n", with: "") }])
        let english = try Disclose.run(["check", "--root", sample.root.path, "--lang", "en"])
        #expect((english.stdout + english.stderr).contains("\(Self.path):1:1: error: [record.required] missing required field 'publisher' (发布机构)"), "\(english)")
    }
}
