@testable import DisclosureKit
import Testing

/// The byte-level shortcuts every field and body passes through agree with the Unicode
/// definitions they stand for.
struct TextScanTests {
    @Test func whiteSpaceListIsUnicodesProperty() {
        var differing: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar.isWhiteSpace != scalar.properties.isWhitespace { differing.append(value) }
        }
        #expect(differing.isEmpty)
    }

    @Test(arguments: [
        ("青溪区", "青溪区"),
        ("\u{3000}青溪区\u{3000}", "青溪区"),
        (" \t\r\n2024-01-05\u{00A0}", "2024-01-05"),
        ("\u{2028}\u{205F}", ""),
        ("", ""),
        ("a\u{3000}b", "a\u{3000}b"),
        ("\u{1680}x\u{85}", "x"),
    ])
    func trimmedDropsOnlyWhiteSpaceAtTheEnds(text: String, expected: String) {
        #expect(text.trimmed == expected)
        #expect(text[...].trimmed == expected)
    }

    @Test(arguments: [
        ("第一行\n第二行\t制表\r\n", nil),
        ("第一行\n第二\u{7}行", BodyControlCharacters.Found(line: 2, column: 3, scalar: "\u{7}")),
        ("审核\u{85}", BodyControlCharacters.Found(line: 1, column: 3, scalar: "\u{85}")),
        ("价格\u{A0}¥", nil),
        ("\u{7F}", BodyControlCharacters.Found(line: 1, column: 1, scalar: "\u{7F}")),
    ])
    func controlCharactersAreFoundWhereTheyAre(body: String, expected: BodyControlCharacters.Found?) {
        #expect(BodyControlCharacters.first(in: body) == expected)
    }
}
