/// The URLs a piece of CSS makes the browser fetch: `url(…)` and `src(…)` (quoted or not),
/// the strings of `image-set(…)` and `image(…)`, and `@import "…"`. Read with CSS's own tokenising, so
/// escapes (`\75 rl(`, `https\3a //`), comments (`@import/**/"x"`) and letter case hide
/// nothing. `@namespace` names a namespace and fetches nothing: its URL is not one.
enum CSSReferences {
    struct Found: Equatable {
        var value: String
        /// The line in the CSS, from 1.
        var line: Int
    }

    /// True when `css` may hold a reference: every form needs `(`, `@` or an escape.
    static func mayHoldReference(_ css: some Sequence<UInt8>) -> Bool {
        css.contains { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: "\\") }
    }

    static func urls(in css: String) -> [Found] {
        urls(in: Array(css.utf8))
    }

    static func urls(in css: [UInt8]) -> [Found] {
        guard mayHoldReference(css) else { return [] }
        var scanner = Scanner(bytes: css)
        return scanner.run()
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        var found: [Found] = []
        /// Open functions and parentheses, innermost last (function names lower-cased, "(" for a bare one).
        var open: [String] = []
        /// The at-rule whose prelude is being read (`import`, `namespace`), until `;` or `{`.
        var atRule: String?

        init(bytes: [UInt8]) { self.bytes = bytes }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }
        func peek(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }

        mutating func run() -> [Found] {
            while let byte = current {
                switch byte {
                case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
                    skipComment()
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    let startLine = line
                    let text = string()
                    stringToken(text, line: startLine)
                case UInt8(ascii: "@"):
                    index += 1
                    if startsName() { atRule = name().lowercased() }
                case UInt8(ascii: "("):
                    index += 1
                    open.append("(")
                case UInt8(ascii: ")"):
                    index += 1
                    _ = open.popLast()
                case UInt8(ascii: ";"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                    index += 1
                    atRule = nil
                    open.removeAll()
                default:
                    if startsName() {
                        let word = name()
                        if current == UInt8(ascii: "(") {
                            index += 1
                            function(word.lowercased())
                        }
                    } else {
                        if byte == 0x0A { line += 1 }
                        index += 1
                    }
                }
            }
            return found
        }

        mutating func record(_ value: String, line: Int) {
            if atRule != "namespace" { found.append(Found(value: value, line: line)) }
        }

        /// A string token: a URL when it is the argument of `url(`/`src(`, an entry of
        /// `image-set(`, or what `@import` imports.
        mutating func stringToken(_ text: String, line: Int) {
            if let innermost = open.last {
                if innermost == "url" || innermost == "src" || innermost == "image" || innermost.hasSuffix("image-set") {
                    record(text, line: line)
                }
            } else if atRule == "import" {
                record(text, line: line)
            }
        }

        mutating func function(_ name: String) {
            guard name == "url" || name == "src" else {
                open.append(name)
                return
            }
            // `url(` with an unquoted argument is one token up to `)`; quoted, it is a function.
            var lookahead = index
            while lookahead < bytes.count, Self.isSpace(bytes[lookahead]) { lookahead += 1 }
            if lookahead < bytes.count, bytes[lookahead] == UInt8(ascii: "\"") || bytes[lookahead] == UInt8(ascii: "'") {
                open.append(name)
                return
            }
            let startLine = line
            var value: [UInt8] = []
            while let byte = current, byte != UInt8(ascii: ")") {
                if byte == UInt8(ascii: "\\"), let next = self.peek(1), next != 0x0A {
                    index += 1
                    value += escape()
                    continue
                }
                if byte == 0x0A { line += 1 }
                value.append(byte)
                index += 1
            }
            index += 1  // the `)`, or past the end
            let text = String(decoding: value, as: UTF8.self).trimmingASCIISpace()
            if !text.isEmpty { record(text, line: startLine) }
        }

        mutating func skipComment() {
            index += 2
            while let byte = current {
                if byte == UInt8(ascii: "*"), self.peek(1) == UInt8(ascii: "/") {
                    index += 2
                    return
                }
                if byte == 0x0A { line += 1 }
                index += 1
            }
        }

        /// A quoted string, escapes resolved; an unescaped newline ends it (a bad string).
        mutating func string() -> String {
            let quote = bytes[index]
            index += 1
            var value: [UInt8] = []
            while let byte = current {
                if byte == quote {
                    index += 1
                    break
                }
                if byte == 0x0A { break }
                if byte == UInt8(ascii: "\\") {
                    index += 1
                    guard let next = current else { break }
                    if next == 0x0A {
                        line += 1
                        index += 1
                        continue
                    }
                    value += escape()
                    continue
                }
                value.append(byte)
                index += 1
            }
            return String(decoding: value, as: UTF8.self)
        }

        /// True when an identifier starts here (a letter, `_`, `-`, non-ASCII, or an escape).
        func startsName() -> Bool {
            guard let byte = current else { return false }
            if byte == UInt8(ascii: "\\") { return peek(1).map { $0 != 0x0A } ?? false }
            return Self.isNameByte(byte)
        }

        mutating func name() -> String {
            var value: [UInt8] = []
            while let byte = current {
                if byte == UInt8(ascii: "\\"), let next = self.peek(1), next != 0x0A {
                    index += 1
                    value += escape()
                } else if Self.isNameByte(byte) {
                    value.append(byte)
                    index += 1
                } else {
                    break
                }
            }
            return String(decoding: value, as: UTF8.self)
        }

        /// The character an escape stands for (`index` just past the backslash): up to six
        /// hex digits and one white space after them, or the character itself.
        mutating func escape() -> [UInt8] {
            var scalar: UInt32 = 0
            var digits = 0
            while digits < 6, let byte = current, let value = Self.hexValue(byte) {
                scalar = scalar * 16 + value
                digits += 1
                index += 1
            }
            if digits == 0 {
                guard let byte = current else { return [] }
                index += 1
                return [byte]
            }
            if let byte = current, Self.isSpace(byte) {
                if byte == 0x0A { line += 1 }
                index += 1
            }
            // A newline written as an escape is a tab here: browsers drop both from URLs.
            if scalar == 0x0A || scalar == 0x0D || scalar == 0x0C { scalar = 0x09 }
            let character = Unicode.Scalar(scalar).flatMap { scalar == 0 ? nil : $0 } ?? "\u{FFFD}"
            return Array(String(Character(character)).utf8)
        }

        static func isNameByte(_ byte: UInt8) -> Bool {
            (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || (byte >= 0x30 && byte <= 0x39)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte >= 0x80
        }

        static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
        }

        static func hexValue(_ byte: UInt8) -> UInt32? {
            switch byte {
            case 0x30...0x39: return UInt32(byte - 0x30)
            case 0x41...0x46: return UInt32(byte - 0x41 + 10)
            case 0x61...0x66: return UInt32(byte - 0x61 + 10)
            default: return nil
            }
        }
    }
}

private extension String {
    func trimmingASCIISpace() -> String {
        let bytes = Array(utf8)
        var start = 0, end = bytes.count
        while start < end, bytes[start] <= 0x20 { start += 1 }
        while end > start, bytes[end - 1] <= 0x20 { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
