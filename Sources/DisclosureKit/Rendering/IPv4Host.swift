/// A host that is an IPv4 address, read as a browser reads it (WHATWG URL's IPv4 parser):
/// one to four parts, each decimal, octal (a leading `0`) or hexadecimal (`0x`), the last
/// filling the bytes left, so `127.1`, `0x7f.0.0.1` and `2130706433` are all `127.0.0.1`.
/// A link to a site whose `base_url` is an IP address may name it in any of these forms.
enum IPv4Host {
    /// True when a browser reads `host` (lower case, IDNA-mapped) as an IPv4 address: its
    /// last label, a trailing dot aside, is all decimal digits or a `0x` number.
    static func endsInANumber(_ host: String) -> Bool {
        // Read on the bytes: every link's host comes here, nearly all of them names.
        var end = host.utf8.endIndex
        if end > host.utf8.startIndex, host.utf8.last == UInt8(ascii: ".") { end = host.utf8.index(before: end) }
        let start = host.utf8[..<end].lastIndex(of: UInt8(ascii: ".")).map { host.utf8.index(after: $0) } ?? host.utf8.startIndex
        let last = host[start..<end]
        guard !last.isEmpty else { return false }
        if last.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) { return true }
        return number(last) != nil && (last.hasPrefix("0x") || last.hasPrefix("0X"))
    }

    /// The address in dotted decimal; nil when `host` is no valid IPv4 address (a browser
    /// then opens nothing).
    static func canonical(_ host: String) -> String? {
        var parts = host.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count > 1, parts.last?.isEmpty == true { parts.removeLast() }
        guard (1...4).contains(parts.count) else { return nil }
        var numbers: [UInt64] = []
        for part in parts {
            guard let value = number(part) else { return nil }
            numbers.append(value)
        }
        guard numbers.dropLast().allSatisfy({ $0 <= 255 }) else { return nil }
        let lastLimit = UInt64(1) << (8 * UInt64(5 - numbers.count))
        guard let last = numbers.last, last < lastLimit else { return nil }
        var address = last
        for (index, value) in numbers.dropLast().enumerated() { address += value << (8 * UInt64(3 - index)) }
        return (0..<4).map { String((address >> (8 * UInt64(3 - $0))) & 0xFF) }.joined(separator: ".")
    }

    /// One part: decimal, `0`-led octal or `0x` hexadecimal (`0x` alone is 0); nil for
    /// anything else, or above 2^32 (no address, and no overflow).
    private static func number(_ part: Substring) -> UInt64? {
        guard !part.isEmpty else { return nil }
        var digits = part.utf8[...]
        var radix: UInt64 = 10
        if digits.count >= 2, digits.first == UInt8(ascii: "0"),
           digits.dropFirst().first == UInt8(ascii: "x") || digits.dropFirst().first == UInt8(ascii: "X") {
            digits = digits.dropFirst(2)
            radix = 16
        } else if digits.count >= 2, digits.first == UInt8(ascii: "0") {
            digits = digits.dropFirst()
            radix = 8
        }
        var value: UInt64 = 0
        for byte in digits {
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(byte - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt64(byte - UInt8(ascii: "A")) + 10
            default: return nil
            }
            guard digit < radix else { return nil }
            value = value * radix + digit
            guard value <= 1 << 32 else { return nil }
        }
        return value
    }
}
