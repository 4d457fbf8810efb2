import Foundation

/// The strings of a non-public record that must never appear in the output: its title,
/// index number, document number, page path and every sentence of its body of 12 or more
/// characters.
public enum SecretText {
    public static let minimumSentenceCharacters = 12

    public static func strings(of record: Record) -> [String] {
        var strings = [record.title, record.indexNumber, SiteRules.pagePath(record.file, slug: record.slug), record.slug]
        if case .policy(let policy) = record.details { strings.append(policy.documentNumber) }
        if let summary = record.summary { strings.append(summary) }
        if let reason = record.withheldReason { strings.append(reason) }
        strings += sentences(of: record.body)
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
    /// same way (`collapsingWhitespace`), so the two compare window by window.
    public static func plainText(of markdown: String) -> String {
        var out = String.UnicodeScalarView()
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            var scalars = Substring(line).unicodeScalars[...]
            // Leading indentation, block quotes and list markers ("- ", "+ ", "1. ", "1) ").
            while let first = scalars.first, first == " " || first == "\t" || first == ">" { scalars = scalars.dropFirst() }
            if let first = scalars.first, first == "-" || first == "+" || first == "*", scalars.dropFirst().first == " " {
                scalars = scalars.dropFirst(2)
            } else {
                let digits = scalars.prefix { $0.value >= 0x30 && $0.value <= 0x39 }
                let rest = scalars.dropFirst(digits.count)
                if !digits.isEmpty, let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " " {
                    scalars = rest.dropFirst(2)
                }
            }
            var skipping = false
            var previous: Unicode.Scalar = " "
            out.append(" ")
            for scalar in scalars {
                if skipping {
                    if scalar == ")" { skipping = false }
                    continue
                }
                defer { previous = scalar }
                if scalar == "(" && previous == "]" { skipping = true; continue }
                switch scalar {
                case "*", "_", "#", "`", "~", "[", "]", ">", "<", "^", "\\":
                    continue
                case "|":
                    out.append(" ")
                default:
                    out.append(scalar)
                }
            }
        }
        return collapsingWhitespace(String(out))
    }

    /// Every run of white space as one space, ends trimmed.
    public static func collapsingWhitespace(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace { pendingSpace = true; continue }
            if pendingSpace, !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out.append(scalar)
        }
        return String(out)
    }

    /// Sentences of a Markdown body: markup stripped, split at sentence ends, table cells
    /// and lines, at least `minimumSentenceCharacters` long. Works on Unicode scalars:
    /// comparing `Character`s would normalise every one of them.
    public static func sentences(of markdown: String) -> [String] {
        var sentences: [String] = []
        var current: [Unicode.Scalar] = []
        func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
        func flush() {
            defer { current.removeAll(keepingCapacity: true) }
            var low = 0, high = current.count
            while low < high, current[low] == " " || current[low] == "\t" { low += 1 }
            while high > low, current[high - 1] == " " || current[high - 1] == "\t" { high -= 1 }
            // A list marker ("1. ", "- ") is not part of the rendered text.
            var digitsEnd = low
            while digitsEnd < high, isDigit(current[digitsEnd]) { digitsEnd += 1 }
            if digitsEnd > low, digitsEnd + 1 < high, current[digitsEnd] == "." || current[digitsEnd] == ")",
               current[digitsEnd + 1] == " " {
                low = digitsEnd + 2
            } else if low + 1 < high, current[low] == "-" || current[low] == "+", current[low + 1] == " " {
                low += 2
            }
            while low < high, current[low] == " " { low += 1 }
            guard high - low >= minimumSentenceCharacters else { return }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: current[low..<high])
            sentences.append(String(text))
        }
        var skipping = false  // inside a link target "(...)"
        var previous: Unicode.Scalar = " "
        for scalar in markdown.unicodeScalars {
            if skipping {
                if scalar == ")" { skipping = false }
                continue
            }
            switch scalar {
            case "。", "！", "？", "；", "!", "?", ";", "\n", "|", "：", ":":
                flush()
            case "*", "_", "#", "`", "~", "[", "]", ">", "<", "\r":
                break
            case "(" where previous == "]":
                skipping = true
            default:
                current.append(scalar)
            }
            previous = scalar
        }
        flush()
        return sentences
    }
}
