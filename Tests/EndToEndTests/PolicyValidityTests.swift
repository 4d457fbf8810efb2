import Foundation
import Testing

/// 有效性 in full: 有效, 失效, 废止, 已修改; 施行日期 and 有效期至, judged on the build's as-of
/// date; what a record repealed or amended, listed on its page.
@Suite struct PolicyValidityTests {
    /// The sample's 2023 老旧小区改造 plan is in force to 2023-12-31.
    static let expiring = "policies/mhf-2023-15.html"
    static let expiringIndex = "11450100MB0000001A/2023-00015"

    /// The 有效性 the catalog's JSON gives the record with index number `index`.
    static func jsonStatus(_ site: SiteTree, _ index: String) throws -> String? {
        let data = try #require(site.files["catalog.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let records = try #require(json["records"] as? [[String: Any]])
        let record = try #require(records.first { $0["index_number"] as? String == index })
        func find(_ value: Any) -> String? {
            if let object = value as? [String: Any] {
                if let status = object["status"] as? String { return status }
                for member in object.values { if let found = find(member) { return found } }
            }
            return nil
        }
        return find(record)
    }

    /// The CSV row of the record with index number `index`.
    static func csvRow(_ site: SiteTree, _ index: String) -> String? {
        site.text("catalog.csv").components(separatedBy: "\r\n").first { $0.hasPrefix(index + ",") }
    }

    static func inode(_ url: URL) throws -> Int? {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? NSNumber)?.intValue
    }

    @Test func aPolicyPastItsLastDayIsExpiredFromTheAsOfDateIncrementallyToo() throws {
        let sample = try SampleSite()
        let output = sample.root.appendingPathComponent("site")
        // Its last day moved past every record's 发布日期: a build dated before a record's
        // publication holds that record back (scheduled publishing), which is not what
        // this test is about.
        let record = sample.root.appendingPathComponent("content/policies/mhf-2023-15.md")
        try (try String(contentsOf: record, encoding: .utf8)).replacingOccurrences(of: "effective_until: 2023-12-31", with: "effective_until: 2029-12-31")
            .write(to: record, atomically: true, encoding: .utf8)
        // On its last day it is in force.
        let first = try sample.build(["--as-of", "2029-12-31"])
        #expect(first.status == 0, "\(first.stderr)")
        var site = try sample.output()
        #expect(site.text(Self.expiring).contains("<tr><th scope=\"row\">有效性</th><td>有效</td></tr>"))
        #expect(site.text(Self.expiring).contains("<tr><th scope=\"row\">有效期至</th><td>2029-12-31</td></tr>"))
        #expect(!site.text(Self.expiring).contains("notice-expired"))
        #expect(Self.csvRow(site, Self.expiringIndex)?.contains(",有效,") == true)
        #expect(try Self.jsonStatus(site, Self.expiringIndex) == "effective")
        let guide = output.appendingPathComponent("guides/ggcswsxk.html")
        let guideInode = try Self.inode(guide)

        // The day after, the same content is 失效 everywhere, and only what that changed is rewritten.
        let second = try sample.build(["--as-of", "2030-01-01"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(!second.stderr.contains("nothing changed"))
        site = try sample.output()
        #expect(site.text(Self.expiring).contains("<tr><th scope=\"row\">有效性</th><td>失效</td></tr>"))
        #expect(site.text(Self.expiring).contains("notice-expired"))
        #expect(Self.csvRow(site, Self.expiringIndex)?.contains(",失效,") == true)
        #expect(try Self.jsonStatus(site, Self.expiringIndex) == "expired")
        #expect(try Self.inode(guide) == guideInode, "a page the date does not touch is carried over")

        // The incremental tree is the one a clean build on that day writes.
        let clean = sample.tmp.url.appendingPathComponent("clean")
        #expect(try Disclose.run(["build", "--root", sample.root.path, "--output", clean.path, "--as-of", "2030-01-01"]).status == 0)
        #expect(try SiteTree(clean).files == site.files)

        // Later days change nothing more: the build has nothing to do. An earlier one does.
        #expect(try sample.build(["--as-of", "2030-06-01"]).stderr.contains("nothing changed"))
        let back = try sample.build(["--as-of", "2029-06-30"])
        #expect(!back.stderr.contains("nothing changed"))
        #expect(try sample.output().text(Self.expiring).contains("<td>有效</td>"))
    }

    @Test func theSamplesAmendedPolicyAndTheAmendingOneLinkEachOther() throws {
        let sample = try SampleSite()
        #expect(try sample.build(["--as-of", "2026-12-02"]).status == 0)
        let site = try sample.output()
        let amended = site.text("policies/mhf-2024-3.html")
        #expect(amended.contains("<tr><th scope=\"row\">有效性</th><td>已修改</td></tr>"))
        #expect(amended.contains("class=\"notice notice-amended\""))
        #expect(amended.contains("<a href=\"../policies/mhf-2025-6.html\">明湖区人民政府关于修改《明湖区政府信息公开工作规定》的决定</a>"))
        let amending = site.text("policies/mhf-2025-6.html")
        #expect(amending.contains("<h2 id=\"related-amended_by\">修改的文件</h2>"))
        #expect(amending.contains("<a href=\"../policies/mhf-2024-3.html\">明湖区人民政府关于印发《明湖区政府信息公开工作规定》的通知</a>（明府发〔2024〕3号）"))
        let repealing = site.text("policies/mhbf-2024-21.html")
        #expect(repealing.contains("<h2 id=\"related-repealed_by\">废止的文件</h2>"))
        #expect(repealing.contains("<a href=\"../policies/mhbf-2022-7.html\">明湖区政府信息公开保密审查办法（试行）</a>"))
        #expect(site.problems() == [])
    }

    @Test func aDocumentOutsideTheSiteIsNamedByItsNumberAndTitle() throws {
        let sample = try SampleSite(adding: [
            "content/policies/old.md": SampleSite.policy(title: "明湖区农村土地承包经营权流转管理暂行办法", index: 1, extra: """
                status: 废止
                repealed_by: {document_number: 明政发〔2025〕3号, title: 明湖市人民政府关于废止部分规范性文件的决定}
                """),
        ])
        let result = try sample.build(["--as-of", "2026-12-02"])
        #expect(result.status == 0, "\(result.stderr)")
        let page = try sample.output().text("policies/old.html")
        #expect(page.contains("本文件已被明湖市人民政府关于废止部分规范性文件的决定（明政发〔2025〕3号）废止。"))
        #expect(page.contains("<tr><th scope=\"row\">有效性</th><td>废止</td></tr>"))
    }

    @Test func eachValidityRuleHasItsPlace() throws {
        let sample = try SampleSite(adding: [
            // 废止 without what repealed it (line 9 is 'status').
            "content/policies/a.md": SampleSite.policy(index: 1, extra: "status: repealed"),
            // 已修改 without what amended it.
            "content/policies/b.md": SampleSite.policy(index: 2, extra: "status: 已修改"),
            // 有效期至 before 施行日期.
            "content/policies/c.md": SampleSite.policy(index: 3, extra: "effective_from: 2024-02-01\neffective_until: 2024-01-31"),
            // An index number no record has.
            "content/policies/d.md": SampleSite.policy(index: 4, extra: "status: amended\namended_by: 11450100MB0000009Z/2099-00001"),
            // A public policy repealed by a withheld one.
            "content/policies/e.md": SampleSite.policy(index: 5, extra: "status: repealed\nrepealed_by: 11450100MB0000004D/2024-00002"),
            // A document outside the site without its title: reported once, where it is written.
            "content/policies/f.md": SampleSite.policy(index: 7, extra: "status: repealed\nrepealed_by: {document_number: 明政发〔2025〕3号}"),
        ])
        let (result, diagnostics) = try sample.check()
        #expect(result.status == 1)
        #expect(Set(SampleSite.places(diagnostics)) == [
            "content/policies/a.md:10:9 policy.repealed_by",
            "content/policies/b.md:10:9 policy.amended_by",
            "content/policies/c.md:11:18 policy.effective_dates",
            "content/policies/d.md:11:13 reference.unknown",
            "content/policies/e.md:11:14 reference.not_public",
            "content/policies/f.md:11:1 record.required",
        ])
        let build = try sample.build()
        #expect(build.status == 1)
        #expect(!FileManager.default.fileExists(atPath: sample.root.appendingPathComponent("site").path))
    }

    @Test func aNonPublicRecordIsNeverListedAsRepealedOrAmended() throws {
        // A withheld policy repealed by a public one: allowed, and never listed on the public page.
        let title = "明湖区内部财务审批暂行规定"
        let sample = try SampleSite(adding: [
            "content/policies/internal.md": SampleSite.policy(title: title, index: 6, disclosure: "disclosure: withheld\nwithheld_reason: 属于内部管理信息",
                                                              extra: "status: repealed\nrepealed_by: 11450100MB0000002B/2024-00021"),
        ])
        let result = try sample.build(["--as-of", "2026-12-02"])
        #expect(result.status == 0, "\(result.stderr)")
        let site = try sample.output()
        let repealing = site.text("policies/mhbf-2024-21.html")
        #expect(repealing.contains("明湖区政府信息公开保密审查办法（试行）"))
        #expect(!site.files.values.contains { String(decoding: $0, as: UTF8.self).contains(title) })
    }
}
