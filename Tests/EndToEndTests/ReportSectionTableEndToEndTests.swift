import Foundation
import Testing

/// An old Markdown table kept under `## 三、…` of a report: the user sees a warning at the
/// heading, and `--strict` fails.
@Suite struct ReportSectionTableEndToEndTests {
    @Test func anOldTableUnderSection三IsAWarningAtTheHeading() throws {
        let sample = try SampleSite()
        let path = "content/reports/czj-ndbg-2024.md"
        let original = try String(contentsOf: sample.root.appendingPathComponent(path), encoding: .utf8)
        let old = "## 三、收到和处理政府信息公开申请情况\n\n| 本年新收政府信息公开申请数量 | 9 |\n| --- | --- |\n\n"
        let text = original.replacingOccurrences(of: "## 五、存在的主要问题及改进情况", with: old + "## 五、存在的主要问题及改进情况")
        #expect(text != original)
        try sample.add(text, at: path)
        let heading = try #require(text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("## 三、") }) + 1
        let plain = try Disclose.run(["check", "--root", sample.root.path])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stderr.contains("\(path):\(heading):1: warning: [report.section_table] section '三、收到和处理政府信息公开申请情况' holds a table (line \(heading + 2))"),
                "\(plain.stderr)")
        let strict = try Disclose.run(["check", "--root", sample.root.path, "--strict"])
        #expect(strict.status == 1)
    }
}
