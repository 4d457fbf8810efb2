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

/// A PDF keeps text beyond Latin in its document properties as UTF-16 (`/Title <FEFF…>`,
/// or a literal string with escapes): a PDF exported from a withheld document carries its
/// words there, unseen on the pages, and they are found.
@Suite struct AuditPDFPropertiesTests {
    static func hex(_ text: String) -> String {
        "FEFF" + text.utf16.map { String(format: "%04X", $0) }.joined()
    }

    /// `(\376\377…)`, every byte of the UTF-16 as an octal escape, with a `\(` among them.
    static func literal(_ text: String) -> String {
        "(\\376\\377" + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
            .map { $0 == UInt8(ascii: "(") ? "\\(" : String(format: "\\%03o", $0) }.joined() + ")"
    }

    static func pdf(info: String) -> Data {
        Data("""
            %PDF-1.7
            1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
            2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
            3 0 obj << \(info) /Producer (Microsoft Word) >> endobj
            trailer << /Root 1 0 R /Info 3 0 R >>
            %%EOF
            """.utf8)
    }

    @Test(arguments: ["hex", "literal"])
    func aWithheldSentenceInAPDFsTitleIsALeak(_ form: String) throws {
        let sentence = AuditLegacyEncodingTests.sentence
        let title = form == "hex" ? "<\(Self.hex(sentence))>" : Self.literal(sentence)
        let site = try SampleSite()
        try site.add(Self.pdf(info: "/Title \(title) /Author <FEFF5F204E09>"), at: "content/notices/rsj-2024-zp-附件.pdf")
        let result = try site.build(["--as-of", "2025-06-01", "--format", "json"])
        #expect(result.status == 1, "\(form): \(result.stderr)")
        let diagnostics = try Disclose.diagnostics(result)
        #expect(diagnostics.contains { ($0["rule"] as? String) == "audit.leak" && ($0["file"] as? String ?? "").hasSuffix("附件.pdf") },
                "\(form): \(diagnostics)")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("site").path))
    }

    /// A public title in the same place is no finding: the PDF is published.
    @Test func aPublicTitleInAPDFPasses() throws {
        let site = try SampleSite()
        try site.add(Self.pdf(info: "/Title <\(Self.hex("明湖区人力资源和社会保障局招聘公告附件"))>"), at: "content/notices/rsj-2024-zp-附件.pdf")
        let result = try site.build(["--as-of", "2025-06-01", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("site/notices/rsj-2024-zp-附件.pdf").path))
    }
}
