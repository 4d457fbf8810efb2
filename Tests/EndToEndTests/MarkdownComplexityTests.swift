import Foundation
import Testing

/// Bodies that would make cmark-gfm take seconds or hundreds of megabytes are refused
/// by `check` with `markdown.too_complex` at the offending line, before any rendering.
@Suite struct MarkdownComplexityTests {
    static let bodyLine = 11

    /// Each body, and the line of the body (1-based) where the limit is passed.
    static let cases: [(name: String, body: String, line: Int)] = [
        ("long-row", "| a | b |\n|---|---|\n|" + String(repeating: "x|", count: 1_500) + "\n", 3),
        ("wide-header", "|" + String(repeating: "a|", count: 1_200) + "\n|" + String(repeating: "-|", count: 1_200) + "\n"
            + String(repeating: "x\n", count: 10), 2),
        ("padded-rows", "|" + String(repeating: "a|", count: 400) + "\n|" + String(repeating: "-|", count: 400) + "\n"
            + String(repeating: "x\n", count: 1_000), 251),
        ("paragraphs", String(repeating: "a\n\n", count: 120_000), 2 * 100_001 - 1),
        ("deep-quotes", String(repeating: ">", count: 40) + " a\n" + String(repeating: "a\n", count: 1_000), 1),
        ("deep-lists", (0..<40).map { String(repeating: "  ", count: $0) + "- a\n" }.joined(), 33),
        ("bracket-paragraph", String(repeating: "![[]()", count: 2_000) + "\n", 1),
        ("emphasis-lines", String(repeating: "*a* _b_ **c**\n", count: 700), 626),
        ("email-paragraph", String(repeating: "a@", count: 6_000) + "\n", 1),
        ("quoted-wide-table", "> |" + String(repeating: "a|", count: 400) + "\n> |" + String(repeating: "-|", count: 400) + "\n"
            + String(repeating: "> x\n", count: 1_000), 250),
        ("quote-after-table", "|a|\n|-|\n" + String(repeating: "> " + String(repeating: "![[]()", count: 1_000) + "\n", count: 3), 4),
    ]

    @Test func pathologicalBodiesAreRefusedAtTheirLine() throws {
        var files: [String: String] = [:]
        for (n, item) in Self.cases.enumerated() {
            files["content/policies/\(item.name).md"] = SampleSite.policy(title: "复杂正文\(n)", index: n + 1, body: item.body)
        }
        let site = try SampleSite(adding: files)
        let start = Date()
        let (result, diagnostics) = try site.check()
        #expect(result.status == 1)
        #expect(Date().timeIntervalSince(start) < 60)
        let places = SampleSite.places(diagnostics)
        for item in Self.cases {
            #expect(places.contains("content/policies/\(item.name).md:\(Self.bodyLine + item.line - 1):1 markdown.too_complex"),
                    "\(item.name): \(places.filter { $0.contains(item.name) })")
        }
        #expect(places.filter { $0.hasSuffix("markdown.too_complex") }.count == Self.cases.count)
        #expect(try site.build().status == 1)
    }

    /// Large but ordinary bodies stay within the limits: a 2,000-row table of 8 columns,
    /// nesting a few levels deep, a long document of paragraphs with links.
    @Test func largeOrdinaryBodiesPass() throws {
        let table = "| 科目 | 一 | 二 | 三 | 四 | 五 | 六 | 七 |\n|---|--:|--:|--:|--:|--:|--:|--:|\n"
            + (1...2_000).map { "| 支出\($0) | 1.00 | 2.00 | 3.00 | 4.00 | 5.00 | 6.00 | 7.00 |\n" }.joined()
        let nested = "> 引文\n>\n> - 一级\n>   - 二级\n>     1. 三级\n"
        let prose = (1...3_000).map { "第\($0)段，见[附件](https://www.example.gov.cn/a\($0).pdf)和**重点**。\n\n" }.joined()
        let site = try SampleSite(adding: [
            "content/policies/large.md": SampleSite.policy(title: "大而普通的正文", index: 1, body: table + "\n" + nested + "\n" + prose),
        ])
        let (result, diagnostics) = try site.check()
        #expect(result.status == 0, "\(SampleSite.places(diagnostics))")
    }

    /// `max_record_size` in site.yaml sets the record size limit (default 4 MiB).
    @Test func theRecordSizeLimitIsASetting() throws {
        let site = try SampleSite()
        let config = site.root.appendingPathComponent("content/site.yaml")
        let original = try String(contentsOf: config, encoding: .utf8)
        let big = SampleSite.policy(title: "五兆字节的记录", index: 1,
                                    body: String(repeating: String(repeating: "正文很长。", count: 40) + "\n\n", count: 8_800))
        #expect(big.utf8.count > 5 * 1024 * 1024)
        try site.add(big, at: "content/policies/big.md")

        var (result, diagnostics) = try site.check()
        #expect(SampleSite.places(diagnostics) == ["content/policies/big.md:1:1 file.too_large"])

        try (original + "max_record_size: 8 MiB\n").write(to: config, atomically: true, encoding: .utf8)
        (result, diagnostics) = try site.check()
        #expect(result.status == 0, "\(SampleSite.places(diagnostics))")
        let build = try site.build()
        #expect(build.status == 0, "\(build.stderr)")
        #expect(try site.output().text("policies/big.html").contains("五兆字节的记录"))

        try (original + "max_record_size: 2048\n").write(to: config, atomically: true, encoding: .utf8)
        (result, diagnostics) = try site.check()
        #expect(result.status == 1)
        #expect(SampleSite.places(diagnostics).filter { $0.hasSuffix("file.too_large") }.count > 1)
        let message = diagnostics.first { ($0["file"] as? String) == "content/policies/big.md" }?["message"] as? String
        #expect(message?.contains("limited to 2 KiB") == true)

        try (original + "max_record_size: 4 GiB\n").write(to: config, atomically: true, encoding: .utf8)
        (result, diagnostics) = try site.check()
        #expect(SampleSite.places(diagnostics).contains { $0.hasPrefix("content/site.yaml:") && $0.hasSuffix("site.invalid") })
    }
}
