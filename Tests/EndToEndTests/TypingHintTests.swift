import Foundation
import Testing

/// Pointed hints for what a Chinese keyboard types, each at its line and column.
@Suite struct TypingHintTests {
    static let path = "content/notices/hint.md"

    /// A valid notice of the sample with `replace` applied to its front matter.
    static func notice(_ replace: (String) -> String = { $0 }) -> String {
        replace("""
            ---
            title: 明湖区人力资源和社会保障局关于公开招聘的公告
            index_number: 11450100MB0000009J/2024-00031
            disclosure: 主动公开
            publisher: 明湖区人力资源和社会保障局
            created: 2024-03-01
            published: 2024-03-05
            review: {reviewer: 区人社局保密审查小组, date: 2024-03-04}
            document_number: 明人社通〔2024〕31号
            deadline: 2024-03-31
            ---

            公告正文。

            """)
    }

    func check(_ text: String) throws -> [[String: Any]] {
        let sample = try SampleSite(adding: [Self.path: text])
        let (_, diagnostics) = try sample.check()
        return diagnostics.filter { $0["file"] as? String == Self.path }
    }

    func places(_ diagnostics: [[String: Any]]) -> [String] { SampleSite.places(diagnostics) }
    func messages(_ diagnostics: [[String: Any]]) -> String { diagnostics.compactMap { $0["message"] as? String }.joined(separator: "\n") }

    @Test func theNoticeIsValidAsWritten() throws {
        #expect(try check(Self.notice()).isEmpty)
    }

    @Test func aFullWidthColonAfterAKeyIsNamedOnItsLine() throws {
        let found = try check(Self.notice { $0.replacingOccurrences(of: "publisher: ", with: "publisher：") })
        #expect(places(found) == ["\(Self.path):5:10 front_matter.syntax"], "\(found)")
        #expect(messages(found).contains("'publisher' is followed by a full-width colon '：'") && messages(found).contains("write 'publisher: …'"))
        // On the first line YAML took the whole front matter for one text.
        let first = try check(Self.notice { $0.replacingOccurrences(of: "title: ", with: "title：") })
        #expect(places(first) == ["\(Self.path):2:6 front_matter.syntax"], "\(first)")
    }

    @Test func aFullWidthColonAfterASpaceIsNamedOnItsLine() throws {
        let found = try check(Self.notice { $0.replacingOccurrences(of: "publisher: ", with: "publisher ：") })
        #expect(places(found) == ["\(Self.path):5:11 front_matter.syntax"], "\(found)")
        #expect(messages(found).contains("'publisher' is followed by a full-width colon '：'"), "\(found)")
    }

    @Test func aChineseKeyWithAFullWidthColonIsNamedOnItsLine() throws {
        let found = try check(Self.notice { $0.replacingOccurrences(of: "publisher: ", with: "发布机构：") })
        #expect(places(found) == ["\(Self.path):5:5 front_matter.syntax"], "\(found)")
        #expect(messages(found).contains("'发布机构' is followed by a full-width colon '：'") && messages(found).contains("keys are the English names"), "\(found)")
    }

    @Test func aFullWidthColonInSiteYAMLIsNamedOnItsLine() throws {
        let sample = try SampleSite()
        let file = sample.root.appendingPathComponent("content/site.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try sample.add(text.replacingOccurrences(of: "\npublisher: ", with: "\npublisher ："), at: "content/site.yaml")
        let (_, diagnostics) = try sample.check()
        let found = diagnostics.filter { $0["file"] as? String == "content/site.yaml" }
        #expect(places(found) == ["content/site.yaml:5:11 front_matter.syntax"], "\(found)")
        #expect(messages(found).contains("'publisher' is followed by a full-width colon '：'"), "\(found)")
    }

    @Test func aColonWithNoSpaceAfterItIsNamedOnItsLine() throws {
        let found = try check(Self.notice { $0.replacingOccurrences(of: "publisher: ", with: "publisher:") })
        #expect(places(found) == ["\(Self.path):5:10 front_matter.syntax"], "\(found)")
        #expect(messages(found).contains("'publisher:' has no space after its colon") && messages(found).contains("write 'publisher: …'"), "\(found)")
    }

    @Test func squareBracketsInADocumentNumberAreNamedWithTheCorrection() throws {
        for (typed, shown) in [("[2024]", "[]"), ("【2024】", "【】"), ("（2024）", "（）")] {
            let found = try check(Self.notice { $0.replacingOccurrences(of: "〔2024〕", with: typed) })
            #expect(places(found) == ["\(Self.path):9:22 record.typing"], "\(typed): \(found)")
            #expect(messages(found).contains("puts its year in '\(shown)'") && messages(found).contains("write 明人社通〔2024〕31号"), "\(found)")
        }
    }

    @Test func aFullWidthSolidusInAnIndexNumberIsNamed() throws {
        let found = try check(Self.notice { $0.replacingOccurrences(of: "9J/2024", with: "9J／2024") })
        #expect(places(found).contains("\(Self.path):3:33 record.typing"), "\(found)")
        #expect(messages(found).contains("write 11450100MB0000009J/2024-00031"))
    }

    @Test func aFileSavedAsGB18030IsNamedWithHowToSaveItAsUTF8() throws {
        let sample = try SampleSite()
        let text = Self.notice()
        // GB18030 bytes of the notice, by Foundation's converter where it has one, else a
        // hand-made one: 明 is B3 F7 in GB2312/GBK/GB18030.
        var bytes = Array("---\ntitle: ".utf8) + [0xB3, 0xF7, 0xBA, 0xFE] + Array("\nindex_number: x\n---\n".utf8)
        if let encoded = text.data(using: String.Encoding(rawValue: 0x80000632)) { bytes = Array(encoded) }
        try sample.add(Data(bytes), at: Self.path)
        let (result, diagnostics) = try sample.check()
        #expect(result.status == 1)
        let found = diagnostics.filter { $0["file"] as? String == Self.path }
        #expect(places(found) == ["\(Self.path):2:8 file.encoding"], "\(found)")
        #expect(messages(found).contains("saved as GBK/GB18030") && messages(found).contains("iconv -f GB18030 -t UTF-8"))
        // Bytes that are neither keep the plain message.
        try sample.add(Data(Array("---\ntitle: ".utf8) + [0xFF, 0xFE]), at: Self.path)
        let (_, other) = try sample.check()
        #expect(messages(other.filter { $0["file"] as? String == Self.path }).contains("is not valid UTF-8"))
    }

    @Test func datesInOtherSpellingsAreSpelledOut() throws {
        for (typed, column) in [("2024/3/5", 12), ("2024年3月5日", 12), ("2024.3.5", 12), ("2024-3-5", 12)] {
            let found = try check(Self.notice { $0.replacingOccurrences(of: "published: 2024-03-05", with: "published: \(typed)") })
            #expect(places(found) == ["\(Self.path):7:\(column) record.date"], "\(typed): \(found)")
            #expect(messages(found).contains("not '\(typed)'; write 2024-03-05"), "\(found)")
        }
        let impossible = try check(Self.notice { $0.replacingOccurrences(of: "published: 2024-03-05", with: "published: 2024/2/30") })
        #expect(!messages(impossible).contains("write"), "no correction for a day that does not exist: \(impossible)")
    }
}
