@testable import DisclosureKit
import Foundation
import Testing

@Suite struct FileNameTests {
    @Test func recordStemsInAnyCase() {
        #expect(FileName.recordStem("x.md") == "x")
        #expect(FileName.recordStem("x.MD") == "x")
        #expect(FileName.recordStem("x-附件.Markdown") == "x-附件")
        #expect(FileName.recordStem("x.md.pdf") == nil)
        #expect(FileName.recordStem("x.mdx") == nil)
        #expect(FileName.recordStem(".md") == nil)
    }

    @Test func namesAreReadAsTheirBytesSay() {
        #expect(FileName.read(Array("政策-1.pdf".utf8)) == .success("政策-1.pdf"))
        #expect(FileName.read([0x63, 0x61, 0x66, 0xE9]) == .failure(.notUTF8))
        #expect(FileName.read(Array("a\nb".utf8)) == .failure(.control(0x0A)))
        #expect(FileName.read(Array("a\u{85}b".utf8)) == .failure(.control(0x85)))
        #expect(FileName.read(Array("a\\b".utf8)) == .failure(.backslash))
        #expect(FileName.read(Array(repeating: UInt8(ascii: "a"), count: 256)) == .failure(.tooLong(bytes: 256)))
        #expect(FileName.display([0x63, 0x61, 0x66, 0xE9, 0x0A, 0x5C]) == "caf\\xE9\\x0A\\x5C")
    }

    @Test func namesAreComparedInNFC() {
        let nfd = "cafe\u{301}", nfc = "caf\u{E9}"
        #expect(Array(FileName.normalised(nfd).utf8) == Array(nfc.utf8))
        #expect(AttachmentMatcher.belongs(FileName.normalised(nfd + "-附件.pdf"), to: FileName.normalised(nfc)))
        #expect(!AttachmentMatcher.belongs("cafe.pdf", to: "caf"))
        // NFC as Swift's String compares: a kana and the voiced mark compose, a
        // compatibility ideograph is replaced, and a long run of marks is kept whole.
        #expect(Array(FileName.normalised("\u{304B}\u{3099}").unicodeScalars) == ["\u{304C}"])
        #expect(Array(FileName.normalised("\u{F900}").unicodeScalars) == ["\u{8C48}"])
        let marks = String(repeating: "\u{344}", count: 120)
        #expect(FileName.normalised(marks).unicodeScalars.count == 240)
        #expect(FileName.normalised(marks) == marks)
    }

    @Test func encodedPathsDecodeToThemselves() {
        let paths = ["policies/a b.pdf", "policies/a%20b.pdf", "policies/x#1?.pdf", "policies/c:d.pdf",
                     "policies/sub #1%41/x.html", "policies/2024/附件 一.pdf", "policies/e[1]{2}|^`\"<>.pdf"]
        for path in paths {
            let encoded = URLPath.encoded(path)
            #expect(encoded.removingPercentEncoding == path)
            #expect(!encoded.contains { " #?:\"<>[]{}|^`".contains($0) })
            #expect(encoded.split(separator: "/").count == path.split(separator: "/").count)
        }
        #expect(URLPath.encoded("policies/2024/mhf-2024-3.html") == "policies/2024/mhf-2024-3.html")
        #expect(URLPath.encoded("policies/附件.pdf") == "policies/附件.pdf")
    }

    @Test func lookalikesAreFoundInTheirFrontMatterOnly() {
        func line(_ text: String) -> Int? { RecordLookalike.keyLine(in: Array(text.utf8)) }
        #expect(RecordLookalike.fenceLine(Array("---\ntitle: x\n".utf8)) == 1)
        #expect(RecordLookalike.fenceLine([0xEF, 0xBB, 0xBF] + Array("---\r\n".utf8)) == 1)
        #expect(RecordLookalike.fenceLine(Array("\n \r\n---\n".utf8)) == 3)
        #expect(RecordLookalike.fenceLine(Array("----\n".utf8)) == nil)
        #expect(RecordLookalike.fenceLine(Array("%PDF-1.4".utf8)) == nil)
        #expect(line("\n\n---\ndisclosure: withheld\n---\n") == 4)
        #expect(line("---\ntitle: x\ndisclosure: withheld\n---\n") == 3)
        #expect(line("---\ntitle: x\n  'disclosure': withheld\n---\n") == 3)
        #expect(line("---\n公开属性 : 不予公开\n---\n") == 2)
        #expect(line("---\ntitle: x\n---\ndisclosure: withheld\n") == nil)
        #expect(line("---\ndisclosures: 3\ndisclosure_note: x\nnote: disclosure: x\n---\n") == nil)
        #expect(line("---\n{title: x, disclosure: withheld}\n---\n") == 2)
        #expect(line("---\n{title: x,\"disclosure\" : withheld}\n---\n") == 2)
        #expect(line("---\n- disclosure: withheld\n---\n") == 2)
        // Anchors and tags before the key, as YAML allows them.
        #expect(line("---\ntitle: x\n&a disclosure: withheld\n---\n") == 3)
        #expect(line("---\n!!str disclosure: withheld\n---\n") == 2)
        #expect(line("---\n&a !x 'disclosure': withheld\n---\n") == 2)
        #expect(line("---\n{title: x, &a disclosure: withheld}\n---\n") == 2)
        #expect(line("---\nnote: &a disclosure: x\n---\n") == nil)
        #expect(line("---\nnote: !x disclosure\n---\n") == nil)
    }
}
