@testable import DisclosureKit
import Foundation
import Testing

@Suite struct JSONSyntaxTests {
    @Test(arguments: [
        "{}", "[]", " [1, -2.5e+3, 0, 0.1, true, false, null] ", #"{"a": {"b": ["c", "\u00e9\n"]}}"#, #""text""#, "12",
        #"[{"title":"关于印发《办法》的通知","year":2024}]"#,
    ])
    func acceptsWellFormedJSON(_ text: String) {
        #expect(JSONSyntax.isWellFormed(Array(text.utf8)))
        #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) != nil,
                "the reference parser agrees")
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\" 1}", "{a: 1}", "[01]", "[1.]", "[.5]", "[1e]", "\"unterminated", "[\"tab\there\"]",
        "[\"\\x\"]", "[\"\\u12G4\"]", "tru", "[] []", "nul", "[-]", "{\"a\":1,}",
    ])
    func rejectsMalformedJSON(_ text: String) {
        #expect(!JSONSyntax.isWellFormed(Array(text.utf8)))
        // Foundation's parser tolerates a trailing comma; RFC 8259 (and browsers) do not.
        if !text.contains(",]") && !text.contains(",}") {
            #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) == nil,
                    "the reference parser agrees")
        }
    }

    @Test func deepNestingIsRefusedNotACrash() {
        #expect(!JSONSyntax.isWellFormed(Array(String(repeating: "[", count: 100_000).utf8)))
    }
}

/// The JSON check keeps its state between pieces: fed a byte at a time, it agrees with
/// itself fed the whole.
@Suite struct JSONSyntaxStreamTests {
    @Test(arguments: [
        "{}", " [1, -2.5e+3, 0, 0.1, true, false, null] ", #"{"a": {"b": ["c", "\u00e9\n"]}}"#, "12", "-0.5E-7",
        "", "{", "[1,]", "{\"a\" 1}", "[01]", "[1.]", "[1e]", "\"unterminated", "tru", "[] []", "[-]", "{\"a\":1,}", "12 3",
    ])
    func aByteAtATimeAgreesWithTheWhole(_ text: String) {
        var syntax = JSONSyntax()
        for byte in Array(text.utf8) { [byte].withUnsafeBytes { syntax.feed($0) } }
        let expected = (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) != nil
            && !text.contains(",]") && !text.contains(",}")
        #expect(syntax.finish() == expected)
        #expect(JSONSyntax.isWellFormed(Array(text.utf8)) == expected)
    }
}
