import Foundation

/// Turns a file's bytes into the text later stages read: UTF-8 checked, a BOM
/// skipped, CRLF read as LF (line numbers are unchanged by that).
public enum SourceText {
    /// Largest record file read by default (`max_record_size` in `site.yaml` sets it);
    /// larger ones are refused before any parsing. Also the limit of `site.yaml` itself.
    public static let maximumFileBytes = 4 * 1024 * 1024
    /// The largest `max_record_size` may be.
    public static let largestRecordLimit = 64 * 1024 * 1024

    public enum Failure: Error, Equatable {
        case invalidUTF8(line: Int)
        /// Not UTF-8, but well-formed GB18030/GBK (`LegacyChineseEncoding`).
        case gb18030(line: Int, column: Int)
        case tooLarge(bytes: Int)
    }

    public static func decode(_ bytes: [UInt8], limit: Int = maximumFileBytes) -> Result<String, Failure> {
        guard bytes.count <= limit else { return .failure(.tooLarge(bytes: bytes.count)) }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            let position = firstInvalidPosition(body)
            return .failure(LegacyChineseEncoding.isGB18030(body) ? .gb18030(line: position.line, column: position.column)
                                                                  : .invalidUTF8(line: position.line))
        }
        guard body.contains(0x0D) else { return .success(text) }
        // CRLF to LF on the bytes (a lone CR stays): valid UTF-8 stays valid.
        var unix: [UInt8] = []
        unix.reserveCapacity(body.count)
        var index = body.startIndex
        while index < body.endIndex {
            let byte = body[index]
            if byte != 0x0D || index + 1 == body.endIndex || body[index + 1] != 0x0A { unix.append(byte) }
            index += 1
        }
        return .success(String(decoding: unix, as: UTF8.self))
    }

    /// The 1-based line of the first byte that is not part of valid UTF-8.
    static func firstInvalidLine(_ bytes: ArraySlice<UInt8>) -> Int {
        firstInvalidPosition(bytes).line
    }

    /// The 1-based line and character column of the first byte that is not part of valid UTF-8.
    static func firstInvalidPosition(_ bytes: ArraySlice<UInt8>) -> SourceLocation {
        var line = 1
        var column = 1
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return SourceLocation(line: line, column: column)
            }
            guard index + length <= bytes.endIndex,
                  String(validating: bytes[index..<index + length], as: UTF8.self) != nil else {
                return SourceLocation(line: line, column: column)
            }
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return SourceLocation(line: line, column: column)
    }

    public static func diagnostic(for failure: Failure, file: String, limit: Int = maximumFileBytes) -> Diagnostic {
        switch failure {
        case .invalidUTF8(let line):
            return Rule.fileEncoding.diagnostic(file, SourceLocation(line: line, column: 1),
                Phrase("文件不是有效的 'UTF-8'（第一个错误字节在此行）；请以 'UTF-8' 编码保存", en: "the file is not valid UTF-8 (first bad byte on this line); save it as UTF-8"))
        case .gb18030(let line, let column):
            return Rule.fileEncoding.diagnostic(file, SourceLocation(line: line, column: column),
                Phrase("文件以 GBK/GB18030（简体中文 GBK）编码保存，不是 'UTF-8'（此处是第一个中文字符）；请改存为 'UTF-8'：在编辑器中选择 另存为 → 编码 UTF-8，或运行 iconv -f GB18030 -t UTF-8 '\(file)' > utf8.tmp && mv utf8.tmp '\(file)'", en: "the file is saved as GBK/GB18030 (简体中文 GBK), not UTF-8 (its first Chinese character here); save it as UTF-8: in the editor choose 另存为 → 编码 UTF-8, or run iconv -f GB18030 -t UTF-8 '\(file)' > utf8.tmp && mv utf8.tmp '\(file)'"))
        case .tooLarge(let bytes):
            let mib = String(format: "%.1f", Double(bytes) / 1_048_576)
            return Rule.fileTooLarge.diagnostic(file, .fileStart,
                Phrase("文件大小为 \(mib) MiB；记录不得超过 \(SiteConfig.describeSize(limit))（max_record_size；篇幅大的材料请放入附件）", en: "the file is \(mib) MiB; records are limited to \(SiteConfig.describeSize(limit)) (max_record_size; put large material in an attachment)"))
        }
    }
}
