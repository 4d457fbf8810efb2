import Foundation
@testable import DisclosureKit
import Testing

@Suite struct PersonalIDNumbersTests {
    @Test(arguments: [
        "身份证号450102199001011234。", "45010219900101123X", "45010219900101123x", "4501 0219 9001 0112 34",
        "450102-19900101-1234", "４５０１０２１９９００１０１１２３Ｘ", "旧证450102900101123号",
    ])
    func anIDNumberIsFound(_ text: String) {
        #expect(PersonalIDNumbers.first(in: text)?.number.hasPrefix("450102") == true, "\(text)")
    }

    @Test(arguments: [
        "账号622848001234567890", "罚款人民币5000元", "0771-5553108", "统一社会信用代码91450100MA5L8XYZ1K",
        "4501021990010112345", "明政发〔2024〕3号", "2024年5月13日至5月24日", "450102199013011234",
    ])
    func otherNumbersAreNot(_ text: String) {
        #expect(PersonalIDNumbers.first(in: text) == nil, "\(text)")
    }

    /// The byte pre-filter must let through everything the expression finds, and it is
    /// worth having only if text with many digits in short runs does not pass it.
    @Test(arguments: [
        "身份证号450102199001011234。", "4501 0219 9001 0112 34", "450102-19900101-1234", "4501\u{3000}0219\u{3000}9001\u{3000}0112\u{3000}34",
        "４５０１０２１９９００１０１１２３Ｘ", "旧证450102900101123号", "4501021990\u{660}3071234", "4501021990\u{1D7CE}3071234",
        "2024年5月13日，罚款12345678元，4501021990\u{660}3071234", "😀450102199001011234", "№450102199001011234",
    ])
    func thePreFilterPassesEveryNumber(_ text: String) {
        #expect(PersonalIDNumbers.mayHoldOne(text), "\(text)")
    }

    /// The pre-filter against the expression itself, over strings drawn from the pieces
    /// that decide either: digits of several scripts and widths, each separator, and the
    /// characters that end a run (a fixed seed: the same strings every run).
    @Test func thePreFilterPassesWhateverTheExpressionMatches() {
        let pieces = ["0", "4", "9", "X", "x", "Ｘ", "５", "\u{660}", "\u{1D7CE}", "\u{96F6}", " ", "-", "\u{3000}", "\u{2014}",
                      "年", "，", "。", "😀", "a", "\n", "\u{00A0}", "\u{FF0D}", "45010219900101"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var matched = 0
        for _ in 0..<20_000 {
            let text = (0..<(10 + next(30))).map { _ in pieces[next(pieces.count)] }.joined()
            let range = NSRange(text.startIndex..., in: text)
            guard PersonalIDNumbers.candidate.firstMatch(in: text, range: range) != nil else { continue }
            matched += 1
            #expect(PersonalIDNumbers.mayHoldOne(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        // Enough strings reach the expression for the comparison to mean something.
        #expect(matched > 500, "\(matched)")
    }

    /// `\d` is every decimal digit: one written in another script hides nothing.
    @Test(arguments: ["4501021990\u{660}3071234", "4501021990\u{1D7CE}3071234", "身份证号 4501021990٠3071234。"])
    func aNumberWithADigitOfAnotherScriptIsFound(_ text: String) {
        #expect(PersonalIDNumbers.first(in: text) != nil, "\(text)")
    }

    @Test(arguments: ["2024年5月13日，罚款12345678元，电话0771-5553108", "4501  0219 9001 0112 34", "12345 67890 1234",
                      "4501021990年01011234", "4501021990😀01011234", "4501021990\u{3000}\u{3000}01011234"])
    func thePreFilterStopsShortRuns(_ text: String) {
        #expect(!PersonalIDNumbers.mayHoldOne(text), "\(text)")
        #expect(PersonalIDNumbers.first(in: text) == nil, "\(text)")
    }

    @Test func theMessageShowsTheNumberMasked() {
        #expect(PersonalIDNumbers.masked("45010219900101123X") == "4501**************")
    }
}
