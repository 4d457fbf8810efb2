import Foundation
import Testing

/// A natural person's ID number (公民身份号码) never reaches the site, whichever type of
/// public record, and whichever place of it, an author wrote it in; a decision's natural
/// person is shown by surname with every given-name character masked.
@Suite struct PersonalPrivacyTests {
    static let decision = try! String(contentsOf: Disclose.packageRoot.appendingPathComponent("content/decisions/scjg-2024-cf-18.md"), encoding: .utf8)
    static let notice = try! String(contentsOf: Disclose.packageRoot.appendingPathComponent("content/notices/rsj-2024-zp.md"), encoding: .utf8)

    /// The sample's decision as another one (index number and 文号 of its own), with `edits` applied.
    static func decision(_ edits: [(String, String)]) -> String {
        var text = decision.replacingOccurrences(of: "2024-00036", with: "2024-00099").replacingOccurrences(of: "18号", with: "99号")
        for (old, new) in edits {
            precondition(text.contains(old), old)
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    @Test func anIDNumberAnywhereInAPublicRecordIsAnErrorAtItsPlace() throws {
        let id = "450102199001011234"
        let text = Self.decision([
            ("title: 明湖区市场监督管理局行政处罚决定信息公示（明市监罚〔2024〕99号）", "title: 张某某（身份证号\(id)）行政处罚决定公示"),
            ("summary: 个体工商户张某某", "summary: 个体工商户张某某（\(id)）"),
            ("decision_date: 2024-07-15\n", "decision_date: 2024-07-15\nattachments:\n  - {file: \(id).pdf, title: 身份证复印件}\n  - {file: fyj.pdf, title: 张三身份证\(id)复印件}\n"),
        ]) + "\n当事人张三，公民身份号码\(id)。\n"
        let spaced = Self.notice.replacingOccurrences(of: "2024-00022", with: "2024-00098").replacingOccurrences(of: "22号", with: "98号")
            .replacingOccurrences(of: "招聘社区工作者40名，分配", with: "招聘社区工作者40名（联系人身份证 4501 0219 9001 0112 3X），分配")
        let legal = Self.decision([
            ("party: 张某某\nparty_type: 自然人", "party: 明湖区湖畔餐饮管理有限公司\nparty_type: legal_person"),
            ("reason: 2024年", "reason: 法定代表人张三（身份证450102900101123）2024年"),
        ]).replacingOccurrences(of: "2024-00099", with: "2024-00097").replacingOccurrences(of: "99号", with: "97号")
        let sample = try SampleSite(adding: [
            "content/decisions/id.md": text, "content/decisions/\(id).pdf": "%PDF-1.4\n%%EOF\n", "content/decisions/fyj.pdf": "%PDF-1.4\n%%EOF\n",
            "content/notices/spaced.md": spaced, "content/decisions/legal.md": legal,
        ])
        let (checked, diagnostics) = try sample.check()
        #expect(checked.status != 0)
        let places = SampleSite.places(diagnostics.filter { $0["rule"] as? String == "record.id_number" })
        let lines = text.components(separatedBy: "\n")
        func line(_ prefix: String) -> Int { lines.firstIndex { $0.hasPrefix(prefix) }! + 1 }
        let bodyLine = line("当事人张三，公民身份号码")
        let spacedLine = spaced.components(separatedBy: "\n").firstIndex { $0.contains("4501 0219") }! + 1
        let legalLine = legal.components(separatedBy: "\n").firstIndex { $0.hasPrefix("reason:") }! + 1
        #expect(Set(places) == [
            "content/decisions/id.md:\(line("title:")):8 record.id_number",
            "content/decisions/id.md:\(line("summary:")):10 record.id_number",
            "content/decisions/id.md:\(line("  - {file: \(id)")):12 record.id_number",
            "content/decisions/id.md:\(line("  - {file: fyj")):12 record.id_number",
            "content/decisions/id.md:\(bodyLine):13 record.id_number",
            "content/notices/spaced.md:\(spacedLine):19 record.id_number",
            "content/decisions/legal.md:\(legalLine):9 record.id_number",
        ], "\(places)")
        let messages = diagnostics.compactMap { $0["message"] as? String }
        #expect(messages.contains { $0.contains("4501**************") })
        #expect(!messages.contains { $0.contains(id) || $0.contains("450102900101123") }, "a message never repeats the number")
        let built = try sample.build()
        #expect(built.status != 0)
        #expect(!FileManager.default.fileExists(atPath: sample.root.appendingPathComponent("site").path))
    }

    @Test func anAttachmentCopiedByItsNameAloneIsCheckedToo() throws {
        let sample = try SampleSite(adding: ["content/decisions/scjg-2024-cf-18-450102199001011234.pdf": "%PDF-1.4\n%%EOF\n"])
        let (checked, diagnostics) = try sample.check()
        #expect(checked.status == 1)
        #expect(SampleSite.places(diagnostics) == ["content/decisions/scjg-2024-cf-18-450102199001011234.pdf:1:1 record.id_number"], "\(diagnostics)")
    }

    @Test func aPublisherIsSearchedToo() throws {
        let text = Self.decision([("publisher: 明湖区市场监督管理局", "publisher: 明湖区市场监督管理局（经办人身份证450102199001011234）")])
        let (_, diagnostics) = try SampleSite(adding: ["content/decisions/p.md": text]).check()
        #expect(SampleSite.places(diagnostics) == ["content/decisions/p.md:5:12 record.id_number"], "\(diagnostics)")
    }

    @Test func aNonPublicRecordMayHoldTheNumberItNeverPublishes() throws {
        let withheld = Self.decision([
            ("disclosure: 主动公开", "disclosure: 不予公开\nwithheld_reason: 涉及个人隐私"),
            ("reason: 2024年", "reason: 当事人身份证450102199001011234，2024年"),
        ])
        let (checked, diagnostics) = try SampleSite(adding: ["content/decisions/id.md": withheld]).check()
        #expect(checked.status == 0, "\(diagnostics)")
    }

    @Test func numbersThatAreNotIDNumbersPass() throws {
        let text = Self.decision([("reason: 2024年", "reason: 罚没款缴入账号 622848001234567890（开户行代码 102611012345，统一社会信用代码 91450100MA5L8XYZ1K），2024年")])
        let (checked, diagnostics) = try SampleSite(adding: ["content/decisions/ok.md": text]).check()
        #expect(checked.status == 0, "\(diagnostics)")
    }

    @Test(arguments: ["张某某", "欧阳某某", "欧阳某", "李*", "王××", "张某某等3人"])
    func aMaskedNaturalPersonPasses(_ name: String) throws {
        let (checked, diagnostics) = try SampleSite(adding: ["content/decisions/p.md": Self.decision([("party: 张某某", "party: \(name)")])]).check()
        #expect(checked.status == 0, "\(name): \(diagnostics)")
    }

    @Test(arguments: ["李小某", "王建*", "张三", "欧阳小某", "张某某等"])
    func aGivenNameCharacterShownIsRefused(_ name: String) throws {
        let (_, diagnostics) = try SampleSite(adding: ["content/decisions/p.md": Self.decision([("party: 张某某", "party: \(name)")])]).check()
        #expect(diagnostics.contains { $0["rule"] as? String == "decision.party_privacy" }, "\(name)")
    }
}
