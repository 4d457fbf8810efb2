import Foundation

/// The strings of a non-public record that must never appear in the output: its title,
/// index number, page path, slug, summary, withheld reason and every text of its type
/// fields (walked through the declaration, so no field can be left out); its body goes in
/// as `plainText(of:)`, the way a reader sees it.
///
/// Two kinds: prose (title, summary, reason, text fields, body), any run of which is
/// secret; and identifiers (索引号, 文号, the page path, the slug, the file stem, dates,
/// numbers, amounts and references in declared fields), secret only whole: the index
/// numbers of one publisher and year share a 27-byte prefix, dates and amounts are
/// mostly digits that other records' share, and only the whole token names the record.
public enum SecretText {
    public static func strings(of record: Record) -> [String] {
        let (prose, identifiers) = parts(of: record)
        return prose + identifiers
    }

    /// A decoded record's prose and identifiers.
    static func parts(of record: Record) -> (prose: [String], identifiers: [String]) {
        var prose = [record.title]
        var identifiers = [record.indexNumber, SiteRules.pagePath(record.file, slug: record.slug), record.slug]
        for (field, value) in zip(record.type.declaration.fields, record.fields) {
            visit(value, field, prose: &prose, identifiers: &identifiers)
        }
        if let summary = record.summary { prose.append(summary) }
        if let reason = record.withheldReason { prose.append(reason) }
        return (prose, identifiers)
    }

    /// Words a page writes itself (an enum's label: 有效, 预算) are no record's secret;
    /// every text an author wrote is, as prose or, for a 文号 and the kinds that hold
    /// values rather than wording, as an identifier.
    private static func visit(_ value: FieldValue, _ field: FieldDeclaration,
                              prose: inout [String], identifiers: inout [String]) {
        switch value {
        case .absent, .statistics, .choice: return
        case .group(let members):
            for (member, declaration) in zip(members, field.fields) { visit(member, declaration, prose: &prose, identifiers: &identifiers) }
        case .table(let rows):
            for row in rows {
                for (member, declaration) in zip(row, field.fields) { visit(member, declaration, prose: &prose, identifiers: &identifiers) }
            }
        case .date, .number, .amount:
            value.visitTexts(field) { identifiers.append($0) }
        default:
            if field.key == "document_number" || field.kind == .reference {
                value.visitTexts(field) { identifiers.append($0) }
            } else {
                value.visitTexts(field) { prose.append($0) }
            }
        }
    }

    /// What can be known of a record that did not decode: its title, index number, page.
    public static func strings(of identity: RecordIdentity) -> [String] {
        let (prose, identifiers) = parts(of: identity)
        return prose + identifiers
    }

    static func parts(of identity: RecordIdentity) -> (prose: [String], identifiers: [String]) {
        var prose: [String] = []
        var identifiers: [String] = []
        if let title = identity.title { prose.append(title) }
        if let index = identity.indexNumber { identifiers.append(index.value) }
        if let slug = identity.slug {
            identifiers.append(SiteRules.pagePath(identity.file, slug: slug.value))
            identifiers.append(slug.value)
        }
        return (prose, identifiers)
    }

    /// The identifiers of one non-public record as `MatchText` compares them, each once,
    /// those the site declares boilerplate left out.
    static func identifierBytes(_ identity: RecordIdentity, _ record: Record?, boilerplate: [[UInt8]]) -> [[UInt8]] {
        var identifiers = (record.map(parts(of:)) ?? parts(of: identity)).identifiers
        identifiers.append(identity.file.stem)
        var seen = Set<[UInt8]>()
        return identifiers.map(MatchText.bytes).filter { !$0.isEmpty && !boilerplate.contains($0) && seen.insert($0).inserted }
    }

    /// The prose the leak search looks for of one non-public record (`record` when it
    /// decoded, else what its identity knows), as `MatchText` compares it: each string
    /// normalised, then joined by NUL bytes; the site's declared boilerplate (normalised
    /// phrases) blanked out with NUL bytes, so that no run is found through one.
    static func searchBytes(_ identity: RecordIdentity, _ record: Record?,
                            boilerplate: [[UInt8]]) throws(FileIO.Failure) -> [UInt8] {
        var strings = (record.map(parts(of:)) ?? parts(of: identity)).prose
        // The titles of its attachments: what a page would have shown of them.
        strings += identity.attachments.map(\.title)
        var parts = strings.map(MatchText.bytes)
        if let record { parts.append(MatchText.bytes(plainBytes(of: try record.bodyText()))) }
        var text = Array(parts.joined(separator: [0]))
        blank(boilerplate, in: &text)
        return text
    }

    /// Each `phrases` occurrence in `text` overwritten with NUL bytes.
    static func blank(_ phrases: [[UInt8]], in text: inout [UInt8]) {
        for phrase in phrases where !phrase.isEmpty && phrase.count <= text.count {
            let first = phrase[0]
            var start = 0
            while start + phrase.count <= text.count {
                if text[start] == first, text[start..<(start + phrase.count)].elementsEqual(phrase) {
                    for k in start..<(start + phrase.count) { text[k] = 0 }
                    start += phrase.count
                } else {
                    start += 1
                }
            }
        }
    }

    /// The site's `leak_boilerplate` phrases as the search compares them.
    static func boilerplate(_ config: SiteConfig) -> [[UInt8]] {
        config.leakBoilerplate.map(MatchText.bytes).filter { !$0.isEmpty }
    }

    /// A Markdown body as a reader sees it: markup, link targets and list markers removed,
    /// every run of white space one space. Page text read back from HTML is normalised the
    /// same way (`collapsingWhitespace`), so the two compare window by window.
    public static func plainText(of markdown: String) -> String {
        String(decoding: plainBytes(of: markdown), as: UTF8.self)
    }

    /// `plainText(of:)` as UTF-8 bytes, made in one pass. Works on the bytes: every markup
    /// character is ASCII, and ASCII bytes never occur inside a multi-byte character. Runs
    /// for every public and non-public body, so it keeps its state in locals (a nested
    /// function capturing them cost a dynamic exclusivity check per byte).
    public static func plainBytes(of markdown: String) -> [UInt8] {
        var text = markdown
        return text.withUTF8 { bytes in
            [UInt8](unsafeUninitializedCapacity: bytes.count) { out, written in
                var sink = Sink(out)
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
                    sink.pendingSpace = true
                    var previous: UInt8 = 0x20
                    while i < n, bytes[i] != 0x0A {
                        let byte = bytes[i]
                        if byte == 0x28, previous == 0x5D {  // "](": skip the link target
                            i += 1
                            while i < n, bytes[i] != 0x29, bytes[i] != 0x0A { i += 1 }
                            if i < n, bytes[i] == 0x29 { i += 1 }
                            previous = 0x29
                            continue
                        }
                        previous = byte
                        switch byte {
                        case 0x2A, 0x5F, 0x23, 0x60, 0x7E, 0x5B, 0x5D, 0x3E, 0x3C, 0x5E, 0x5C:  // * _ # ` ~ [ ] > < ^ \
                            i += 1
                        case 0x7C:  // table cell borders
                            sink.pendingSpace = true
                            i += 1
                        default:
                            let width = whiteSpaceWidth(bytes, at: i)
                            if width > 0 {
                                sink.pendingSpace = true
                                i += width
                            } else {
                                sink.emit(byte)
                                i += 1
                            }
                        }
                    }
                    i += 1
                }
                written = sink.count
            }
        }
    }

    /// Every run of white space (ASCII, U+00A0, U+3000) as one space, ends trimmed.
    public static func collapsingWhitespace(_ text: String) -> String {
        String(decoding: collapsedBytes(text), as: UTF8.self)
    }

    /// `collapsingWhitespace(_:)` as UTF-8 bytes.
    public static func collapsedBytes(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { bytes in
            [UInt8](unsafeUninitializedCapacity: bytes.count) { out, written in
                var sink = Sink(out)
                var i = 0
                while i < bytes.count {
                    let width = whiteSpaceWidth(bytes, at: i)
                    if width > 0 {
                        sink.pendingSpace = true
                        i += width
                    } else {
                        sink.emit(bytes[i])
                        i += 1
                    }
                }
                written = sink.count
            }
        }
    }

    /// The length of the white-space character at `i` (ASCII, U+00A0 or U+3000), or 0.
    @inline(__always)
    static func whiteSpaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let byte = bytes[i]
        if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { return 1 }
        if byte == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 { return 2 }
        if byte == 0xE3, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 { return 3 }
        return 0
    }

    /// Output bytes with white space held back: a space is written only between two other
    /// bytes, so runs collapse and the ends come out trimmed. Never writes more bytes than
    /// it is given, so the input's length is capacity enough.
    struct Sink {
        let out: UnsafeMutableBufferPointer<UInt8>
        var count = 0
        var pendingSpace = false

        init(_ out: UnsafeMutableBufferPointer<UInt8>) { self.out = out }

        @inline(__always)
        mutating func emit(_ byte: UInt8) {
            if pendingSpace, count > 0 {
                out[count] = 0x20
                count += 1
            }
            pendingSpace = false
            out[count] = byte
            count += 1
        }
    }
}
