/// Splits text into search terms, the same way `assets/search.js` splits a query:
/// runs of Chinese characters become overlapping character bigrams (a run of one
/// character is kept as itself), runs of Latin letters and digits become lower-cased
/// words, and everything else (spaces, ASCII and full-width punctuation) separates.
/// `000014349/2012-00123` gives `000014349`, `2012`, `00123`.
public enum SearchTokenizer {
    public static func isHan(_ scalar: Unicode.Scalar) -> Bool { isHan(scalar.value) }

    @inline(__always)
    static func isHan(_ value: UInt32) -> Bool {
        switch value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F, 0x3007: true
        default: false
        }
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool { isWordCharacter(scalar.value) }

    @inline(__always)
    static func isWordCharacter(_ value: UInt32) -> Bool {
        switch value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A: true  // full-width digits and letters
        case 0xC0...0x24F: Unicode.Scalar(value)!.properties.isAlphabetic
        default: false
        }
    }

    /// Full-width letters and digits as ASCII, lower-cased.
    static func normalised(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        Unicode.Scalar(normalised(scalar.value)) ?? scalar
    }

    @inline(__always)
    static func normalised(_ value: UInt32) -> UInt32 {
        var value = value
        if (0xFF10...0xFF19).contains(value) || (0xFF21...0xFF3A).contains(value) || (0xFF41...0xFF5A).contains(value) {
            value -= 0xFEE0
        }
        if (0x41...0x5A).contains(value) { value += 0x20 }
        return value
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
    /// them: the search index visits every term of every body. Decodes the UTF-8 itself
    /// (the text is a String, so it is valid) and builds words as bytes: going through
    /// `unicodeScalars` and `String.UnicodeScalarView` was most of the index's time.
    public static func visit(_ text: String, han: (UInt64) -> Void, word: (String) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var previous: UInt32 = 0  // the last Han scalar of the run; 0 outside a run
            var runLength = 0
            var current: [UInt8] = []
            var i = 0
            let n = bytes.count
            while i < n {
                let lead = bytes[i]
                var value: UInt32
                if lead < 0x80 {
                    value = UInt32(lead)
                    i += 1
                } else if lead < 0xE0 {
                    value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    i += 2
                } else if lead < 0xF0 {
                    value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    i += 3
                } else {
                    value = UInt32(lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
                        | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                    i += 4
                }
                if isHan(value) {
                    if !current.isEmpty {
                        word(String(decoding: current, as: UTF8.self))
                        current.removeAll(keepingCapacity: true)
                    }
                    if previous != 0 { han(UInt64(previous) << 32 | UInt64(value)) }
                    previous = value
                    runLength += 1
                    continue
                }
                if runLength == 1 { han(UInt64(previous) << 32) }
                runLength = 0
                previous = 0
                if isWordCharacter(value) {
                    value = normalised(value)
                    if value < 0x80 {
                        current.append(UInt8(value))
                    } else {
                        current.append(contentsOf: String(Unicode.Scalar(value)!).utf8)
                    }
                } else if !current.isEmpty {
                    word(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
            if runLength == 1 { han(UInt64(previous) << 32) }
            if !current.isEmpty { word(String(decoding: current, as: UTF8.self)) }
        }
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
