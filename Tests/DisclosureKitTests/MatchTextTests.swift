@testable import DisclosureKit
import Foundation
import Testing

/// What the leak search compares: each way of writing a text comes out as the same bytes.
struct MatchTextTests {
    @Test(arguments: [
        ("关于&#x5BA1;&#26680;事项", "关于审核事项"),
        ("&amp;&lt;&quot;&apos;&nbsp;x", "x"),
        ("&#x5BA1", "审"),  // no `;`, as browsers allow
        ("&#x00000000005BA1;&#0000000000000000026680;", "审核"),
        ("&unknown; &#xD800; &#0;", "unknown xd800 0"),
        ("\\u5ba1\\u6838 \\ud83d\\ude00 \\n\\/\\\"\\\\", "审核😀"),
        ("%E5%AE%A1%E6%A0%B8%20x %ZZ %E5%AE", "审核 x zz e5 ae"),
        ("审<wbr>核<span></span>事</b>项<WBR/>x", "审核事项x"),
        ("审&lt;wbr&gt;核\\u003cem\\u003e\\u003c/em\\u003e事", "审核事"),
        ("<p>审</p><span class=\"x\">核</span>", "p 审 p span class x 核"),
        ("审\u{00AD}核\u{200B}事\u{200D}项\u{FEFF}&shy;!", "审核事项"),
        ("１１４５０１００ＭＢ／２０２４－０００９９（稿）", "11450100mb 2024 00099 稿"),
        ("①…㎡ｶ", "1 m2カ"),
        ("CANARY-1A2B ｃａｎａｒｙ Ｘ", "canary 1a2b canary x"),
        ("  a \u{3000}\u{00A0}\t\n b  ", "a b"),
        ("\u{FF}\u{FE}x", "\u{FF}\u{FE}x"),
        ("\\672C\\901A 知 x \\672c\\901a\t知 \\41 b", "本通知 x 本通知 ab"),  // CSS escapes, one white space ending each
        ("\\FF11\\b\\f", "1"),  // four hex digits: CSS; `\\b`, `\\f` alone: JSON
        // Separators and brackets retyped: the same index number, the same document number.
        ("11450100MB0000004D-2024-00002", "11450100mb0000004d 2024 00002"),
        ("11450100MB0000004D / 2024_00002", "11450100mb0000004d 2024 00002"),
        ("11450100MB0000004D—2024.00002", "11450100mb0000004d 2024 00002"),
        ("明自然资发〔2024〕2号", "明自然资发 2024 2号"),
        ("明自然资发[2024]2号", "明自然资发 2024 2号"),
        ("明自然资发（2024）2号", "明自然资发 2024 2号"),
        ("明自然资发【2024】2号", "明自然资发 2024 2号"),
        ("秘密，依据《条例》、第十四条。", "秘密依据条例第十四条"),
        // No space between two Chinese characters: a sentence wrapped over lines, cut by
        // emphasis or a tag, reads as one; a space beside a Latin letter or digit stays.
        ("第一句的\n  第二句\r\n第三句", "第一句的第二句第三句"),
        ("审**核**_项_<b>目</b>", "审核项目"),
        ("审 x 核 2024 年", "审 x 核 2024 年"),
        ("\u{20000}\n审\n\u{20001}", "\u{20000}审\u{20001}"),
        ("한국 어", "한국어"),
    ])
    func normalises(_ input: String, _ expected: String) {
        #expect(MatchText.bytes(input) == Array(expected.utf8), "\(String(decoding: MatchText.bytes(input), as: UTF8.self))")
    }

    /// NFKC can write many times what it reads (U+FDFA is 18 characters): the output grows.
    @Test func expansionsOfEveryLengthFit() {
        for count in [1, 2, 7, 500] {
            let text = String(repeating: "\u{FDFA}", count: count) + "审核"
            let expected = SecretText.collapsingWhitespace(text.precomposedStringWithCompatibilityMapping)
            #expect(MatchText.bytes(text) == Array(expected.utf8), "\(count)")
        }
    }

    @Test func bytesThatAreNotUTF8AreKept() {
        #expect(MatchText.bytes([0xFF, 0x41, 0xC3]) == [0xFF, 0x61, 0xC3])
    }

    /// Lines of the input, for offsets in the output.
    @Test func linesOfOutputOffsets() {
        let input = Array("&#x5BA1;\n\n%E6%A0%B8\nabc".utf8)
        let (bytes, newlines) = input.withUnsafeBufferPointer(MatchText.bytesAndLines)
        #expect(bytes == Array("审核 abc".utf8))
        #expect(newlines == [3, 3, 6])
        #expect(MatchText.line(of: 0, newlines: newlines) == 1)
        #expect(MatchText.line(of: 4, newlines: newlines) == 3)
        #expect(MatchText.line(of: 8, newlines: newlines, firstLine: 10) == 13)
    }
}
