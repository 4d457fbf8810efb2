/// A 索引号 read as `CODE/YYYY-NNNNN`: the publisher's code, the year and the sequence
/// number. The form the registry's checks and `disclose new --publisher` work with.
public struct IndexNumberParts: Sendable, Hashable {
    public var code: String
    public var year: Int
    public var sequence: Int
    /// Digits of the written sequence number (`00012` has five): the next number is
    /// written as wide.
    public var sequenceWidth: Int

    /// Nil unless `text` is a code, `/`, four digits, `-` and one to nine digits.
    public init?(_ text: String) {
        guard let slash = text.utf8.lastIndex(of: UInt8(ascii: "/")) else { return nil }
        let code = String(text[..<slash])
        let rest = Array(text.utf8[text.utf8.index(after: slash)...])
        guard !code.isEmpty, rest.count >= 6, rest.count <= 14, rest[4] == UInt8(ascii: "-") else { return nil }
        func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
            guard !bytes.isEmpty, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        guard let year = digits(rest[0..<4]), let sequence = digits(rest[5...]) else { return nil }
        self.code = code
        self.year = year
        self.sequence = sequence
        self.sequenceWidth = rest.count - 5
    }

    /// Only the code: what comes before the last `/`, or nil without one.
    public static func code(of text: String) -> String? {
        text.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(text[..<$0]) }
    }

    /// `CODE/YYYY-NNNNN`, the sequence zero-padded to `width` digits.
    public static func format(code: String, year: Int, sequence: Int, width: Int = 5) -> String {
        let number = String(sequence)
        let padded = String(repeating: "0", count: max(0, width - number.count)) + number
        return "\(code)/\(YearArchivePaths.digits(year))-\(padded)"
    }
}
