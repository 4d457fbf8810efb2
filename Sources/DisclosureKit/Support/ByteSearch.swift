extension RandomAccessCollection where Element == UInt8, Index == Int {
    /// True when these bytes hold `needle` as one run: a search of UTF-8 that needs no
    /// `String` comparison (Foundation's `contains` folds character clusters through
    /// CFString, far slower on text searched for every record).
    func holdsRun(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard needle.count <= count else { return false }
        var start = startIndex
        while start + needle.count <= endIndex {
            if self[start] == first, self[start..<(start + needle.count)].elementsEqual(needle) { return true }
            start += 1
        }
        return false
    }
}

extension String {
    /// Every occurrence of `target` replaced by `replacement`, left to right, compared byte
    /// for byte in UTF-8 (a match of valid UTF-8 in valid UTF-8 starts and ends on
    /// characters). Foundation's `replacingOccurrences` goes through NSString and UTF-16
    /// on Linux: on every page's body HTML it was a fifth of a full build's CPU time.
    func replacingBytes(_ target: String, with replacement: String) -> String {
        let needle = Array(target.utf8)
        guard let first = needle.first, utf8.count >= needle.count else { return self }
        let text = Array(utf8)
        var result: [UInt8] = []
        var copied = 0
        var start = 0
        while start + needle.count <= text.count {
            if text[start] == first, text[start..<(start + needle.count)].elementsEqual(needle) {
                if result.isEmpty { result.reserveCapacity(text.count + 64) }
                result += text[copied..<start]
                result += replacement.utf8
                start += needle.count
                copied = start
            } else {
                start += 1
            }
        }
        guard copied > 0 else { return self }
        result += text[copied...]
        return String(decoding: result, as: UTF8.self)
    }
}
