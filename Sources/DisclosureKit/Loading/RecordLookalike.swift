#if canImport(Glibc)
import Glibc
#endif

/// Finds files that are not named as records but read like one: front matter (an
/// optional BOM, then a `---` line) with a `disclosure` key. Such a file, saved under the
/// wrong extension beside a public record, would be copied verbatim as its attachment,
/// whatever its `disclosure` says; it is refused instead (`file.ambiguous`).
///
/// Only the first bytes of a file are read to tell it does not open with a fence (a PDF
/// or an image never does); only a file that does is read further, at most as far as a
/// record's front matter may reach. UTF-16 with a byte-order mark is read as text too:
/// a record saved so is no record to the build, but its text all the same.
enum RecordLookalike {
    /// The keys that say a file is a record's text.
    static let keys = ["disclosure", "公开属性"]

    /// The 1-based line of the `disclosure` key when the file at `path` opens with front
    /// matter holding one; nil otherwise, or when it cannot be read (the stages that read
    /// the file report that). A file that is not a regular file is never read: opened
    /// without blocking and checked first, a FIFO put in its place cannot stall the scan.
    static func keyLine(ofFileAt path: String) -> Int? {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let head = read(fd, upTo: headBytes)
        if let bigEndian = utf16Order(head) {
            // Windows Notepad's "Unicode": the record's text all the same.
            let bytes = head + read(fd, upTo: 2 * FrontMatterSplitter.maximumFrontMatterBytes)
            return keyLine(in: utf8(fromUTF16: bytes.dropFirst(2), bigEndian: bigEndian))
        }
        guard fenceLine(head) != nil else { return nil }
        return keyLine(in: head + read(fd, upTo: FrontMatterSplitter.maximumFrontMatterBytes))
    }

    /// How much of a file is read to tell whether it opens with a fence: a BOM and a few
    /// blank lines before it (a record with them is refused by the build, and its text is
    /// still a record's).
    static let headBytes = 512

    /// True for a UTF-16 big-endian byte-order mark, false for a little-endian one, nil for
    /// neither.
    static func utf16Order(_ bytes: [UInt8]) -> Bool? {
        if bytes.starts(with: [0xFE, 0xFF]) { return true }
        if bytes.starts(with: [0xFF, 0xFE]) { return false }
        return nil
    }

    /// UTF-16 code units as UTF-8 (unpaired surrogates replaced).
    static func utf8(fromUTF16 bytes: ArraySlice<UInt8>, bigEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    /// The 1-based line of the `---` fence `bytes` open with, after a BOM and blank lines;
    /// nil when they open with anything else.
    static func fenceLine(_ bytes: [UInt8]) -> Int? {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var line = 1
        while let first = body.first, first == 0x20 || first == 0x09 || first == 0x0D || first == 0x0A {
            if first == 0x0A { line += 1 }
            body = body.dropFirst()
        }
        guard body.starts(with: Array("---".utf8)) else { return nil }
        guard let next = body.dropFirst(3).first else { return line }
        return next == 0x0A || next == 0x0D || next == 0x20 || next == 0x09 ? line : nil
    }

    /// The line of the first `disclosure` key (at any indentation, quoted or not) before
    /// the front matter closes, in bytes that open with a fence (nil when they do not).
    static func keyLine(in bytes: [UInt8]) -> Int? {
        guard let fence = fenceLine(bytes) else { return nil }
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropFirst(fence)
        var number = fence
        for line in lines {
            number += 1
            var text = line[...]
            if text.last == 0x0D { text = text.dropLast() }
            if text.starts(with: Array("---".utf8)) || text.starts(with: Array("...".utf8)),
               text.dropFirst(3).allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                return nil
            }
            if isKeyLine(text) { return number }
        }
        return nil
    }

    static func isKeyLine(_ line: ArraySlice<UInt8>) -> Bool {
        let bytes = Array(line)
        for key in keys {
            let keyBytes = Array(key.utf8)
            guard bytes.count >= keyBytes.count else { continue }
            var start = 0
            while start + keyBytes.count <= bytes.count {
                defer { start += 1 }
                guard bytes[start..<(start + keyBytes.count)].elementsEqual(keyBytes) else { continue }
                var before = start - 1
                var quote: UInt8?
                if before >= 0, bytes[before] == UInt8(ascii: "\"") || bytes[before] == UInt8(ascii: "'") {
                    quote = bytes[before]
                    before -= 1
                }
                while before >= 0, bytes[before] == 0x20 || bytes[before] == 0x09 { before -= 1 }
                // Node properties YAML allows before a key, an anchor (`&a disclosure:`, which
                // a record may have) and a tag (`!x disclosure:`, refused in a record, but
                // the text is a record's all the same), in any number and order.
                while before >= 0 {
                    var token = before
                    while token > 0, ![0x20, 0x09, UInt8(ascii: "{"), UInt8(ascii: ",")].contains(bytes[token - 1]) { token -= 1 }
                    guard bytes[token] == UInt8(ascii: "&") || bytes[token] == UInt8(ascii: "!") else { break }
                    before = token - 1
                    while before >= 0, bytes[before] == 0x20 || bytes[before] == 0x09 { before -= 1 }
                }
                guard before < 0 || [UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: "{"), UInt8(ascii: ",")].contains(bytes[before]) else {
                    continue
                }
                var after = start + keyBytes.count
                if let quote {
                    guard after < bytes.count, bytes[after] == quote else { continue }
                    after += 1
                }
                while after < bytes.count, bytes[after] == 0x20 || bytes[after] == 0x09 { after += 1 }
                if after == bytes.count || bytes[after] == UInt8(ascii: ":") { return true }
            }
        }
        return false
    }

    private static func read(_ fd: Int32, upTo count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, count - done) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            done += n
        }
        bytes.removeLast(count - done)
        return bytes
    }
}
