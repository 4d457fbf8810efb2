import Foundation
import Testing

/// Hostile and broken files: each gives a diagnostic at its place and exit 1, never a
/// crash or a hang, and never hides the other records' problems.
@Suite struct MalformedInputTests {
    /// A sample site plus `files`, checked as JSON.
    func check(adding files: [String: Data]) throws -> (Disclose.Result, [[String: Any]]) {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        for (path, data) in files {
            try tmp.write(data, to: "sample/" + path)
        }
        let result = try Disclose.run(["check", "--root", root.path, "--format", "json"])
        return (result, try Disclose.diagnostics(result))
    }

    func summary(_ diagnostics: [[String: Any]]) -> [String] {
        diagnostics.map { "\($0["file"] as! String):\($0["line"] as! Int):\($0["column"] as! Int) \($0["rule"] as! String)" }
    }

    static let validPolicy = """
        ---
        title: 测试
        index_number: 11450100MB0000009Z/2024-00001
        disclosure: on-request
        publisher: 测试局
        created: 2024-01-15
        document_number: 测〔2024〕1号
        ---
        正文。

        """

    @Test func bomAndCRLFAreAccepted() throws {
        let crlf = Self.validPolicy.replacingOccurrences(of: "\n", with: "\r\n")
        let (result, diagnostics) = try check(adding: ["content/policies/crlf-bom.md": Data([0xEF, 0xBB, 0xBF] + Array(crlf.utf8))])
        #expect(result.status == 0)
        #expect(diagnostics.isEmpty)
    }

    @Test func invalidUTF8() throws {
        let bytes = Array("---\ntitle: 测试\n".utf8) + [0xFF, 0xFE] + Array("\n---\n".utf8)
        let (result, diagnostics) = try check(adding: ["content/policies/latin1.md": Data(bytes)])
        #expect(result.status == 1)
        #expect(summary(diagnostics) == ["content/policies/latin1.md:3:1 file.encoding"])
    }

    @Test func frontMatterProblems() throws {
        let (result, diagnostics) = try check(adding: [
            "content/policies/no-opening.md": Data("title: x\n".utf8),
            "content/policies/unterminated.md": Data("---\ntitle: x\n\n正文\n".utf8),
            "content/policies/syntax.md": Data("---\ntitle: x\nbad: a: b\n---\n".utf8),
            "content/policies/sequence.md": Data("---\n- a\n- b\n---\n".utf8),
            "content/policies/scalar.md": Data("---\njust text\n---\n".utf8),
        ])
        #expect(result.status == 1)
        #expect(summary(diagnostics) == [
            "content/policies/no-opening.md:1:1 front_matter.missing",
            "content/policies/scalar.md:2:1 front_matter.not_mapping",
            "content/policies/sequence.md:2:1 front_matter.not_mapping",
            "content/policies/syntax.md:3:7 front_matter.syntax",
            "content/policies/unterminated.md:1:1 front_matter.unterminated",
        ])
    }

    @Test func aliasBombIsRefusedQuickly() throws {
        var yaml = "---\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            yaml += "a\(level): &a\(level) [\(Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", "))]\n"
        }
        yaml += "---\n"
        let start = Date()
        let (result, diagnostics) = try check(adding: ["content/policies/bomb.md": Data(yaml.utf8)])
        #expect(Date().timeIntervalSince(start) < 30)
        #expect(result.status == 1)
        #expect(summary(diagnostics).first?.hasSuffix("front_matter.too_complex") == true)
    }

    @Test func deepNestingAndHugeFiles() throws {
        let deep = "---\nx: " + String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000) + "\n---\n"
        let huge = "---\ntitle: x\n---\n" + String(repeating: "正文很长。", count: 400_000)
        let (result, diagnostics) = try check(adding: [
            "content/policies/deep.md": Data(deep.utf8),
            "content/policies/huge.md": Data(huge.utf8),
        ])
        #expect(result.status == 1)
        let rules = summary(diagnostics)
        #expect(rules.count == 2)
        #expect(rules.contains("content/policies/huge.md:1:1 file.too_large"))
        #expect(rules.contains { $0.hasPrefix("content/policies/deep.md:2:") })
    }

    @Test func markdownOutsideASectionAndOrphanAttachments() throws {
        let (result, diagnostics) = try check(adding: [
            "content/notes.md": Data("# notes\n".utf8),
            "content/news/item.md": Data(Self.validPolicy.utf8),
            "content/policies/stray.pdf": Data("%PDF-1.4".utf8),
            "content/policies/mhf-2024-3-附件1.pdf": Data("%PDF-1.4".utf8),
            "content/_drafts/draft.md": Data("not checked".utf8),
            "content/policies/.hidden.md": Data("not checked".utf8),
            "content/README.txt": Data("ignored".utf8),
        ])
        #expect(result.status == 1)
        #expect(summary(diagnostics) == [
            "content/news/item.md:1:1 section.unknown",
            "content/notes.md:1:1 section.unknown",
            "content/policies/stray.pdf:1:1 attachment.orphan",
        ])
    }

    @Test func symbolicLinksOutOfTheRootAreRefused() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        try tmp.write(Self.validPolicy, to: "outside/secret.md")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("content/policies/secret.md").path,
                                                   withDestinationPath: tmp.url.appendingPathComponent("outside/secret.md").path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("content/guides/outside").path,
                                                   withDestinationPath: tmp.url.appendingPathComponent("outside").path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("content/budgets/loop").path,
                                                   withDestinationPath: root.appendingPathComponent("content/budgets").path)
        let result = try Disclose.run(["check", "--root", root.path, "--format", "json"])
        #expect(result.status == 1)
        #expect(summary(try Disclose.diagnostics(result)) == [
            "content/guides/outside:1:1 file.symlink",
            "content/policies/secret.md:1:1 file.symlink",
        ])
    }

    @Test func missingSiteYamlStillChecksTheRecords() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/site.yaml"))
        let result = try Disclose.run(["check", "--root", root.path, "--format", "json"])
        #expect(result.status == 1)
        #expect(summary(try Disclose.diagnostics(result)) == ["content/site.yaml:1:1 site.missing"])
    }
}

@Suite struct NewCommandTests {
    @Test(arguments: ["policy", "budget", "guide", "report"])
    func skeletonIsFlaggedThenAcceptedOnceFilled(_ type: String) throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        let created = try Disclose.run(["new", type, "new-record", "--root", root.path])
        #expect(created.status == 0, "\(created.stderr)")
        let folder = ["policy": "policies", "budget": "budgets", "guide": "guides", "report": "reports"][type]!
        let path = root.appendingPathComponent("content/\(folder)/new-record.md")
        let skeleton = try String(contentsOf: path, encoding: .utf8)

        let unfilled = try Disclose.run(["check", "--root", root.path, "--format", "json"])
        #expect(unfilled.status == 1)
        let rules = Set(try Disclose.diagnostics(unfilled).map { $0["rule"] as! String })
        // A report is on the year before, due by the sample's report_deadline 03-31: after
        // that day a skeleton dated today is late, and it is dated back into time when filled.
        let today = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        let late = type == "report" && (today.month!, today.day!) > (3, 31)
        #expect(rules == (late ? ["record.placeholder", "report.deadline"] : ["record.placeholder"]))

        // An amount is a placeholder until written: the skeleton never publishes 0.00 for one.
        var filled = skeleton.replacingOccurrences(of: #""<待填写 [^/"]* / (revenue|expenditure|overseas_travel|vehicles|receptions)>""#,
                                                   with: "0.00", options: .regularExpression)
            .replacingOccurrences(of: "\"<待填写 类别 / kind>\"", with: "budget")
        filled = filled.replacingOccurrences(of: #""<待填写 ([^/"]*) / [^>"]*>""#, with: "新填写的$1", options: .regularExpression)
        filled = filled.replacingOccurrences(of: "新填写的索引号", with: "11450100MB0000009Z/2026-00001")
        // The sample declares its topics (site.yaml's topics), and a topic is one of them.
        filled = filled.replacingOccurrences(of: "新填写的主题分类", with: "政务公开")
        if late {
            let date = String(format: "%04d-%02d-%02d", today.year!, today.month!, today.day!)
            filled = filled.replacingOccurrences(of: date, with: String(format: "%04d-01-15", today.year!))
        }
        try filled.write(to: path, atomically: true, encoding: .utf8)
        let done = try Disclose.run(["check", "--root", root.path])
        #expect(done.status == 0, "\(done.stderr)")

        let again = try Disclose.run(["new", type, "new-record", "--root", root.path])
        #expect(again.status == 2, "never overwrites a record")
        #expect(try String(contentsOf: path, encoding: .utf8) == filled)
    }

    /// A careless author fills only the placeholders: a choice the skeleton made for them
    /// (自然人 or 法人, 决定类别) or an optional value (0, today, A类) would be published.
    @Test func aDecisionSkeletonChoosesNothingForTheAuthor() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        #expect(try Disclose.run(["new", "decision", "d1", "--root", root.path]).status == 0)
        let path = root.appendingPathComponent("content/decisions/d1.md")
        let skeleton = try String(contentsOf: path, encoding: .utf8)
        let filled = skeleton.replacingOccurrences(of: #""<待填写 ([^/"]*) / [^>"]*>""#, with: "张三", options: .regularExpression)
        try filled.write(to: path, atomically: true, encoding: .utf8)
        let checked = try Disclose.run(["check", "--root", root.path, "--format", "json"])
        let places = try Disclose.diagnostics(checked).map { "\($0["field"] as? String ?? "") \($0["rule"] as! String)" }
        #expect(places.contains("party_type record.type"), "\(places)")
        #expect(places.contains("kind record.type"), "\(places)")
        #expect(!skeleton.contains("\ncredit_code:"), "an optional field is commented out")
    }

    /// An author thinks of a type by its Chinese name: `new` takes it as the id.
    @Test(arguments: [("政策文件", "policies"), ("政策解读", "interpretations"), ("建议提案办理结果", "proposals")])
    func newTakesAChineseTypeName(_ name: String, _ folder: String) throws {
        let sample = try SampleSite()
        let created = try Disclose.run(["new", name, "new-record", "--root", sample.root.path])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(FileManager.default.fileExists(atPath: sample.root.appendingPathComponent("content/\(folder)/new-record.md").path))
    }

    @Test func newHelpListsEveryTypeAndABrokenDeclarationIsNamed() throws {
        let help = try Disclose.run(["new", "--help"]).stdout.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        for pair in ["policy (政策文件)", "interpretation (政策解读)", "decision (行政执法结果公示)", "budget (财政预决算)"] {
            #expect(help.contains(pair), "\(pair): \(help)")
        }
        let sample = try SampleSite(adding: ["types/alpha.yaml": "id: alpha\n"])
        let refused = try Disclose.run(["new", "alpha", "x", "--root", sample.root.path])
        // The command was used right and the content is wrong: exit 1, as `check`, no usage text.
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("types/alpha.yaml declares the type 'alpha' but has errors"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("disclose new <type>"), "\(refused.stderr)")
    }

    @Test func badArgumentsExitTwo() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        #expect(try Disclose.run(["new", "memo", "x", "--root", root.path]).status == 2)
        #expect(try Disclose.run(["new", "policy", "Bad Slug", "--root", root.path]).status == 2)
        #expect(try Disclose.run(["new", "policy", "../escape", "--root", root.path]).status == 2)
    }
}
