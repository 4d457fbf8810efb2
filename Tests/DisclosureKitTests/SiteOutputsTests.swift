@testable import DisclosureKit
import Foundation
import Testing

/// The list of outputs is the one account of what a build writes: the built tree holds
/// exactly its files, the sitemap lists its pages, and every kind of file is in it.
@Suite struct SiteOutputsTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// A copy of the sample site (content, templates and types), removed at the end.
    final class SampleCopy {
        let root = NSTemporaryDirectory() + "disclose-outputs-\(UUID().uuidString)"
        init() throws {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            for folder in ["content", "templates", "types"]
            where FileManager.default.fileExists(atPath: SiteOutputsTests.repository + "/" + folder) {
                try FileManager.default.copyItem(atPath: SiteOutputsTests.repository + "/" + folder, toPath: root + "/" + folder)
            }
        }
        deinit { try? FileManager.default.removeItem(atPath: root) }

        /// The plan a build of the copy makes (scheduled records held back), and its outputs.
        func planned() throws -> (plan: SitePlan, outputs: SiteOutputs) {
            var site = try SiteLoader.load(root: root)
            _ = ScheduledRecords.holdBack(&site)
            let templates = try #require(TemplateSet.load(root: root).0)
            let plan = SitePlan(PublicView(site))
            return (plan, plan.outputs(assets: templates.assets))
        }
    }

    @Test func theSampleBuildWritesExactlyTheListedFiles() throws {
        let sample = try SampleCopy()
        let report = try SiteBuilder(root: sample.root).build()
        #expect(report.committed)
        let outputs = try sample.planned().outputs
        let written = Set(try SiteAuditor.listFiles(sample.root + "/site")).subtracting([OutputDirectory.markerName])
        #expect(written.subtracting(outputs.paths).sorted() == [], "written but not listed")
        #expect(outputs.paths.subtracting(written).sorted() == [], "listed but not written")
        #expect(outputs.entries.count == outputs.paths.count, "no path listed twice")
        #expect(report.filesWritten == outputs.entries.count && report.pagesWritten == outputs.pageCount)
    }

    @Test func theSampleHasEveryKindOfOutput() throws {
        let sample = try SampleCopy()
        let outputs = try sample.planned().outputs
        func has(_ matches: (SiteOutput.Kind) -> Bool) -> Bool { outputs.entries.contains { matches($0.kind) } }
        #expect(has { if case .recordPage = $0 { true } else { false } })
        #expect(has { if case .recordAttachment = $0 { true } else { false } })
        #expect(has { if case .listPage = $0 { true } else { false } })
        #expect(has { if case .fixedPage = $0 { true } else { false } })
        #expect(has { if case .catalogPage = $0 { true } else { false } })
        #expect(has { if case .publisherPage = $0 { true } else { false } })
        #expect(has { if case .asset = $0 { true } else { false } })
        for kind: SiteOutput.Kind in [.home, .catalog, .search, .notFound, .robots, .catalogCSV, .catalogJSON, .feed, .sitemap,
                                      .searchShard] {
            #expect(has { $0 == kind }, "\(kind)")
        }
        // The search index is written only as its shards.
        #expect(!outputs.paths.contains("search-index.js"))
    }

    /// The sitemap lists every page but the 404, and nothing else, home first.
    @Test func theSitemapListsThePagesOfTheList() throws {
        let sample = try SampleCopy()
        let (plan, outputs) = try sample.planned()
        let listed = outputs.sitemapEntries(plan).map(\.path)
        let pages = outputs.entries.filter { $0.kind.isPage && $0.kind != .notFound }.map(\.path)
        #expect(listed == pages)
        #expect(listed.first == SitePlan.homePath)
        #expect(!listed.contains(SitePlan.notFoundPath) && !listed.contains { $0.hasPrefix("assets/") })
    }

    /// The writer's last check: the files made are the list's, no more and no fewer.
    @Test func theWriterNamesAFileMadeOrListedAlone() {
        let listed = SiteOutputs(entries: [SiteOutput(path: "index.html", kind: .home),
                                           SiteOutput(path: "sitemap.xml", kind: .sitemap),
                                           SiteOutput(path: "search-index/meta.js", kind: .searchShard)])
        #expect(SiteWriter.firstDifference(made: ["index.html", "sitemap.xml", "search-index/meta.js"], listed: listed) == nil)
        #expect(SiteWriter.firstDifference(made: ["index.html", "search-index/meta.js"], listed: listed) == "sitemap.xml")
        #expect(SiteWriter.firstDifference(made: ["index.html", "sitemap.xml", "sitemap-1.xml", "search-index/meta.js"],
                                           listed: listed) == "sitemap-1.xml")
    }

    /// The sitemap's paths are known without writing it where they can be, and are the
    /// ones it writes either way.
    @Test func theSitemapPathsAreTheOnesItWrites() {
        let entries = (1...40).map { SitemapEntry(path: "policies/2012/政策-\($0).html", lastModified: nil) }
        for (urls, bytes) in [(50_000, 50 * 1024 * 1024), (7, 50 * 1024 * 1024), (50_000, 2_000), (50_000, 600), (40, 100_000)] {
            let files = SitemapWriter.files(entries, baseURL: "https://x.gov.cn/?a=1&b=2/", maximumURLs: urls, maximumBytes: bytes)
            #expect(SitemapWriter.paths(entries, baseURL: "https://x.gov.cn/?a=1&b=2/", maximumURLs: urls, maximumBytes: bytes)
                    == files.map(\.path), "\(urls) URLs, \(bytes) bytes")
        }
        #expect(SitemapWriter.paths(entries, baseURL: "https://x.gov.cn/", maximumURLs: 7).count == 7)
    }
}
