import Foundation
import Testing

/// A site's broken type declaration is reported in full in one run, each problem at its
/// line, and a clash between two files never decodes one type's records as the other.
@Suite struct TypeDeclarationCheckTests {
    static let broken = """
        id: fkt
        folder: catalog
        name: 政策文件
        year_field: nofield
        fields:
          - {key: x, label: 甲, kind: text}
          - {key: x, label: 乙, kind: text}
          - {key: title, label: 名称, kind: text}
          - {key: r, label: 丁, kind: reference, refers_to: nosuchtype}
          - {key: e, label: 戊, kind: enum, values: [{value: a, label: 甲}, {value: a, label: 乙}, {value: b, label: 丙, aliases: [乙]}]}
          - {key: d, label: 己, kind: date, default: notadate}
          - {key: n, label: 庚, kind: number, default: 5}
          - {key: s, label: 辛, kind: report_statistics}

        """

    static func typeErrors(_ diagnostics: [[String: Any]]) -> [String] {
        SampleSite.places(diagnostics.filter { $0["rule"] as? String == "type.declaration" })
    }

    /// The folder the search index is written to is the build's own: a type there would
    /// be written over by it (it stopped the build with an internal error).
    @Test func theSearchIndexFolderIsNoTypesFolder() throws {
        let sample = try SampleSite(adding: ["types/si.yaml": "id: si\nfolder: search-index\nname: 索引资料\nfields: []\n"])
        let (checked, diagnostics) = try sample.check()
        #expect(checked.status == 1)
        #expect(Self.typeErrors(diagnostics) == ["types/si.yaml:2:9 type.declaration"], "\(diagnostics)")
    }

    @Test func everyProblemOfADeclarationIsReportedInOneRun() throws {
        let sample = try SampleSite(adding: ["types/fk.yaml": Self.broken, "types/sub/more.yaml": "id: more\nfolder: more\nname: 更多\nfields: []\n"])
        let (checked, diagnostics) = try sample.check()
        #expect(checked.status == 1)
        #expect(Self.typeErrors(diagnostics) == [
            "types/fk.yaml:1:1 type.declaration",   // report_statistics without its rule set
            "types/fk.yaml:2:9 type.declaration",   // folder reserved
            "types/fk.yaml:3:7 type.declaration",   // the name of the built-in policy
            "types/fk.yaml:4:13 type.declaration",  // year_field
            "types/fk.yaml:7:11 type.declaration",  // x twice
            "types/fk.yaml:8:11 type.declaration",  // a common key
            "types/fk.yaml:9:11 type.declaration",  // refers_to an unknown type
            "types/fk.yaml:10:5 type.declaration", "types/fk.yaml:10:5 type.declaration",  // 'a' twice, '乙' twice
            "types/fk.yaml:11:5 type.declaration",  // a date's default
            "types/fk.yaml:12:5 type.declaration",  // a number's default
            "types/sub:1:1 type.declaration",
        ], "\(diagnostics)")
    }

    @Test func aFolderClashIsReportedOnTheLaterFileAndDecodesNothingAsTheWrongType() throws {
        let sample = try SampleSite(adding: ["types/echo.yaml": "id: echo\nfolder: proposals\nname: 回声\nfields: []\n"])
        let (checked, diagnostics) = try sample.check()
        #expect(checked.status == 1)
        #expect(Self.typeErrors(diagnostics) == ["types/proposal.yaml:4:9 type.declaration"], "\(diagnostics)")
        #expect(!diagnostics.contains { $0["rule"] as? String == "record.unknown_key" }, "no proposal is read as an echo: \(diagnostics)")
        let message = diagnostics.first { $0["rule"] as? String == "type.declaration" }?["message"] as? String ?? ""
        #expect(message.contains("types/echo.yaml"), "\(message)")
        let unread = diagnostics.filter { $0["rule"] as? String == "section.unknown" }.compactMap { $0["message"] as? String }
        #expect(!unread.isEmpty && unread.allSatisfy { $0.contains("content/proposals/ is the section of the type declared in types/") }, "\(unread)")
    }
}
