import Foundation
import Testing

/// A 组织机构代码 written `12345678-9` in the registry: a 索引号 may carry it with or
/// without the hyphen, and `new` writes it as the registry does.
@Suite struct HyphenatedCodeTests {
    static let publisher = "明湖区档案馆"

    func site(_ records: [String: String]) throws -> SampleSite {
        let sample = try SampleSite(adding: records, keepingPublishers: true)
        let yaml = sample.root.appendingPathComponent("content/site.yaml")
        let text = try String(contentsOf: yaml, encoding: .utf8)
        let line = "  - {name: 明湖区政务服务中心, short_name: 区政务服务中心, code: 11450100MB0000008H, kind: 部门}\n"
        #expect(text.contains(line))
        try sample.add(text.replacingOccurrences(of: line, with: line + "  - {name: \(Self.publisher), short_name: 区档案馆, code: 12345678-9, kind: 部门}\n"),
                       at: "content/site.yaml")
        return sample
    }

    @Test func bothFormsAreThePublishersAndNewWritesTheRegistrysForm() throws {
        let year = NewPublisherTests.thisYear
        let sample = try site([
            "content/notices/dag-1.md": NewPublisherTests.record(index: "12345678-9/\(year)-00004", publisher: Self.publisher),
            "content/notices/dag-2.md": NewPublisherTests.record(index: "123456789/\(year)-00007", publisher: Self.publisher),
        ])
        let (_, diagnostics) = try sample.check()
        let registry = PublisherRegistryTests.rules(diagnostics, PublisherRegistryTests.registryRules)
            .filter { ($0["file"] as? String)?.contains("dag-") == true }
        #expect(registry.isEmpty, "\(registry)")

        let made = try Disclose.run(["new", "notice", "dag-3", "--publisher", Self.publisher, "--root", sample.root.path])
        #expect(made.status == 0, "\(made.stderr)")
        let text = try String(contentsOf: sample.root.appendingPathComponent("content/notices/dag-3.md"), encoding: .utf8)
        #expect(text.contains("\nindex_number: 12345678-9/\(year)-00008\n"), "\(text)")
    }

    @Test func theSameNumberInBothFormsIsOneNumber() throws {
        let year = NewPublisherTests.thisYear
        let sample = try site([
            "content/notices/dag-1.md": NewPublisherTests.record(index: "12345678-9/\(year)-00004", publisher: Self.publisher),
            "content/notices/dag-2.md": NewPublisherTests.record(index: "123456789/\(year)-00004", publisher: Self.publisher),
        ])
        let (result, diagnostics) = try sample.check()
        #expect(result.status == 1)
        #expect(SampleSite.places(PublisherRegistryTests.rules(diagnostics, ["index_number.sequence"])) == ["content/notices/dag-2.md:3:15 index_number.sequence"],
                "\(diagnostics)")
    }
}
