import Foundation
import Testing
@testable import DisclosureKit

/// A search index updated from the previous shards must be, byte for byte, the shards
/// written from scratch; a previous shard that is not exactly what a build writes is refused.
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

    /// The shards written from scratch, by path.
    func full(_ plan: SitePlan) throws -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: try SearchIndex.shardFiles(plan).map { ($0.path, $0.bytes) })
    }

    func updated(_ plan: SitePlan, from previous: [String: [UInt8]], keys previousKeys: [Digest]) throws -> [String: [UInt8]]? {
        guard let update = SearchIndexUpdate(previous: { PreviousSearchIndex(documentCount: $0) { previous[$0] } },
                                             previousKeys: previousKeys, keys: keys(plan)) else { return nil }
        var files: [String: [UInt8]] = [:]
        try update.writeShards(SearchDocument.all(plan), facets: SearchShards.facets(plan)) { path, bytes in
            #expect(files[path] == nil, "\(path) written twice")
            files[path] = bytes
        }
        return files
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
            #expect(same, "step \(step): the updated shards differ from the full ones")
            (previousPlan, previous, previousKeys) = (plan, expected, keys(plan))
        }
    }

    /// With as many documents, a term shard none of whose terms changed is offered to be
    /// kept, and its previous bytes are the ones a full write makes; the others are made.
    @Test func untouchedTermShardsAreKeptAndAreTheFullOnes() throws {
        let words = ["预算", "决算", "教育", "住房", "交通", "卫生", "环境", "就业", "养老", "农业", "水利", "文化"]
        // 300 documents: four term shards.
        for number in 1...300 {
            let body = (0..<4).map { words[(number * 7 + $0 * 5) % words.count] }.joined(separator: "与") + "工作 item\(number)"
            try writeRecord(number, day: 2 + number % 27, title: "第\(number)号通知", body: body)
        }
        let previousPlan = try plan()
        let previous = try full(previousPlan)
        #expect(SearchShards.termShardCount(documents: previousPlan.newestRecords.count) == 4)
        // One word of one body: the shards of the word gone and the word come change.
        let body17 = (0..<4).map { words[(17 * 7 + $0 * 5) % words.count] }.joined(separator: "与")
        try writeRecord(17, day: 2 + 17 % 27, title: "第17号通知", body: body17 + "工作 changed17")
        let plan = try plan()
        let update = try #require(SearchIndexUpdate(previous: { PreviousSearchIndex(documentCount: $0) { previous[$0] } },
                                                    previousKeys: keys(previousPlan), keys: keys(plan)))
        var files: [String: [UInt8]] = [:]
        var kept: [String] = []
        try update.writeShards(SearchDocument.all(plan), facets: SearchShards.facets(plan), keep: { path in
            #expect(path.hasPrefix("search-index/t-"), "only term shards are offered: \(path)")
            kept.append(path)
            files[path] = previous[path]
            return true
        }) { path, bytes in
            #expect(files[path] == nil, "\(path) written twice")
            files[path] = bytes
        }
        #expect(!kept.isEmpty && kept.count < 4, "\(kept)")
        let same = files == (try full(plan))
        #expect(same, "the kept and made shards differ from the full ones")
    }

    @Test func tooManyChangesOrNothingToKeepMeanAFullWrite() throws {
        for number in 1...4 { try writeRecord(number, day: 10 + number, title: "通知\(number)", body: "正文\(number)") }
        let plan = try plan()
        let bytes = try full(plan)
        let keys = keys(plan)
        let previous = { (count: Int) in PreviousSearchIndex(documentCount: count) { bytes[$0] } }
        #expect(SearchIndexUpdate(previous: previous, previousKeys: [], keys: keys) == nil)
        #expect(SearchIndexUpdate(previous: { _ in nil }, previousKeys: keys, keys: keys) == nil)
        // A shard missing: no update.
        #expect(SearchIndexUpdate(previous: { count in PreviousSearchIndex(documentCount: count) { $0 == "search-index/t-0.js" ? nil : bytes[$0] } },
                                  previousKeys: keys, keys: keys) == nil)
        let unrelated = keys.map { Digest(high: $0.high ^ 1, low: $0.low) }
        var read = false
        #expect(SearchIndexUpdate(previous: { read = true; return previous($0) }, previousKeys: unrelated, keys: keys) == nil)
        #expect(!read, "nothing to keep: the old index is not read")
        #expect(SearchIndexUpdate(previous: previous, previousKeys: keys, keys: keys) != nil)
    }

    /// Shards built by hand: three documents, two terms (one term shard up to 128 documents).
    static let sample: [String: String] = [
        "search-index/d-0.js": "// Search data of the public records, written by disclose build.\nDISCLOSE_SEARCH_SHARD(\"d-0\",[\n[\"a\"],\n[\"b\"],\n[\"c\"]\n]);\n",
        "search-index/t-0.js": "// Search data of the public records, written by disclose build.\nDISCLOSE_SEARCH_SHARD(\"t-0\",{\"t\":{\n\"x\":\"1!,2\",\n\"y\":\"3\"},\"u\":{}});\n",
    ]

    func read(_ files: [String: String], documents: Int) -> PreviousSearchIndex? {
        PreviousSearchIndex(documentCount: documents) { files[$0].map { Array($0.utf8) } }
    }

    @Test func readsWellFormedShards() throws {
        let index = try #require(read(Self.sample, documents: 3))
        #expect(index.documents.map { String(decoding: $0, as: UTF8.self) } == ["[\"a\"]", "[\"b\"]", "[\"c\"]"])
        #expect(index.terms.map { String(decoding: $0.text, as: UTF8.self) } == ["x", "y"])
        var postings: [String] = []
        PreviousSearchIndex.decode(index.terms[0].postings) { postings.append("\($0)\($1 ? "!" : "")") }
        #expect(postings == ["0!", "2"])
    }

    /// The sample with `old` replaced by `new` in the file at `path`.
    static func changed(_ path: String, _ old: String, _ new: String) -> [String: String] {
        var files = sample
        files[path] = files[path]!.replacingOccurrences(of: old, with: new)
        return files
    }

    @Test(arguments: [
        ("another document count", Self.sample, 4),
        ("terms out of order", Self.changed("search-index/t-0.js", "\"y\":", "\"a\":"), 3),
        ("a document id past the end", Self.changed("search-index/t-0.js", "\"y\":\"3\"", "\"y\":\"4\""), 3),
        ("a zero gap", Self.changed("search-index/t-0.js", "1!,2", "1!,0"), 3),
        ("a mark without a gap", Self.changed("search-index/t-0.js", "1!,2", "!,2"), 3),
        ("a stray character", Self.changed("search-index/t-0.js", "1!,2", "1!;2"), 3),
        ("a comma after the last term", Self.changed("search-index/t-0.js", "\"y\":\"3\"", "\"y\":\"3\","), 3),
        ("a comma after the last document", Self.changed("search-index/d-0.js", "[\"c\"]", "[\"c\"],"), 3),
        ("a document that is no array", Self.changed("search-index/d-0.js", "[\"b\"]", "\"b\""), 3),
        ("a document shard of another name", Self.changed("search-index/d-0.js", "\"d-0\"", "\"d-1\""), 3),
        ("no footer", Self.changed("search-index/t-0.js", "}});\n", ""), 3),
        ("bytes after the documents", Self.changed("search-index/d-0.js", "]);\n", "]);\n//"), 3),
        ("another header", Self.changed("search-index/t-0.js", "// Search", "//Search"), 3),
        ("a shard missing", Self.sample.filter { $0.key != "search-index/d-0.js" }, 3),
    ] as [(String, [String: String], Int)])
    func refusesAnythingElse(_ what: String, files: [String: String], documents: Int) {
        #expect(read(files, documents: documents) == nil, "\(what)")
    }

    @Test func refusesATermInAnotherShardThanItsHashNames() throws {
        // 256 documents: two term shards; a term in the one its hash does not name is refused.
        let documents = (0..<256).map { _ in "[\"p\"]" }
        func shard(_ k: Int, _ terms: String) -> String {
            "// Search data of the public records, written by disclose build.\nDISCLOSE_SEARCH_SHARD(\"t-\(k)\",{\"t\":{\(terms)},\"u\":{}});\n"
        }
        var files: [String: String] = [:]
        for k in 0..<8 {
            let range = (k * 32)..<((k + 1) * 32)
            files["search-index/d-\(k).js"] = "// Search data of the public records, written by disclose build.\nDISCLOSE_SEARCH_SHARD(\"d-\(k)\",[\n"
                + range.map { documents[$0] }.joined(separator: ",\n") + "\n]);\n"
        }
        let home = Int(SearchShards.hash("x".utf8)) & 1
        files["search-index/t-\(home).js"] = shard(home, "\n\"x\":\"1\"")
        files["search-index/t-\(1 - home).js"] = shard(1 - home, "")
        #expect(read(files, documents: 256)?.terms.count == 1)
        files["search-index/t-\(home).js"] = shard(home, "")
        files["search-index/t-\(1 - home).js"] = shard(1 - home, "\n\"x\":\"1\"")
        #expect(read(files, documents: 256) == nil)
    }
}
