import Foundation
import Testing
@testable import DisclosureKit

/// A search index updated from the previous one must be, byte for byte, the one written
/// from scratch; a previous file that is not exactly what a build writes is refused.
final class SearchIndexUpdateTests {
    let folder: TemporarySiteRoot
    var root: String { folder.path }

    init() throws {
        folder = try TemporarySiteRoot("search-update")
    }

    /// Writes policy record `number`, published on `day` of January 2024, with `body`.
    func writeRecord(_ number: Int, day: Int, title: String, body: String) throws {
        let front = RecordSamples.frontMatter(.policy)
            .replacingOccurrences(of: "created: 2024-01-15", with: "created: 2024-01-01")
            .replacingOccurrences(of: "date: 2024-01-17", with: "date: 2024-01-02")
            .replacingOccurrences(of: "2024-00003", with: String(format: "2024-%05d", number))
            .replacingOccurrences(of: "published: 2024-01-19", with: String(format: "published: 2024-01-%02d", day))
            .replacingOccurrences(of: "title: 明湖区人民政府关于印发某办法的通知", with: "title: \(title)")
        try Data("---\n\(front)\n---\n\(body)\n".utf8).write(to: URL(fileURLWithPath: root + "/content/policies/p\(number).md"))
    }

    func plan() throws -> SitePlan {
        let site = try SiteLoader.load(root: root)
        #expect(site.diagnostics.errorCount == 0, "\(site.diagnostics)")
        return SitePlan(PublicView(site))
    }

    func keys(_ plan: SitePlan) -> [Digest] {
        let outputKeys = OutputKeys(global: .zero, plan: plan, resolver: BodyLinks.resolver(plan))
        return plan.newestRecords.map(outputKeys.searchDocument)
    }

    func full(_ plan: SitePlan) throws -> [UInt8] {
        let path = root + "/full.js"
        try SearchIndex.write(plan, toFile: path)
        return try FileIO.readBytes(path)
    }

    func updated(_ plan: SitePlan, from previous: [UInt8], keys previousKeys: [Digest]) throws -> [UInt8]? {
        guard let update = SearchIndexUpdate(previous: { previous }, previousKeys: previousKeys, keys: keys(plan)) else { return nil }
        let path = root + "/updated.js"
        var out = try FileWriter(creating: path)
        try update.write(SearchDocument.all(plan), to: &out)
        return try FileIO.readBytes(path)
    }

    @Test func editsAdditionsRemovalsAndReorderingsGiveTheFullIndex() throws {
        let bodies = ["区财政局发布预算公开目录，涉及教育支出和 budget 2024。", "住房保障政策解读，申请条件与办理流程。",
                      "政务服务中心窗口调整通知 window A12。", "关于征收土地补偿标准的公告。", "年度报告统计数据说明。",
                      "道路交通管理办法（试行）全文。"]
        for (number, body) in bodies.enumerated() {
            try writeRecord(number + 1, day: 10 + number, title: "第\(number + 1)号 通知 notice\(number)", body: body)
        }
        var previousPlan = try plan()
        var previous = try full(previousPlan)
        var previousKeys = keys(previousPlan)

        let edits: [() throws -> Void] = [
            // A body edited: its terms change, its id does not.
            { try self.writeRecord(2, day: 11, title: "第2号 通知 notice1", body: "住房保障政策解读，全新的内容 housing。") },
            // A title edited: the title marks move.
            { try self.writeRecord(3, day: 12, title: "窗口 调整 window", body: bodies[2]) },
            // A record added as the newest: every id moves by one.
            { try self.writeRecord(7, day: 28, title: "新增 通知 extra", body: "新增记录，教育 budget。") },
            // A record removed: ids after it move back, its terms that no one else holds go.
            { try FileManager.default.removeItem(atPath: self.root + "/content/policies/p4.md") },
            // A record's date moved: the order of the documents changes.
            { try self.writeRecord(1, day: 27, title: "第1号 通知 notice0", body: bodies[0]) },
        ]
        for (step, edit) in edits.enumerated() {
            try edit()
            let plan = try plan()
            let expected = try full(plan)
            let made = try #require(try updated(plan, from: previous, keys: previousKeys), "step \(step): no update planned")
            // Compared as a Bool: a failure should not print both files.
            let same = made == expected
            #expect(same, "step \(step): the updated index differs from the full one")
            (previousPlan, previous, previousKeys) = (plan, expected, keys(plan))
        }
    }

    @Test func tooManyChangesOrNothingToKeepMeanAFullWrite() throws {
        for number in 1...4 { try writeRecord(number, day: 10 + number, title: "通知\(number)", body: "正文\(number)") }
        let plan = try plan()
        let bytes = try full(plan)
        let keys = keys(plan)
        #expect(SearchIndexUpdate(previous: { bytes }, previousKeys: [], keys: keys) == nil)
        #expect(SearchIndexUpdate(previous: { nil }, previousKeys: keys, keys: keys) == nil)
        let unrelated = keys.map { Digest(high: $0.high ^ 1, low: $0.low) }
        var read = false
        #expect(SearchIndexUpdate(previous: { read = true; return bytes }, previousKeys: unrelated, keys: keys) == nil)
        #expect(!read, "nothing to keep: the old index is not read")
        #expect(SearchIndexUpdate(previous: { bytes }, previousKeys: keys, keys: keys) != nil)
    }

    /// An index built by hand: three documents, two terms.
    static let sample = SearchIndex.header + "[\"a\"],\n[\"b\"],\n[\"c\"]" + SearchIndex.betweenDocumentsAndTerms
        + "\n\"x\":\"1!,2\",\n\"y\":\"3\"" + SearchIndex.footer

    @Test func readsAWellFormedIndex() throws {
        let index = try #require(PreviousSearchIndex(Array(Self.sample.utf8), documentCount: 3))
        #expect(index.documents.map { String(decoding: index.bytes[$0], as: UTF8.self) } == ["[\"a\"]", "[\"b\"]", "[\"c\"]"])
        #expect(index.terms.map { String(decoding: index.bytes[$0.text], as: UTF8.self) } == ["x", "y"])
        var postings: [String] = []
        PreviousSearchIndex.decode(index.bytes[index.terms[0].postings]) { postings.append("\($0)\($1 ? "!" : "")") }
        #expect(postings == ["0!", "2"])
    }

    @Test(arguments: [
        ("another document count", Self.sample, 4),
        ("terms out of order", Self.sample.replacingOccurrences(of: "\"y\":", with: "\"a\":"), 3),
        ("a document id past the end", Self.sample.replacingOccurrences(of: "\"y\":\"3\"", with: "\"y\":\"4\""), 3),
        ("a zero gap", Self.sample.replacingOccurrences(of: "1!,2", with: "1!,0"), 3),
        ("a mark without a gap", Self.sample.replacingOccurrences(of: "1!,2", with: "!,2"), 3),
        ("a stray character", Self.sample.replacingOccurrences(of: "1!,2", with: "1!;2"), 3),
        ("a comma after the last term", Self.sample.replacingOccurrences(of: "\"y\":\"3\"", with: "\"y\":\"3\","), 3),
        ("no footer", String(Self.sample.dropLast(SearchIndex.footer.count)), 3),
        ("bytes after the footer", Self.sample + "//", 3),
        ("another header", "//" + Self.sample, 3),
    ] as [(String, String, Int)])
    func refusesAnythingElse(_ what: String, text: String, documents: Int) {
        #expect(PreviousSearchIndex(Array(text.utf8), documentCount: documents) == nil, "\(what)")
    }
}
