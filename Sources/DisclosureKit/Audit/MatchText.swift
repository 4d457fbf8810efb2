import Foundation

/// Text as the leak search compares it, both the non-public text it looks for and every
/// byte of the site it looks in: what a careless author or a template mistake could turn
/// one sentence into must come out as the same bytes.
///
/// - character references decoded: `&#x5173;`, `&#20851;`, `&amp;` and the named entities
///   that carry white space or nothing (`&nbsp;`, `&shy;`, `&ZeroWidthSpace;`, ...);
/// - JSON `\uXXXX` escapes (surrogate pairs joined) and `\n`, `\t`, `\/`, `\"`, `\\`;
/// - CSS escapes (`\672C`, `\672c ` with the one space that may end it), as a style
///   sheet's `content:` string may write text;
/// - percent-encoded UTF-8 (`%E5%85%B3`);
/// - inline tags without attributes removed (`<wbr>`, `<span></span>`, `</b>`), written
///   raw, as `&lt;b&gt;` or as `\u003cb\u003e`: a word cut by them reads as one;
/// - invisible characters dropped (soft hyphen, zero-width spaces and joiners, direction
///   marks, variation selectors, the byte-order mark);
/// - NFKC per character (full-width `１１４５`, `（`, `Ａ` become ASCII; `…` becomes `...`);
/// - ASCII letters in lower case (a template's `lowercased()` of an index number);
/// - punctuation read as white space (ASCII, full-width, Chinese and general punctuation:
///   `／`, `-`, `—`, `〔〕`, `[]`, `（）`, `，`, `。`, `、`, ...): an index number retyped with
///   other separators (`…4D-2024-00002`, `…4D 2024 00002`) or a document number with other
///   brackets (`明财预[2024]31号`) is the same text;
/// - every run of white space one space, ends trimmed; none between two characters of
///   U+3000 and above (a Chinese sentence wrapped over lines or cut by `**` reads as one).
///
/// Out of scope: text a determined encoder made (base64, reversed, one character per
/// element with attributes). The threat is a mistake, not an adversary.
public enum MatchText {
    /// `text` normalised.
    public static func bytes(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { normalise($0, newlines: nil) }
    }

    /// `bytes` normalised.
    public static func bytes(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { normalise($0, newlines: nil) }
    }

    /// `bytes` normalised, and for each line feed of `bytes` the length of the output
    /// when it was met: the line of an output offset `o` is one more than the number of
    /// those at or before `o`.
    public static func bytesAndLines(_ bytes: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], newlines: [Int]) {
        var newlines: [Int] = []
        let out = normalise(bytes, newlines: &newlines)
        return (out, newlines)
    }

    /// The line (counting from `firstLine`) of output offset `offset`.
    public static func line(of offset: Int, newlines: [Int], firstLine: Int = 1) -> Int {
        var low = 0, high = newlines.count
        while low < high {
            let mid = (low + high) / 2
            if newlines[mid] <= offset { low = mid + 1 } else { high = mid }
        }
        return firstLine + low
    }

    /// Inline elements: text around them reads as one word.
    static let inlineTags: Set<[UInt8]> = Set([
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd",
        "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
    ].map { Array($0.utf8) })

    /// `inlineTags` as integers, a name's bytes from the lowest up (a name holds no zero
    /// byte, so names of different lengths differ): a tag is looked up for every `<` of
    /// every page, without making an array of its name.
    static let packedInlineTags: Set<UInt64> = Set(inlineTags.map { packedName($0)! })

    /// `name` packed as `packedInlineTags` is; nil for a name over eight bytes, which no
    /// inline tag has.
    static func packedName<Name: Collection>(_ name: Name) -> UInt64? where Name.Element == UInt8 {
        var packed: UInt64 = 0
        var shift: UInt64 = 0
        for byte in name {
            guard shift < 64 else { return nil }
            packed |= UInt64(byte) << shift
            shift += 8
        }
        return packed
    }

    /// Named references decoded; all others are left as written.
    static let entities: [[UInt8]: UInt32] = {
        let table: [String: UInt32] = [
            "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0xA0, "shy": 0xAD,
            "ensp": 0x2002, "emsp": 0x2003, "thinsp": 0x2009, "zwnj": 0x200C, "zwj": 0x200D, "lrm": 0x200E,
            "rlm": 0x200F, "ZeroWidthSpace": 0x200B, "NoBreak": 0x2060, "hellip": 0x2026, "middot": 0xB7,
            "mdash": 0x2014, "ndash": 0x2013, "lsquo": 0x2018, "rsquo": 0x2019, "ldquo": 0x201C, "rdquo": 0x201D,
            "times": 0xD7, "divide": 0xF7, "yen": 0xA5, "copy": 0xA9, "reg": 0xAE, "deg": 0xB0, "sol": 0x2F,
            "colon": 0x3A, "comma": 0x2C, "period": 0x2E, "lpar": 0x28, "rpar": 0x29, "NewLine": 0x0A, "Tab": 0x09,
        ]
        return Dictionary(uniqueKeysWithValues: table.map { (Array($0.key.utf8), $0.value) })
    }()

    /// One decoded character: its code point and how many input bytes it took.
    struct Decoded {
        var scalar: UInt32
        var length: Int
    }

    /// Output with white space held back: a space is written only between two other
    /// bytes of one text, so runs collapse and each text's ends come out trimmed. Written
    /// through a pointer (an array's append checked its uniqueness per byte, a tenth of
    /// the search). Every decoding but NFKC's writes at most as many bytes as it reads (a
    /// pending space stands for white space already read), so the input's length is room
    /// enough until an NFKC expansion, which asks for more. Several texts may be written
    /// one after another into one output (`SeparateTexts`), each begun with `beginText`.
    struct Output {
        var base: UnsafeMutablePointer<UInt8>
        var capacity: Int
        var count = 0
        var pendingSpace = false
        /// Where the text being written began: no space is written before its first byte.
        var textStart = 0

        init(capacity: Int) {
            self.capacity = max(capacity, 16)
            base = .allocate(capacity: self.capacity)
        }

        /// Starts a text of `length` input bytes after what is written.
        mutating func beginText(length: Int) {
            reserve(length)
            textStart = count
            pendingSpace = false
        }

        /// Writes `byte` as it is, between texts (`SeparateTexts`' NUL).
        mutating func appendSeparator(_ byte: UInt8) {
            reserve(1)
            base[count] = byte
            count += 1
            pendingSpace = false
        }

        /// Writes `byte`, an ASCII letter in lower case.
        @inline(__always)
        mutating func emitFolded(_ byte: UInt8) {
            emit(byte &- 0x41 < 26 ? byte | 0x20 : byte)
        }

        @inline(__always)
        mutating func emit(_ byte: UInt8) {
            if pendingSpace, count > textStart, !(byte >= 0xE3 && followsWideCharacter) {
                base[count] = 0x20
                count += 1
            }
            pendingSpace = false
            base[count] = byte
            count += 1
        }

        /// True when the last character written is U+3000 or above (CJK and the scripts
        /// after it). White space between two such characters is not written: Chinese
        /// has no spaces between words, so a line break or a markup character (`**`, a
        /// tag, a table border) between two of them is where a line was wrapped or a word
        /// emphasised, and a sentence hard-wrapped at 公文 line length must read as the
        /// same run as the sentence on one line.
        @inline(__always)
        var followsWideCharacter: Bool {
            let written = count - textStart
            guard written >= 3, base[count - 1] & 0xC0 == 0x80, base[count - 2] & 0xC0 == 0x80 else { return false }
            let third = base[count - 3]
            if third >= 0xE3, third <= 0xEF { return true }
            return written >= 4 && third & 0xC0 == 0x80 && base[count - 4] >= 0xF0
        }

        /// Room for `more` bytes more.
        mutating func reserve(_ more: Int) {
            guard count + more + 1 > capacity else { return }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: 2 * capacity + more)
            grown.update(from: base, count: count)
            base.deallocate()
            base = grown
            capacity = 2 * capacity + more
        }

        mutating func emit(scalar: UInt32) {
            if scalar < 0x80 {
                emitFolded(UInt8(scalar))
            } else if scalar < 0x800 {
                emit(UInt8(0xC0 | scalar >> 6)); base[count] = UInt8(0x80 | scalar & 0x3F); count += 1
            } else if scalar < 0x10000 {
                emit(UInt8(0xE0 | scalar >> 12)); base[count] = UInt8(0x80 | scalar >> 6 & 0x3F)
                base[count + 1] = UInt8(0x80 | scalar & 0x3F); count += 2
            } else {
                emit(UInt8(0xF0 | scalar >> 18)); base[count] = UInt8(0x80 | scalar >> 12 & 0x3F)
                base[count + 1] = UInt8(0x80 | scalar >> 6 & 0x3F); base[count + 2] = UInt8(0x80 | scalar & 0x3F)
                count += 3
            }
        }

        /// The bytes written; the buffer is freed.
        mutating func finish() -> [UInt8] {
            defer { base.deallocate() }
            return Array(UnsafeBufferPointer(start: base, count: count))
        }
    }

    /// The core: one pass, decoding as it goes. Keeps its state in locals and a struct (a
    /// nested function capturing them costs a dynamic exclusivity check per byte).
    static func normalise(_ input: UnsafeBufferPointer<UInt8>, newlines: UnsafeMutablePointer<[Int]>?) -> [UInt8] {
        var out = Output(capacity: input.count + 1)
        normalise(input, into: &out, newlines: newlines)
        return out.finish()
    }

    /// `input` normalised, written after what `out` holds (begun with `out.beginText`);
    /// `newlines` gets `out.count` at each line feed.
    static func normalise(_ input: UnsafeBufferPointer<UInt8>, into out: inout Output, newlines: UnsafeMutablePointer<[Int]>?) {
        let n = input.count
        var i = 0
        while i < n {
            let byte = input[i]
            // The common cases first: plain ASCII and a CJK ideograph.
            if byte < 0x80, byte != 0x26, byte != 0x25, byte != 0x5C, byte != 0x3C {
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || isPunctuation(UInt32(byte)) {
                    if byte == 0x0A { newlines?.pointee.append(out.count) }
                    out.pendingSpace = true
                } else {
                    out.emitFolded(byte)
                }
                i += 1
                continue
            }
            if byte & 0xF0 == 0xE0, i + 2 < n, input[i + 1] & 0xC0 == 0x80, input[i + 2] & 0xC0 == 0x80 {
                let scalar = UInt32(byte & 0x0F) << 12 | UInt32(input[i + 1] & 0x3F) << 6 | UInt32(input[i + 2] & 0x3F)
                if scalar >= 0x4E00, scalar <= 0x9FFF {
                    out.emit(byte)
                    out.base[out.count] = input[i + 1]
                    out.base[out.count + 1] = input[i + 2]
                    out.count += 2
                    i += 3
                    continue
                }
            }
            if byte == 0x3C, let skip = inlineTagLength(input, at: i, open: lessThan, close: greaterThan) {
                i += skip
                continue
            }
            let decoded: Decoded
            if byte == 0x26 {
                if let skip = inlineTagLength(input, at: i, open: escapedLessThan, close: escapedGreaterThan) {
                    i += skip
                    continue
                }
                decoded = reference(input, at: i) ?? Decoded(scalar: 0x26, length: 1)
            } else if byte == 0x5C {
                if let skip = inlineTagLength(input, at: i, open: jsonLessThan, close: jsonGreaterThan) {
                    i += skip
                    continue
                }
                decoded = escape(input, at: i) ?? Decoded(scalar: 0x5C, length: 1)
            } else if byte == 0x25 {
                decoded = percent(input, at: i) ?? Decoded(scalar: 0x25, length: 1)
            } else if byte < 0x80 {
                decoded = Decoded(scalar: UInt32(byte), length: 1)
            } else if let scalar = utf8(input, at: i) {
                decoded = scalar
            } else {
                out.emit(byte)  // not UTF-8: compared as it is
                i += 1
                continue
            }
            i += decoded.length
            let scalar = decoded.scalar
            if isWhiteSpace(scalar) || isPunctuation(scalar) {
                out.pendingSpace = true
            } else if isInvisible(scalar) {
                continue
            } else if scalar >= 0xFF01, scalar <= 0xFF5E {
                if isPunctuation(scalar - 0xFEE0) { out.pendingSpace = true } else { out.emitFolded(UInt8(scalar - 0xFEE0)) }
            } else if scalar < 0x80 || isStable(scalar) {
                out.emit(scalar: scalar)
            } else if let unicode = Unicode.Scalar(scalar) {
                // Compatibility forms (`①`, `…`, `㎡`, half-width kana): Foundation's NFKC.
                for mapped in String(Character(unicode)).precomposedStringWithCompatibilityMapping.unicodeScalars {
                    out.reserve(5 + n - i)  // this scalar, and the rest of the input as above
                    if isWhiteSpace(mapped.value) || isPunctuation(mapped.value) {
                        out.pendingSpace = true
                    } else if !isInvisible(mapped.value) {
                        out.emit(scalar: mapped.value)
                    }
                }
            }
        }
    }

    private static let lessThan: [UInt8] = [0x3C], greaterThan: [UInt8] = [0x3E]
    private static let escapedLessThan = Array("&lt;".utf8), escapedGreaterThan = Array("&gt;".utf8)
    private static let jsonLessThan = Array("\\u003c".utf8), jsonGreaterThan = Array("\\u003e".utf8)

    static func isWhiteSpace(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Punctuation, read as white space: separators and brackets are retyped at will (an
    /// index number's `/` as `-` or `／`, a document number's `〔〕` as `[]` or `（）`), and
    /// a run of words means the same whichever of them stand between.
    @inline(__always)
    static func isPunctuation(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E, 0xA1, 0xA7, 0xAB, 0xB6, 0xB7, 0xBB, 0xBF,
             0x2010...0x2027, 0x2030...0x205E, 0x2212, 0x3001...0x3003, 0x3008...0x3011, 0x3014...0x301F,
             0x30FB, 0xFE10...0xFE19, 0xFE30...0xFE6B, 0xFF5F...0xFF65:
            return true
        default:
            return false
        }
    }

    /// Characters that show nothing: a word with them in it reads as without.
    static func isInvisible(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0xAD, 0x34F, 0x61C, 0x180B...0x180F, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F,
             0xFE00...0xFE0F, 0xFEFF, 0xE0000...0xE0FFF: return true
        default: return false
        }
    }

    /// Characters NFKC leaves as they are, checked without asking Foundation: the CJK
    /// ideographs, Chinese punctuation that has no compatibility form, Latin-1 letters.
    @inline(__always)
    static func isStable(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x3001...0x3002, 0x3005...0x3007, 0x3008...0x3011, 0x3014...0x301B,
             0xB7, 0xD7, 0xF7, 0xC0...0xFF, 0x2010, 0x2013...0x2016, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
             0x2030, 0x2190...0x2193, 0x25A0...0x25FF, 0xAC00...0xD7A3, 0x3041...0x3096, 0x30A1...0x30FA:
            return true
        default:
            return false
        }
    }

    /// A UTF-8 character at `i` (checked: shortest form, no surrogates), or nil.
    static func utf8(_ input: UnsafeBufferPointer<UInt8>, at i: Int) -> Decoded? {
        let lead = input[i]
        let length: Int, initial: UInt32, minimum: UInt32
        switch lead {
        case 0xC2...0xDF: (length, initial, minimum) = (2, UInt32(lead & 0x1F), 0x80)
        case 0xE0...0xEF: (length, initial, minimum) = (3, UInt32(lead & 0x0F), 0x800)
        case 0xF0...0xF4: (length, initial, minimum) = (4, UInt32(lead & 0x07), 0x10000)
        default: return nil
        }
        guard i + length <= input.count else { return nil }
        var scalar = initial
        for k in 1..<length {
            let next = input[i + k]
            guard next & 0xC0 == 0x80 else { return nil }
            scalar = scalar << 6 | UInt32(next & 0x3F)
        }
        guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return nil }
        return Decoded(scalar: scalar, length: length)
    }

    @inline(__always)
    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x41...0x46: return UInt32(byte - 0x41 + 10)
        case 0x61...0x66: return UInt32(byte - 0x61 + 10)
        default: return nil
        }
    }

    /// `&#NNN;`, `&#xHH;` (the `;` may be left out, as browsers allow) or a known `&name;`.
    private static func reference(_ input: UnsafeBufferPointer<UInt8>, at i: Int) -> Decoded? {
        var j = i + 1
        guard j < input.count else { return nil }
        if input[j] == 0x23 {  // #
            j += 1
            let hex = j < input.count && (input[j] | 0x20) == 0x78
            if hex { j += 1 }
            var value: UInt32 = 0
            let digitsStart = j
            while j < input.count, input[j] == 0x30 { j += 1 }  // leading zeros, any number of them
            let start = j
            while j < input.count, j - start < 8, let digit = hex ? hexValue(input[j]) : (input[j] >= 0x30 && input[j] <= 0x39 ? UInt32(input[j] - 0x30) : nil) {
                value = value &* (hex ? 16 : 10) &+ digit
                j += 1
            }
            guard j > digitsStart, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value), value != 0 else { return nil }
            if j < input.count, input[j] == 0x3B { j += 1 }
            return Decoded(scalar: value, length: j - i)
        }
        let start = j
        while j < input.count, j - start < 16, (input[j] | 0x20) >= 0x61, (input[j] | 0x20) <= 0x7A { j += 1 }
        guard j < input.count, input[j] == 0x3B, j > start,
              let scalar = entities[Array(input[start..<j])] else { return nil }
        return Decoded(scalar: scalar, length: j + 1 - i)
    }

    /// A JSON escape at `i` (a backslash): `\uXXXX` (a surrogate pair joined), or one of
    /// `\n \r \t \/ \" \\`; else a CSS escape, one to six hex digits and the one white
    /// space that may end them. Four or more hex digits are read as CSS first: `\f`
    /// and `\b` start full-width forms (`\FF11`) and Hangul (`\B9AD`) too.
    private static func escape(_ input: UnsafeBufferPointer<UInt8>, at i: Int) -> Decoded? {
        guard i + 1 < input.count else { return nil }
        let css = cssEscape(input, at: i)
        if let css, css.hexDigits >= 4 { return css.decoded }
        switch input[i + 1] {
        case 0x6E, 0x72, 0x74, 0x66, 0x62: return Decoded(scalar: 0x20, length: 2)  // n r t f b
        case 0x2F, 0x22, 0x5C: return Decoded(scalar: UInt32(input[i + 1]), length: 2)
        case 0x75:
            guard let high = hex4(input, at: i + 2) else { return nil }
            if (0xD800...0xDBFF).contains(high), i + 11 < input.count, input[i + 6] == 0x5C, input[i + 7] == 0x75,
               let low = hex4(input, at: i + 8), (0xDC00...0xDFFF).contains(low) {
                return Decoded(scalar: 0x10000 + (high - 0xD800) << 10 + (low - 0xDC00), length: 12)
            }
            guard !(0xD800...0xDFFF).contains(high), high != 0 else { return nil }
            return Decoded(scalar: high, length: 6)
        default:
            return css?.decoded
        }
    }

    /// A CSS escape at `i` (a backslash): its character and how many hex digits it had.
    private static func cssEscape(_ input: UnsafeBufferPointer<UInt8>, at i: Int) -> (decoded: Decoded, hexDigits: Int)? {
        var j = i + 1
        var value: UInt32 = 0
        while j < input.count, j - i - 1 < 6, let digit = hexValue(input[j]) {
            value = value << 4 | digit
            j += 1
        }
        let digits = j - i - 1
        guard digits > 0, value != 0, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return nil }
        if j < input.count, input[j] == 0x20 || input[j] == 0x09 { j += 1 }
        return (Decoded(scalar: value, length: j - i), digits)
    }

    private static func hex4(_ input: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt32? {
        guard i + 4 <= input.count else { return nil }
        var value: UInt32 = 0
        for k in 0..<4 {
            guard let digit = hexValue(input[i + k]) else { return nil }
            value = value << 4 | digit
        }
        return value
    }

    /// A percent-encoded character at `i`: `%XX` for ASCII, or the `%XX` of each byte of
    /// one UTF-8 character.
    private static func percent(_ input: UnsafeBufferPointer<UInt8>, at i: Int) -> Decoded? {
        func byte(_ k: Int) -> UInt8? {
            let at = i + 3 * k
            guard at + 2 < input.count, input[at] == 0x25, let high = hexValue(input[at + 1]),
                  let low = hexValue(input[at + 2]) else { return nil }
            return UInt8(high << 4 | low)
        }
        guard let lead = byte(0) else { return nil }
        if lead < 0x80 { return Decoded(scalar: UInt32(lead), length: 3) }
        var bytes = [lead]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        for k in 1..<length {
            guard let next = byte(k) else { return nil }
            bytes.append(next)
        }
        return bytes.withUnsafeBufferPointer { buffer in
            utf8(buffer, at: 0).map { Decoded(scalar: $0.scalar, length: 3 * length) }
        }
    }

    /// The length of an inline tag without attributes at `i` (`<b>`, `</b>`, `<wbr/>`),
    /// its brackets written as `open` and `close`; nil for any other text.
    private static func inlineTagLength(_ input: UnsafeBufferPointer<UInt8>, at i: Int, open: [UInt8], close: [UInt8]) -> Int? {
        var j = i
        for byte in open {
            guard j < input.count, input[j] == byte || (byte >= 0x61 && input[j] | 0x20 == byte) else { return nil }
            j += 1
        }
        if j < input.count, input[j] == 0x2F { j += 1 }
        let start = j
        while j < input.count, j - start < 8, (input[j] | 0x20) >= 0x61, (input[j] | 0x20) <= 0x7A { j += 1 }
        guard j > start else { return nil }
        guard let name = packedName(input[start..<j].lazy.map { $0 | 0x20 }), packedInlineTags.contains(name) else { return nil }
        if j < input.count, input[j] == 0x2F { j += 1 }
        for byte in close {
            guard j < input.count, input[j] == byte || (byte >= 0x61 && input[j] | 0x20 == byte) else { return nil }
            j += 1
        }
        return j - i
    }
}
