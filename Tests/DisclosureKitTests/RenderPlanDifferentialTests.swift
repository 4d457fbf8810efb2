@testable import DisclosureKit
import Foundation
import Testing

/// The render plan against swift-mustache, the renderer it replaces: every page model of the
/// sample site, through the default templates, byte for byte.
@Suite struct RenderPlanDifferentialTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A body with what escaping and raw output must keep apart.
    static let body = "<h2 id=\"一\">一、总体情况</h2><p>“引号” & 'apostrophe' <b>粗体</b> 5 > 3</p>\n<p>第二段</p>\n"

    @Test func everyPageOfTheSampleRendersAsSwiftMustacheRendersIt() throws {
        let (loaded, diagnostics) = TemplateSet.load(root: Self.repository.path)
        let templates = try #require(loaded, "\(diagnostics)")
        let site = SiteLoader.load(try ContentScanner(root: Self.repository.path).scan())
        let plan = SitePlan(PublicView(site))
        let contexts = PageContexts(plan: plan)
        var compared = 0
        func compare(_ name: String, _ model: some TemplateModel, _ page: String) {
            let rendered = templates.render(name, model)
            let reference = templates.referenceRender(name, model)
            #expect(rendered == reference, "\(page) (\(name)) differs from swift-mustache's render")
            #expect(!rendered.isEmpty, "\(page) renders as nothing")
            compared += 1
        }
        for index in plan.recordPages.indices {
            compare(RecordPageModel.template, contexts.record(index, bodyHTML: Self.body), plan.recordPages[index].path)
        }
        for list in plan.listPages {
            compare(ListPageModel.template, contexts.list(list), list.path)
        }
        compare(HomePageModel.template, contexts.home(), "index.html")
        compare(SearchPageModel.template, contexts.search(), "search.html")
        compare(NotFoundPageModel.template, contexts.notFound(), "404.html")
        compare(CatalogModel.template, contexts.catalog(), "catalog/index.html")
        let rows = CatalogRows(templates: templates, contexts: contexts)
        for index in plan.recordPages.indices {
            compare(CatalogRowModel.template, contexts.catalogRow(index), "catalog row \(index)")
        }
        for page in plan.catalog.pages {
            compare(CatalogPageModel.template, contexts.catalogPage(page).rendering(rows: page.records.map(rows.row)), page.path)
        }
        for page in plan.publishers.pages {
            compare(PublisherPageModel.template, contexts.publisherPage(page), page.path)
        }
        for index in plan.fixedPages.indices {
            compare(FixedPageModel.template, contexts.fixedPage(index, bodyHTML: Self.body), plan.fixedPages[index].path)
        }
        #expect(compared > 100, "the sample has every page kind")
    }

    /// A site's own templates written carelessly (Windows line ends, tabs, tags that do and
    /// do not stand alone, nested indented partials, blocks inside partials, delimiters,
    /// names that are not the model's) render as swift-mustache renders them.
    @Test(arguments: [
        "{{<base}}\r\n{{$main}}\r\n\t{{#nav}}\r\n\t  {{>partials/item}}\r\n\t{{/nav}}\r\n{{/main}}\r\n{{/base}}\r\n",
        "{{<base}}{{$main}}  {{! 说明 }}  <p>{{title}}</p>{{^no_such}}无{{/no_such}}{{#has_breadcrumbs}} 有{{/has_breadcrumbs}}\n{{/main}}{{/base}}",
        "{{<base}}\n{{$main}}\n<ul>\n    {{>partials/item}}\n  {{=| |=}}\n  |#nav||label| |/nav|\n|={{ }}=|\n</ul>\n{{/main}}\n{{/base}}\n",
        "{{<base}}\n{{$title}}标题：{{page_title}}{{/title}}\n{{$main}}\n  {{#nav}}{{#current}}<b>{{label}}</b>{{/current}}{{^current}}{{.label}}{{/current}}{{/nav}}\n  {{root}}{{frame}}{{nav.0}}\n{{/main}}\n{{/base}}\n",
    ])
    func aCarelessSiteTemplateRendersAsSwiftMustacheRendersIt(_ page: String) throws {
        let root = try TemporarySiteRoot("plan")
        try FileManager.default.createDirectory(atPath: root.path + "/templates/partials", withIntermediateDirectories: true)
        try Data(page.utf8).write(to: URL(fileURLWithPath: root.path + "/templates/404.mustache"))
        try Data("<li>\n  {{label}}\n  {{>partials/inner}}\n</li>\n".utf8).write(to: URL(fileURLWithPath: root.path + "/templates/partials/item.mustache"))
        try Data("\t<i>{{href}}</i>\n{{$extra}}默认{{/extra}}\n".utf8).write(to: URL(fileURLWithPath: root.path + "/templates/partials/inner.mustache"))
        let (loaded, diagnostics) = TemplateSet.load(root: root.path)
        let templates = try #require(loaded, "\(diagnostics)")
        let site = SiteLoader.load(try ContentScanner(root: Self.repository.path).scan())
        let model = PageContexts(plan: SitePlan(PublicView(site))).notFound()
        let rendered = templates.render(NotFoundPageModel.template, model)
        #expect(rendered == templates.referenceRender(NotFoundPageModel.template, model))
        #expect(rendered.contains("首页"))
    }

    /// Escaping: the five characters swift-mustache replaces, in and around Chinese text.
    @Test func escapingIsSwiftMustaches() throws {
        let text = "<script>alert('明湖区')</script> & \"引号\" — 5 > 3 < 4 &amp;"
        var bytes: [UInt8] = []
        HTMLEscaping.append(text, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self)
            == "&lt;script&gt;alert(&#39;明湖区&#39;)&lt;/script&gt; &amp; &quot;引号&quot; — 5 &gt; 3 &lt; 4 &amp;amp;")
        var plain: [UInt8] = []
        HTMLEscaping.append("政府信息公开", to: &plain)
        #expect(plain == Array("政府信息公开".utf8))
    }
}
