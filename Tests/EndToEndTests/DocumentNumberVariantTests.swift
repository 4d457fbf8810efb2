import Foundation
import Testing

/// A reference by 文号 names a withheld record however its 文号 is typed: full-width
/// digits, other brackets, a space. Each is `reference.not_public`, never published.
@Suite struct DocumentNumberVariantTests {
    @Test(arguments: ["明自然资发〔２０２４〕２号", "明自然资发（2024）2号", "明自然资发 〔2024〕2号", "明自然资发[2024]2号"])
    func aWithheldRecordsDocumentNumberInAnySpellingIsRefused(number: String) throws {
        let path = "content/policies/mhbf-2022-7.md"
        let text = try String(contentsOf: Disclose.packageRoot.appendingPathComponent(path), encoding: .utf8)
        let edited = text.replacingOccurrences(of: "repealed_by: 11450100MB0000002B/2024-00021",
                                               with: "repealed_by: {document_number: '\(number)', title: 关于土壤普查的通知}")
        #expect(edited != text)
        let site = try SampleSite(adding: [path: edited])
        let (result, diagnostics) = try site.check(["--as-of", "2025-06-01"])
        #expect(result.status == 1)
        #expect(diagnostics.contains { ($0["rule"] as? String) == "reference.not_public" && ($0["file"] as? String) == path },
                "\(number): \(diagnostics)")
    }
}
