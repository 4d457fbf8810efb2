import Foundation
import Testing

/// Control characters in content: an error at their place in `check` (not only a failed
/// build), and shown escaped in every diagnostic format, never sent to the terminal raw.
@Suite struct ControlCharacterTests {
    @Test func aControlCharacterInAnyValueIsAnErrorInCheck() throws {
        let site = try SampleSite(adding: [
            "content/policies/nul-title.md": SampleSite.policy(title: "\"含空字符\\0的标题\"", index: 1),
            "content/policies/escape-summary.md": SampleSite.policy(title: "摘要含转义", index: 2,
                                                                    extra: "summary: \"摘要\\e[31m红色\""),
            "content/policies/bell-reviewer.md": SampleSite.policy(title: "审查人含响铃", index: 3,
                                                                   extra: "topic: \"主题\\x07\""),
            "content/policies/c1-publisher.md": SampleSite.policy(title: "含C1控制符", index: 4,
                                                                  extra: "status: \"effective\\x9B\""),
            "content/policies/multi-line.md": SampleSite.policy(title: "多行摘要可以", index: 5,
                                                                extra: "summary: \"第一行\\n第二行\\t制表\""),
        ])
        let (result, diagnostics) = try site.check()
        #expect(result.status == 1)
        let control = SampleSite.places(diagnostics).filter { $0.hasSuffix("record.control_character") }
        #expect(control == [
            "content/policies/bell-reviewer.md:10:8 record.control_character",
            "content/policies/c1-publisher.md:10:9 record.control_character",
            "content/policies/escape-summary.md:10:10 record.control_character",
            "content/policies/nul-title.md:2:8 record.control_character",
        ])
        #expect(try site.build().status == 1)
    }

    /// A control character in a body passed `check` and failed the build's audit of the page.
    @Test func aControlCharacterInABodyIsAnErrorAtItsPlace() throws {
        let site = try SampleSite(adding: [
            "content/policies/body-escape.md": SampleSite.policy(title: "正文含转义", index: 1, body: "第一行\n正文\u{1B}[31m红色\n"),
            "content/policies/body-soh.md": SampleSite.policy(title: "正文含控制符", index: 2, body: "正文\u{01}\n"),
            "content/policies/body-tab.md": SampleSite.policy(title: "正文含制表符", index: 3, body: "正文\t制表\r\n"),
        ])
        let (result, diagnostics) = try site.check()
        #expect(result.status == 1)
        #expect(SampleSite.places(diagnostics) == [
            "content/policies/body-escape.md:12:3 record.control_character",
            "content/policies/body-soh.md:11:3 record.control_character",
        ])
    }

    @Test func diagnosticsShowContentsControlCharactersEscaped() throws {
        let site = try SampleSite(adding: [
            "content/policies/hostile-key.md": SampleSite.policy(title: "键名含转义", index: 1,
                                                                 extra: "\"pub\\e]0;pwned\\x07\\e[2J\\u202Elished\": x"),
        ])
        for format in ["text", "github", "json"] {
            let result = try Disclose.run(["check", "--root", site.root.path, "--format", format])
            let printed = result.stdout + result.stderr
            #expect(printed.contains("pub"), "\(format)")
            #expect(!printed.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" }, "\(format)")
        }
        let text = try Disclose.run(["check", "--root", site.root.path])
        #expect(text.stderr.contains(#"pub\x1B]0;pwned\x07\x1B[2J\u{202E}lished"#))
    }
}
