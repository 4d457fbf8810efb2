import Foundation

/// Dates written the ways Chinese offices write them — `2012/3/1`, `2012.3.1`,
/// `2012年3月1日`, `2012-3-1`, full-width digits — spelled the one way records take
/// (`2012-03-01`), for the message that refuses them.
enum DateSpelling {
    /// `YYYY-MM-DD` for `text` when it names a real day in another spelling; nil otherwise.
    static func corrected(_ text: String) -> String? {
        let halfWidth = String(text.trimmed.unicodeScalars.map { scalar -> Character in
            if (0xFF10...0xFF19).contains(scalar.value) { return Character(UnicodeScalar(scalar.value - 0xFF10 + 0x30)!) }
            return Character(scalar)
        })
        let pattern = #"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$"#
        guard let match = halfWidth.range(of: pattern, options: .regularExpression), match == halfWidth.startIndex..<halfWidth.endIndex else {
            return nil
        }
        let numbers = halfWidth.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count == 3, let date = CalendarDate(year: numbers[0], month: numbers[1], day: numbers[2]) else { return nil }
        let spelled = date.description
        return spelled == text ? nil : spelled
    }
}
