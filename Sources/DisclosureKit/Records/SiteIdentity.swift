import Foundation

/// Who runs the site and how to reach them: the lines of the footer every Chinese
/// government page carries (`footer:` in `site.yaml`), and the site's 网站标识码
/// (`site_id_code`), which the footer and the head's `SiteIDCode` tag both show.
/// Every value is optional; an absent one leaves its line out.
public struct SiteFooter: Sendable, Equatable {
    /// 主办单位; when absent the footer names `publisher` (or the site title) instead.
    public var sponsor: String?
    /// 承办单位.
    public var operatorName: String?
    /// 联系电话.
    public var telephone: String?
    /// 联系地址.
    public var address: String?
    /// 电子邮箱.
    public var email: String?
    /// ICP备案号 (京ICP备12345678号).
    public var icpNumber: String?
    /// 公安机关备案号 (京公网安备11010502000001号).
    public var policeNumber: String?

    public init() {}

    /// The keys of the `footer:` mapping, in the order the footer shows them.
    static let keys = ["sponsor", "operator", "telephone", "address", "email", "icp", "police"]
}

/// A setting every page prints (`title`, `publisher`, `site_id_code`, the footer's lines),
/// with where it is written: a leak through it is reported there too.
public struct PrintedSetting: Sendable {
    public var key: String
    public var value: String
    public var location: SourceLocation
}

/// Reads `site_id_code` and `footer:`, and warns about values whose shape no real one
/// has (`site.identity`): they are printed on every page, where a typo stays for years.
enum SiteIdentityDecoder {
    static func siteIDCode(_ reader: inout FieldReader, _ top: FieldMapping) -> Located<String>? {
        guard let code = reader.string(top, "site_id_code", required: false) else { return nil }
        if !isSiteIDCode(code.value) {
            reader.report(.siteIdentity, code.location, field: "site_id_code",
                          Phrase("'site_id_code'（网站标识码）为十个字符：六位行政区划代码加四位数字（如 4501070001），国务院部门为 'bm' 加八位数字；'\(code.value)' 不符合", en: "'site_id_code' (网站标识码) is ten characters: the six-digit administrative division code and four digits (such as 4501070001), or 'bm' and eight digits for a department of the State Council; '\(code.value)' is not"))
        }
        return code
    }

    /// The footer, and each of its values with where it is written.
    static func footer(_ reader: inout FieldReader, _ top: FieldMapping) -> (SiteFooter, [PrintedSetting]) {
        var footer = SiteFooter()
        guard let map = reader.mapping(top, "footer", required: false) else { return (footer, []) }
        reader.checkUnknownKeys(map, known: SiteFooter.keys)
        var printed: [PrintedSetting] = []
        func read(_ key: String) -> Located<String>? {
            let value = reader.string(map, key, required: false)
            if let value { printed.append(PrintedSetting(key: map.path(key), value: value.value, location: value.location)) }
            return value
        }
        footer.sponsor = read("sponsor")?.value
        footer.operatorName = read("operator")?.value
        footer.telephone = read("telephone")?.value
        footer.address = read("address")?.value
        if let email = read("email") {
            footer.email = email.value
            if !isEmail(email.value) {
                reader.report(.siteIdentity, email.location, field: map.path("email"),
                              Phrase("'footer.email' 应是一个电子邮箱地址，如 xxgk@example.gov.cn，不能是 '\(email.value)'", en: "'footer.email' should be one e-mail address such as xxgk@example.gov.cn, not '\(email.value)'"))
            }
        }
        if let icp = read("icp") {
            footer.icpNumber = icp.value
            if !isICPNumber(icp.value) {
                reader.report(.siteIdentity, icp.location, field: map.path("icp"),
                              Phrase("'footer.icp'（ICP备案号）的写法如 桂ICP备12345678号（省份简称一字、ICP备、编号、号，备案下的网站可加 -1 等序号）；'\(icp.value)' 不符合", en: "'footer.icp' (ICP备案号) reads like 桂ICP备12345678号 (the province's one-character abbreviation, ICP备, the number, 号, and perhaps -1 for a site of the filing); '\(icp.value)' does not"))
            }
        }
        if let police = read("police") {
            footer.policeNumber = police.value
            if !isPoliceNumber(police.value) {
                reader.report(.siteIdentity, police.location, field: map.path("police"),
                              Phrase("'footer.police'（公安机关备案号）的写法如 桂公网安备 45010202000001号（简称、公网安备、十四位数字、号）；'\(police.value)' 不符合", en: "'footer.police' (公安机关备案号) reads like 桂公网安备 45010202000001号 (the abbreviation, 公网安备, fourteen digits, 号); '\(police.value)' does not"))
            }
        }
        return (footer, printed)
    }

    /// The province-level abbreviations that begin an ICP or public-security filing number.
    static let provinceAbbreviations = Set("京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀贵黔云滇藏陕秦甘陇青宁新港澳台")

    /// Ten digits (the division code and a serial), or `bm` and eight digits.
    static func isSiteIDCode(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 10 else { return false }
        let digits = scalars.allSatisfy { ("0"..."9").contains($0) }
        let department = text.hasPrefix("bm") && scalars.dropFirst(2).allSatisfy { ("0"..."9").contains($0) }
        return digits || department
    }

    /// `京ICP备12345678号`, `京ICP备12345678号-2`; four to ten digits (older filings are shorter,
    /// those since 2019 carry the year).
    static func isICPNumber(_ text: String) -> Bool {
        let characters = Array(text)
        guard let first = characters.first, provinceAbbreviations.contains(first) else { return false }
        var rest = String(characters.dropFirst())
        guard rest.hasPrefix("ICP备") else { return false }
        rest.removeFirst(4)
        let number = rest.prefix { $0.isASCII && $0.isNumber }
        guard (4...10).contains(number.count) else { return false }
        rest.removeFirst(number.count)
        guard rest.hasPrefix("号") else { return false }
        rest.removeFirst()
        if rest.isEmpty { return true }
        guard rest.hasPrefix("-") else { return false }
        let site = rest.dropFirst()
        return (1...3).contains(site.count) && site.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// `京公网安备 11010502000001号`, with or without the space.
    static func isPoliceNumber(_ text: String) -> Bool {
        let characters = Array(text)
        guard let first = characters.first, provinceAbbreviations.contains(first) else { return false }
        var rest = String(characters.dropFirst())
        guard rest.hasPrefix("公网安备") else { return false }
        rest.removeFirst(4)
        rest = String(rest.drop { $0 == " " })
        let number = rest.prefix { $0.isASCII && $0.isNumber }
        return number.count == 14 && rest.dropFirst(14) == "号"
    }

    /// One address: something, `@`, a host with a dot; no white space, no second `@`.
    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," || $0 == ";" }) else { return false }
        return true
    }
}
