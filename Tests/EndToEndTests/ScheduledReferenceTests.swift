import Foundation
import Testing

/// A public record cannot name a record held back by scheduled publishing: its 索引号 would
/// reach catalog.json and its 有效性 the public page before the day it is published.
@Suite struct ScheduledReferenceTests {
    static let amendmentPath = "content/policies/mhf-2030-1.md"
    static let amendedPath = "content/policies/mhf-2029-8.md"
    static let amendmentIndex = "11450100MB0000001A/2030-00001"

    static let amendment = """
        ---
        title: 明湖区人民政府关于修改《明湖区农村集体资产管理办法》的决定
        index_number: \(amendmentIndex)
        disclosure: proactive
        publisher: 明湖区人民政府
        created: 2030-05-27
        published: 2030-06-03
        review: {reviewer: 区政府办公室保密审查小组, date: 2030-05-29}
        topic: 政务公开
        document_number: 明府发〔2030〕1号
        status: effective
        effective_from: 2030-07-01
        ---

        将第十二条中的“每年公布一次”修改为“每半年公布一次”。

        """

    static func amended(_ reference: String) -> String {
        """
        ---
        title: 明湖区人民政府关于印发《明湖区农村集体资产管理办法》的通知
        index_number: 11450100MB0000001A/2029-00008
        disclosure: proactive
        publisher: 明湖区人民政府
        created: 2029-03-04
        published: 2029-03-08
        review: {reviewer: 区政府办公室保密审查小组, date: 2029-03-06}
        topic: 政务公开
        document_number: 明府发〔2029〕8号
        status: amended
        \(reference)
        effective_from: 2029-04-01
        ---

        各镇人民政府、街道办事处：现将《明湖区农村集体资产管理办法》印发给你们，请认真贯彻执行。

        """
    }

    func site(_ reference: String = "amended_by: \(amendmentIndex)") throws -> SampleSite {
        try SampleSite(adding: [Self.amendmentPath: Self.amendment, Self.amendedPath: Self.amended(reference)])
    }

    @Test func aReferenceToAScheduledRecordIsRefusedUntilItsDay() throws {
        let sample = try site()
        let output = sample.tmp.url.appendingPathComponent("out")
        let early = try Disclose.run(["build", "--root", sample.root.path, "--output", output.path, "--as-of", "2030-06-02"])
        #expect(early.status == 1, "\(early.stderr)")
        #expect(early.stderr.contains("\(Self.amendedPath):12:13: error: [reference.scheduled] 'amended_by' (修改文件) names '\(Self.amendmentIndex)' (\(Self.amendmentPath)), which is scheduled for 2030-06-03"),
                "\(early.stderr)")
        let written = (try? SiteTree(output))?.files.keys.filter { (try? SiteTree(output))?.text($0).contains("2030-00001") == true } ?? []
        #expect(written.isEmpty, "nothing carries the held-back 索引号: \(written)")

        let check = try Disclose.run(["check", "--root", sample.root.path, "--as-of", "2030-06-02"])
        #expect(check.status == 1 && check.stderr.contains("\(Self.amendedPath):12:13: error: [reference.scheduled]"), "\(check.stderr)")

        let onTheDay = try Disclose.run(["build", "--root", sample.root.path, "--output", output.path, "--as-of", "2030-06-03"])
        #expect(onTheDay.status == 0, "\(onTheDay.stderr)")
        #expect(!onTheDay.stderr.contains("reference.scheduled"))
        #expect(try SiteTree(output).text("catalog.json").contains(Self.amendmentIndex))
    }

    @Test func aReferenceByTheScheduledRecordsDocumentNumberIsRefusedToo() throws {
        let sample = try site("amended_by: {document_number: 明府发〔2030〕1号, title: 明湖区人民政府关于修改《明湖区农村集体资产管理办法》的决定}")
        let check = try Disclose.run(["check", "--root", sample.root.path, "--as-of", "2030-06-02"])
        #expect(check.status == 1, "\(check.stderr)")
        #expect(check.stderr.contains("[reference.scheduled] 'amended_by' (修改文件) names 文号 '明府发〔2030〕1号', the 文号 of \(Self.amendmentPath), which is scheduled for 2030-06-03"),
                "\(check.stderr)")
    }
}

/// The other direction: a scheduled 解读 of a public policy is not listed on the policy's
/// page (or anywhere) before its day, and the build passes.
@Suite struct ScheduledInterpretationTests {
    static let title = "《明湖区政府信息公开工作规定》图解（2030年版）"
    static let interpretation = """
        ---
        title: \(title)
        index_number: 11450100MB0000002B/2030-00002
        disclosure: proactive
        publisher: 明湖区人民政府办公室
        created: 2030-05-27
        published: 2030-06-03
        review: {reviewer: 区政府办公室保密审查小组, date: 2030-05-29}
        topic: 政务公开
        interprets: 11450100MB0000001A/2024-00003
        ---

        以图表形式解读公开属性源头认定的流程。

        """

    @Test func aScheduledInterpretationIsNotListedOnItsPolicyBeforeItsDay() throws {
        let sample = try ScheduledPublishingTests().site()
        try sample.add(Self.interpretation, at: "content/interpretations/tj-2030-2.md")
        let output = sample.tmp.url.appendingPathComponent("out")
        let early = try Disclose.run(["build", "--root", sample.root.path, "--output", output.path, "--as-of", "2030-06-02"])
        #expect(early.status == 0, "\(early.stderr)")
        let tree = try SiteTree(output)
        let mentions = tree.files.keys.filter { tree.text($0).contains(Self.title) || tree.text($0).contains("2030-00002") }
        #expect(mentions.isEmpty, "\(mentions)")
        let onTheDay = try Disclose.run(["build", "--root", sample.root.path, "--output", output.path, "--as-of", "2030-06-03"])
        #expect(onTheDay.status == 0, "\(onTheDay.stderr)")
        let policyPage = try SiteTree(output).files.keys.first { $0.hasPrefix("policies/") && $0.hasSuffix("mhf-2024-3.html") }
        #expect(try SiteTree(output).text(try #require(policyPage)).contains(Self.title), "listed on its policy once published")
    }
}
