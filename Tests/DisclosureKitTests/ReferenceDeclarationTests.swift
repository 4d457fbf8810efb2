import Testing
@testable import DisclosureKit

/// A reference field's own keys in a declaration: `refers_to`, `backlink`, and the
/// sub-fields that let it name a document outside the site.
@Suite struct ReferenceDeclarationTests {
    func declare(_ field: String) -> (TypeRegistry, [String]) {
        let yaml = "id: reply\nfolder: replies\nname: 答复\nfields:\n  - \(field)\n"
        let (types, diagnostics) = TypeRegistryBuilder.build(builtIn: .builtIn, files: [("types/reply.yaml", yaml)])
        return (types, diagnostics.map { "\($0.location.line):\($0.location.column) [\($0.rule)] \($0.message.en)" })
    }

    @Test func aSiteTypeMayNameAPolicyAndBeListedOnIt() throws {
        let (types, problems) = declare("{key: answers, label: 答复的文件, kind: reference, refers_to: policy, backlink: 相关答复}")
        #expect(problems.isEmpty, "\(problems)")
        let field = try #require(types.type(id: "reply")?.declaration.field("answers"))
        #expect(field.refersTo == "policy" && field.backlink == "相关答复" && !field.allowsOutsideDocument)
        #expect(GeneratedText.all(types).contains("相关答复"), "the heading the build writes is no record's secret")
    }

    @Test func onlyAReferenceHasReferenceKeys() {
        let (_, problems) = declare("{key: note, label: 备注, kind: text, backlink: 相关}")
        #expect(problems.count == 1 && problems[0].contains("[type.declaration]") && problems[0].contains("only a reference"), "\(problems)")
    }

    @Test(arguments: [
        "{key: answers, label: 答复的文件, kind: reference, fields: [{key: title, label: 名称, kind: text}]}",
        "{key: answers, label: 答复的文件, kind: reference, fields: [{key: document_number, label: 文号, kind: date}, {key: title, label: 名称, kind: text}]}",
    ])
    func anOutsideDocumentIsExactlyItsNumberAndTitle(_ field: String) {
        let (_, problems) = declare(field)
        #expect(problems.count == 1 && problems[0].contains("exactly document_number and title"), "\(problems)")
    }

    @Test func policyNamesDocumentsOutsideTheSite() throws {
        let policy = try #require(TypeRegistry.builtIn.type(id: "policy")?.declaration)
        #expect(policy.field("repealed_by")?.allowsOutsideDocument == true)
        #expect(policy.field("amended_by")?.backlink == "修改的文件")
        #expect(TypeRegistry.builtIn.type(id: "interpretation")?.declaration.field("interprets")?.refersTo == "policy")
    }
}
