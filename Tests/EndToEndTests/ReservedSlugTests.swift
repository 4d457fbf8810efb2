import Foundation
import Testing

/// A record cannot take the name of a page the build writes itself (a section's list
/// pages), by its slug or by its file name.
@Suite struct ReservedSlugTests {
    @Test func listPageNamesAreSlugErrors() throws {
        let site = try SampleSite(adding: [
            "content/policies/by-slug.md": SampleSite.policy(title: "保留名一号", index: 1, extra: "slug: index"),
            "content/policies/by-page-slug.md": SampleSite.policy(title: "保留名二号", index: 2, extra: "slug: page-2"),
            "content/policies/index.md": SampleSite.policy(title: "保留名三号", index: 3),
            "content/guides/page-3.md": SampleSite.policy(title: "保留名四号", index: 4),
            "content/policies/page-99.md": SampleSite.policy(title: "保留名五号", index: 5),
        ])
        let (result, diagnostics) = try site.check()
        #expect(result.status == 1)
        let reserved = SampleSite.places(diagnostics).filter { $0.hasSuffix("slug.reserved") }
        #expect(reserved == [
            "content/guides/page-3.md:1:1 slug.reserved",
            "content/policies/by-page-slug.md:10:7 slug.reserved",
            "content/policies/by-slug.md:10:7 slug.reserved",
            "content/policies/index.md:1:1 slug.reserved",
            "content/policies/page-99.md:1:1 slug.reserved",
        ])
        #expect(try site.build().status == 1)
    }

    /// Names the build does not write in a folder stay free: a sub-folder has no list
    /// pages, and `page-two` or `pages` is no list page.
    @Test func namesTheBuildDoesNotWriteStayFree() throws {
        let site = try SampleSite(adding: [
            "content/policies/2024/index.md": SampleSite.policy(title: "子目录首页名", index: 1),
            "content/policies/pages.md": SampleSite.policy(title: "复数页名", index: 2),
            "content/policies/x.md": SampleSite.policy(title: "文字页名", index: 3, extra: "slug: page-two"),
        ])
        let (result, diagnostics) = try site.check()
        #expect(result.status == 0, "\(diagnostics)")
        let build = try site.build()
        #expect(build.status == 0, "\(build.stderr)")
        let output = try site.output()
        #expect(output.text("policies/2024/index.html").contains("子目录首页名"))
        #expect(output.text("policies/page-two.html").contains("文字页名"))
    }
}
