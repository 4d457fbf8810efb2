import Foundation
import Testing
@testable import DisclosureKit

/// `replacingBytes` replaces as Foundation's `replacingOccurrences` does (left to right,
/// occurrences not overlapping) for the texts the build passes through it.
@Suite struct ReplacingBytesTests {
    @Test(arguments: [
        ("<th>a</th><th>b</th>", "<th>", "<th scope=\"col\">"),
        ("<th>", "<th>", "<th scope=\"col\">"),
        ("x<th>", "<th>", "<th scope=\"col\">"),
        ("<td>a</td>", "<th>", "<th scope=\"col\">"),
        ("", "<th>", "<th scope=\"col\">"),
        ("<t", "<th>", "<th scope=\"col\">"),
        ("aaaa", "aa", "b"),
        ("aaa", "aa", "b"),
        ("www。gov。cn", "\u{3002}", "."),
        ("政策。解读。", "\u{3002}", "."),
        ("a\\b\\\\c", "\\", "/"),
        ("<a aria-label=\"Back to content\">↩</a>", "aria-label=\"Back to content\"", "aria-label=\"返回正文\""),
    ])
    func replacesAsFoundationDoes(text: String, target: String, replacement: String) {
        #expect(text.replacingBytes(target, with: replacement) == text.replacingOccurrences(of: target, with: replacement))
    }

    @Test func anEmptyTargetChangesNothing() {
        #expect("政策".replacingBytes("", with: "x") == "政策")
    }
}
