/// Checks that bytes are one well-formed JSON value (RFC 8259), without building it:
/// the catalog's JSON is 60 MB at 100,000 records, and Foundation's parser turned it into
/// several hundred megabytes of objects only to say yes.
enum JSONSyntax {
    /// True when `bytes` hold exactly one JSON value, with white space around it allowed.
    static func isWellFormed(_ bytes: [UInt8]) -> Bool {
        var reader = Reader(bytes: bytes)
        reader.skipSpace()
        guard reader.value(depth: 0) else { return false }
        reader.skipSpace()
        return reader.index == bytes.count
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0
        static let maximumDepth = 512

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSpace() {
            while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
        }

        mutating func expect(_ byte: UInt8) -> Bool {
            guard current == byte else { return false }
            index += 1
            return true
        }

        mutating func literal(_ text: String) -> Bool {
            for byte in text.utf8 where !expect(byte) { return false }
            return true
        }

        mutating func value(depth: Int) -> Bool {
            guard depth < Self.maximumDepth, let byte = current else { return false }
            switch byte {
            case UInt8(ascii: "{"): return container(close: UInt8(ascii: "}"), keyed: true, depth: depth)
            case UInt8(ascii: "["): return container(close: UInt8(ascii: "]"), keyed: false, depth: depth)
            case UInt8(ascii: "\""): return string()
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            default: return number()
            }
        }

        mutating func container(close: UInt8, keyed: Bool, depth: Int) -> Bool {
            index += 1
            skipSpace()
            if expect(close) { return true }
            while true {
                if keyed {
                    guard string() else { return false }
                    skipSpace()
                    guard expect(UInt8(ascii: ":")) else { return false }
                    skipSpace()
                }
                guard value(depth: depth + 1) else { return false }
                skipSpace()
                if expect(close) { return true }
                guard expect(UInt8(ascii: ",")) else { return false }
                skipSpace()
            }
        }

        mutating func string() -> Bool {
            guard expect(UInt8(ascii: "\"")) else { return false }
            while let byte = current {
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return true
                case UInt8(ascii: "\\"):
                    guard let escaped = current else { return false }
                    index += 1
                    if escaped == UInt8(ascii: "u") {
                        for _ in 0..<4 {
                            guard let digit = current, digit.isHexDigit else { return false }
                            index += 1
                        }
                    } else if !"\"\\/bfnrt".utf8.contains(escaped) {
                        return false
                    }
                case 0x00..<0x20:
                    return false
                default:
                    continue  // UTF-8 validity is the file's, checked as text elsewhere
                }
            }
            return false
        }

        mutating func number() -> Bool {
            _ = expect(UInt8(ascii: "-"))
            guard let first = current, first.isDigit else { return false }
            index += 1
            if first != UInt8(ascii: "0") { digits() }
            if expect(UInt8(ascii: ".")) {
                guard current?.isDigit == true else { return false }
                digits()
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                index += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
                guard current?.isDigit == true else { return false }
                digits()
            }
            return true
        }

        mutating func digits() {
            while current?.isDigit == true { index += 1 }
        }
    }
}

private extension UInt8 {
    var isDigit: Bool { self >= 0x30 && self <= 0x39 }
    var isHexDigit: Bool { isDigit || (self | 0x20 >= 0x61 && self | 0x20 <= 0x66) }
}
