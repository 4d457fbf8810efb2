/// JSON written straight into bytes: the catalog's JSON is remade by every build that
/// changes a record, and building it from interpolated strings and joined arrays was a
/// tenth of a one-record rebuild. Objects are written `{"key": value, ...}`, the layout
/// `catalog.json` has always had.
struct JSONBytes {
    var bytes: [UInt8] = []
    /// For each open object, whether it has no member yet.
    private var empty: [Bool] = []

    mutating func raw(_ text: String) { bytes += text.utf8 }

    mutating func openObject() {
        bytes.append(0x7B)
        empty.append(true)
    }

    mutating func closeObject() {
        bytes.append(0x7D)
        empty.removeLast()
    }

    /// A member's key, after a comma unless it is the object's first.
    mutating func key(_ key: String) {
        if empty[empty.count - 1] { empty[empty.count - 1] = false } else { bytes += [0x2C, 0x20] }
        appendJSONString(key, to: &bytes)
        bytes += [0x3A, 0x20]
    }

    mutating func string(_ key: String, _ value: String) {
        self.key(key)
        appendJSONString(value, to: &bytes)
    }

    /// `null` for nil.
    mutating func string(_ key: String, _ value: String?) {
        self.key(key)
        if let value { appendJSONString(value, to: &bytes) } else { raw("null") }
    }

    /// A number, or an amount as written in the front matter.
    mutating func number(_ key: String, _ text: String) {
        self.key(key)
        raw(text)
    }

    mutating func number(_ key: String, _ value: Int) { number(key, String(value)) }
}

/// Appends the JSON string literal of `text` (what `jsonString` returns) to `out`. Runs
/// of bytes that need no escape are copied whole: a catalog is megabytes of them.
func appendJSONString(_ text: String, to out: inout [UInt8]) {
    out.append(0x22)
    var text = text
    text.withUTF8 { bytes in
        var index = 0
        var runStart = 0
        while index < bytes.count {
            let byte = bytes[index]
            // Everything but controls, `"`, `\` and the first byte of U+2028/U+2029 is copied as it is.
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 else {
                index += 1
                continue
            }
            let escape: [UInt8]?
            var width = 1
            switch byte {
            case 0x22: escape = [0x5C, 0x22]
            case 0x5C: escape = [0x5C, 0x5C]
            case 0x0A: escape = [0x5C, 0x6E]
            case 0x0D: escape = [0x5C, 0x72]
            case 0x09: escape = [0x5C, 0x74]
            case 0x00..<0x20: escape = [0x5C, 0x75, 0x30, 0x30, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] & 0xFE == 0xA8:
                // U+2028, U+2029: escaped for JavaScript's sake.
                escape = Array((bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                width = 3
            default: escape = nil
            }
            guard let escape else {
                index += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            out.append(contentsOf: escape)
            index += width
            runStart = index
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }
    out.append(0x22)
}

/// Lower-case hexadecimal digits, by value.
private let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
