import Foundation
import Testing

/// A record saved under another name is refused however its `disclosure` key is written:
/// with an anchor (`&a disclosure: withheld`, which a record may have: the same file named
/// .md decodes without a finding) or a tag, the look-alike sniff missed it, and the
/// withheld record was published as the attachment of the public record beside it, with
/// a clean audit (its text is no record's the audit knows).
@Suite struct LookalikeKeyPropertyTests {
    static let withheld = """
        ---
        title: 关于某涉密工程建设进度的内部通报材料
        index_number: 99990000XX0000009X/2023-00099
        KEY: withheld
        withheld_reason: 属于国家秘密
        publisher: 某工程指挥部
        created: 2024-03-11
        document_number: 某工发〔2023〕77号
        ---

        本通报涉及某涉密工程的建设进度和经费安排，严禁对外公开。

        """

    @Test(arguments: ["&a disclosure", "!!str disclosure", "&a !x \"disclosure\""])
    func aLookalikeWithAPropertyOnItsKeyIsRefused(key: String) throws {
        let text = Self.withheld.replacingOccurrences(of: "KEY", with: key)
        let site = try SampleSite(adding: ["content/policies/mhf-2024-3-内部.txt": text])
        let (checked, diagnostics) = try site.check()
        #expect(checked.status == 1)
        #expect(SampleSite.places(diagnostics) == ["content/policies/mhf-2024-3-内部.txt:4:1 file.ambiguous"])
        let built = try site.build()
        #expect(built.status == 1, "\(built.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("site").path))
    }

    /// The anchored key is one a record may have: named .md, the same text is a withheld
    /// record, decoded without a finding and never published.
    @Test func theAnchoredKeyIsARecordsKey() throws {
        let text = Self.withheld.replacingOccurrences(of: "KEY", with: "&a disclosure")
        let site = try SampleSite(adding: ["content/policies/neibu.md": text])
        let (checked, diagnostics) = try site.check()
        #expect(checked.status == 0, "\(SampleSite.places(diagnostics))")
        #expect(try site.build().status == 0)
        #expect(try site.output().files.values.allSatisfy { !String(decoding: $0, as: UTF8.self).contains("涉密工程") })
    }
}
