/// What `base_url` (and `--base-url`) may be: an absolute http(s) URL to a folder,
/// written `scheme://host[:port][/path]`. The value is printed before every page's path
/// in the `Url` meta tag and the sitemap, so anything that would make those addresses
/// wrong or unsafe to print is refused: a user name or password, a query, a fragment,
/// white space or a control character. Read from the text rather than through
/// Foundation's URL, so that a Chinese host (明湖区.政务.cn) stays a host.
public enum BaseURLCheck {
    /// Why `text` cannot be a base URL, or nil when it can.
    public static func problemPhrase(_ text: String) -> Phrase? {
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            rest = text.dropFirst("https://".count)
        } else if lower.hasPrefix("http://") {
            rest = text.dropFirst("http://".count)
        } else {
            return Phrase("必须是 http(s) 绝对网址", en: "it must be an absolute http(s) URL")
        }
        if let odd = text.unicodeScalars.first(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }) {
            let space = odd.properties.isWhitespace && odd.value == 0x20
            return Phrase("含有\(space ? "空格" : "字符 U+\(hex(odd))")",
                          en: "it holds \(space ? "a space" : "the character U+\(hex(odd))")")
        }
        if text.contains("?") { return Phrase("含有查询部分（'?'）", en: "it holds a query ('?')") }
        if text.contains("#") { return Phrase("含有片段部分（'#'）", en: "it holds a fragment ('#')") }
        let authority = rest.prefix { $0 != "/" }
        if authority.contains("@") { return Phrase("含有用户名或密码（'@'）", en: "it holds a user name or password ('@')") }
        var host = authority
        if let colon = authority.lastIndex(of: ":"), !authority.hasPrefix("[") || authority[..<colon].hasSuffix("]") {
            let port = authority[authority.index(after: colon)...]
            guard !port.isEmpty, port.count <= 5, port.allSatisfy({ $0.isASCII && $0.isNumber }), Int(port)! <= 65535 else {
                return Phrase("其端口 '\(port)' 不是 0 至 65535 之间的数字", en: "its port '\(port)' is not a number from 0 to 65535")
            }
            host = authority[..<colon]
        }
        if host.isEmpty { return Phrase("没有主机名", en: "it has no host") }
        if host.contains(where: { "\\<>\"'`{}|^%".contains($0) }) { return Phrase("其主机名 '\(host)' 不是有效的主机名", en: "its host '\(host)' is not a host name") }
        return nil
    }

    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
