/// A URL-valued attribute read as a browser reads it, and the attributes that hold several
/// URLs (`srcset`, `ping`) or one inside other text (`<meta http-equiv=refresh>`).
enum ReferenceURL {
    /// `value` after the clean-up every browser does before parsing a URL: C0 controls and
    /// spaces at either end removed, tabs and newlines anywhere removed (`ht&#9;tp://` is
    /// `http://`), and backslashes read as slashes (`\\host` and `/\host` are `//host`).
    static func cleaned(_ value: String) -> String {
        let bytes = value.utf8
        guard bytes.contains(where: { $0 <= 0x20 || $0 == UInt8(ascii: "\\") }) else { return value }
        var kept = Array(bytes.drop { $0 <= 0x20 })
        while let last = kept.last, last <= 0x20 { kept.removeLast() }
        kept.removeAll { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        for index in kept.indices where kept[index] == UInt8(ascii: "\\") { kept[index] = UInt8(ascii: "/") }
        return String(decoding: kept, as: UTF8.self)
    }

    /// `value` with the named character references that libxml2's HTML parser, which knows
    /// HTML 4's, leaves as written (`&sol;`, `&colon;`, `&Tab;`: HTML5's) decoded as a
    /// browser decodes them, before it reads the URL; or the first such name this table
    /// does not hold, which the audit cannot read as the browser will.
    static func decodingNamedReferences(_ value: String) -> (value: String, unknown: String?) {
        let bytes = Array(value.utf8)
        guard bytes.contains(UInt8(ascii: "&")) else { return (value, nil) }
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        var decoded: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "&"), index + 1 < bytes.count, isLetter(bytes[index + 1]) else {
                decoded.append(bytes[index])
                index += 1
                continue
            }
            var end = index + 1
            while end < bytes.count, isLetter(bytes[end]) || isDigit(bytes[end]) { end += 1 }
            guard end < bytes.count, bytes[end] == UInt8(ascii: ";") else {
                decoded.append(bytes[index])
                index += 1
                continue
            }
            let name = Array(bytes[(index + 1)..<end])
            guard let scalar = (MatchText.entities[name] ?? urlPunctuation[name]).flatMap(Unicode.Scalar.init) else {
                return (value, String(decoding: name, as: UTF8.self))
            }
            decoded += Array(String(Character(scalar)).utf8)
            index = end + 1
        }
        return (String(decoding: decoded, as: UTF8.self), nil)
    }

    /// HTML5's names for the ASCII a URL gives a meaning to, beside `MatchText.entities`.
    static let urlPunctuation: [[UInt8]: UInt32] = {
        let table: [String: UInt32] = [
            "bsol": 0x5C, "quest": 0x3F, "num": 0x23, "percnt": 0x25, "commat": 0x40, "excl": 0x21, "dollar": 0x24,
            "semi": 0x3B, "equals": 0x3D, "plus": 0x2B, "ast": 0x2A, "midast": 0x2A, "lowbar": 0x5F, "UnderBar": 0x5F,
            "lsqb": 0x5B, "rsqb": 0x5D, "lbrack": 0x5B, "rbrack": 0x5D, "lcub": 0x7B, "rcub": 0x7D, "lbrace": 0x7B,
            "rbrace": 0x7D, "Hat": 0x5E, "grave": 0x60, "DiacriticalGrave": 0x60, "verbar": 0x7C, "vert": 0x7C,
            "VerticalLine": 0x7C, "AMP": 0x26, "LT": 0x3C, "GT": 0x3E, "QUOT": 0x22,
        ]
        return Dictionary(uniqueKeysWithValues: table.map { (Array($0.key.utf8), $0.value) })
    }()

    /// The URLs of a `srcset` (or `imagesrcset`): candidates separated by commas, each a URL
    /// and optional descriptors (`a.png 2x, b.png 640w`).
    static func sourceSet(_ value: String) -> [String] {
        let bytes = Array(value.utf8)
        var urls: [String] = []
        var index = 0
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }
        while index < bytes.count {
            while index < bytes.count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: ",") { index += 1 }
            guard index < bytes.count else { break }
            let start = index
            while index < bytes.count, !isSpace(bytes[index]) { index += 1 }
            var end = index
            var trailingComma = false
            while end > start, bytes[end - 1] == UInt8(ascii: ",") {
                end -= 1
                trailingComma = true
            }
            if end > start { urls.append(String(decoding: bytes[start..<end], as: UTF8.self)) }
            if trailingComma { continue }
            // Descriptors up to the next comma outside parentheses.
            var depth = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "(") { depth += 1 } else if byte == UInt8(ascii: ")") { depth = max(0, depth - 1) }
                else if byte == UInt8(ascii: ","), depth == 0 { break }
                index += 1
            }
        }
        return urls
    }

    /// The URLs of a `ping` attribute, separated by white space.
    static func spaceSeparated(_ value: String) -> [String] {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" })
            .map(String.init)
    }

    /// The URL a `<meta http-equiv=refresh content=…>` goes to (`5; url=next.html`,
    /// `0;'next.html'`), or nil when it only reloads the page.
    static func refreshTarget(_ content: String) -> String? {
        // As browsers read it: a delay, then `;`, `,` or white space (`0 url=x` goes too).
        var rest = Substring(content).drop { $0.isWhitespace }
        rest = rest.drop { $0.isNumber || $0 == "." }
        guard let separator = rest.first, separator == ";" || separator == "," || separator.isWhitespace else { return nil }
        rest = rest.drop { $0.isWhitespace }
        if rest.first == ";" || rest.first == "," { rest = rest.dropFirst() }
        rest = rest.drop { $0.isWhitespace }
        if rest.prefix(3).lowercased() == "url" {
            let afterWord = rest.dropFirst(3).drop { $0.isWhitespace }
            if afterWord.first == "=" { rest = afterWord.dropFirst().drop { $0.isWhitespace } }
        }
        if let quote = rest.first, quote == "'" || quote == "\"" {
            rest = rest.dropFirst()
            if let close = rest.firstIndex(of: quote) { rest = rest[..<close] }
        }
        let target = String(rest)
        return target.isEmpty ? nil : target
    }

    /// The value of the pseudo-attribute `name` in a processing instruction's data
    /// (`type="text/xsl" href="feed.xsl"`).
    static func pseudoAttribute(_ name: String, in data: String) -> String? {
        var rest = Substring(data)
        while let range = rest.range(of: name) {
            let before = rest[..<range.lowerBound].last
            var after = rest[range.upperBound...].drop { $0.isWhitespace }
            rest = rest[range.upperBound...]
            guard before == nil || before!.isWhitespace, after.first == "=" else { continue }
            after = after.dropFirst().drop { $0.isWhitespace }
            guard let quote = after.first, quote == "'" || quote == "\"" else { continue }
            let value = after.dropFirst()
            return String(value.prefix { $0 != quote })
        }
        return nil
    }
}
