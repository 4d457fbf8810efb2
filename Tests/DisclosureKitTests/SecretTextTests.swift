import Testing
@testable import DisclosureKit

/// The text a reader sees, which the leak search and the search index both use: markup
/// gone, white space of every kind collapsed to one space, ends trimmed.
struct SecretTextTests {
    @Test(arguments: [
        ("# 标题\n\n正文**加粗**与_强调_。", "标题 正文加粗与强调。"),
        ("见[附件](files/a.pdf)说明", "见附件说明"),
        ("- 第一项\n- 第二项\n1. 甲\n2) 乙", "第一项 第二项 甲 乙"),
        ("> 引用\n>> 再引用", "引用 再引用"),
        ("| 项目 | 金额 |\n|---|---|\n| 甲 | 1 |", "项目 金额 --- --- 甲 1"),
        ("前\u{00A0}\u{00A0}后\u{3000}尾\t\u{000B}\u{000C}\r\n  ", "前 后 尾"),
        ("  \n\u{3000}", ""),
        ("`代码` ~删除~ \\转义 <b>", "代码 删除 转义 b"),
    ])
    func plainText(markdown: String, expected: String) {
        #expect(SecretText.plainText(of: markdown) == expected)
        #expect(SecretText.plainBytes(of: markdown) == Array(expected.utf8))
    }

    @Test func collapsingWhitespace() {
        #expect(SecretText.collapsingWhitespace("\u{3000} 甲\n\n乙\u{00A0} 丙 ") == "甲 乙 丙")
        #expect(SecretText.collapsedBytes("a\u{00A0}") == Array("a".utf8))
        #expect(SecretText.collapsedBytes("") == [])
    }
}
