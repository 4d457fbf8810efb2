import Foundation
import Testing

/// A type no built-in declaration knows, declared by the site in `types/`: checked, built,
/// listed, catalogued, searched and audited as the built-in ones are, with no code; and a
/// non-public record of it leaves no trace, whichever of its fields holds the text.
@Suite struct DeclaredTypeTests {
    static let declaration = """
        # 听证公告: a type of this site alone.
        id: hearing
        folder: hearings
        name: 听证公告
        rule_sets: [timeliness, review]
        fields:
          - {key: hearing_number, label: 听证编号, kind: text, required: true, shown: true}
          - {key: hearing_date, label: 听证日期, kind: date, required: true, shown: true}
          - {key: venue, label: 听证地点, kind: text, required: true}
          - {key: topics, label: 听证事项, kind: text_list, required: true}
          - key: panel
            label: 听证人员
            kind: table
            fields:
              - {key: name, label: 姓名, kind: text, required: true}
              - {key: role, label: 职务, kind: text, required: true}

        """

    static func hearing(_ stem: String, index: Int, disclosure: String, title: String, venue: String,
                        topic: String, member: String, number: String) -> (String, String) {
        let review = disclosure == "proactive"
            ? "published: 2024-05-10\nreview: {reviewer: 区发改局保密审查小组, date: 2024-05-08}\n" : "withheld_reason: 属于内部事务信息\n"
        return ("content/hearings/\(stem).md", """
            ---
            title: \(title)
            index_number: 11450100MB000000CM/2024-\(String(format: "%05d", index))
            disclosure: \(disclosure)
            publisher: 明湖区发展和改革局
            created: 2024-05-06
            \(review)hearing_number: \(number)
            hearing_date: 2024-05-30
            venue: \(venue)
            topics:
              - \(topic)
            panel:
              - {name: \(member), role: 听证主持人}
            ---
            听证会依法公开举行。

            """)
    }

    /// A sample with the declaration, a public hearing and a withheld one whose title, venue,
    /// topic, panel member and number each hold their own canary (`canaries[0...4]`).
    static func site(_ canaries: [String]) throws -> SampleSite {
        let open = hearing("tsjg-2024", index: 31, disclosure: "proactive", title: "明湖区居民生活用水价格调整听证公告",
                           venue: "区政务服务中心五楼第二会议室", topic: "居民阶梯水价调整方案", member: "区发改局副局长", number: "明发改听〔2024〕1号")
        let closed = hearing("nbtz-2024", index: 32, disclosure: "withheld", title: "内部听证安排\(canaries[0])标题",
                             venue: "机要会议室\(canaries[1])地点", topic: "拟调整事项\(canaries[2])事项",
                             member: "主持人\(canaries[3])姓名", number: "内听\(canaries[4])编号")
        return try SampleSite(adding: ["types/hearing.yaml": declaration, open.0: open.1, closed.0: closed.1])
    }

    static func canaries() -> [String] {
        (0..<5).map { _ in "QX" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(10) }
    }

    @Test func declaredTypeIsCheckedBuiltListedCataloguedAndSearched() throws {
        let sample = try Self.site(Self.canaries())
        let (checked, diagnostics) = try sample.check()
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let built = try sample.build()
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stderr.contains("hearing"), "the summary has a column for the type: \(built.stderr)")
        let site = try sample.output()
        let page = site.text("hearings/tsjg-2024.html")
        for text in ["<th scope=\"row\">听证编号</th><td>明发改听〔2024〕1号</td>", "<th scope=\"row\">听证日期</th><td>2024-05-30</td>",
                     "<h2>听证地点</h2>", "区政务服务中心五楼第二会议室", "<li>居民阶梯水价调整方案</li>",
                     "<th scope=\"col\">姓名</th>", "<td>区发改局副局长</td>"] {
            #expect(page.contains(text), "\(text)")
        }
        #expect(site.text("hearings/index.html").contains("tsjg-2024.html"), "listed in its section")
        #expect(site.text("index.html").contains(">听证公告<"), "in the navigation")
        let json = try #require(try JSONSerialization.jsonObject(with: site.files["catalog.json"]!) as? [String: Any])
        let records = try #require(json["records"] as? [[String: Any]])
        let record = try #require(records.first { $0["type"] as? String == "hearing" })
        let fields = try #require(record["hearing"] as? [String: Any])
        #expect(fields["venue"] as? String == "区政务服务中心五楼第二会议室")
        #expect((fields["panel"] as? [[String: Any]])?.first?["role"] as? String == "听证主持人")
        #expect(site.text("catalog.csv").contains("11450100MB000000CM/2024-00031,明湖区居民生活用水价格调整听证公告,听证公告,"))
        let index = site.searchData
        #expect(index.contains("hearings/tsjg-2024.html"))
        // A word found only in a type field (the venue): every text field is searchable.
        #expect(index.contains("\"会议\"") || index.contains("会议"), "the venue is indexed")
        let audited = try Disclose.run(["audit", sample.root.appendingPathComponent("site").path, "--root", sample.root.path])
        #expect(audited.status == 0, "\(audited.stdout)\(audited.stderr)")
    }

    /// A canary is in every field of the withheld record, each its own: not
    /// one of them, nor its file name, reaches any file of the output.
    @Test func nonPublicRecordOfADeclaredTypeLeavesNoTrace() throws {
        let canaries = Self.canaries()
        let sample = try Self.site(canaries)
        let built = try sample.build()
        #expect(built.status == 0, "\(built.stderr)")
        let site = try sample.output()
        for (path, data) in site.files {
            let text = String(decoding: data, as: UTF8.self)
            for canary in canaries { #expect(!text.contains(canary), "\(path) holds the withheld record's text") }
            #expect(!text.contains("nbtz-2024"), "\(path) names the withheld record's file")
        }
    }

    /// The leak audit knows a type field's text as secret without being told: the withheld
    /// record's venue (no title, no body) planted in an asset stops the build.
    @Test func textOfADeclaredFieldOfANonPublicRecordIsSecret() throws {
        let canaries = Self.canaries()
        let sample = try Self.site(canaries)
        try sample.add("会议安排：机要会议室\(canaries[1])地点\n", at: "templates/assets/notes.txt")
        let failed = try sample.build(["--format", "json"])
        #expect(failed.status == 1)
        let leaks = try Disclose.diagnostics(failed).filter { $0["rule"] as? String == "audit.leak" }
        #expect(leaks.count == 1, "\(leaks)")
        #expect((leaks.first?["message"] as? String)?.contains("content/hearings/nbtz-2024.md") == true, "\(leaks)")
    }

    /// A declaration with an error declares nothing: `check` names its line and column,
    /// and the records of its folder are outside any section; the build stops.
    @Test func badDeclarationIsReportedAtItsSourceAndItsRecordsAreNotPublished() throws {
        let broken = Self.declaration.replacingOccurrences(of: "kind: date, required: true", with: "kind: day, required: true")
        let sample = try Self.site(Self.canaries())
        try sample.add(broken, at: "types/hearing.yaml")
        let (checked, diagnostics) = try sample.check()
        #expect(checked.status == 1)
        let places = SampleSite.places(diagnostics)
        #expect(places.contains("types/hearing.yaml:8:44 type.declaration"), "\(places)")
        #expect(places.contains("content/hearings/tsjg-2024.md:1:1 section.unknown"), "\(places)")
        #expect(try sample.build().status == 1)
    }

    /// `disclose new` writes a skeleton of a declared type, with its Chinese labels, that
    /// `check` reports until its placeholders are filled; `disclose types` lists the type.
    @Test func newWritesASkeletonOfADeclaredType() throws {
        let sample = try Self.site(Self.canaries())
        let made = try Disclose.run(["new", "hearing", "tz-2024-9", "--root", sample.root.path])
        #expect(made.status == 0, "\(made.stderr)")
        let text = try String(contentsOf: sample.root.appendingPathComponent("content/hearings/tz-2024-9.md"), encoding: .utf8)
        #expect(text.contains("# 听证地点 / venue\nvenue: \"<待填写 听证地点 / venue>\""), "\(text)")
        #expect(text.contains("# 听证日期 / hearing_date\nhearing_date: "), "\(text)")
        let (_, diagnostics) = try sample.check()
        let rules = Set(diagnostics.filter { ($0["file"] as? String)?.hasSuffix("tz-2024-9.md") == true }.map { $0["rule"] as! String })
        #expect(rules == ["record.placeholder"], "\(diagnostics)")
        let listed = try Disclose.run(["types", "--root", sample.root.path])
        #expect(listed.stdout.contains("### `hearing`: 听证公告 (`content/hearings/`)"), "\(listed.stdout)")
        let unknown = try Disclose.run(["new", "hearings", "x", "--root", sample.root.path])
        #expect(unknown.status == 2 && unknown.stderr.contains("hearing"), "\(unknown.stderr)")
    }

    /// A declaration is an input like a record: changing a label rebuilds the pages.
    @Test func changingADeclarationRebuildsItsPages() throws {
        let sample = try Self.site(Self.canaries())
        #expect(try sample.build().status == 0)
        #expect(try sample.output().text("hearings/tsjg-2024.html").contains("<h2>听证地点</h2>"))
        try sample.add(Self.declaration.replacingOccurrences(of: "label: 听证地点", with: "label: 举行地点"), at: "types/hearing.yaml")
        let again = try sample.build()
        #expect(again.status == 0, "\(again.stderr)")
        let page = try sample.output().text("hearings/tsjg-2024.html")
        #expect(page.contains("<h2>举行地点</h2>") && !page.contains("听证地点"))
    }

    /// A declared section whose only record is withheld is not on the site at all: no
    /// list page, no navigation entry, no search filter names it.
    @Test func aSectionWithNoPublicRecordIsNotShown() throws {
        let canaries = Self.canaries()
        let sample = try Self.site(canaries)
        try FileManager.default.removeItem(at: sample.root.appendingPathComponent("content/hearings/tsjg-2024.md"))
        let built = try sample.build()
        #expect(built.status == 0, "\(built.stderr)")
        let site = try sample.output()
        #expect(!site.files.keys.contains { $0.hasPrefix("hearings/") })
        for page in ["index.html", "search.html", "catalog.html"] { #expect(!site.text(page).contains("听证公告"), "\(page)") }
    }
}
