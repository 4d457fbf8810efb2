/// A site-relative path as a generated `href` or `src` carries it. File and folder names
/// under `content/` are the author's (`a b.pdf`, `a%20b.pdf`, `x#1.pdf`, `?.pdf`), and a
/// browser reads `%XX`, `#` and `?` in a URL as escapes, a fragment and a query: every
/// byte outside a path segment's safe characters is percent-encoded, each segment on its
/// own (`/` stays the separator). Letters beyond ASCII are left as they are, as browsers
/// accept them, from file:// too. The audit decodes a link once (`removingPercentEncoding`)
/// to find the file it names, so for every path `p`, `encoded(p)` decodes to `p`.
public enum URLPath {
    public static func encoded(_ path: String) -> String {
        guard path.utf8.contains(where: needsEncoding) else { return path }
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count + 16)
        for byte in path.utf8 {
            if needsEncoding(byte) {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Control characters, space, and the ASCII a URL gives a meaning to or a browser
    /// rewrites: `"` `#` `%` `:` (a scheme, in a first segment) `<` `>` `?` `[` `\` `]`
    /// `^` `` ` `` `{` `|` `}`.
    static func needsEncoding(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x00...0x20, 0x7F: true
        case UInt8(ascii: "\""), UInt8(ascii: "#"), UInt8(ascii: "%"), UInt8(ascii: ":"), UInt8(ascii: "<"),
             UInt8(ascii: ">"), UInt8(ascii: "?"), UInt8(ascii: "["), UInt8(ascii: "\\"), UInt8(ascii: "]"),
             UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"): true
        default: false
        }
    }
}
