import Foundation
import Testing

/// 有效性 references make sense: the outside-document form cannot name an in-site record
/// that is not public (and suggests the 索引号 for a public one), `repealed_by` names a
/// policy, and no two documents repeal each other.
@Suite struct ValidityReferenceTests {
    static let withheld = "disclosure: withheld\nwithheld_reason: 内部事务信息"

    static func rules(_ diagnostics: [[String: Any]]) -> [String] {
        diagnostics.map { "\($0["file"] as! String) \($0["field"] as? String ?? "") \($0["rule"] as! String)" }.sorted()
    }

    @Test func theOutsideFormNamingAWithheldRecordsDocumentNumberIsRefused() throws {
        let sample = try SampleSite(adding: [
            "content/policies/w1.md": SampleSite.policy(title: "明湖区征地补偿内部协调会议纪要", index: 801, disclosure: Self.withheld),
            "content/policies/p5.md": SampleSite.policy(title: "明湖区征地补偿暂行办法", index: 805,
                extra: "status: repealed\nrepealed_by: {document_number: 测〔2024〕801号, title: 明湖区征地补偿内部协调会议纪要}"),
        ])
        let (checked, diagnostics) = try sample.check()
        #expect(checked.status != 0)
        #expect(Self.rules(diagnostics) == ["content/policies/p5.md repealed_by reference.not_public"], "\(diagnostics)")
        let message = diagnostics.first?["message"] as? String ?? ""
        #expect(message.contains("content/policies/w1.md") && !message.contains("内部协调会议纪要"), "names the file, never the title: \(message)")
        #expect(try sample.build().status != 0)
    }

    @Test func theOutsideFormNamingAPublicRecordSuggestsItsIndexNumber() throws {
        let sample = try SampleSite(adding: [
            "content/policies/n1.md": SampleSite.policy(title: "明湖区征地补偿办法", index: 801),
            "content/policies/p5.md": SampleSite.policy(title: "明湖区征地补偿暂行办法", index: 805,
                extra: "status: repealed\nrepealed_by: {document_number: 测〔2024〕801号, title: 明湖区征地补偿办法}"),
        ])
        let (checked, diagnostics) = try sample.check()
        #expect(checked.status == 0)
        #expect(Self.rules(diagnostics) == ["content/policies/p5.md repealed_by reference.document_number"], "\(diagnostics)")
        #expect((diagnostics.first?["message"] as? String)?.contains("11450100MB0000009Z/2024-90801") == true)
    }

    @Test func policiesDoNotRepealEachOtherAndRepealOnlyByAPolicy() throws {
        let notice = try String(contentsOf: Disclose.packageRoot.appendingPathComponent("content/notices/rsj-2024-zp.md"), encoding: .utf8)
        let sample = try SampleSite(adding: [
            "content/policies/a.md": SampleSite.policy(title: "甲办法", index: 811, extra: "status: repealed\nrepealed_by: 11450100MB0000009Z/2024-90812"),
            "content/policies/b.md": SampleSite.policy(title: "乙办法", index: 812, extra: "status: repealed\nrepealed_by: 11450100MB0000009Z/2024-90811"),
            "content/policies/c.md": SampleSite.policy(title: "丙办法", index: 813, extra: "status: repealed\nrepealed_by: 11450100MB0000009J/2024-00022"),
        ])
        _ = notice
        let (checked, diagnostics) = try sample.check()
        #expect(checked.status != 0)
        #expect(Self.rules(diagnostics) == ["content/policies/a.md repealed_by reference.circle", "content/policies/b.md repealed_by reference.circle",
                                            "content/policies/c.md repealed_by reference.type"], "\(diagnostics)")
    }

    /// The author of a0.md copied the 索引号 of the policy that amends it into its own
    /// `index_number` (and rightly into `amended_by`): one error, the duplicate, not a
    /// follow-on "names this record itself".
    @Test func aDuplicateIndexNumberIsReportedOnceNotAsFollowOnReferenceErrors() throws {
        let sample = try SampleSite(adding: [
            "content/policies/a0.md": SampleSite.policy(title: "甲办法", index: 821, extra: "status: amended\namended_by: 11450100MB0000009Z/2024-90821")
                .replacingOccurrences(of: "测〔2024〕821号", with: "测〔2024〕820号"),
            "content/policies/b.md": SampleSite.policy(title: "乙办法", index: 821),
        ])
        let (_, diagnostics) = try sample.check()
        #expect(Self.rules(diagnostics).map { $0.components(separatedBy: " ").last! } == ["index_number.duplicate"], "\(diagnostics)")
    }
}
