import Foundation
import Testing

/// Messages and listings say what the author wrote: a declaration is a declaration, an
/// interpretation takes "an", the rule sets that always apply are listed, and an empty
/// setting is not taken for the default.
@Suite struct SettingWordingTests {
    @Test func anEmptyTimeZoneIsRefused() throws {
        let sample = try SampleSite()
        let site = sample.root.appendingPathComponent("content/site.yaml")
        let text = try String(contentsOf: site, encoding: .utf8).replacingOccurrences(of: "time_zone: Asia/Shanghai", with: "time_zone: ''")
        try text.write(to: site, atomically: true, encoding: .utf8)
        let (checked, diagnostics) = try sample.check()
        #expect(checked.status == 1)
        let line = text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("time_zone:") }! + 1
        #expect(SampleSite.places(diagnostics) == ["content/site.yaml:\(line):12 site.invalid"], "\(diagnostics)")
    }

    @Test func aDeclarationIsNotCalledFrontMatter() throws {
        let bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + (1...8).map { "l\($0): &l\($0) [" + Array(repeating: "*\($0 == 1 ? "a" : "l\($0 - 1)")", count: 10).joined(separator: ", ") + "]" }.joined(separator: "\n") + "\n"
        let sample = try SampleSite(adding: ["types/bomb.yaml": bomb, "types/list.yaml": "- id: x\n"])
        let (_, diagnostics) = try sample.check()
        let messages = diagnostics.filter { ($0["file"] as? String)?.hasPrefix("types/") == true }.compactMap { $0["message"] as? String }
        #expect(messages.count == 2, "\(diagnostics)")
        #expect(!messages.contains { $0.contains("front matter") }, "\(messages)")
    }

    @Test func aReferenceOfTheWrongTypeSaysAnInterpretation() throws {
        let policy = SampleSite.policy(title: "甲办法", index: 831, extra: "status: repealed\nrepealed_by: 11450100MB0000001A/2024-00010")
        let interpretation = try String(contentsOf: Disclose.packageRoot.appendingPathComponent("content/interpretations/jd-mhf-2024-3.md"), encoding: .utf8)
        let index = try #require(interpretation.components(separatedBy: "\n").first { $0.hasPrefix("index_number:") }?.dropFirst(14).trimmingCharacters(in: .whitespaces))
        let sample = try SampleSite(adding: ["content/policies/a.md": policy.replacingOccurrences(of: "11450100MB0000001A/2024-00010", with: index)])
        let (_, diagnostics) = try sample.check()
        let message = diagnostics.first { $0["rule"] as? String == "reference.type" }?["message"] as? String ?? ""
        #expect(message.contains("an interpretation (政策解读), not a policy"), "\(diagnostics)")
    }

    @Test func typesListsTheRuleSetsThatAlwaysApply() throws {
        let sample = try SampleSite(adding: ["types/bare.yaml": "id: bare\nfolder: bare\nname: 其他文件\nrule_sets: []\nfields: []\n"])
        let listed = try Disclose.run(["types", "--root", sample.root.path])
        #expect(listed.status == 0, "\(listed.stderr)")
        let sections = listed.stdout.components(separatedBy: "### `bare`")
        #expect(sections.count == 2, "the type is listed: \(listed.stdout.suffix(300))")
        let facts = sections.last?.split(separator: "\n").dropFirst().first ?? ""
        #expect(facts.hasPrefix("rule sets: `timeliness`, `review`;"), "\(facts)")
    }
}
