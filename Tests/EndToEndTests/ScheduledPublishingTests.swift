import Foundation
import Testing

/// Scheduled publishing: a proactive record published after the build's as-of date is
/// held back from every output, named as scheduled, and appears in the first build whose
/// as-of date reaches its 发布日期.
@Suite struct ScheduledPublishingTests {
    static let path = "content/notices/scheduled-2030.md"
    static let title = "明湖区政务服务中心关于2030年调整窗口服务时间的通告"
    static let sentence = "自2030年6月3日起，区政务服务中心综合窗口延长服务时间至每日19时，并在周六上午提供不动产登记预约服务。"
    /// The day the record is published: the build of the day before must not show it.
    static let publishedOn = "2030-06-03"

    static let record = """
        ---
        title: \(title)
        index_number: 11450100MB0000008H/2030-00001
        disclosure: 主动公开
        publisher: 明湖区政务服务中心
        created: 2030-05-27
        published: \(publishedOn)
        review: {reviewer: 区政务服务中心保密审查小组, date: 2030-05-29}
        topic: 政务服务
        deadline: 2030-06-03
        ---

        各企业、群众：

        \(sentence)

        """

    func site() throws -> SampleSite {
        let sample = try SampleSite(adding: [Self.path: Self.record])
        // 2030's 元旦 in site.yaml's calendar: the year is then known (no calendar.year_unknown).
        let yaml = sample.root.appendingPathComponent("content/site.yaml")
        let text = try String(contentsOf: yaml, encoding: .utf8)
        try sample.add(text.replacingOccurrences(of: "holidays: [2027-01-01]", with: "holidays: [2027-01-01, 2030-01-01]"), at: "content/site.yaml")
        return sample
    }

    func build(_ sample: SampleSite, asOf: String, output: URL, _ extra: [String] = []) throws -> Disclose.Result {
        try Disclose.run(["build", "--root", sample.root.path, "--output", output.path, "--as-of", asOf] + extra)
    }

    /// Every file of the tree that mentions the record, by its title or its text.
    func mentions(_ tree: SiteTree) -> [String] {
        tree.files.keys.filter { path in
            let text = tree.text(path)
            return text.contains(Self.title) || text.contains("scheduled-2030") || text.contains("窗口延长服务时间至每日19时")
        }.sorted()
    }

    @Test func heldBackUntilItsDateThenPublished() throws {
        let sample = try site()
        let before = sample.tmp.url.appendingPathComponent("before"), on = sample.tmp.url.appendingPathComponent("on")
        let early = try build(sample, asOf: "2030-06-02", output: before, ["--strict"])
        #expect(early.status == 0, "a scheduled record fails no build, strict or not: \(early.stderr)")
        #expect(early.stderr.contains("\(Self.path):7:12: note: [record.scheduled] scheduled: published 2030-06-03 is after the as-of date 2030-06-02"),
                "\(early.stderr)")
        #expect(early.stderr.contains("scheduled, held back until their publication date: 1 (\(Self.path))"), "\(early.stderr)")
        let held = try SiteTree(before)
        #expect(!held.files.isEmpty)
        #expect(mentions(held) == [], "no page, list entry, catalog row, search entry, sitemap or feed entry")

        let published = try build(sample, asOf: Self.publishedOn, output: on)
        #expect(published.status == 0, "\(published.stderr)")
        #expect(!published.stderr.contains("record.scheduled"))
        let tree = try SiteTree(on)
        let found = mentions(tree)
        #expect(found.contains { $0.hasPrefix("notices/") && $0.hasSuffix("scheduled-2030.html") }, "\(found)")
        for output in ["catalog.json", "catalog.csv", "sitemap.xml", "feed.xml", "notices/index.html", "index.html"] {
            #expect(found.contains(output) || tree.files[output] == nil, "\(output) lists the record once it is published: \(found)")
        }
        #expect(found.contains("catalog.json") && found.contains("sitemap.xml"), "\(found)")
        #expect(found.contains { $0.hasPrefix("search") }, "the search index holds it: \(found)")
    }

    @Test func anIncrementalBuildAcrossTheDatePicksItUp() throws {
        let sample = try site()
        let output = sample.tmp.url.appendingPathComponent("out")
        let first = try build(sample, asOf: "2030-06-02", output: output)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(mentions(try SiteTree(output)) == [])
        // Nothing changed in the content: only the day did.
        let second = try build(sample, asOf: Self.publishedOn, output: output)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(!second.stderr.contains("up to date"), "\(second.stderr)")
        #expect(mentions(try SiteTree(output)).contains("catalog.json"))
        // And back: a build dated before the record takes it out again.
        let third = try build(sample, asOf: "2030-01-01", output: output)
        #expect(third.status == 0, "\(third.stderr)")
        #expect(mentions(try SiteTree(output)) == [])
    }

    @Test func equalAsOfDatesGiveEqualTreesWithAScheduledRecord() throws {
        let sample = try site()
        let a = sample.tmp.url.appendingPathComponent("a"), b = sample.tmp.url.appendingPathComponent("b")
        #expect(try build(sample, asOf: "2030-06-02", output: a).status == 0)
        #expect(try build(sample, asOf: "2030-06-02", output: b).status == 0)
        #expect(try SiteTree(a).files == SiteTree(b).files)
    }

    @Test func checkReportsItAsANoteInEveryFormat() throws {
        let sample = try site()
        let json = try Disclose.run(["check", "--root", sample.root.path, "--format", "json", "--strict", "--as-of", "2030-06-02"])
        #expect(json.status == 0, "\(json.stderr)")
        let notes = try Disclose.diagnostics(json).filter { $0["file"] as? String == Self.path }
        #expect(notes.count == 1)
        #expect(notes.first?["severity"] as? String == "note")
        #expect(notes.first?["rule"] as? String == "record.scheduled")
        #expect(notes.first?["line"] as? Int == 7 && notes.first?["column"] as? Int == 12)
        #expect(json.stderr.contains(" note") || json.stderr.contains(" notes"), "\(json.stderr)")
        let github = try Disclose.run(["check", "--root", sample.root.path, "--format", "github", "--as-of", "2030-06-02"])
        #expect(github.status == 0)
        #expect(github.stdout.contains("::notice file=\(Self.path),line=7,col=12::[record.scheduled]"), "\(github.stdout)")
        let published = try Disclose.run(["check", "--root", sample.root.path, "--format", "json", "--as-of", Self.publishedOn])
        #expect(try Disclose.diagnostics(published).filter { $0["file"] as? String == Self.path }.isEmpty)
    }

    /// Not public yet means its text must not be on the site: in a template's asset it is
    /// a leak that stops the build until the day the record is published, as a non-public
    /// record's text would be.
    @Test func aTemplateQuotingItIsALeakUntilItsDate() throws {
        let sample = try site()
        try sample.add("说明：" + Self.sentence + "\n", at: "templates/assets/notes.txt")
        let output = sample.tmp.url.appendingPathComponent("out")
        let early = try build(sample, asOf: "2030-06-02", output: output, ["--format", "json"])
        #expect(early.status == 1, "\(early.stderr)")
        let leaks = try Disclose.diagnostics(early).filter { $0["rule"] as? String == "audit.leak" }
        #expect(leaks.count == 1, "\(leaks)")
        #expect((leaks.first?["message"] as? String)?.contains(Self.path) == true, "\(leaks)")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
        let onTime = try build(sample, asOf: Self.publishedOn, output: output)
        #expect(onTime.status == 0, "\(onTime.stderr)")
    }

    /// A public record quoting it is named, as one quoting a non-public record is
    /// (`leak.shared_text`), until the day it is published.
    @Test func aPublicRecordQuotingItIsSharedTextUntilItsDate() throws {
        let sample = try site()
        try sample.add("""
            ---
            title: 明湖区政务服务中心2030年工作要点
            index_number: 11450100MB0000008H/2030-00002
            disclosure: 主动公开
            publisher: 明湖区政务服务中心
            created: 2030-01-06
            published: 2030-01-08
            review: {reviewer: 区政务服务中心保密审查小组, date: 2030-01-07}
            deadline: 2030-12-31
            ---

            一、便民服务

            \(Self.sentence)

            """, at: "content/notices/plan-2030.md")
        let (early, diagnostics) = try sample.check(["--as-of", "2030-06-02", "--strict"])
        #expect(early.status == 1)
        let shared = diagnostics.filter { $0["rule"] as? String == "leak.shared_text" }
        #expect(shared.map { $0["file"] as? String } == ["content/notices/plan-2030.md"], "\(diagnostics)")
        #expect((shared.first?["message"] as? String)?.contains(Self.path) == true)
        let (onTime, later) = try sample.check(["--as-of", Self.publishedOn, "--strict"])
        #expect(onTime.status == 0, "\(later)")
    }

    /// A public body's link to it would be a broken link until its day: named as such.
    @Test func aLinkToItIsAnErrorUntilItsDate() throws {
        let sample = try site()
        let linking = sample.root.appendingPathComponent("content/notices/zwfwzx-2024-gqjq.md")
        let text = try String(contentsOf: linking, encoding: .utf8)
        try (text + "\n见[通告](scheduled-2030.md)。\n").write(to: linking, atomically: true, encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).count + 1
        let (early, all) = try sample.check(["--as-of", "2030-06-02"])
        #expect(early.status == 1)
        let diagnostics = all.filter { $0["rule"] as? String != "record.scheduled" }
        #expect(SampleSite.places(diagnostics) == ["content/notices/zwfwzx-2024-gqjq.md:\(line):2 link.target"], "\(diagnostics)")
        #expect((diagnostics.first?["message"] as? String)?.contains("names a record scheduled for 2030-06-03") == true, "\(diagnostics)")
        let (onTime, _) = try sample.check(["--as-of", Self.publishedOn])
        #expect(onTime.status == 0, "\(onTime.stderr)")
    }

    /// `audit` judges by the as-of date the site was built with.
    @Test func auditTakesTheBuildsAsOfDate() throws {
        let sample = try site()
        let output = sample.tmp.url.appendingPathComponent("out")
        #expect(try build(sample, asOf: Self.publishedOn, output: output).status == 0)
        let same = try Disclose.run(["audit", output.path, "--root", sample.root.path, "--as-of", Self.publishedOn])
        #expect(same.status == 0, "\(same.stderr)")
        let earlier = try Disclose.run(["audit", output.path, "--root", sample.root.path, "--as-of", "2030-06-02"])
        #expect(earlier.status == 1, "the published site holds a record scheduled after 2030-06-02: \(earlier.stderr)")
    }
}

/// An unchanged build names the scheduled records again, from the cache.
@Suite struct ScheduledPublishingCacheTests {
    @Test func anUnchangedBuildStillNamesTheScheduledRecord() throws {
        let sample = try ScheduledPublishingTests().site()
        let output = sample.tmp.url.appendingPathComponent("out")
        let arguments = ["build", "--root", sample.root.path, "--output", output.path, "--as-of", "2030-06-01"]
        #expect(try Disclose.run(arguments).status == 0)
        let again = try Disclose.run(arguments)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("nothing changed since the last build"), "\(again.stderr)")
        #expect(again.stderr.contains("\(ScheduledPublishingTests.path):7:12: note: [record.scheduled] scheduled: published 2030-06-03 is after the as-of date 2030-06-01"),
                "\(again.stderr)")
        // Another day in the same window: still nothing to do, and the note gives that day.
        let later = try Disclose.run(["build", "--root", sample.root.path, "--output", output.path, "--as-of", "2030-06-02"])
        #expect(later.stderr.contains("nothing changed since the last build") && later.stderr.contains("after the as-of date 2030-06-02"),
                "\(later.stderr)")
    }
}
