import Foundation
import Testing

/// `disclose new --publisher` counts the numbers of records it cannot parse: a record being
/// fixed keeps its 索引号, and handing it out again would make two records one number.
@Suite struct NewPublisherBrokenRecordTests {
    @Test func aBrokenRecordsNumberIsTakenToo() throws {
        let year = NewPublisherTests.thisYear
        let broken = """
            ---
            title: 明湖区财政局关于做好\(year)年预算执行工作的通知
            index_number: 11450100MB0000003C/\(year)-00033
            disclosure: proactive
            publisher: 明湖区财政局
            created: [\(year)-01-05
            ---
            正文。

            """
        let site = try SampleSite(adding: [
            "content/policies/czj-a.md": NewPublisherTests.record(index: "11450100MB0000003C/\(year)-00032", publisher: "明湖区财政局"),
            "content/policies/czj-broken.md": broken,
        ], keepingPublishers: true)
        let (checked, _) = try site.check()
        #expect(checked.status == 1, "the broken record is broken: \(checked.stderr)")
        let made = try Disclose.run(["new", "policy", "czj-b", "--publisher", "明湖区财政局", "--root", site.root.path])
        #expect(made.status == 0, "\(made.stderr)")
        let text = try String(contentsOf: site.root.appendingPathComponent("content/policies/czj-b.md"), encoding: .utf8)
        #expect(text.contains("\nindex_number: 11450100MB0000003C/\(year)-00034\n"), "\(text)")
    }
}

/// `disclose new` refuses what `check` would refuse, before writing a file.
@Suite struct NewRefusesWhatCheckRefusesTests {
    @Test func aReservedPageNameIsRefusedBeforeAFileIsWritten() throws {
        let site = try SampleSite()
        for reserved in ["index", "year-2024", "page-2", "year-2024-page-3"] {
            let refused = try Disclose.run(["new", "policy", reserved, "--root", site.root.path])
            #expect(refused.status != 0, "\(reserved)")
            #expect(refused.stderr.contains("'\(reserved)' is the name of a page the build writes in policies/"), "\(refused.stderr)")
            #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/policies/\(reserved).md").path))
        }
        // In a sub-folder the list pages are not written: the name is free there.
        let inFolder = try Disclose.run(["new", "policy", "2024/index", "--root", site.root.path])
        #expect(inFolder.status == 0, "\(inFolder.stderr)")
    }

    @Test func tooManySubFoldersNamesTheLimit() throws {
        let site = try SampleSite()
        let refused = try Disclose.run(["new", "policy", "a/b/c/d/e/f/g/h/x", "--root", site.root.path])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("up to 4 sub-folders"), "\(refused.stderr)")
        #expect(try Disclose.run(["new", "policy", "a/b/c/d/x", "--root", site.root.path]).status == 0, "four is allowed")
    }
}
