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

    static func hexBytes(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02X", $0) }.joined() }

    /// A PDF whose page content is a stream of binary bytes (with an unbalanced `(`, as
    /// compressed data has) before its properties, and `streams` more after it.
    static func pdf(info: String, streams: [Data] = []) -> Data {
        var data = Data("""
            %PDF-1.7
            1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
            2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
            4 0 obj << /Length 8 /Filter /FlateDecode >> stream

            """.utf8)
        data += Data([0x78, 0x9C, 0x28, 0xFF, 0x3C, 0x00, 0x29, 0x28]) + Data("\nendstream endobj\n".utf8)
        for (number, stream) in streams.enumerated() {
            data += Data("\(5 + number) 0 obj << /Type /Metadata /Length \(stream.count) >> stream\r\n".utf8) + stream
                + Data("\nendstream endobj\n".utf8)
        }
        data += Data("""
            3 0 obj << \(info) /Producer (Microsoft Word) >> endobj
            trailer << /Root 1 0 R /Info 3 0 R >>
            %%EOF
            """.utf8)
        return data
    }

    @Test(arguments: ["hex", "literal", "utf16le", "utf8 mark", "utf8 hex", "language marks", "xmp utf16"])
    func aWithheldSentenceInAPDFsTitleIsALeak(_ form: String) throws {
        let sentence = AuditLegacyEncodingTests.sentence
        let utf16LE = sentence.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let marked = "\u{1B}zh\u{1B}" + sentence.prefix(4) + "\u{1B}zh\u{1B}" + sentence.dropFirst(4)
        var streams: [Data] = []
        let title: String
        switch form {
        case "hex": title = "<\(Self.hex(sentence))>"
        case "literal": title = Self.literal(sentence)
        case "utf16le": title = "<FFFE\(Self.hexBytes(utf16LE))>"
        case "utf8 mark": title = "<EFBBBF\(Self.hexBytes(Array(sentence.utf8)))>"
        case "utf8 hex": title = "<\(Self.hexBytes(Array(sentence.utf8)))>"
        case "language marks": title = "<\(Self.hex(marked))>"
        default:
            title = "(Word)"
            let xmp = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><dc:title>\(sentence)</dc:title></x:xmpmeta>"
            streams = [Data([0xFF, 0xFE] + xmp.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })]
        }
        let site = try SampleSite()
        try site.add(Self.pdf(info: "/Title \(title) /Author <FEFF5F204E09>", streams: streams), at: "content/notices/rsj-2024-zp-附件.pdf")
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
