import Foundation
import Testing

/// A key is judged by its text alone: a tag on a key is refused, and a key written twice
/// in any spelling is a duplicate, so no record's `disclosure` can be read two ways.
@Suite struct FrontMatterKeyTests {
    @Test func taggedAndRespelledDuplicateKeysAreErrorsAndNothingIsPublished() throws {
        let later = "disclosure: on-request"
        let records = [
            "tagged": SampleSite.policy(title: "标签键一号记录", index: 1, disclosure: "!x disclosure: proactive", extra: later),
            "verbatim": SampleSite.policy(title: "标签键二号记录", index: 2,
                                          disclosure: "!<tag:yaml.org,2002:str> disclosure: proactive", extra: later),
            "complex": SampleSite.policy(title: "标签键三号记录", index: 3, disclosure: "? !x disclosure\n: proactive",
                                         extra: later),
            "core-str": SampleSite.policy(title: "标签键四号记录", index: 4, disclosure: "!!str disclosure: proactive",
                                          extra: later),
            "nested": SampleSite.policy(title: "标签键五号记录", index: 5,
                                        extra: "review2: {!x date: 2024-01-16}"),
            "quoted": SampleSite.policy(title: "重复键一号记录", index: 6, disclosure: "\"disclosure\": proactive",
                                        extra: later),
            "question": SampleSite.policy(title: "重复键二号记录", index: 7, extra: "? disclosure\n: on-request"),
        ]
        var files: [String: String] = [:]
        for (name, text) in records { files["content/policies/\(name).md"] = text }
        let site = try SampleSite(adding: files)
        let (result, diagnostics) = try site.check()
        #expect(result.status == 1)
        let places = SampleSite.places(diagnostics)
        #expect(places.contains("content/policies/tagged.md:4:1 front_matter.key_tag"))
        #expect(places.contains("content/policies/verbatim.md:4:1 front_matter.key_tag"))
        #expect(places.contains("content/policies/complex.md:4:3 front_matter.key_tag"))
        #expect(places.contains("content/policies/core-str.md:4:1 front_matter.key_tag"))
        #expect(places.contains("content/policies/nested.md:10:11 front_matter.key_tag"))
        #expect(places.contains("content/policies/quoted.md:10:1 front_matter.duplicate_key"))
        #expect(places.contains { $0.hasPrefix("content/policies/question.md:") && $0.hasSuffix(" front_matter.duplicate_key") })
        let message = diagnostics.first { ($0["file"] as? String) == "content/policies/tagged.md" }?["message"] as? String
        #expect(message?.contains("'!x'") == true)

        #expect(try site.build().status == 1)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("site").path))
    }

    /// The example alone: published (page, catalog, search) before keys were judged
    /// by their text.
    @Test func aTaggedKeyAboveTheRealOneNoLongerPublishes() throws {
        let site = try SampleSite(adding: [
            "content/policies/tagged.md": SampleSite.policy(title: "标签键记录不得公开", index: 1,
                                                            disclosure: "!x disclosure: proactive", extra: "disclosure: on-request"),
        ])
        #expect(try site.build().status == 1)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("site").path))
    }

    /// A tag on the value is kept as today: the text decides, whatever the tag.
    @Test func aTagOnTheDisclosureValueCannotMakeARecordPublic() throws {
        let site = try SampleSite(adding: [
            "content/policies/tagged-value.md": SampleSite.policy(title: "标签值依申请公开记录", index: 1,
                                                                  disclosure: "disclosure: !x on-request"),
            "content/policies/str-value.md": SampleSite.policy(title: "标签值主动公开记录", index: 2,
                                                               disclosure: "disclosure: !!str proactive"),
        ])
        let build = try site.build()
        #expect(build.status == 0, "\(build.stderr)")
        let output = try site.output()
        #expect(output.files["policies/tagged-value.html"] == nil)
        #expect(!output.files.values.contains { String(decoding: $0, as: UTF8.self).contains("标签值依申请公开记录") })
        #expect(output.files["policies/str-value.html"] != nil)
    }
    /// Keys indented with the full-width space a Chinese keyboard types (U+3000) are keys
    /// of their own to YAML: the warning says so and names the key meant. A full-width
    /// '／' in a 索引号 is said once as itself (record.typing), not also as a 索引号 with no
    /// publisher code.
    @Test func fullWidthSpacesAndSlashesAreNamedAsWhatTheyAre() throws {
        let record = """
            ---
            title: 全角字符测试记录
            index_number: 11450100MB0000002B／2024-00991
            disclosure: proactive
            publisher: 明湖区人民政府办公室
            created: 2024-01-15
            published: 2024-01-16
            review: {reviewer: 审查人, date: 2024-01-16}
            document_number: 明府办发〔2024〕991号
            \u{3000}topic: 政务公开
            ---
            正文。

            """
        let site = try SampleSite(adding: ["content/policies/qj.md": record], keepingPublishers: true)
        let (_, diagnostics) = try site.check()
        let mine = diagnostics.filter { $0["file"] as? String == "content/policies/qj.md" }
        let rules = mine.map { $0["rule"] as? String ?? "" }
        #expect(rules.contains("record.typing"), "\(mine)")
        #expect(!rules.contains("index_number.publisher"), "\(mine)")
        let key = mine.first { $0["rule"] as? String == "record.unknown_key" }
        #expect(key?["line"] as? Int == 10)
        #expect((key?["message"] as? String)?.contains("full-width space (U+3000)") == true, "\(String(describing: key))")
        #expect((key?["message"] as? String)?.contains("if this is 'topic'") == true)
    }
}
