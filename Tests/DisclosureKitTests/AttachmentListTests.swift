import Testing
@testable import DisclosureKit

/// The attachment list's words: kind and size as a reader reads them, and the names an
/// `attachments:` entry may not give.
@Suite struct AttachmentListTests {
    @Test func sizesAreRoundedUpInKilobytesThenToOneDecimal() {
        #expect(AttachmentList.size(0) == "1 KB")
        #expect(AttachmentList.size(1) == "1 KB")
        #expect(AttachmentList.size(1024) == "1 KB")
        #expect(AttachmentList.size(1025) == "2 KB")
        #expect(AttachmentList.size(236 * 1024) == "236 KB")
        #expect(AttachmentList.size(1024 * 1024 - 1) == "1024 KB")
        #expect(AttachmentList.size(1024 * 1024) == "1.0 MB")
        #expect(AttachmentList.size(1024 * 1024 * 3 / 2) == "1.5 MB")
        #expect(AttachmentList.size(5 * 1024 * 1024 * 1024 + 1024 * 1024 * 1024 / 4) == "5.3 GB")
        #expect(AttachmentList.size(1024 * 1024 * 1024 - 1) == "1024.0 MB")
        // A sparse file may claim any size: no overflow.
        #expect(AttachmentList.size(Int64.max) == "8589934592.0 GB")
    }

    @Test func theKindIsTheExtensionUpperCased() {
        #expect(AttachmentList.kind(of: "附件1.pdf") == "PDF")
        #expect(AttachmentList.kind(of: "申请表.Docx") == "DOCX")
        #expect(AttachmentList.kind(of: "x.tar.gz") == "GZ")
        #expect(AttachmentList.kind(of: "说明") == "文件")
        #expect(AttachmentList.kind(of: ".hidden") == "文件")
        #expect(AttachmentList.kind(of: "结尾点.") == "文件")
    }

    @Test func imagesTheBodyShowsAreNotListed() {
        let attachments = [PlannedAttachment(name: "图 1.png", source: "/nonexistent", path: "policies/图 1.png", title: nil),
                           PlannedAttachment(name: "表.ofd", source: "/nonexistent", path: "policies/表.ofd", title: "统计表")]
        let body = "<p><img src=\"%E5%9B%BE%201.png\" alt=\"图\" /></p>"
        let items = AttachmentList.context(attachments, from: "policies/x.html", bodyHTML: body)
        #expect(items.map(\.label) == ["附件1："])
        #expect(items.first?.text == "统计表")
        #expect(items.first?.note == "需使用OFD阅读器打开")
    }

    @Test func onlyAPlainNameOfTheFolderMayBeListed() {
        #expect(AttachmentListDecoder.refusal(of: "附件1.pdf") == nil)
        #expect(AttachmentListDecoder.refusal(of: "a b (1).xlsx") == nil)
        for name in ["/etc/passwd", "..", ".", "../x.pdf", "a/../../x", "sub/a.pdf", "a\\b.pdf", ".hidden.pdf", "_draft.pdf", "x.md", "y.MARKDOWN"] {
            #expect(AttachmentListDecoder.refusal(of: name) != nil, "\(name)")
        }
    }
}
