import Foundation
import Testing

@Suite struct CheckCommandTests {
    @Test func sampleSitePassesWithNoWarning() throws {
        let result = try Disclose.run(["check", "--root", Disclose.packageRoot.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasSuffix(SampleRecords.checkSummary), "\(result.stderr)")
        let strict = try Disclose.run(["check", "--strict", "--root", Disclose.packageRoot.path])
        #expect(strict.status == 0)
    }

    /// Ten records, each broken in a different way: all ten are reported in one run.
    @Test func everyBrokenRecordIsReportedInOneRun() throws {
        let root = Disclose.fixtures.appendingPathComponent("ten-broken").path
        let result = try Disclose.run(["check", "--root", root, "--format", "json"])
        #expect(result.status == 1)
        let found = try Disclose.diagnostics(result).map { d in
            "\(d["file"] as! String):\(d["line"] as! Int) \(d["rule"] as! String) \(d["field"] as? String ?? "-")"
        }
        #expect(found == [
            "content/budgets/b07-lines.md:16 budget.lines_sum lines",
            "content/guides/g08-time-limit.md:15 guide.time_limit time_limit.promised_days",
            "content/policies/2012/p03-bad-disclosure.md:4 record.type disclosure",
            "content/policies/p01-missing-publisher.md:1 record.required publisher",
            "content/policies/p01-missing-publisher.md:3 index_number.duplicate index_number",
            "content/policies/p02-bad-date.md:6 record.date created",
            "content/policies/p05-withheld.md:4 disclosure.withheld_reason withheld_reason",
            "content/policies/p06-review-late.md:10 review.after_publication review.date",
            "content/policies/p10-duplicate-key.md:12 front_matter.duplicate_key topic",
            "content/reports/r09-balance.md:30 report.statistics.balance statistics.requests.carried_forward",
        ])
        #expect(result.stderr.hasSuffix("10 errors, 0 warnings in 11 records\n"))
    }

    /// Yams prints to standard output when YAMS_DEFAULT_ENCODING is set, unless the
    /// encoding is passed explicitly: the JSON must stay JSON whatever the environment.
    @Test func jsonOutputIsJSONWhateverTheEnvironment() throws {
        let root = Disclose.fixtures.appendingPathComponent("ten-broken").path
        let result = try Disclose.run(["check", "--root", root, "--format", "json"],
                                      environment: ["YAMS_DEFAULT_ENCODING": "UTF16"])
        #expect(result.status == 1)
        #expect(try Disclose.diagnostics(result).count >= 10, "\(result.stdout.prefix(300))")
    }

    /// `check` in CI must fail where `build` would: a body's link to a missing record.
    @Test func aBrokenRecordLinkFailsCheckAsItFailsTheBuild() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        let file = root.appendingPathComponent("content/policies/mhf-2024-3.md")
        try Data((try String(contentsOf: file, encoding: .utf8) + "\n见[旧办法](mhf-2019-1.md)。\n").utf8).write(to: file)
        let check = try Disclose.run(["check", "--root", root.path])
        #expect(check.status == 1)
        #expect(check.stderr.contains("content/policies/mhf-2024-3.md:52:2: error: [link.target]"), "\(check.stderr)")
        let build = try Disclose.run(["build", "--root", root.path])
        #expect(build.status == 1)
        #expect(build.stderr.contains("content/policies/mhf-2024-3.md:52:2: error: [link.target]"), "\(build.stderr)")
    }

    /// A public record whose front matter has errors still has its body's links checked in
    /// the same run, by `check` and by `build`; only what mending those errors cannot
    /// change is reported: a link to a record with errors waits, and so does the body of a
    /// record whose `disclosure` is misspelt (it may be a withheld one's), and an
    /// interpretation of it (`reference.not_public`).
    @Test func bodyLinksAreReportedBesideFrontMatterErrors() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        func edit(_ path: String, _ change: (String) -> String) throws {
            let file = root.appendingPathComponent(path)
            try Data(change(try String(contentsOf: file, encoding: .utf8)).utf8).write(to: file)
        }
        try edit("content/policies/mhf-2023-15.md") {
            $0.replacingOccurrences(of: "publisher: 明湖区人民政府\n", with: "")
                + "\n见[细则](细则.pdf)、[旧文](nothere.md)、[规定](/policies/x.html)和[本年文件](mhf-2024-3.md)。\n"
        }
        try edit("content/policies/mhf-2024-3.md") {
            $0.replacingOccurrences(of: "disclosure: proactive", with: "disclosure: 主动公告") + "\n见[内部名单](名单.xlsx)。\n"
        }
        try edit("content/notices/rsj-2024-zp.md") {
            $0 + "\n见[工作规定](../policies/mhf-2024-3.md)和[上年规定](../policies/mhf-2023-15.md)。\n"
        }

        let expected = [
            "content/policies/mhf-2023-15.md:1:1 record.required",
            "content/policies/mhf-2023-15.md:40:2 link.target",
            "content/policies/mhf-2023-15.md:40:15 link.target",
            "content/policies/mhf-2023-15.md:40:32 link.target",
            "content/policies/mhf-2024-3.md:4:13 record.type",
        ]
        for command in ["check", "build"] {
            let result = try Disclose.run([command, "--root", root.path, "--format", "json"])
            #expect(result.status == 1)
            let found = try Disclose.diagnostics(result).filter { $0["severity"] as? String == "error" }.map { d in
                "\(d["file"] as! String):\(d["line"] as! Int):\(d["column"] as! Int) \(d["rule"] as! String)"
            }
            #expect(found == expected, "\(command): \(result.stdout)")
            #expect(!result.stdout.contains("名单.xlsx"), "\(command)")
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site").path))
    }

    /// `check --base-url` judges a body's links to the site's address as `build --base-url`
    /// does: CI checking for a staging address finds what that build would stop on.
    @Test func checkTakesTheBuildsBaseURL() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        let file = root.appendingPathComponent("content/policies/mhf-2024-3.md")
        try Data((try String(contentsOf: file, encoding: .utf8) + "\n见[旧页](https://staging.example.gov.cn/gk/old/list.html)。\n").utf8).write(to: file)
        #expect(try Disclose.run(["check", "--root", root.path]).status == 0)
        for command in ["check", "build"] {
            let result = try Disclose.run([command, "--root", root.path, "--base-url", "https://staging.example.gov.cn/gk/", "--format", "json"])
            #expect(result.status == 1, "\(command)")
            let found = try Disclose.diagnostics(result).filter { $0["severity"] as? String == "error" }
            #expect(SampleSite.places(found) == ["content/policies/mhf-2024-3.md:52:2 link.target"], "\(command): \(found)")
        }
        // While building for staging, a link to the live site's address is still a link
        // into the tree: to a withheld record's page it is refused, not kept as another site's.
        try Data((try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "https://staging.example.gov.cn/gk/old/list.html",
                                  with: "https://www.minghu.example.gov.cn/xxgk/policies/mhbm-2024-2.html")).utf8).write(to: file)
        for command in ["check", "build"] {
            let result = try Disclose.run([command, "--root", root.path, "--base-url", "https://staging.example.gov.cn/gk/", "--format", "json"])
            #expect(result.status == 1, "\(command)")
            let found = try Disclose.diagnostics(result).filter { $0["severity"] as? String == "error" }
            #expect(SampleSite.places(found) == ["content/policies/mhf-2024-3.md:52:2 link.target"], "\(command): \(found)")
        }
        let refused = try Disclose.run(["check", "--root", root.path, "--base-url", "ftp://staging.example.gov.cn/"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--base-url"), "\(refused.stderr)")
    }

    @Test func textFormatIsFileLineColumnSeverityRuleMessage() throws {
        let root = Disclose.fixtures.appendingPathComponent("ten-broken").path
        let result = try Disclose.run(["check", "--root", root])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 11)
        #expect(lines.contains("content/policies/p01-missing-publisher.md:1:1: error: [record.required] missing required field 'publisher' (发布机构)"))
        for line in lines.dropLast() {
            #expect(line.range(of: #"^content/[^:]+\.md:\d+:\d+: (error|warning): \[[a-z_.]+\] .+$"#, options: .regularExpression) != nil, "\(line)")
        }
        #expect(lines.last == "10 errors, 0 warnings in 11 records")
        #expect(!result.stderr.contains("\u{1B}["), "no colour when standard error is not a terminal")
    }

    @Test func githubFormat() throws {
        let root = Disclose.fixtures.appendingPathComponent("ten-broken").path
        let result = try Disclose.run(["check", "--root", root, "--format", "github"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 10)
        #expect(lines.allSatisfy { $0.hasPrefix("::error file=content/") })
        #expect(lines.contains { $0.hasPrefix("::error file=content/policies/p02-bad-date.md,line=6,col=10::[record.date] ") })
        #expect(lines.allSatisfy { $0.range(of: #"^::error file=[^,]+,line=\d+,col=\d+::\[[a-z_.]+\] "#, options: .regularExpression) != nil })
    }

    @Test func strictMakesWarningsFail() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        let path = root.appendingPathComponent("content/policies/mhf-2024-3.md")
        let text = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "topic: 政务公开", with: "topik: 政务公开")
        try text.write(to: path, atomically: true, encoding: .utf8)
        let lenient = try Disclose.run(["check", "--root", root.path, "--format", "json"])
        #expect(lenient.status == 0)
        let warnings = try Disclose.diagnostics(lenient)
        #expect(warnings.count == 1)
        #expect(warnings.first?["rule"] as? String == "record.unknown_key")
        #expect((warnings.first?["message"] as? String)?.contains("did you mean 'topic' (主题分类)?") == true)
        let strict = try Disclose.run(["check", "--strict", "--root", root.path, "--format", "json"])
        #expect(strict.status == 1)
        #expect(try Disclose.diagnostics(strict).first?["severity"] as? String == "error")
    }

    @Test func usageAndEnvironmentErrorsExitTwo() throws {
        #expect(try Disclose.run(["check", "--no-such-option"]).status == 2)
        #expect(try Disclose.run(["check", "--format", "xml", "--root", Disclose.packageRoot.path]).status == 2)
        #expect(try Disclose.run(["frobnicate"]).status == 2)
        let missing = try Disclose.run(["check", "--root", "/nonexistent/site"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/site"))
        let tmp = try TemporaryDirectory()
        #expect(try Disclose.run(["check", "--root", tmp.url.path]).status == 2, "a root without content/")
        #expect(try Disclose.run(["--help"]).status == 0)
    }

    /// Dates are calendar dates: the same diagnostics in every time zone.
    @Test func timeZonesDoNotShiftDates() throws {
        let root = Disclose.fixtures.appendingPathComponent("ten-broken").path
        var outputs = Set<String>()
        for zone in ["UTC", "America/Los_Angeles", "Asia/Shanghai", "Pacific/Kiritimati"] {
            let result = try Disclose.run(["check", "--root", root, "--format", "json"], environment: ["TZ": zone])
            outputs.insert(result.stdout)
        }
        #expect(outputs.count == 1)
        let sample = try Disclose.run(["check", "--root", Disclose.packageRoot.path], environment: ["TZ": "America/Los_Angeles"])
        #expect(sample.status == 0)
    }

    @Test func checkReportsTemplateErrorsToo() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        try tmp.write("{{<base}}{{$main}}{{#meta}}{{/main}}{{/base}}\n", to: "sample/templates/record.mustache")
        let result = try Disclose.run(["check", "--root", root.path, "--format", "json"])
        #expect(result.status == 1)
        #expect(try Disclose.diagnostics(result).map { $0["rule"] as! String } == ["template.syntax"])
    }

    @Test func checkWritesNothing() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        let before = try FileManager.default.subpathsOfDirectory(atPath: root.path).sorted()
        #expect(try Disclose.run(["check", "--root", root.path]).status == 0)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: root.path).sorted() == before)
    }
}
