/// Splits text into search terms, the same way `assets/search.js` splits a query:
/// runs of Chinese characters become overlapping character bigrams (a run of one
/// character is kept as itself), runs of Latin letters and digits become lower-cased
/// words, and everything else (spaces, ASCII and full-width punctuation) separates.
/// `000014349/2012-00123` gives `000014349`, `2012`, `00123`.
public enum SearchTokenizer {
    public static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F, 0x3007: true
        default: false
        }
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A: true  // full-width digits and letters
        case 0xC0...0x24F where scalar.properties.isAlphabetic: true
        default: false
        }
    }

    /// Full-width letters and digits as ASCII, lower-cased.
    static func normalised(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        var value = scalar.value
        if (0xFF10...0xFF19).contains(value) || (0xFF21...0xFF3A).contains(value) || (0xFF41...0xFF5A).contains(value) {
            value -= 0xFEE0
        }
        if (0x41...0x5A).contains(value) { value += 0x20 }
        return Unicode.Scalar(value) ?? scalar
    }

    /// A term without a String: one or two Han scalars packed into an integer.
    public static func hanKey(_ first: Unicode.Scalar, _ second: Unicode.Scalar?) -> UInt64 {
        UInt64(first.value) << 32 | UInt64(second?.value ?? 0)
    }

    /// The text of a `hanKey`.
    public static func hanTerm(_ key: UInt64) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(Unicode.Scalar(UInt32(key >> 32))!)
        if let second = Unicode.Scalar(UInt32(key & 0xFFFF_FFFF)), second.value != 0 { scalars.append(second) }
        return String(scalars)
    }

    /// The same terms as `terms(_:)`, Han ones as `hanKey`s, without making Strings for
    /// them: the search index visits every term of every body.
    public static func visit(_ text: String, han: (UInt64) -> Void, word: (String) -> Void) {
        var previous: Unicode.Scalar?
        var runLength = 0
        var current = String.UnicodeScalarView()
        func endHan() {
            if runLength == 1, let previous { han(hanKey(previous, nil)) }
            runLength = 0
            previous = nil
        }
        func endWord() {
            if !current.isEmpty { word(String(current)) }
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if isHan(scalar) {
                endWord()
                if let previous { han(hanKey(previous, scalar)) }
                previous = scalar
                runLength += 1
            } else if isWordCharacter(scalar) {
                endHan()
                current.append(normalised(scalar))
            } else {
                endHan()
                endWord()
            }
        }
        endHan()
        endWord()
    }

    public static func terms(_ text: String) -> [String] {
        var terms: [String] = []
        var han: [Unicode.Scalar] = []
        var word = String.UnicodeScalarView()
        func flushHan() {
            if han.count == 1 {
                terms.append(String(Character(han[0])))
            } else if han.count > 1 {
                for i in 0..<(han.count - 1) {
                    var pair = String.UnicodeScalarView()
                    pair.append(han[i])
                    pair.append(han[i + 1])
                    terms.append(String(pair))
                }
            }
            han.removeAll(keepingCapacity: true)
        }
        func flushWord() {
            if !word.isEmpty { terms.append(String(word)) }
            word = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if isHan(scalar) {
                flushWord()
                han.append(scalar)
            } else if isWordCharacter(scalar) {
                flushHan()
                word.append(normalised(scalar))
            } else {
                flushHan()
                flushWord()
            }
        }
        flushHan()
        flushWord()
        return terms
    }
}
