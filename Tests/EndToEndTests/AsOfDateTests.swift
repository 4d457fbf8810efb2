import Foundation
import Testing

/// `--as-of`: the day a build judges policies' 有效期至 by, and `time_zone`, where "today" is.
@Suite struct AsOfDateTests {
    @Test func equalAsOfDatesGiveByteIdenticalTrees() throws {
        let sample = try SampleSite()
        let first = sample.tmp.url.appendingPathComponent("first"), second = sample.tmp.url.appendingPathComponent("second")
        // Different clocks' time zones too: the as-of date is the option, not the machine's day.
        let one = try Disclose.run(["build", "--root", sample.root.path, "--output", first.path, "--as-of", "2026-12-02"],
                                   environment: ["TZ": "Pacific/Kiritimati"])
        let two = try Disclose.run(["build", "--root", sample.root.path, "--output", second.path, "--as-of", "2026-12-02"],
                                   environment: ["TZ": "Pacific/Pago_Pago"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(two.status == 0, "\(two.stderr)")
        let a = try SiteTree(first), b = try SiteTree(second)
        #expect(!a.files.isEmpty)
        #expect(a.files == b.files)
    }

    @Test(arguments: ["build", "check"])
    func anAsOfThatIsNoDateIsAUsageError(_ command: String) throws {
        let sample = try SampleSite()
        for value in ["2026-02-30", "2026/12/02", "today"] {
            let result = try Disclose.run([command, "--root", sample.root.path, "--as-of", value])
            #expect(result.status == 2, "\(value): \(result.stderr)")
            #expect(result.stderr.contains("--as-of must be a calendar date written YYYY-MM-DD"), "\(result.stderr)")
            #expect(result.stderr.contains(value))
        }
        #expect(!FileManager.default.fileExists(atPath: sample.root.appendingPathComponent("site").path))
    }

    @Test func anUnknownTimeZoneIsASiteError() throws {
        let sample = try SampleSite()
        let settings = sample.root.appendingPathComponent("content/site.yaml")
        let text = try String(contentsOf: settings, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.hasPrefix("time_zone:") }) + 1
        try text.replacingOccurrences(of: "time_zone: Asia/Shanghai", with: "time_zone: Asia/Beijing")
            .write(to: settings, atomically: true, encoding: .utf8)
        let (result, diagnostics) = try sample.check()
        #expect(result.status == 1)
        #expect(SampleSite.places(diagnostics) == ["content/site.yaml:\(line):12 site.invalid"])
        #expect((diagnostics.first?["message"] as? String)?.contains("'Asia/Beijing'") == true)
        try text.replacingOccurrences(of: "time_zone: Asia/Shanghai", with: "time_zone: Asia/Urumqi")
            .write(to: settings, atomically: true, encoding: .utf8)
        let (accepted, _) = try sample.check()
        #expect(accepted.status == 0, "\(accepted.stderr)")
    }
}
