import Foundation
import Testing

/// 政策解读: `interprets:` names a policy by 索引号; the two pages link each other, a late
/// interpretation is warned of (三同步), and a withheld policy is never named.
@Suite struct InterpretationTests {
    /// A proactive interpretation of the policy with index number `interprets`.
    static func interpretation(title: String = "《测试政策》解读", index: String = "11450100MB0000009Z/2024-90101",
                               disclosure: String = "proactive", published: String = "2024-01-19",
                               interprets: String? = "11450100MB0000001A/2024-00003", extra: String = "") -> String {
        var lines = [
            "---", "title: \(title)", "index_number: \(index)", "disclosure: \(disclosure)", "publisher: 明湖区人民政府办公室",
            "created: 2024-01-16", "published: \(published)", "review: {reviewer: 区政府办公室保密审查小组, date: 2024-01-17}",
        ]
        if let interprets { lines.append("interprets: \(interprets)") }
        if !extra.isEmpty { lines.append(extra) }
        return (lines + ["---", "解读正文。", ""]).joined(separator: "\n")
    }

    @Test func theSampleInterpretationsAndTheirPoliciesLinkEachOther() throws {
        let sample = try SampleSite()
        let result = try sample.build(["--as-of", "2026-12-02"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warnings: 0"))
        let site = try sample.output()
        #expect(site.problems() == [])
        let interpretation = site.text("interpretations/jd-mhf-2024-3.html")
        #expect(interpretation.contains("<h2 id=\"relation-interprets\">解读的文件</h2>"))
        #expect(interpretation.contains("<a href=\"../policies/mhf-2024-3.html\">明湖区人民政府关于印发《明湖区政府信息公开工作规定》的通知</a>（明府发〔2024〕3号）"))
        let policy = site.text("policies/mhf-2024-3.html")
        #expect(policy.contains("<h2 id=\"related-interprets\">相关解读</h2>"))
        #expect(policy.contains("<a href=\"../interpretations/jd-mhf-2024-3.html\">《明湖区政府信息公开工作规定》政策解读</a>"))
        // The 图解 of the other policy, in a sub-folder-free section of its own.
        #expect(site.text("policies/2024/mhbf-2024-12.html").contains("<a href=\"../../interpretations/tj-mhbf-2024-12.html\">图解："))
        #expect(site.text("interpretations/index.html").contains("政策解读"))
        #expect(site.text("index.html").contains("interpretations/index.html"))
    }

    @Test func aLateInterpretationIsWarnedOfAtItsPublicationDate() throws {
        // 明府发〔2024〕3号 was published on Friday 2024-01-19; Thursday 25 January is the 4th working day after.
        let sample = try SampleSite(adding: [
            "content/interpretations/late.md": Self.interpretation(published: "2024-01-25"),
        ])
        let (result, diagnostics) = try sample.check()
        #expect(result.status == 0, "a warning, not an error: \(result.stderr)")
        #expect(SampleSite.places(diagnostics) == ["content/interpretations/late.md:7:12 interpretation.late"])
        let message = try #require(diagnostics.first?["message"] as? String)
        #expect(message.contains("4 working days after its policy"))
        #expect(message.contains("due 2024-01-24"))
        #expect(try sample.check(["--strict"]).0.status == 1)
        // Within the site's own limit, or on the third working day, it is in time.
        let settings = sample.root.appendingPathComponent("content/site.yaml")
        let original = try String(contentsOf: settings, encoding: .utf8)
        try original.replacingOccurrences(of: "interpretation_working_days: 3", with: "interpretation_working_days: 4")
            .write(to: settings, atomically: true, encoding: .utf8)
        #expect(try sample.check().1.isEmpty)
        try original.write(to: settings, atomically: true, encoding: .utf8)
        try sample.add(Self.interpretation(published: "2024-01-24"), at: "content/interpretations/late.md")
        #expect(try sample.check().1.isEmpty)
    }

    @Test func interpretsMustNameAPolicyOfTheSite() throws {
        let sample = try SampleSite(adding: [
            "content/interpretations/unknown.md": Self.interpretation(index: "11450100MB0000009Z/2024-90101",
                                                                      interprets: "11450100MB0000001A/2024-09999"),
            "content/interpretations/guide.md": Self.interpretation(index: "11450100MB0000009Z/2024-90102",
                                                                    interprets: "11450100MB0000005E/2024-00011"),
            "content/interpretations/none.md": Self.interpretation(index: "11450100MB0000009Z/2024-90103", interprets: nil),
        ])
        let (result, diagnostics) = try sample.check()
        #expect(result.status == 1)
        #expect(Set(SampleSite.places(diagnostics)) == [
            "content/interpretations/guide.md:9:13 reference.type",
            "content/interpretations/none.md:1:1 record.required",
            "content/interpretations/unknown.md:9:13 reference.unknown",
        ])
        let messages = diagnostics.compactMap { $0["message"] as? String }.joined(separator: "\n")
        #expect(messages.contains("'11450100MB0000001A/2024-09999', which no record has"))
        #expect(messages.contains("not a policy"))
        #expect(messages.contains("'interprets' (解读的文件)"))
    }

    /// The withheld policy of the sample: its title and 索引号 must never reach the output.
    static let withheldTitle = "关于做好第三次全国土壤普查涉密数据管理工作的通知"
    static let withheldIndex = "11450100MB0000004D/2024-00002"

    @Test func aPublicInterpretationOfAWithheldPolicyStopsTheBuildAndLeavesNoTrace() throws {
        let sample = try SampleSite()
        #expect(try sample.build().status == 0)
        let before = try sample.output()
        try sample.add(Self.interpretation(interprets: Self.withheldIndex), at: "content/interpretations/secret.md")
        let result = try sample.build(["--format", "json"])
        #expect(result.status == 1)
        let diagnostics = try Disclose.diagnostics(result)
        #expect(SampleSite.places(diagnostics) == ["content/interpretations/secret.md:9:13 reference.not_public"])
        #expect(result.stderr.contains("build failed"))
        // The output is the previous one, and nothing in it names the withheld policy.
        let after = try sample.output()
        #expect(after.files == before.files)
        for (path, data) in after.files {
            let text = path + String(decoding: data, as: UTF8.self)
            #expect(!text.contains(Self.withheldTitle) && !text.contains(Self.withheldIndex), "\(path)")
        }
        // The messages name the file, not the title.
        #expect(!result.stdout.contains(Self.withheldTitle))
    }

    /// Were a page to name a withheld policy through an interpretation (a template or a
    /// future block), the audit finds its title and 索引号 on that page.
    @Test func theAuditFindsAWithheldPolicyNamedOnAnInterpretationsPage() throws {
        let sample = try SampleSite()
        #expect(try sample.build(["--as-of", "2026-12-02"]).status == 0)
        let page = sample.root.appendingPathComponent("site/interpretations/jd-mhf-2024-3.html")
        let text = try String(contentsOf: page, encoding: .utf8)
        // The page as it would be had the policy it interprets been withheld.
        let planted = text.replacingOccurrences(of: "明湖区人民政府关于印发《明湖区政府信息公开工作规定》的通知", with: Self.withheldTitle)
            + "<!-- \(Self.withheldIndex) -->"
        try planted.write(to: page, atomically: true, encoding: .utf8)
        let audit = try Disclose.run(["audit", sample.root.appendingPathComponent("site").path, "--root", sample.root.path,
                                      "--format", "json"])
        #expect(audit.status == 1)
        let findings = try Disclose.diagnostics(audit)
        #expect(findings.contains { ($0["rule"] as? String) == "audit.leak" && ($0["file"] as? String)?.hasSuffix("interpretations/jd-mhf-2024-3.html") == true },
                "\(findings)")
    }

    /// The policy's page reads its interpretations and the interpretation's page its policy:
    /// an incremental build redoes both when either changes, and equals a clean build.
    @Test func anIncrementalBuildFollowsTheLinksBothWays() throws {
        let sample = try SampleSite()
        #expect(try sample.build(["--as-of", "2026-12-02"]).status == 0)
        let interpretation = sample.root.appendingPathComponent("content/interpretations/jd-mhf-2024-3.md")
        var text = try String(contentsOf: interpretation, encoding: .utf8)
        text = text.replacingOccurrences(of: "disclosure: proactive", with: "disclosure: on-request")
        try text.write(to: interpretation, atomically: true, encoding: .utf8)
        let policy = sample.root.appendingPathComponent("content/policies/mhf-2025-6.md")
        try String(contentsOf: policy, encoding: .utf8).replacingOccurrences(of: "的决定\n", with: "的决定（修订）\n")
            .write(to: policy, atomically: true, encoding: .utf8)
        let rebuilt = try sample.build(["--as-of", "2026-12-02"])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        let site = try sample.output()
        #expect(!site.text("policies/mhf-2024-3.html").contains("相关解读"))
        #expect(site.text("policies/mhf-2024-3.html").contains("的决定（修订）</a>修改"))
        let clean = sample.tmp.url.appendingPathComponent("clean")
        #expect(try Disclose.run(["build", "--root", sample.root.path, "--output", clean.path, "--as-of", "2026-12-02"]).status == 0)
        #expect(try SiteTree(clean).files == site.files)
    }

    @Test func aNonPublicInterpretationIsSimplyAbsent() throws {
        let title = "《明湖区政府信息公开工作规定》内部解读稿"
        let sample = try SampleSite(adding: [
            "content/interpretations/internal.md": Self.interpretation(title: title, disclosure: "on-request"),
        ])
        let result = try sample.build(["--as-of", "2026-12-02"])
        #expect(result.status == 0, "\(result.stderr)")
        let site = try sample.output()
        #expect(site.files["interpretations/internal.html"] == nil)
        #expect(!site.files.values.contains { String(decoding: $0, as: UTF8.self).contains(title) })
        // The public interpretation is still listed on the policy.
        #expect(site.text("policies/mhf-2024-3.html").contains("政策解读</a>"))
    }
}
