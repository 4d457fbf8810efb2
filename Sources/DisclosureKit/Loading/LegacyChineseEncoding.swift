import Foundation

/// Recognises a file saved in GB18030 (or its subset GBK, or GB2312), the encoding of
/// Chinese Windows editors: what a record that is not UTF-8 usually is. Structural, not
/// statistical: every byte is ASCII or part of a well-formed GB18030 sequence, and at
/// least one such sequence is there. (Chinese text in UTF-8 is never that.)
enum LegacyChineseEncoding {
    static func isGB18030(_ bytes: ArraySlice<UInt8>) -> Bool {
        var strays = 0
        let sequences = walk(bytes) { _, _ in
            strays += 1
            return false
        }
        return strays == 0 && sequences > 0
    }

    /// Walks `bytes` as GB18030 and counts its multi-byte sequences, calling `stray` with
    /// the index of each byte that starts no well-formed sequence (ASCII aside) and the
    /// sequences counted so far; the walk stops when `stray` returns false.
    static func walk(_ bytes: ArraySlice<UInt8>, stray: (Int, Int) -> Bool) -> Int {
        var index = bytes.startIndex
        var multiByte = 0
        while index < bytes.endIndex {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            if (0x81...0xFE).contains(lead), index + 1 < bytes.endIndex {
                let second = bytes[index + 1]
                if (0x40...0xFE).contains(second), second != 0x7F {
                    index += 2
                    multiByte += 1
                    continue
                }
                if (0x30...0x39).contains(second), index + 3 < bytes.endIndex,
                   (0x81...0xFE).contains(bytes[index + 2]), (0x30...0x39).contains(bytes[index + 3]) {
                    index += 4
                    multiByte += 1
                    continue
                }
            }
            guard stray(index, multiByte) else { return multiByte }
            index += 1
        }
        return multiByte
    }
}

extension LegacyChineseEncoding {
    /// The text of `bytes` as UTF-8 when they are a text in another encoding a Chinese
    /// office saves in: UTF-16 with its byte order mark (Notepad's "Unicode"), or GB18030
    /// (Excel's CSV on Chinese Windows); nil for UTF-8 and for what is neither. The audit
    /// searches such a file's text too, so that re-encoding hides no sentence.
    static func utf8Text(of bytes: [UInt8]) -> [UInt8]? {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            let littleEndian = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var index = 2
            while index + 1 < bytes.count {
                units.append(littleEndian ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
                                          : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
                index += 2
            }
            return Array(String(decoding: units, as: UTF16.self).utf8)
        }
        guard bytes.contains(where: { $0 >= 0x80 }), String(validating: bytes, as: UTF8.self) == nil,
              let text = mostlyGB18030(bytes) else { return nil }
        // Foundation's GB18030 (kCFStringEncodingGB_18030_2000, through ICU).
        let gb18030 = String.Encoding(rawValue: 0x8000_0632)
        return String(data: Data(text), encoding: gb18030).map { Array($0.utf8) }
    }

    /// `bytes` with each byte that starts no well-formed GB18030 sequence replaced by `?`,
    /// when there is at most one such byte to ten sequences: a GBK file from Windows with a
    /// stray `0x80` (its "€") or a cut last character is still read as the text it is,
    /// while a binary file is not (in random bytes, strays outnumber sequences).
    static func mostlyGB18030(_ bytes: [UInt8]) -> [UInt8]? {
        var strays: [Int] = []
        var givenUp = false
        let sequences = walk(bytes[...]) { index, sequences in
            strays.append(index)
            // A binary file is given up on early, not walked to its end.
            givenUp = strays.count > 64 && strays.count * 10 > sequences
            return !givenUp
        }
        guard !givenUp, sequences > 0, strays.count * 10 <= sequences else { return nil }
        var text = bytes
        for index in strays { text[index] = UInt8(ascii: "?") }
        return text
    }
}
