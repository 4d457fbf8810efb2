import Testing
@testable import DisclosureKit

/// One page's front matter: roles by any of their names, the navigation position, the
/// slug; and the plan's navigation order.
@Suite struct FixedPageDecoderTests {
    func decode(_ front: String, stem: String = "page") -> DecodedPage {
        let file = PageFile(relativePath: "content/pages/\(stem).md", absolutePath: "/nonexistent/\(stem).md", stem: stem)
        return FixedPageDecoder(site: .fallback).decode(bytes: Array("---\n\(front)\n---\n正文。\n".utf8), file: file)
    }

    @Test func everyRoleIsKnownByItsEnglishAndChineseNames() {
        for role in PageRole.allCases {
            for name in role.aliases {
                let page = decode("title: 页面\nrole: \(name)")
                #expect(page.page?.role == role, "\(name)")
                #expect(page.diagnostics.isEmpty)
            }
        }
        let unknown = decode("title: 页面\nrole: 指南")
        #expect(unknown.page == nil)
        #expect(unknown.diagnostics.map(\.rule) == ["record.type"])
        #expect(unknown.diagnostics.first?.message.en.contains("guide, rules, functions, request") == true)
        #expect(unknown.diagnostics.first?.message.zh.contains("必须是 guide, rules, functions, request") == true, "\(unknown.diagnostics)")
    }

    /// A page marked non-public in any spelling is refused, never published with a warning.
    @Test(arguments: ["公开方式: 不予公开", "Disclosure: withheld", "withheld_reason: 涉密", "公开属性: 依申请公开", "状态: 不予公开",
                      "note: [不予公开]", "note: 不予公开。", "note: 依申请", "note: \"【非公开】\""])
    func aPageMarkedNonPublicInAnySpellingIsRefused(line: String) {
        let page = decode("title: 内部页面\n\(line)")
        #expect(page.page == nil, "\(line)")
        #expect(page.diagnostics.map(\.rule) == ["page.disclosure"], "\(line): \(page.diagnostics)")
        #expect(decode("title: 公开页面\nsummary: 本页说明依申请公开的办理流程").diagnostics.isEmpty)
    }

    @Test func theSlugIsTheStemUnlessGiven() {
        #expect(decode("title: 页面", stem: "gk-zn").page?.path == "pages/gk-zn.html")
        #expect(decode("title: 页面\nslug: guide", stem: "gk-zn").page?.path == "pages/guide.html")
        #expect(decode("title: 页面", stem: "指南").diagnostics.map(\.rule) == ["slug.invalid"])
        #expect(decode("title: 页面\nnav: -1").diagnostics.map(\.rule) == ["record.range"])
    }

    /// A page is published as a public record is: an ID number in its text is refused there too.
    @Test func anIDNumberInAPageIsAnError() {
        func decode(_ front: String, body: String) -> DecodedPage {
            let file = PageFile(relativePath: "content/pages/p.md", absolutePath: "/nonexistent/p.md", stem: "p")
            return FixedPageDecoder(site: .fallback).decode(bytes: Array("---\n\(front)\n---\n\(body)".utf8), file: file)
        }
        let inBody = decode("title: 依申请公开", body: "申请人：张某\n身份证号 450102199003071234。\n")
        #expect(inBody.page == nil)
        #expect(inBody.diagnostics.map(\.rule) == ["record.id_number"])
        #expect(inBody.diagnostics.first?.location == SourceLocation(line: 5, column: 6), "\(inBody.diagnostics)")
        #expect(decode("title: 受理 450102199003071234", body: "正文。\n").diagnostics.map(\.rule) == ["record.id_number"])
        #expect(decode("title: 依申请公开", body: "电话 0771-5553108，2024年5月13日，罚款12345678元。\n").diagnostics.isEmpty)
    }

    @Test func pagesInTheNavigationComeFirstByPositionThenByPath() {
        func page(_ stem: String, nav: Int?) -> FixedPage {
            FixedPage(file: PageFile(relativePath: "content/pages/\(stem).md", absolutePath: "/x/\(stem).md", stem: stem),
                      title: stem, navigation: nav, role: nil, slug: stem, summary: nil, modified: nil, attachments: [],
                      body: "", bodyFirstLine: 4)
        }
        var site = LoadedSite(root: "/x", config: .fallback, records: [], identities: [], attachments: [], diagnostics: [],
                              recordFileCount: 0)
        site.pages = [page("a", nav: nil), page("b", nav: 2), page("c", nav: 1), page("d", nav: 2), page("e", nav: nil)]
        let plan = SitePlan(PublicView(site))
        #expect(plan.fixedPages.map(\.page.slug) == ["c", "b", "d", "a", "e"])
    }
}
