import Foundation
import Testing

/// A public page or attachment whose name could belong to a non-public record of its
/// folder (`neibu-jd.html` beside the withheld `neibu.md`) is refused by the audit, the
/// name of a non-public record being part of what is never published. `check` passed it
/// and the build stopped on the page in the output; both report it at the source now.
@Suite struct NonPublicNameTests {
    @Test func aPublicNameCarryingANonPublicRecordsNameIsReportedAtItsSource() throws {
        let site = try SampleSite(adding: [
            "content/policies/neibu.md": SampleSite.policy(title: "内部事务的处理意见稿", index: 41,
                disclosure: "disclosure: withheld", extra: "withheld_reason: 属于内部事务信息"),
            "content/policies/neibu-jd.md": SampleSite.policy(title: "关于公开事项的解读", index: 42),
            "content/policies/gk.md": SampleSite.policy(title: "公开的另一份文件", index: 43, extra: "slug: mimi-2"),
            "content/policies/2024/mm.md": SampleSite.policy(title: "内部的第二份意见稿", index: 44,
                disclosure: "disclosure: on-request", extra: "slug: mimi"),
            "content/policies/2024/mhbf-2024-12-mimi.pdf": "附件",
        ])
        // mimi-2.html is in policies/, mimi is a slug in policies/2024/: no clash.
        let (checked, diagnostics) = try site.check()
        #expect(checked.status == 1)
        #expect(Set(SampleSite.places(diagnostics)) == [
            "content/policies/neibu-jd.md:1:1 audit.leak",
        ])
        let built = try site.build(["--format", "json"])
        #expect(built.status == 1)
        let places = SampleSite.places(try Disclose.diagnostics(built))
        #expect(places == ["content/policies/neibu-jd.md:1:1 audit.leak"], "\(built.stderr)")
    }

    @Test func anAttachmentAndASlugAreReportedToo() throws {
        let site = try SampleSite(adding: [
            "content/policies/2024/mm.md": SampleSite.policy(title: "内部的第二份意见稿", index: 44,
                disclosure: "disclosure: on-request", extra: "slug: mhbf"),
            "content/policies/2024/mhbf-2024-12-附件.pdf": "附件",
            "content/policies/2024/gk.md": SampleSite.policy(title: "公开的另一份文件", index: 45, extra: "slug: mm-2"),
        ])
        let (checked, diagnostics) = try site.check()
        #expect(checked.status == 1)
        #expect(Set(SampleSite.places(diagnostics)) == [
            "content/policies/2024/mhbf-2024-12-附件.pdf:1:1 audit.leak",
            "content/policies/2024/mhbf-2024-12.md:1:1 audit.leak",
            "content/policies/2024/gk.md:10:7 audit.leak",
        ], "\(SampleSite.places(diagnostics))")
    }
}
