import Foundation
import Testing
@testable import DisclosureKit

/// The byte-level helpers that quote JSON strings and percent-encode URLs: their fast
/// paths must give what the general ones give.
struct TextEncodingTests {
    @Test(arguments: [
        ("明湖区人民政府", "\"明湖区人民政府\""),
        ("“引号”与—破折号…", "\"“引号”与—破折号…\""),
        ("a\"b\\c", "\"a\\\"b\\\\c\""),
        ("行1\n行2\r\t", "\"行1\\n行2\\r\\t\""),
        ("\u{1}", "\"\\u0001\""),
        ("分\u{2028}隔\u{2029}", "\"分\\u2028隔\\u2029\""),
        ("", "\"\""),
        // Escapes first, last and side by side; U+2028 last; a dash and an ellipsis (whose
        // first byte U+2028 shares) last.
        ("\"\"中\\", "\"\\\"\\\"中\\\\\""),
        ("末\u{2028}", "\"末\\u2028\""),
        ("破折—", "\"破折—\""),
        ("省略…", "\"省略…\""),
    ])
    func jsonStringsAreQuotedAndEscaped(text: String, expected: String) throws {
        #expect(jsonString(text) == expected)
        // And it is JSON that reads back as the text.
        let data = Data("[\(jsonString(text))]".utf8)
        #expect(try JSONSerialization.jsonObject(with: data) as? [String] == [text])
    }

    @Test(arguments: ["policies/2024/mhf-2024-3.html", "guides/空格 与%号.html", "reports/a~b_c-d.e.html", "x//y/", ""])
    func urlsAreEncodedAsFoundationEncodesThem(path: String) {
        var allowed = CharacterSet()
        allowed.insert(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        let expected = "https://example.gov.cn/" + path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: allowed)! }.joined(separator: "/")
        #expect(SitemapWriter.absoluteURL("https://example.gov.cn/", path) == expected)
    }

    @Test func csvFieldsAreQuotedWhenTheyMustBe() {
        #expect(CatalogData.csvField("明湖区") == "明湖区")
        #expect(CatalogData.csvField("甲,乙") == "\"甲,乙\"")
        #expect(CatalogData.csvField("他说\"是\"") == "\"他说\"\"是\"\"\"")
        #expect(CatalogData.csvField("行1\r\n行2") == "\"行1\r\n行2\"")
        #expect(CatalogData.csvField(" 前导空格") == "\" 前导空格\"")
    }
}

/// The build cache's line order and the sitemap's: UTF-8 byte order, as `lexicographicallyPrecedes` gives.
struct CacheOrderTests {
    @Test func pathsSortInByteOrder() {
        let paths = ["", "a", "ab", "a/b", "a-b", "政策/2024.html", "政府", "Z", "é", "e\u{301}", "policies/2024/x.html", "policies/2024"]
        for a in paths {
            for b in paths {
                #expect(utf8Precedes(a, b) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a) < \(b)")
            }
        }
    }
}
