import DisclosureKit
import Foundation
import Testing

/// The search index's shards as a build writes them: public text only, audited like every
/// file, kept out of the sitemap, and updated by an incremental build to exactly what a
/// clean build writes.
@Suite struct SearchShardOutputTests {
    func builtSample(_ tmp: TemporaryDirectory) throws -> (root: URL, site: SiteTree) {
        let root = try tmp.copy(fixture: "sample")
        let result = try Disclose.run(["build", "--root", root.path])
        #expect(result.status == 0, "\(result.stderr)")
        return (root, try SiteTree(root.appendingPathComponent("site")))
    }

    func shards(_ site: SiteTree) -> [String] { site.files.keys.filter { $0.hasPrefix("search-index/") }.sorted() }

    @Test func theSearchPageLoadsTheShardsNotTheWholeIndex() throws {
        let tmp = try TemporaryDirectory()
        let (_, site) = try builtSample(tmp)
        #expect(shards(site) == ["search-index/d-0.js", "search-index/meta.js", "search-index/t-0.js"])
        let search = site.text("search.html")
        #expect(search.contains("<script src=\"search-index/meta.js\"></script>"))
        #expect(!search.contains("search-index.js"))
        // Without JavaScript the page still says where to look.
        #expect(search.contains("<noscript><p>搜索需要浏览器启用脚本。也可以查阅<a href=\"catalog.html\">政府信息公开目录</a>。</p></noscript>"))
        let meta = site.text("search-index/meta.js")
        #expect(meta.hasPrefix("// Search data of the public records, written by disclose build.\nwindow.DISCLOSE_SEARCH_META={\"documents\":"))
        #expect(site.text("search-index/t-0.js").contains("\n\"保密\":\""))
        #expect(site.text("search-index/d-0.js").contains("\"policies/mhbf-2022-7.html\""))
    }

    /// A site with nothing public yet (a new site, or every record withheld) still builds
    /// and passes its audit, with an empty index.
    @Test func aSiteWithNothingPublicHasEmptyShards() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        let content = root.appendingPathComponent("content")
        for name in try FileManager.default.contentsOfDirectory(atPath: content.path) where name != "site.yaml" {
            try FileManager.default.removeItem(at: content.appendingPathComponent(name))
        }
        let result = try Disclose.run(["build", "--root", root.path])
        #expect(result.status == 0, "\(result.stderr)")
        let site = try SiteTree(root.appendingPathComponent("site"))
        #expect(shards(site) == ["search-index/d-0.js", "search-index/meta.js", "search-index/t-0.js"])
        #expect(site.text("search-index/meta.js").contains("{\"documents\":0,"))
        #expect(try audit(root).0.status == 0)
    }

    @Test func noShardHoldsNonPublicText() throws {
        let tmp = try TemporaryDirectory()
        let (_, site) = try builtSample(tmp)
        for shard in shards(site) {
            for hidden in ["土壤", "专项资金分配", "mhbm-2024-2", "mhczj-2024-zxzj", "11450100MB0000004D"] {
                #expect(!site.text(shard).contains(hidden), "\(shard): \(hidden)")
            }
        }
    }

    @Test func theSitemapListsNoShard() throws {
        let tmp = try TemporaryDirectory()
        let (_, site) = try builtSample(tmp)
        let sitemaps = site.files.keys.filter { $0.hasPrefix("sitemap") }
        #expect(!sitemaps.isEmpty)
        for sitemap in sitemaps { #expect(!site.text(sitemap).contains("search-index"), "\(sitemap)") }
        #expect(site.text("sitemap.xml").contains("search.html"))
    }

    func audit(_ root: URL) throws -> (Disclose.Result, [String]) {
        let site = root.appendingPathComponent("site")
        let result = try Disclose.run(["audit", site.path, "--root", root.path, "--format", "json"])
        let found = try Disclose.diagnostics(result).map { d in
            "\((d["file"] as! String).replacingOccurrences(of: site.path + "/", with: "")) \(d["rule"] as! String)"
        }
        return (result, found)
    }

    @Test func theAuditExpectsEveryShardAndNoOther() throws {
        let tmp = try TemporaryDirectory()
        let (root, _) = try builtSample(tmp)
        let folder = root.appendingPathComponent("site/search-index")
        #expect(try audit(root).0.status == 0)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("t-0.js"))
        try Data("DISCLOSE_SEARCH_SHARD(\"t-1\",{\"t\":{},\"u\":{}});\n".utf8).write(to: folder.appendingPathComponent("t-1.js"))
        let (result, found) = try audit(root)
        #expect(result.status == 1)
        #expect(found.contains { $0.hasPrefix("search-index/t-0.js audit.missing_file") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("search-index/t-1.js audit.stray_file") }, "\(found)")
    }

    @Test(arguments: ["search-index/t-0.js", "search-index/d-0.js", "search-index/meta.js"])
    func nonPublicTextInAShardIsALeak(_ shard: String) throws {
        let tmp = try TemporaryDirectory()
        let (root, _) = try builtSample(tmp)
        let path = root.appendingPathComponent("site/" + shard)
        // A withheld record's title, as a careless template or a bug would put it in.
        let text = try String(contentsOf: path, encoding: .utf8) + "\n\"关于做好第三次全国土壤普查涉密数据管理工作的通知\"\n"
        try text.write(to: path, atomically: true, encoding: .utf8)
        let (result, found) = try audit(root)
        #expect(result.status == 1)
        #expect(found.contains("\(shard) audit.leak"), "\(found)")
    }

    /// A rebuild with nothing changed carries every shard over unread; a shard changed by
    /// hand in the old output is written again, and the others still carried.
    @Test func unchangedShardsAreCarriedOver() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        let output = tmp.url.appendingPathComponent("site")
        func inodes() throws -> [String: Int] {
            var inodes: [String: Int] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: output.path + "/search-index") {
                let attributes = try FileManager.default.attributesOfItem(atPath: output.path + "/search-index/" + name)
                inodes[name] = (attributes[.systemFileNumber] as? NSNumber)?.intValue
            }
            return inodes
        }
        #expect(try Disclose.run(["build", "--root", root.path, "--output", output.path]).status == 0)
        let first = try inodes()
        #expect(first.count == 3)
        #expect(try Disclose.run(["build", "--root", root.path, "--output", output.path]).status == 0)
        #expect(try inodes() == first)
        let meddled = output.appendingPathComponent("search-index/d-0.js")
        let original = try Data(contentsOf: meddled)
        try Data("// changed by hand\n".utf8).write(to: meddled)
        #expect(try Disclose.run(["build", "--root", root.path, "--output", output.path]).status == 0)
        let third = try inodes()
        #expect(third["d-0.js"] != first["d-0.js"] && third["t-0.js"] == first["t-0.js"] && third["meta.js"] == first["meta.js"])
        #expect(try Data(contentsOf: meddled) == original)
    }

    @Test func anIncrementalBuildWritesTheShardsAOneOffBuildWrites() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        let output = tmp.url.appendingPathComponent("site")
        let clean = tmp.url.appendingPathComponent("clean")
        #expect(try Disclose.run(["build", "--root", root.path, "--output", output.path]).status == 0)
        let edited = root.appendingPathComponent("content/policies/mhf-2023-15.md")
        try Data((try String(contentsOf: edited, encoding: .utf8) + "\n新增的一段正文：光伏扶贫。\n").utf8).write(to: edited)
        #expect(try Disclose.run(["build", "--root", root.path, "--output", output.path]).status == 0)
        // Into a new folder: nothing there to carry over or update from.
        #expect(try Disclose.run(["build", "--root", root.path, "--output", clean.path]).status == 0)
        let incremental = try SiteTree(output)
        let fresh = try SiteTree(clean)
        #expect(shards(incremental) == shards(fresh))
        for shard in shards(fresh) { #expect(incremental.files[shard] == fresh.files[shard], "\(shard)") }
        #expect(incremental.text("search-index/t-0.js").contains("\n\"光伏\":\""))
        #expect(incremental.files["search-index.js"] == nil)
    }

    /// The update reads the previous build's shards only as that build wrote them: a term
    /// shard changed by hand (a stray posting of a withheld word) is not merged into the
    /// next build's index, which is then made from the records alone.
    @Test func anUpdateNeverTrustsAShardChangedByHand() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        let output = tmp.url.appendingPathComponent("site")
        let clean = tmp.url.appendingPathComponent("clean")
        #expect(try Disclose.run(["build", "--root", root.path, "--output", output.path]).status == 0)
        let shard = output.appendingPathComponent("search-index/t-0.js")
        let meddled = try String(contentsOf: shard, encoding: .utf8)
            .replacingOccurrences(of: "{\"t\":{\n", with: "{\"t\":{\n\"土壤\":\"1\",\n")
        try Data(meddled.utf8).write(to: shard)
        let edited = root.appendingPathComponent("content/policies/mhf-2023-15.md")
        try Data((try String(contentsOf: edited, encoding: .utf8) + "\n新增的一段正文：光伏扶贫。\n").utf8).write(to: edited)
        #expect(try Disclose.run(["build", "--root", root.path, "--output", output.path]).status == 0)
        #expect(try Disclose.run(["build", "--root", root.path, "--output", clean.path]).status == 0)
        let incremental = try SiteTree(output)
        let fresh = try SiteTree(clean)
        for shard in shards(fresh) { #expect(incremental.files[shard] == fresh.files[shard], "\(shard)") }
        #expect(!incremental.searchData.contains("土壤"))
    }
}
