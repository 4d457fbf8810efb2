import Foundation
import Synchronization
@testable import DisclosureKit
import Testing

@Suite struct BuildProgressTests {
    /// The stages a build shows, each counting exactly its own items: a stage that is not
    /// begun (the render was not, for a while) lets its workers count on in the stage
    /// before, and the line read "reading records: 18401/10000".
    @Test func everyStageCountsItsOwnItems() throws {
        let root = try Self.threePolicies()
        let progress = BuildProgress()
        let report = try SiteBuilder(root: root.path, progress: progress).build()
        #expect(report.committed)
        let stages = progress.stages
        #expect(stages.map(\.name) == ["reading records", "rendering pages",
                                       "writing lists, catalog, sitemap, feed and search index",
                                       "indexing the text of non-public records", "auditing"])
        #expect(stages[0].total == 3 && stages[0].done == 3)
        #expect(stages[1].total == 2 && stages[1].done == 2, "the two public records' pages")
        #expect(stages[4].total >= report.filesWritten && stages[4].done == stages[4].total, "every file of the staged tree")
    }

    /// `check` shows the loading and then the link check of the public bodies.
    @Test func checkCountsRecordsThenPublicBodies() throws {
        let root = try Self.threePolicies()
        let progress = BuildProgress()
        let site = try SiteLoader.load(root: root.path, progress: progress, keepBodies: false)
        #expect(BodyLinks.diagnostics(site, progress: progress).isEmpty)
        #expect(progress.stages == [.init(name: "reading records", total: 3, done: 3),
                                    .init(name: "checking the links of public records", total: 2, done: 2)])
    }

    /// `rebuilding` is told only by a build that carries a previous one's files: not by
    /// the first build, nor by one that finds nothing changed.
    @Test func onlyARebuildSaysItIsOne() throws {
        let root = try Self.threePolicies()
        let told = Mutex(0)
        var builder = SiteBuilder(root: root.path)
        builder.rebuilding = { told.withLock { $0 += 1 } }
        #expect(try builder.build().committed)
        #expect(told.withLock { $0 } == 0, "the first build")
        #expect(try builder.build().upToDate)
        #expect(told.withLock { $0 } == 0, "nothing changed")
        try Data("---\n\(RecordSamples.variant(.policy, replacing: "2024-00003", with: "2024-00009"))\n---\n新的正文。\n".utf8)
            .write(to: URL(fileURLWithPath: root.path + "/content/policies/p9.md"))
        let report = try builder.build()
        #expect(report.committed && report.filesCarried > 0)
        #expect(told.withLock { $0 } == 1, "a rebuild")
    }

    /// Two public policies and a withheld one.
    static func threePolicies() throws -> TemporarySiteRoot {
        let root = try TemporarySiteRoot("progress")
        for number in 1...3 {
            var text = RecordSamples.variant(.policy, replacing: "2024-00003", with: "2024-0000\(number)")
            if number == 3 {
                text = text.replacingOccurrences(of: "disclosure: proactive", with: "disclosure: withheld\nwithheld_reason: 涉及国家秘密")
            }
            try Data("---\n\(text)\n---\n第\(number)号正文。\n".utf8)
                .write(to: URL(fileURLWithPath: root.path + "/content/policies/p\(number).md"))
        }
        return root
    }

    @Test func snapshotIsTheCurrentStage() {
        let progress = BuildProgress()
        #expect(progress.stages.isEmpty)
        progress.begin("rendering pages", total: 4)
        progress.advance()
        let snapshot = progress.snapshot
        #expect(snapshot.stage == "rendering pages" && snapshot.done == 1 && snapshot.total == 4 && snapshot.seconds >= 0)
        progress.begin("auditing", total: 2)
        #expect(progress.snapshot.done == 0)
        #expect(progress.stages == [.init(name: "rendering pages", total: 4, done: 1), .init(name: "auditing", total: 2, done: 0)])
    }
}
