/// A record's text split into its YAML front matter and its Markdown body.
public struct SplitRecord: Sendable, Equatable {
    /// The YAML between the two `---` lines.
    public var yaml: Substring
    /// The file line the YAML starts on (2: right after the opening `---`).
    public var yamlFirstLine: Int
    /// The Markdown after the closing `---`.
    public var body: Substring
    /// The file line the body starts on.
    public var bodyFirstLine: Int
}

/// Splits the leading `---` … `---` block off a record.
public enum FrontMatterSplitter {
    /// Front matter longer than this is refused before YAML parsing.
    public static let maximumFrontMatterBytes = 256 * 1024

    public enum Failure: Error, Equatable {
        /// The first line is not `---`.
        case missingOpening
        /// No line `---` closes the front matter.
        case unterminated
        /// The front matter is larger than `maximumFrontMatterBytes`.
        case tooLarge
    }

    public static func split(_ text: String) -> Result<SplitRecord, Failure> {
        let utf8 = text.utf8
        guard let firstEnd = lineEnd(utf8, from: utf8.startIndex),
              isDelimiter(utf8[utf8.startIndex..<firstEnd.contentEnd]) else {
            // A one-line file `---` with nothing after it is also unclosed.
            if isDelimiter(utf8[...]) { return .failure(.unterminated) }
            return .failure(.missingOpening)
        }
        let yamlStart = firstEnd.next
        var cursor = yamlStart
        var line = 2
        while cursor < utf8.endIndex {
            let end = lineEnd(utf8, from: cursor) ?? (contentEnd: utf8.endIndex, next: utf8.endIndex)
            if isDelimiter(utf8[cursor..<end.contentEnd]) {
                if utf8.distance(from: yamlStart, to: cursor) > maximumFrontMatterBytes {
                    return .failure(.tooLarge)
                }
                let yaml = Substring(text[yamlStart..<cursor])
                let body = Substring(text[end.next...])
                return .success(SplitRecord(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: line + 1))
            }
            cursor = end.next
            line += 1
        }
        if utf8.distance(from: yamlStart, to: cursor) > maximumFrontMatterBytes { return .failure(.tooLarge) }
        return .failure(.unterminated)
    }

    /// The end of the line starting at `start` (before the `\n`) and the start of the next.
    private static func lineEnd(_ utf8: String.UTF8View, from start: String.Index)
        -> (contentEnd: String.Index, next: String.Index)? {
        guard let newline = utf8[start...].firstIndex(of: 0x0A) else { return nil }
        return (newline, utf8.index(after: newline))
    }

    /// `---`, optionally followed by spaces or tabs.
    private static func isDelimiter(_ line: Substring.UTF8View) -> Bool {
        guard line.starts(with: "---".utf8) else { return false }
        return line.dropFirst(3).allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    public static func diagnostic(for failure: Failure, file: String) -> Diagnostic {
        switch failure {
        case .missingOpening:
            Rule.frontMatterMissing.diagnostic(file, .fileStart,
                Phrase("记录没有以开启前置信息的 '---' 行开头", en: "the record does not start with a '---' line opening its front matter"))
        case .unterminated:
            Rule.frontMatterUnterminated.diagnostic(file, .fileStart,
                Phrase("此处开启的前置信息没有用 '---' 行结束", en: "the front matter opened here is never closed by a '---' line"))
        case .tooLarge:
            Rule.fileTooLarge.diagnostic(file, .fileStart,
                Phrase("前置信息超过 256 KiB，不予接受", en: "the front matter is larger than 256 KiB; refused"))
        }
    }
}
