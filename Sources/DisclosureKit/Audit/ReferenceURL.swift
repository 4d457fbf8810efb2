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

    /// `value` with HTML5's named character references decoded (`&sol;`, `&colon;`,
    /// `&Tab;`, `&ascr;`: libxml2's HTML parser knows HTML 4's names only, and leaves these
    /// as written); nil when it holds none. libxml2 has decoded `&amp;` already, so whether
    /// a `&sol;` in its value was written so (the browser reads `/`) or as `&amp;sol;` (the
    /// browser reads `&sol;`) is not known: the caller reads both.
    static func decodingNamedReferences(_ value: String) -> String? {
        let bytes = Array(value.utf8)
        guard bytes.contains(UInt8(ascii: "&")) else { return nil }
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        var decoded: [UInt8] = []
        var changed = false
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "&"), index + 1 < bytes.count, isLetter(bytes[index + 1]) else {
                decoded.append(bytes[index])
                index += 1
                continue
            }
            var end = index + 1
            while end < bytes.count, isLetter(bytes[end]) || isDigit(bytes[end]) { end += 1 }
            guard end < bytes.count, bytes[end] == UInt8(ascii: ";"),
                  let text = namedReferences[String(decoding: bytes[(index + 1)..<end], as: UTF8.self)] else {
                decoded.append(bytes[index])
                index += 1
                continue
            }
            decoded += Array(text.utf8)
            changed = true
            index = end + 1
        }
        return changed ? String(decoding: decoded, as: UTF8.self) : nil
    }

    /// HTML5's named character references, name (without `&` and `;`) → text.
    static let namedReferences: [String: String] = {
        var table: [String: String] = [:]
        for line in HTMLNamedReferenceData.text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard let name = fields.first else { continue }
            var text = String.UnicodeScalarView()
            for code in fields.dropFirst() {
                if let value = UInt32(code, radix: 16), let scalar = Unicode.Scalar(value) { text.append(scalar) }
            }
            table[String(name)] = String(text)
        }
        return table
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
