/// Where a section's year archives go: `policies/year-2024.html`, then
/// `policies/year-2024-page-2.html`, ... at the section's top. Not `policies/2024/`: record
/// pages and attachments live in folders named after years (`policies/2024/x.html`),
/// and an archive there could meet a record named `index`. Every `year-` + four digits
/// (+ `-page-` + digits) at a section's top is reserved whether or not the site has that
/// year yet (`slug.reserved`, `output.clash`): one more record adds a year.
public enum YearArchivePaths {
    public static func path(_ type: RecordType, year: Int, page: Int) -> String {
        let stem = "\(type.folder)/year-\(digits(year))"
        return page == 1 ? stem + ".html" : stem + "-page-\(page).html"
    }

    /// A year in exactly four digits (dates allow 0001-9999), so that every archive's
    /// name is one `isArchiveStem` reserves: year 999 is `year-0999`, never `year-999`.
    public static func digits(_ year: Int) -> String {
        let text = String(year)
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }

    /// True for `year-NNNN` or `year-NNNN-page-N` (a page's stem, without `.html`).
    public static func isArchiveStem<S: StringProtocol>(_ stem: S) -> Bool {
        let bytes = Array(stem.utf8)
        let prefix = Array("year-".utf8)
        guard bytes.count >= 9, Array(bytes[0..<5]) == prefix, bytes[5..<9].allSatisfy(isDigit) else { return false }
        let rest = bytes[9...]
        if rest.isEmpty { return true }
        let page = Array("-page-".utf8)
        guard rest.count > page.count, Array(rest.prefix(page.count)) == page else { return false }
        return rest.dropFirst(page.count).allSatisfy(isDigit)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
