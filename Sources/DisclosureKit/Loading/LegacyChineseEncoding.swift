/// Recognises a file saved in GB18030 (or its subset GBK, or GB2312), the encoding of
/// Chinese Windows editors: what a record that is not UTF-8 usually is. Structural, not
/// statistical: every byte is ASCII or part of a well-formed GB18030 sequence, and at
/// least one such sequence is there. (Chinese text in UTF-8 is never that.)
enum LegacyChineseEncoding {
    static func isGB18030(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        var multiByte = 0
        while index < bytes.endIndex {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            guard (0x81...0xFE).contains(lead), index + 1 < bytes.endIndex else { return false }
            let second = bytes[index + 1]
            if (0x40...0xFE).contains(second), second != 0x7F {
                index += 2
            } else if (0x30...0x39).contains(second), index + 3 < bytes.endIndex,
                      (0x81...0xFE).contains(bytes[index + 2]), (0x30...0x39).contains(bytes[index + 3]) {
                index += 4
            } else {
                return false
            }
            multiByte += 1
        }
        return multiByte > 0
    }
}
