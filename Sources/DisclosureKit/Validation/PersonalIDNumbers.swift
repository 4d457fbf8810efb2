import Foundation

/// Finds what reads as a citizen's ID number (公民身份号码) in a public record's text:
/// privacy of natural persons does not depend on which field, or which type, an author
/// wrote it in. A number is 18 characters (17 digits and a digit or X) or the old form of
/// 15 digits, with single spaces or hyphens allowed between its characters, not inside a
/// longer run of digits or letters, and holding a plausible birth date (which keeps
/// amounts, phone numbers and document numbers from being taken for one).
enum PersonalIDNumbers {
    static let candidate = try! NSRegularExpression(
        pattern: #"(?<![0-9A-Za-z０-９Ａ-Ｚａ-ｚ])(?:\d(?:[ \u3000-]?\d){16}[ \u3000-]?[0-9Xx０-９Ｘｘ]|\d(?:[ \u3000-]?\d){14})(?![0-9A-Za-z０-９Ａ-Ｚａ-ｚ])"#)

    /// The first ID number in `text`: its characters without separators, and its position
    /// (the character offset from the start of `text`).
    static func first(in text: String) -> (number: String, offset: Int)? {
        guard mayHoldOne(text) else { return nil }
        let whole = NSRange(text.startIndex..., in: text)
        for match in candidate.matches(in: text, range: whole) {
            guard let range = Range(match.range, in: text) else { continue }
            // Full-width digits (４５０１…) are digits too; the number is kept in ASCII.
            let number = String(text[range].compactMap { character -> Character? in
                if let digit = character.wholeNumberValue, character.isNumber { return Character(String(digit)) }
                return "XxＸｘ".contains(character) ? "X" : nil
            })
            if hasBirthDate(number) { return (number, text.distance(from: text.startIndex, to: range.lowerBound)) }
        }
        return nil
    }

    /// False when `text` cannot hold a number: no run of 15 ASCII digits, each separated
    /// from the next by at most one space, hyphen or U+3000 (the expression's separators),
    /// and no other decimal digit (`\d` matches every one: full-width `０`, Arabic-Indic
    /// `٠`, mathematical `𝟎`). Every field and body line of every public record comes here,
    /// and most hold no such run; the expression costs far more. It must stay a superset
    /// of what `candidate` matches.
    static func mayHoldOne(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { mayHoldOne($0) }
    }

    static func mayHoldOne(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var run = 0
        var afterSeparator = false
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 {
                run += 1
                afterSeparator = false
                if run >= 15 { return true }
            } else if byte >= 0xC2, !(byte >= 0xE4 && byte <= 0xE9), isDecimalDigit(bytes, at: index) {
                // (A lead byte E4–E9 starts a CJK ideograph, U+4E00–U+9FFF: never a digit.)
                return true
            } else if run > 0, !afterSeparator, byte == 0x20 || byte == 0x2D {
                afterSeparator = true
            } else if run > 0, !afterSeparator, byte == 0xE3, index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 {
                afterSeparator = true
                index += 2
            } else {
                run = 0
                afterSeparator = false
                // The continuation bytes of the character that ended the run (most of a
                // Chinese text: two of every three bytes) would each land here again.
                while index + 1 < count, bytes[index + 1] & 0xC0 == 0x80 { index += 1 }
            }
            index += 1
        }
        return false
    }

    /// True when the UTF-8 sequence at `index` is a decimal digit other than ASCII.
    private static func isDecimalDigit(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let lead = bytes[index]
        // Chinese text's own punctuation, answered without a look-up: U+3000–U+303F (、。「」)
        // holds no digit; U+FF00–U+FF3F (，：（）) only the full-width ones, FF10–FF19.
        if index + 2 < bytes.count {
            if lead == 0xE3, bytes[index + 1] == 0x80 { return false }
            if lead == 0xEF, bytes[index + 1] == 0xBC { return bytes[index + 2] >= 0x90 && bytes[index + 2] <= 0x99 }
        }
        guard let decoded = MatchText.utf8(bytes, at: index) else { return false }
        return Unicode.Scalar(decoded.scalar)?.properties.numericType == .decimal
    }

    /// The number as a message may show it: the region code's first four digits, the rest masked.
    static func masked(_ number: String) -> String {
        String(number.prefix(4)) + String(repeating: "*", count: max(0, number.count - 4))
    }

    /// Characters 7–14 (18-character form) or 7–12 (15-digit form, year 19YY) are a date.
    static func hasBirthDate(_ number: String) -> Bool {
        let digits = Array(number.utf8).map { Int($0) - 48 }
        func value(_ from: Int, _ count: Int) -> Int { digits[from..<(from + count)].reduce(0) { $0 * 10 + $1 } }
        let year, month, day: Int
        if digits.count == 18 {
            (year, month, day) = (value(6, 4), value(10, 2), value(12, 2))
            guard (1900...2099).contains(year) else { return false }
        } else if digits.count == 15 {
            (year, month, day) = (1900 + value(6, 2), value(8, 2), value(10, 2))
        } else {
            return false
        }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    /// Reports each place of a public record that holds an ID number: its title and summary,
    /// its publisher, every text of its type fields, each line of its body, each listed attachment's file
    /// name and title, and its page name. One error for each place.
    static func check(title: Located<String>?, summary: Located<String>?, publisher: Located<String>?, declaration: TypeDeclaration,
                      values: [FieldValue], top: FieldMapping, body: String, bodyFirstLine: Int,
                      attachments: [ListedAttachment], slug: Located<String>?, site: SiteConfig, _ reader: inout FieldReader) {
        checkNamed([("title", title), ("summary", summary), ("publisher", publisher), ("slug", slug)], &reader)
        let input = RuleSetInput(declaration: declaration, values: values, top: top, published: nil, site: site)
        for (field, value) in zip(declaration.fields, values) {
            var found: (number: String, offset: Int)?
            value.visitTexts(field) { text in
                if found == nil { found = first(in: text) }
            }
            if let found {
                report(found, QuotedKey.phrase(reader.labels.quoted(field.key)), input.location(field.key), field: field.key, &reader)
            }
        }
        checkBody(body, firstLine: bodyFirstLine, &reader)
        checkAttachments(attachments, &reader)
    }

    /// The same for a fixed page, public by nature and held to a record's rules for the
    /// text its author writes: its title, summary, publisher, page name, body and attachments.
    static func checkPage(title: Located<String>?, summary: Located<String>?, publisher: Located<String>?, slug: Located<String>?,
                          body: String, bodyFirstLine: Int, attachments: [ListedAttachment], _ reader: inout FieldReader) {
        checkNamed([("title", title), ("summary", summary), ("publisher", publisher), ("slug", slug)], &reader)
        checkBody(body, firstLine: bodyFirstLine, &reader)
        checkAttachments(attachments, &reader)
    }

    private static func report(_ found: (number: String, offset: Int), _ place: Phrase, _ location: SourceLocation,
                               field: String?, _ reader: inout FieldReader) {
        reader.report(.recordIDNumber, location, field: field,
                      place + Phrase("含有疑似身份证号码（\(masked(found.number))）；自然人的身份证号码一律不得公开：请删除",
                                     en: " holds what reads as an ID number (\(masked(found.number))); a natural person's ID number is never published: remove it"))
    }

    /// Keys with one text each; `slug` at the file's start is the file name.
    private static func checkNamed(_ values: [(key: String, value: Located<String>?)], _ reader: inout FieldReader) {
        for (key, value) in values {
            guard let value, let found = first(in: value.value) else { continue }
            report(found, key == "slug" && value.location == .fileStart ? Phrase("文件名", en: "the file name") : QuotedKey.phrase(Glossary.quoted(key)),
                   value.location, field: key, &reader)
        }
    }

    /// Each line of `body` (starting on line `firstLine` of its file) that holds a number.
    private static func checkBody(_ body: String, firstLine: Int, _ reader: inout FieldReader) {
        // A line is made a String and searched only when its bytes may hold a number.
        var body = body
        body.withUTF8 { bytes in
            var line = firstLine
            var start = 0
            while start <= bytes.count {
                let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
                let text = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if mayHoldOne(text), let found = first(in: String(decoding: text, as: UTF8.self)) {
                    report(found, Phrase("正文", en: "the body"), SourceLocation(line: line, column: found.offset + 1), field: nil, &reader)
                }
                line += 1
                start = end + 1
            }
        }
    }

    private static func checkAttachments(_ attachments: [ListedAttachment], _ reader: inout FieldReader) {
        for attachment in attachments {
            if let found = first(in: attachment.file) {
                report(found, Phrase("附件文件名", en: "the attachment file name"), attachment.location, field: "attachments", &reader)
            } else if let found = first(in: attachment.title) {
                report(found, Phrase("附件标题", en: "the attachment title"), attachment.location, field: "attachments", &reader)
            }
        }
    }
}
