import Foundation
import Testing

/// `disclose new` as a webmaster uses it on a site with many publishers: the next 索引号
/// of a publisher, year folders, Chinese type names, and no second record of a name.
@Suite struct NewPublisherTests {
    /// The year `new` dates a skeleton in (today where the tool runs).
    static var thisYear: Int { Calendar(identifier: .gregorian).component(.year, from: Date()) }

    static func record(index: String, publisher: String, disclosure: String = "proactive") -> String {
        """
        ---
        title: 明湖区测试文件
        index_number: \(index)
        disclosure: \(disclosure)
        \(disclosure == "withheld" ? "withheld_reason: 涉及国家秘密" : "")
        publisher: \(publisher)
        created: \(thisYear)-01-05
        document_number: 明测〔\(thisYear)〕1号
        ---
        正文。

        """
    }

    @Test func publisherGivesTheNextFreeIndexNumberCountingNonPublicRecords() throws {
        let year = Self.thisYear
        let site = try SampleSite(adding: [
            "content/policies/\(year)/czj-a.md": Self.record(index: "11450100MB0000003C/\(year)-00041", publisher: "明湖区财政局"),
            // A withheld record's number is taken too; it is the highest.
            "content/budgets/czj-b.md": Self.record(index: "11450100MB0000003C/\(year)-00057", publisher: "明湖区财政局", disclosure: "withheld"),
            // Another publisher's and another year's numbers are not the 财政局's this year.
            "content/policies/scj-c.md": Self.record(index: "11450100MB0000005E/\(year)-00090", publisher: "明湖区市场监督管理局"),
            "content/policies/czj-d.md": Self.record(index: "11450100MB0000003C/\(year - 1)-00099", publisher: "明湖区财政局"),
        ], keepingPublishers: true)
        let made = try Disclose.run(["new", "政策文件", "\(year)/czj-e", "--publisher", "区财政局", "--root", site.root.path])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stderr.contains("wrote content/policies/\(year)/czj-e.md"))
        let text = try String(contentsOf: site.root.appendingPathComponent("content/policies/\(year)/czj-e.md"), encoding: .utf8)
        #expect(text.contains("\nindex_number: 11450100MB0000003C/\(year)-00058\n"))
        #expect(text.contains("\npublisher: 明湖区财政局\n"))

        // The number it wrote is taken now: the next record of the publisher gets the one after.
        let next = try Disclose.run(["new", "政策解读", "jd-czj-e", "--publisher", "明湖区财政局", "--root", site.root.path])
        #expect(next.status == 0, "\(next.stderr)")
        let interpretation = try String(contentsOf: site.root.appendingPathComponent("content/interpretations/jd-czj-e.md"), encoding: .utf8)
        #expect(interpretation.contains("\nindex_number: 11450100MB0000003C/\(year)-00059\n"))

        // A publisher with no number this year starts at 1.
        let first = try Disclose.run(["new", "notice", "mz-1", "--publisher", "明湖区民政局", "--root", site.root.path])
        #expect(first.status == 0, "\(first.stderr)")
        let notice = try String(contentsOf: site.root.appendingPathComponent("content/notices/mz-1.md"), encoding: .utf8)
        #expect(notice.contains("\nindex_number: 11450100MB000000AK/\(year)-00001\n"))
    }

    @Test func anUnknownPublisherIsRefusedWithTheNearestName() throws {
        let site = try SampleSite(keepingPublishers: true)
        let made = try Disclose.run(["new", "policy", "x-1", "--publisher", "明湖区卫生局", "--root", site.root.path])
        #expect(made.status != 0)
        #expect(made.stderr.contains("--publisher '明湖区卫生局' is not in site.yaml's publishers; did you mean '明湖区卫生健康局'?"))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/policies/x-1.md").path))

        let without = try SampleSite()
        let refused = try Disclose.run(["new", "policy", "x-1", "--publisher", "明湖区财政局", "--root", without.root.path])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--publisher needs the publisher registry"))
    }

    @Test func aSlugOfAnyRecordOfTheSectionInAnyFolderIsRefused() throws {
        let site = try SampleSite()
        // content/policies/2024/mhbf-2024-12.md exists: neither the top folder nor another year may reuse its name.
        for path in ["mhbf-2024-12", "2025/mhbf-2024-12", "2024/mhbf-2024-12"] {
            let made = try Disclose.run(["new", "policy", path, "--root", site.root.path])
            #expect(made.status != 0, "\(path)")
            #expect(made.stderr.contains("the page name 'mhbf-2024-12' is already used by content/policies/2024/mhbf-2024-12.md in policies/; choose another SLUG"), "\(made.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/policies/2025").path))
        // Another section may have the name: its pages are in another folder.
        let other = try Disclose.run(["new", "notice", "mhbf-2024-12", "--root", site.root.path])
        #expect(other.status == 0, "\(other.stderr)")
    }

    @Test func aYearFolderIsWrittenAndABadFolderNameRefused() throws {
        let site = try SampleSite()
        let made = try Disclose.run(["new", "政策文件", "2024/mhf-2024-99", "--root", site.root.path])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/policies/2024/mhf-2024-99.md").path))
        for bad in ["../x", "2024/../x", "/x", "2024//x", "年/x", "A/x"] {
            let refused = try Disclose.run(["new", "policy", bad, "--root", site.root.path])
            #expect(refused.status != 0, "\(bad)")
            #expect(refused.stderr.contains("SLUG must be lower-case letters"), "\(bad)")
        }
    }
}
