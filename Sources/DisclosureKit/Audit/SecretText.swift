import Foundation

/// The strings of a non-public record that must never appear in the output: its title,
/// index number, document number, page path, slug, summary and withheld reason; its body
/// goes in as `plainText(of:)`, the way a reader sees it.
public enum SecretText {
    public static func strings(of record: Record) -> [String] {
        var strings = [record.title, record.indexNumber, SiteRules.pagePath(record.file, slug: record.slug), record.slug]
        if case .policy(let policy) = record.details { strings.append(policy.documentNumber) }
        if let summary = record.summary { strings.append(summary) }
        if let reason = record.withheldReason { strings.append(reason) }
        return strings
    }

    /// What can be known of a record that did not decode: its title, index number, page.
    public static func strings(of identity: RecordIdentity) -> [String] {
        var strings: [String] = []
        if let title = identity.title { strings.append(title) }
        if let index = identity.indexNumber { strings.append(index.value) }
        if let slug = identity.slug {
            strings.append(SiteRules.pagePath(identity.file, slug: slug.value))
            strings.append(slug.value)
        }
        return strings
    }

    /// A Markdown body as a reader sees it: markup, link targets and list markers removed,
    /// every run of white space one space. Page text read back from HTML is normalised the
    /// same way (`collapsingWhitespace`), so the two compare window by window. Works on
    /// UTF-8 bytes: every markup character is ASCII, and ASCII bytes never occur inside a
    /// multi-byte character.
    public static func plainText(of markdown: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(markdown.utf8.count)
        var pendingSpace = false
        func emit(_ byte: UInt8) {
            if pendingSpace, !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            out.append(byte)
        }
        var text = markdown
        text.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                // Start of a line: indentation, block quotes, list markers.
                while i < n, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x3E { i += 1 }
                if i + 1 < n, bytes[i] == 0x2D || bytes[i] == 0x2B || bytes[i] == 0x2A, bytes[i + 1] == 0x20 {
                    i += 2
                } else {
                    var j = i
                    while j < n, bytes[j] >= 0x30, bytes[j] <= 0x39 { j += 1 }
                    if j > i, j + 1 < n, bytes[j] == 0x2E || bytes[j] == 0x29, bytes[j + 1] == 0x20 { i = j + 2 }
                }
                pendingSpace = true
                var previous: UInt8 = 0x20
                while i < n, bytes[i] != 0x0A {
                    let byte = bytes[i]
                    i += 1
                    if byte == 0x28, previous == 0x5D {  // "](": skip the link target
                        while i < n, bytes[i] != 0x29, bytes[i] != 0x0A { i += 1 }
                        if i < n, bytes[i] == 0x29 { i += 1 }
                        previous = 0x29
                        continue
                    }
                    previous = byte
                    switch byte {
                    case 0x2A, 0x5F, 0x23, 0x60, 0x7E, 0x5B, 0x5D, 0x3E, 0x3C, 0x5E, 0x5C:  // * _ # ` ~ [ ] > < ^ \
                        continue
                    case 0x7C, 0x20, 0x09, 0x0D, 0x0B, 0x0C:  // | and white space
                        pendingSpace = true
                    default:
                        emit(byte)
                    }
                }
                i += 1
            }
        }
        return collapsingWhitespace(String(decoding: out, as: UTF8.self))
    }

    /// Every run of white space (ASCII, U+00A0, U+3000) as one space, ends trimmed.
    public static func collapsingWhitespace(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let byte = bytes[i]
                var width = 0
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { width = 1 }
                else if byte == 0xC2, i + 1 < n, bytes[i + 1] == 0xA0 { width = 2 }
                else if byte == 0xE3, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 { width = 3 }
                if width > 0 {
                    pendingSpace = true
                    i += width
                    continue
                }
                if pendingSpace, !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
