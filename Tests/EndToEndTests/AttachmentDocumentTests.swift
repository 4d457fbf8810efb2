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

    /// Text of a non-public record in an attachment of any other kind (a `.txt`, a `.csv`,
    /// a script) is found by `check` and stops `build`, both at the file under `content/`.
    @Test func aWithheldSentenceInATextAttachmentIsFoundAtItsSourceByCheckAndBuild() throws {
        let sentence = "本通知涉及土壤普查涉密测绘成果的使用和管理要求\n"
        let files = ["content/policies/mhf-2024-3-附件f.txt", "content/policies/mhf-2024-3-附件g.csv", "content/policies/mhf-2024-3-附件i.js"]
        let site = try SampleSite(adding: Dictionary(uniqueKeysWithValues: files.map { ($0, sentence) }))
        let expected = files.map { "\($0):1:1 audit.leak" }
        let (result, diagnostics) = try site.check()
        #expect(result.status == 1)
        #expect(SampleSite.places(diagnostics).sorted() == expected, "\(SampleSite.places(diagnostics))")
        let build = try site.build(["--format", "json"])
        #expect(build.status == 1)
        #expect(SampleSite.places(try Disclose.diagnostics(build)).sorted() == expected, "\(build.stdout)")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("site").path))
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
