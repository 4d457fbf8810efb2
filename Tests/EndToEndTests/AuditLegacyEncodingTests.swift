import Foundation
import Testing

/// A withheld record's sentence in an attachment saved as GB18030 (Excel's CSV on Chinese
/// Windows) or UTF-16 (Notepad's "Unicode") is found as the text it is: re-encoding a file
/// hides nothing from the audit, and the build writes no site.
@Suite struct AuditLegacyEncodingTests {
    static let sentence = "本通知涉及土壤普查涉密测绘成果的使用和管理要求"

    static func utf16LittleEndianWithMark(_ text: String) -> Data {
        var data = Data([0xFF, 0xFE])
        for unit in text.utf16 { data.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        return data
    }

    @Test func aWithheldSentenceInAGB18030OrUTF16AttachmentIsALeak() throws {
        // The sample's withheld policy holds the sentence; the files are named after a public notice.
        let gb18030 = String.Encoding(rawValue: 0x8000_0632)
        let csv = try #require("姓名,说明\n张三,\"\(Self.sentence)\"\n".data(using: gb18030))
        #expect(String(data: csv, encoding: .utf8) == nil, "the file is not UTF-8")
        for (name, data) in [("rsj-2024-zp-名单.csv", csv), ("rsj-2024-zp-说明.txt", Self.utf16LittleEndianWithMark(Self.sentence))] {
            let site = try SampleSite()
            try site.add(data, at: "content/notices/" + name)
            let result = try site.build(["--as-of", "2025-06-01", "--format", "json"])
            #expect(result.status == 1, "\(name): \(result.stderr)")
            let diagnostics = try Disclose.diagnostics(result)
            #expect(diagnostics.contains { ($0["rule"] as? String) == "audit.leak" && ($0["file"] as? String ?? "").hasSuffix(name) },
                    "\(name): \(diagnostics)")
            #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("site").path))
        }
    }
}
