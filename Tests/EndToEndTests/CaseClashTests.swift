import Foundation
import Testing

/// Paths that differ only in case are one file on a server or kiosk that ignores case
/// (IIS, Windows, macOS): two such attachments are `output.clash`, found by `check`.
@Suite struct CaseClashTests {
    @Test func attachmentsDifferingOnlyInCaseClash() throws {
        let site = try SampleSite()
        try site.add(Data("%PDF-1.4\n".utf8), at: "content/notices/rsj-2024-zp-A.pdf")
        try site.add(Data("%PDF-1.4\n".utf8), at: "content/notices/rsj-2024-zp-a.pdf")
        let (result, diagnostics) = try site.check(["--as-of", "2025-06-01"])
        #expect(result.status == 1)
        #expect(SampleSite.places(diagnostics).contains("content/notices/rsj-2024-zp-a.pdf:1:1 output.clash"), "\(diagnostics)")
    }
}
