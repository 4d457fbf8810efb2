@testable import DisclosureKit
import Foundation
import Testing

/// A link target's white space is trimmed as Foundation's `.whitespaces` trims it (Unicode
/// Zs and tab, no line breaks), with or without the pass over plain targets that skips it.
@Suite struct LinkTargetTrimTests {
    @Test(arguments: ["", " ", "\t", "a", " a", "a ", "\ta\t", "\u{3000}通知.md\u{3000}", "通知.md", "\u{A0}x", "x\u{2003}",
                      "\na\n", "a\r", "\u{85}a", " 政策 文件 ", "https://www.example.gov.cn/ ", "#\u{200B}", "é\u{301}", " \u{301}"])
    func trimsAsFoundationDoes(_ target: String) {
        #expect(LinkResolver.trimmingWhitespace(target) == target.trimmingCharacters(in: .whitespaces))
    }
}
