import Foundation
import Testing
@testable import DisclosureKit

@Suite struct TypeDeclarationTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func embeddedDeclarationsMatchTheYAMLFiles() throws {
        let folder = Self.repository.appendingPathComponent("Sources/DisclosureKit/Types/BuiltIn")
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(onDisk == BuiltInDeclarations.files.map(\.name).sorted(), "run scripts/embed-type-declarations.py")
        for file in BuiltInDeclarations.files {
            let text = try String(contentsOf: folder.appendingPathComponent(file.name), encoding: .utf8)
            #expect(text == file.text, "\(file.name): run scripts/embed-type-declarations.py")
        }
    }

    @Test func docsFieldTablesMatchTheDeclarations() throws {
        let text = try String(contentsOf: Self.repository.appendingPathComponent("docs/types.md"), encoding: .utf8)
        let begin = try #require(text.range(of: TypeReference.beginMarker))
        let end = try #require(text.range(of: TypeReference.endMarker))
        let tables = text[begin.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(tables == TypeReference.markdown(.builtIn).trimmingCharacters(in: .whitespacesAndNewlines),
                "run scripts/update-docs-types.py")
    }

    @Test func builtInSectionsComeInTheirOrderWithTheDefaultNames() {
        #expect(TypeRegistry.builtIn.types.map(\.id) == ["policy", "interpretation", "budget", "guide", "report", "notice", "plan", "personnel", "decision"])
        #expect(RecordType.budget.chineseName == "财政预决算")
        #expect(RecordType.report.chineseName == "政府信息公开年报")
        #expect(TypeRegistry.builtIn.type(folder: "decisions")?.id == "decision")
    }

    /// `file:line:column message` of each problem of a site declaration.
    func problems(_ yaml: String) -> [String] {
        let (_, diagnostics) = TypeRegistryBuilder.build(builtIn: .builtIn, files: [("types/x.yaml", yaml)])
        return diagnostics.map { "\($0.location.line):\($0.location.column) [\($0.rule)] \($0.message.en)" }
    }

    static let valid = """
        id: hearing
        folder: hearings
        name: 听证公告
        fields:
          - {key: venue, label: 听证地点, kind: text}
        """

    @Test func aValidDeclarationAddsItsType() {
        let (types, diagnostics) = TypeRegistryBuilder.build(builtIn: .builtIn, files: [("types/hearing.yaml", Self.valid)])
        #expect(diagnostics.isEmpty)
        #expect(types.types.last?.id == "hearing")
        #expect(types.type(folder: "hearings")?.declaration.source == "types/hearing.yaml")
    }

    @Test(arguments: [
        ("fields:\n  - {key: venue, label: 听证地点, kind: txt}", "5:37", "unknown kind 'txt'"),
        ("fields:\n  - {key: venue, label: 地点, kind: text}\n  - {key: venue, label: 地点, kind: text}", "6:11", "declared twice"),
        ("fields:\n  - {key: title, label: 名称, kind: text}", "5:11", "common field"),
        ("fields:\n  - {key: venue, label: 地点, kind: text}\nrule_sets: [budget_sums]", "6:12", "needs the field 'fiscal_year'"),
        ("fields:\n  - {key: venue, label: 地点, kind: text}\nyear_field: venue", "6:13", "must name a number field"),
        ("fields:\n  - {key: venue, label: 地点, kind: text}\nlisted: sometimes", "6:9", "always or when_used"),
        ("fields:\n  - {key: venue, label: 地点, kind: text, requird: true}", "5:41", "did you mean 'required'?"),
        ("fields:\n  - {key: kind, label: 类别, kind: enum}", "5:5", "lists no 'values'"),
    ])
    func badDeclarationIsReportedAtItsPlace(_ fields: String, _ place: String, _ message: String) {
        let yaml = "id: hearing\nfolder: hearings\nname: 听证公告\n" + fields
        let found = problems(yaml)
        #expect(found.count == 1 && found[0].hasPrefix("\(place) [type.declaration]") && found[0].contains(message), "\(found)")
    }

    @Test(arguments: [
        ("id: policy\nfolder: x\nname: 另一政策\nfields: []", "1:5", "write 'extends: policy'"),
        ("id: hearing\nfolder: policies\nname: 听证\nfields: []", "2:9", "the section of the type 'policy'"),
        ("id: hearing\nfolder: pages\nname: 听证\nfields: []", "2:9", "reserved"),
        ("extends: policie\nfields: []", "1:10", "no built-in type"),
        ("id: Hearing\nfolder: hearings\nname: 听证\nfields: []", "1:5", "lower-case word"),
        ("- just a list", "1:1", "must be a mapping"),
        ("id: url\nfolder: urls\nname: 链接\nfields: []", "1:5", "catalog.json"),
        ("id: hearing\nfolder: hearings\nname: \"听证\\u0000公告\"\nfields: []", "3:7", "control character U+0000"),
    ])
    func clashingDeclarationIsRefused(_ yaml: String, _ place: String, _ message: String) {
        let found = problems(yaml)
        #expect(found.count == 1 && found[0].hasPrefix("\(place) [type.declaration]") && found[0].contains(message), "\(found)")
    }

    @Test func extendingAPolicyAddsAFieldAfterTheBuiltInOnes() throws {
        let yaml = "extends: policy\nfields:\n  - {key: drafted_on, label: 起草日期, kind: date, shown: true}\n"
        let (types, diagnostics) = TypeRegistryBuilder.build(builtIn: .builtIn, files: [("types/policy.yaml", yaml)])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let policy = try #require(types.type(id: "policy"))
        #expect(policy.declaration.fields.map(\.key) == ["document_number", "category", "status", "effective_from", "effective_until", "repealed_by", "amended_by", "drafted_on"])
        #expect(policy.declaration.applies(.validity) && policy.folder == "policies")
        let file = RecordFile(relativePath: "content/policies/a.md", absolutePath: "/nonexistent/a.md", type: policy,
                              subfolders: [], stem: "a")
        let text = "---\n" + RecordSamples.frontMatter(.policy) + "\ndrafted_on: 2024-02-01\n---\n正文。\n"
        let decoded = RecordDecoder(site: RecordSamples.site).decode(bytes: Array(text.utf8), file: file)
        let record = try #require(decoded.record, "\(decoded.diagnostics)")
        #expect(record.value("drafted_on").date == CalendarDate("2024-02-01"))
        #expect(RecordMetadata.rows(record, dates: .iso, asOf: RecordSamples.site.asOf).contains { $0.label == "起草日期" && $0.value == "2024-02-01" })
    }

    @Test func messagesNameADeclaredFieldByItsLabel() {
        let yaml = RecordSamples.variant(RecordSamples.types.first { $0.id == "decision" }!,
                                         replacing: "decision_number: 明市监罚〔2024〕3号\n", with: "")
        let decoded = RecordSamples.decode(TypeRegistry.builtIn.type(id: "decision")!, yaml)
        #expect(decoded.diagnostics.map(\.message.en) == ["missing required field 'decision_number' (决定文书号)"])
        #expect(decoded.diagnostics.map(\.message.zh) == ["缺少必填字段 'decision_number'（决定文书号）"])
    }

    @Test func referenceIndexAnswersWhoNamesARecordThroughAField() throws {
        let repealed = try #require(RecordSamples.decode(.policy, RecordSamples.variant(.policy, replacing: "status: effective",
            with: "status: repealed\nrepealed_by: 11450100MB0000001A/2024-00099")).record)
        let other = try #require(RecordSamples.decode(.policy, RecordSamples.frontMatter(.policy)).record)
        let index = ReferenceIndex([other, repealed])
        #expect(index.records(referencing: "11450100MB0000001A/2024-00099", through: "repealed_by") == [1])
        #expect(index.records(referencing: "11450100MB0000001A/2024-00099", through: "interprets").isEmpty)
        #expect(TypeRegistry.builtIn.referenceFields.map { "\($0.type.id).\($0.key)" }
                == ["policy.repealed_by", "policy.amended_by", "interpretation.interprets"])
    }
}

@Suite struct PartyPrivacyTests {
    static let decision = TypeRegistry.builtIn.type(id: "decision")!

    func rules(_ old: String, _ new: String) -> [String] {
        RecordSamples.decode(Self.decision, RecordSamples.variant(Self.decision, replacing: old, with: new)).rules
    }

    @Test func aNaturalPersonMaskedBySurnamePasses() {
        #expect(rules("party: 张某某", "party: 欧阳某") == [])
        #expect(rules("party: 张某某", "party: 李*") == [])
    }

    @Test(arguments: ["张三", "张三丰", "Zhang San", "张某某（身份证号450102199001011234）"])
    func aNaturalPersonsFullNameIsRefused(_ name: String) {
        #expect(rules("party: 张某某", "party: \(name)").contains("decision.party_privacy"))
    }

    @Test func anIDNumberInAnyFieldIsRefused() {
        let found = RecordSamples.decode(Self.decision, RecordSamples.variant(Self.decision,
            replacing: "reason: 销售超过保质期的食品。", with: "reason: 当事人（45010219900101123X）销售超过保质期的食品。"))
        #expect(found.rules == ["record.id_number"])
        #expect(found.diagnostics.first?.message.en.contains("4501**************") == true, "the number is not repeated in full")
        #expect(found.diagnostics.first?.field == "reason")
    }

    @Test func aLegalPersonIsShownByItsFullName() {
        #expect(rules("party_type: 自然人", "party_type: 法人或其他组织").isEmpty)
        let named = RecordSamples.variant(Self.decision, replacing: "party: 张某某", with: "party: 明湖区湖畔餐饮管理有限公司")
            .replacingOccurrences(of: "party_type: 自然人", with: "party_type: legal_person")
        #expect(RecordSamples.decode(Self.decision, named).diagnostics == [])
    }
}
