/// The text strings of a PDF, decoded: a PDF keeps any text beyond Latin in its document
/// properties as UTF-16 after its mark (`/Title <FEFF…>` or `/Title (\376\377…)`), or
/// hex-encoded or escaped. Word and WPS export a document's title there, so a PDF made
/// from a withheld document carries the title, unseen on its pages, in bytes a search of
/// the file cannot match. Read, they are searched as the text they are.
enum PDFTextStrings {
    /// True for a file a PDF reader opens: its header within the first KiB, as readers look for it.
    static func isPDF(_ bytes: [UInt8]) -> Bool {
        bytes.prefix(1024).holdsRun(Array("%PDF-".utf8))
    }

    /// Every text string's text, as UTF-8, a space after each; nil when there is none.
    /// Streams (a page's compressed content, an image) are stepped over whole, so that a
    /// `(` among their bytes opens no string; one that is UTF-16 text itself (XMP
    /// metadata saved so) is read as text.
    static func utf8Text(of bytes: [UInt8]) -> [UInt8]? {
        var text: [UInt8] = []
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "%"):
                // A comment, to the end of the line: a '(' or '<' there opens no string.
                while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
            case UInt8(ascii: "("):
                let (string, end) = literalString(bytes, from: index + 1)
                append(string, to: &text)
                index = end
            case UInt8(ascii: "<") where index + 1 < bytes.count && bytes[index + 1] != UInt8(ascii: "<"):
                let (string, end) = hexString(bytes, from: index + 1)
                append(string, to: &text)
                index = end
            case UInt8(ascii: "<"):
                index += 2
            case UInt8(ascii: "s") where startsStream(bytes, at: index):
                index = skipStream(bytes, from: index, into: &text)
            default:
                index += 1
            }
        }
        return text.isEmpty ? nil : text
    }

    private static let streamKeyword = Array("stream".utf8)
    private static let endStreamKeyword = Array("endstream".utf8)

    /// True when the keyword `stream` starts at `index`: not part of a longer word
    /// (`endstream`), and followed by its line break.
    private static func startsStream(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index + streamKeyword.count < bytes.count,
              bytes[index..<(index + streamKeyword.count)].elementsEqual(streamKeyword) else { return false }
        if index > 0 {
            let before = bytes[index - 1]
            guard !((before | 0x20) >= UInt8(ascii: "a") && (before | 0x20) <= UInt8(ascii: "z")) else { return false }
        }
        let after = bytes[index + streamKeyword.count]
        return after == 0x0A || after == 0x0D
    }

    /// The index after the stream's `endstream` (or the end of the file); a stream of
    /// UTF-16 text with its mark is appended to `text` as UTF-8.
    private static func skipStream(_ bytes: [UInt8], from index: Int, into text: inout [UInt8]) -> Int {
        var start = index + streamKeyword.count
        if start < bytes.count, bytes[start] == 0x0D { start += 1 }
        if start < bytes.count, bytes[start] == 0x0A { start += 1 }
        let end = bytes.firstRun(endStreamKeyword, from: start) ?? bytes.count
        let content = Array(bytes[start..<end])
        if content.count >= 2, (content[0] == 0xFE && content[1] == 0xFF) || (content[0] == 0xFF && content[1] == 0xFE) {
            append(content, to: &text)
        }
        return min(bytes.count, end + endStreamKeyword.count)
    }

    /// `string`'s text and a space after it: UTF-16 with its mark (either order), UTF-8
    /// with its mark (PDF 2.0), or bytes that are UTF-8 as they are (a hex string's, an
    /// escaped literal's). The language marks UTF-16 text may carry (`ESC zh ESC`) are
    /// dropped, as a reader drops them.
    private static func append(_ string: [UInt8], to text: inout [UInt8]) {
        guard !string.isEmpty else { return }
        var decoded: String
        if string.count >= 2, string[0] == 0xFE && string[1] == 0xFF || string[0] == 0xFF && string[1] == 0xFE {
            let bigEndian = string[0] == 0xFE
            var units: [UInt16] = []
            units.reserveCapacity(string.count / 2)
            var index = 2
            while index + 1 < string.count {
                let (high, low) = bigEndian ? (string[index], string[index + 1]) : (string[index + 1], string[index])
                units.append(UInt16(high) << 8 | UInt16(low))
                index += 2
            }
            decoded = String(decoding: units, as: UTF16.self)
            if decoded.unicodeScalars.contains("\u{1B}") { decoded = withoutLanguageMarks(decoded) }
        } else if string.count >= 3, string[0] == 0xEF, string[1] == 0xBB, string[2] == 0xBF {
            decoded = String(decoding: string.dropFirst(3), as: UTF8.self)
        } else if let utf8 = String(validating: string, as: UTF8.self) {
            decoded = utf8
        } else {
            return
        }
        // On one line: a finding is at the file's start, as no line of a PDF shows it.
        text += decoded.utf8.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }
        text.append(0x20)
    }

    /// `text` without its language marks: an escape, a language code, an escape.
    private static func withoutLanguageMarks(_ text: String) -> String {
        var kept = String.UnicodeScalarView()
        var inMark = false
        for scalar in text.unicodeScalars {
            if scalar == "\u{1B}" { inMark.toggle(); continue }
            if !inMark { kept.append(scalar) }
        }
        return String(kept)
    }

    /// A literal string's bytes from after its `(`, its escapes read, and the index after
    /// its closing `)` (parentheses inside balanced, as PDF allows).
    private static func literalString(_ bytes: [UInt8], from start: Int) -> (string: [UInt8], end: Int) {
        var string: [UInt8] = []
        var depth = 1
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { return (string, index) }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "n"): string.append(0x0A)
                case UInt8(ascii: "r"): string.append(0x0D)
                case UInt8(ascii: "t"): string.append(0x09)
                case UInt8(ascii: "b"): string.append(0x08)
                case UInt8(ascii: "f"): string.append(0x0C)
                case UInt8(ascii: "0")...UInt8(ascii: "7"):
                    // Up to three octal digits.
                    var value = Int(escaped - UInt8(ascii: "0"))
                    var digits = 1
                    while digits < 3, index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(bytes[index]) {
                        value = value * 8 + Int(bytes[index] - UInt8(ascii: "0"))
                        index += 1
                        digits += 1
                    }
                    string.append(UInt8(value & 0xFF))
                case 0x0D:
                    // A line continued: the break is no part of the string.
                    if index < bytes.count, bytes[index] == 0x0A { index += 1 }
                case 0x0A:
                    break
                default:
                    string.append(escaped)
                }
            case UInt8(ascii: "("):
                depth += 1
                string.append(byte)
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return (string, index) }
                string.append(byte)
            default:
                string.append(byte)
            }
        }
        return (string, index)
    }

    /// A hexadecimal string's bytes from after its `<` (white space ignored, an odd last
    /// digit followed by 0), and the index after its `>`; a byte that is neither ends it.
    private static func hexString(_ bytes: [UInt8], from start: Int) -> (string: [UInt8], end: Int) {
        var string: [UInt8] = []
        var high: UInt8?
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            case 0x00, 0x09, 0x0A, 0x0C, 0x0D, 0x20: continue
            case UInt8(ascii: ">"):
                if let high { string.append(high << 4) }
                return (string, index)
            default:
                // Not a hex string after all (binary data): read on from the byte after '<'.
                return ([], start)
            }
            if let pending = high {
                string.append(pending << 4 | digit)
                high = nil
            } else {
                high = digit
            }
        }
        return ([], start)
    }
}
