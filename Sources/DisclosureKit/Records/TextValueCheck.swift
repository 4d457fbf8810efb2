/// What a text value of a record or page may not hold besides control characters
/// (`FieldReader.scalarText`): line breaks and tabs in a one-line value, and invisible
/// format characters anywhere.
extension FieldReader {
    /// The keys whose values are identities or catalog facets: an invisible character in
    /// one makes a second publisher, topic or number that looks like the first.
    static let identityKeys: Set<String> = ["publisher", "topic", "index_number", "document_number"]

    /// Reports `text` (trimmed) at `location`; false when it is refused (an error).
    mutating func checkText(_ text: String, path: String, at location: SourceLocation, multiLine: Bool) -> Bool {
        // Every character of interest is a tab, a line feed or starts with byte E2 or EF.
        guard text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0xE2 || $0 == 0xEF }) else { return true }
        if !multiLine, let (offset, scalar) = text.unicodeScalars.enumerated().first(where: { $0.element == "\t" || $0.element == "\n" || $0.element == "\u{2028}" || $0.element == "\u{2029}" }) {
            let what = scalar == "\t" ? "a tab" : "a line break"
            let whatZh = scalar == "\t" ? "制表符" : "换行"
            report(control, location, field: path,
                   Phrase("\(labels.quotedZh(path)) 含有\(whatZh)（U+\(Self.hex(scalar))，值的第 \(offset + 1) 个字符）；它是单行文字：请把各行连起来",
                          en: "\(labels.quoted(path)) holds \(what) (U+\(Self.hex(scalar)), character \(offset + 1) of its value); it is one line of text: join the lines"))
            return false
        }
        guard let invisible, let (offset, scalar) = text.unicodeScalars.enumerated().first(where: { Self.isInvisibleFormat($0.element) }) else {
            return true
        }
        let key = path.split(separator: ".").last.map(String.init) ?? path
        let name = scalar.properties.name.map { " (\($0))" } ?? ""
        let nameZh = scalar.properties.name.map { "（\($0)）" } ?? ""
        if Self.identityKeys.contains(key) {
            report(invisible.identity, location, field: path,
                   Phrase("\(labels.quotedZh(path)) 的值在第 \(offset + 1) 个字符处含有不可见字符 U+\(Self.hex(scalar))\(nameZh)；它会造成另一个看起来相同的 \(labels.quotedZh(path))：请删除", en: "\(labels.quoted(path)) holds the invisible character U+\(Self.hex(scalar))\(name) at character \(offset + 1) of its value; it would make a second \(labels.quoted(path)) that looks the same: remove it"))
            return false
        }
        report(invisible.warning, location, field: path,
               Phrase("\(labels.quotedZh(path)) 的值在第 \(offset + 1) 个字符处含有不可见字符 U+\(Self.hex(scalar))\(nameZh)；请删除", en: "\(labels.quoted(path)) holds the invisible character U+\(Self.hex(scalar))\(name) at character \(offset + 1) of its value; remove it"))
        return true
    }

    /// Zero-width spaces and joiners, direction marks and overrides, line and paragraph
    /// separators, the invisible operators and the byte order mark.
    static func isInvisibleFormat(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B...0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2060...0x2064, 0xFEFF: true
        default: false
        }
    }

    static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
