import Foundation
import Testing

/// A public attachment that the build's audit reads as a document (HTML, XML, JSON, CSS)
/// is judged by `check` the same way, at its file under `content/`: `check` passed what
/// `build` then stopped on, naming the copy in the output.
@Suite struct AttachmentDocumentTests {
    static let template = #"<!doctype html><html lang="zh"><head><title>附表</title></head><body>BODY</body></html>"#

    static func page(_ body: String) -> String { template.replacingOccurrences(of: "BODY", with: body) }

    @Test func checkReportsWhatTheAuditFindsInAttachmentsAtTheirSource() throws {
        let site = try SampleSite(adding: [
            "content/policies/mhf-2024-3-附表一.html": "<p>没有 lang 和 title 的附表</p>\n",
            "content/policies/mhf-2024-3-附表二.html": Self.page("\n<img src=\"https://cdn.example.com/x.png\" alt=\"x\">"),
            "content/policies/mhf-2024-3-附表三.html": Self.page("\n\n<a href=\"missing.html\">缺</a>"),
            "content/policies/mhf-2024-3-附表四.html": Self.page("<p>关于做好第三次全国土壤普查涉密数据管理工作的通知</p>"),
            "content/policies/mhf-2024-3-数据.json": "{\"a\": ",
        ])
        let (result, diagnostics) = try site.check()
        #expect(result.status == 1)
        let places = Set(SampleSite.places(diagnostics))
        #expect(places.isSuperset(of: [
            "content/policies/mhf-2024-3-附表一.html:1:1 audit.malformed",
            "content/policies/mhf-2024-3-附表二.html:2:1 audit.external_resource",
            "content/policies/mhf-2024-3-附表三.html:3:1 audit.broken_link",
            "content/policies/mhf-2024-3-附表四.html:1:1 audit.leak",
            "content/policies/mhf-2024-3-数据.json:1:1 audit.malformed",
        ]), "\(places.sorted())")
        #expect(diagnostics.allSatisfy { ($0["file"] as? String)?.hasPrefix("content/") ?? false }, "\(places.sorted())")
        // The build stops on each of them too.
        #expect(try site.build().status == 1)
    }

    /// A well-made HTML attachment that links to its record's page passes both.
    @Test func aSoundHTMLAttachmentPassesCheckAndBuild() throws {
        let site = try SampleSite(adding: [
            "content/policies/mhf-2024-3-附表.html": Self.page("<p><a href=\"mhf-2024-3.html\">返回</a></p>"),
        ])
        let (result, diagnostics) = try site.check()
        #expect(result.status == 0, "\(SampleSite.places(diagnostics))")
        let built = try site.build()
        #expect(built.status == 0, "\(built.stderr)")
    }
}
