import Foundation
import Testing
@testable import DisclosureKit

@Suite struct TypingHintUnitTests {
    @Test(arguments: [("2012/3/1", "2012-03-01"), ("2012年3月1日", "2012-03-01"), ("2012.03.01", "2012-03-01"),
                      ("２０１２年３月１日", "2012-03-01"), ("2012-3-1", "2012-03-01"), (" 2012 年 12 月 31 日 ", "2012-12-31")])
    func aDateInAnotherSpellingIsSpelledOut(_ typed: String, _ expected: String) {
        #expect(DateSpelling.corrected(typed) == expected)
    }

    @Test(arguments: ["2012-03-01", "2012/2/30", "2012年13月1日", "3/1/2012", "二〇一二年三月一日", "2012/3", ""])
    func noCorrectionForTheRightFormOrNoDay(_ typed: String) {
        #expect(DateSpelling.corrected(typed) == nil)
    }

    @Test func aFullWidthColonIsFoundOnlyAfterAKey() {
        #expect(FullWidthColon.find(in: "title: a\nsummary：内容\n")?.line == 2)
        #expect(FullWidthColon.find(in: "title: a\nsummary：内容\n")?.column == 8)
        #expect(FullWidthColon.find(in: "  - file：a.pdf\n")?.column == 9)
        #expect(FullWidthColon.find(in: "title: 注意：事项\n") == nil, "a colon in a value is no slip")
        #expect(FullWidthColon.find(in: "标题：明湖区\n")?.key == "标题", "a key written as its Chinese label")
        #expect(FullWidthColon.find(in: "title ：明湖区\n")?.column == 7, "a space before the colon")
        #expect(FullWidthColon.find(in: "注意 以下事项：x\n") == nil, "words after a space are text")
        #expect(FullWidthColon.find(in: "：x\n") == nil)
    }

    @Test func aColonWithNoSpaceIsFoundOnlyAfterAKey() {
        #expect(MissingSpaceAfterColon.find(in: "index_number: x\ntitle:明湖区\n")?.line == 2)
        #expect(MissingSpaceAfterColon.find(in: "title:明湖区\n")?.column == 6)
        #expect(MissingSpaceAfterColon.find(in: "title:\u{3000}明湖区\n")?.fullWidthSpace == true)
        #expect(MissingSpaceAfterColon.find(in: "title:明湖区\n")?.fullWidthSpace == false)
        #expect(MissingSpaceAfterColon.message(key: "title", fullWidthSpace: true).zh.contains("全角空格"))
        #expect(MissingSpaceAfterColon.find(in: "title: 明湖区\nurl: https://x.cn/\n") == nil)
        #expect(MissingSpaceAfterColon.find(in: "  https://www.example.gov.cn/\n") == nil, "a URL on its own line is text")
        #expect(MissingSpaceAfterColon.find(in: "title:\n  - a\n") == nil, "a colon at the line's end")
    }

    @Test func gb18030IsRecognisedByItsStructure() {
        // 明湖区 in GB18030, and a four-byte sequence (U+20000 is 95 32 82 36).
        #expect(LegacyChineseEncoding.isGB18030(ArraySlice(Array("t: ".utf8) + [0xC3, 0xF7, 0xBA, 0xFE, 0xC7, 0xF8])))
        #expect(LegacyChineseEncoding.isGB18030(ArraySlice([0x95, 0x32, 0x82, 0x36])))
        #expect(!LegacyChineseEncoding.isGB18030(ArraySlice(Array("ascii only".utf8))), "no multi-byte sequence: nothing to name")
        #expect(!LegacyChineseEncoding.isGB18030(ArraySlice([0xC3, 0x28])))
        #expect(!LegacyChineseEncoding.isGB18030(ArraySlice([0xFF, 0xFE, 0x41, 0x00])), "UTF-16 is not GB18030")
        #expect(!LegacyChineseEncoding.isGB18030(ArraySlice([0xB3])), "a lead byte at the end")
    }

    /// An attachment saved as GBK with a stray byte (Windows' 0x80 "€") is still read as its
    /// text for the audit; random bytes are not taken for text.
    @Test func aGBKFileWithAStrayByteIsStillReadAsText() throws {
        let title = "关于做好第三次全国土壤普查涉密数据管理工作的通知"
        let gb18030 = String.Encoding(rawValue: 0x8000_0632)
        let encoded = try #require(title.data(using: gb18030))
        let file = Array("价格 ".utf8.map { $0 }) + [0x80] + Array(" 100\r\n".utf8) + Array(encoded)
        let text = try #require(LegacyChineseEncoding.utf8Text(of: file))
        #expect(String(decoding: text, as: UTF8.self).contains(title))
        var generator = SystemRandomNumberGenerator()
        let noise = (0..<100_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(LegacyChineseEncoding.mostlyGB18030(noise) == nil)
    }
}

/// The hints and the declaration messages in Chinese, the run's default language, beside
/// their English.
@Suite struct ChineseInputMessageTests {
    @Test func theColonHintsSpeakChinese() {
        #expect(FullWidthColon.message(key: "title").zh == "'title' 后面是全角冒号 '：'（中文标点）；YAML 要求半角冒号 ':' 加一个空格：请写作 'title: …'")
        #expect(FullWidthColon.message(key: "title").en == "'title' is followed by a full-width colon '：' (Chinese punctuation); YAML needs the half-width ':' and a space: write 'title: …'")
        #expect(FullWidthColon.message(key: "标题").zh.contains("字段名用英文"))
        #expect(MissingSpaceAfterColon.message(key: "title").zh == "'title:' 的冒号后缺少空格；YAML 会把整行读作一段文字而不是字段：请写作 'title: …'")
    }

    @Test func aTypeDeclarationIsToldInChinese() {
        let yaml = "id: reply\nfolder: replies\nname: 答复\nfields:\n  - {key: answer, label: 答复内容, kind: texte}\n"
        let (_, diagnostics) = TypeRegistryBuilder.build(builtIn: .builtIn, files: [("types/reply.yaml", yaml)])
        #expect(diagnostics.map(\.rule) == ["type.declaration"], "\(diagnostics)")
        #expect(diagnostics.first?.message.zh.hasPrefix("字段 'answer' 的类别 'texte' 未知；可用的类别：") == true, "\(diagnostics)")
        #expect(diagnostics.first?.message.en.hasPrefix("field 'answer' has an unknown kind 'texte'; kinds: ") == true, "\(diagnostics)")
    }

    @Test func aFileNameIsRefusedInChinese() {
        guard case .failure(let refusal) = FileName.read([0x61, 0x0A, 0x62]) else { Issue.record("a newline in a name is refused"); return }
        #expect(refusal.message.zh == "文件名含有控制字符（U+000A）；请重命名，此文件不予读取")
        #expect(refusal.message.en == "the name holds a control character (U+000A); rename it, it is not read")
    }
}
