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

/// Appends the JSON string literal of `text` (what `jsonString` returns) to `out`.
func appendJSONString(_ text: String, to out: inout [UInt8]) {
    out.append(0x22)
    var text = text
    text.withUTF8 { bytes in
        let hex = Array("0123456789abcdef".utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0x00..<0x20: out += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] & 0xFE == 0xA8:
                // U+2028, U+2029: escaped for JavaScript's sake.
                out += Array((bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                index += 2
            default: out.append(byte)
            }
            index += 1
        }
    }
    out.append(0x22)
}
