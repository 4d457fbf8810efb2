import Foundation
import Testing

/// A site's own templates are rendered by the render plan: what the Mustache subset has
/// (docs/templates.md) renders as it always did, and what it leaves out is refused at its
/// place, in both languages, before anything is written.
@Suite struct TemplateSubsetTests {
    @Test func aTransformIsRefusedAtItsPlace() throws {
        let sample = try SampleSite(adding: [
            "templates/record.mustache": "{{<base}}\n{{$main}}\n<h1>{{uppercased(title)}}</h1>\n{{/main}}\n{{/base}}\n",
        ])
        let (result, diagnostics) = try sample.check()
        #expect(result.status == 1)
        #expect(SampleSite.places(diagnostics) == ["templates/record.mustache:3:5 template.unsupported"])
        let zh = try Disclose.run(["check", "--root", sample.root.path], environment: ["DISCLOSE_LANG": "zh"])
        #expect(zh.stderr.contains("templates/record.mustache:3:5: 错误：[template.unsupported] 不支持转换函数 name(value)（支持的写法见 docs/templates.md）\n"), "\(zh.stderr)")
        let en = try Disclose.run(["check", "--root", sample.root.path, "--lang", "en"])
        #expect(en.stderr.contains("templates/record.mustache:3:5: error: [template.unsupported] a transform name(value) is not supported (docs/templates.md lists what is)\n"), "\(en.stderr)")
        #expect(try sample.build().status == 1)
        #expect(!FileManager.default.fileExists(atPath: sample.root.appendingPathComponent("site").path), "nothing is written")
    }

    @Test func aContentTypeTagAndADynamicPartialAreRefused() throws {
        let sample = try SampleSite(adding: [
            "templates/partials/attachments.mustache": "{{!附件}}\n  {{%CONTENT_TYPE:TEXT}}\n",
            "templates/404.mustache": "{{<base}}{{$main}}<p>{{>*which}}</p>{{/main}}{{/base}}\n",
        ])
        let (result, diagnostics) = try sample.check()
        #expect(result.status == 1)
        #expect(SampleSite.places(diagnostics).sorted() == [
            "templates/404.mustache:1:22 template.unsupported",
            "templates/partials/attachments.mustache:2:3 template.unsupported",
        ])
    }

    @Test func aTemplateThatIncludesItselfIsRefusedRatherThanRenderedForever() throws {
        let sample = try SampleSite(adding: [
            "templates/partials/attachments.mustache": "<ul>\n{{#attachments}}\n  {{>partials/attachment}}\n{{/attachments}}\n</ul>\n",
            "templates/partials/attachment.mustache": "<li>{{label}}</li>\n{{>partials/attachments}}\n",
        ])
        let (result, diagnostics) = try sample.check()
        #expect(result.status == 1)
        #expect(SampleSite.places(diagnostics) == ["templates/partials/attachment.mustache:2:1 template.unsupported"])
        let en = try Disclose.run(["check", "--root", sample.root.path, "--lang", "en"])
        #expect(en.stderr.contains("the template 'partials/attachment' includes itself (partials/attachment → partials/attachments → partials/attachment); rendering it would never end"), "\(en.stderr)")
        #expect(try sample.build().status == 1, "the build stops with the message instead of crashing")
    }

    @Test func aSiteTemplateWithItsOwnPartialDelimitersAndBlocksRendersAsMustacheSays() throws {
        let sample = try SampleSite(adding: [
            "templates/partials/note.mustache": "<p class=\"note\">\n{{title}}\n</p>\n",
            "templates/page.mustache": """
                {{<base}}
                {{$main}}
                <div>
                  {{>partials/note}}
                {{=<% %>=}}
                <p>本页：<%title%>；<%#has_attachments%>有附件<%/has_attachments%><%^has_attachments%>无附件<%/has_attachments%></p>
                <%={{ }}=%>
                {{! 注释不输出 }}
                <div>{{&body}}</div>
                </div>
                {{/main}}
                {{/base}}

                """,
        ])
        let result = try sample.build()
        #expect(result.status == 0, "\(result.stderr)")
        let site = try sample.output()
        let guide = try #require(site.files.keys.first { $0.hasPrefix("pages/") && $0.hasSuffix(".html") })
        let text = site.text(guide)
        #expect(text.contains("<div>\n  <p class=\"note\">\n  "), "the partial is indented as its tag: \(text)")
        #expect(text.contains("\n  </p>\n<p>本页："), "\(text)")
        #expect(text.contains("附件</p>\n<div><"), "the standalone delimiter and comment lines leave nothing: \(text)")
        #expect(!text.contains("注释") && !text.contains("<%"), "\(text)")
    }
}
