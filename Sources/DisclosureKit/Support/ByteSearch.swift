extension RandomAccessCollection where Element == UInt8, Index == Int {
    /// True when these bytes hold `needle` as one run: a search of UTF-8 that needs no
    /// `String` comparison (Foundation's `contains` folds character clusters through
    /// CFString, far slower on text searched for every record).
    func holdsRun(_ needle: [UInt8]) -> Bool {
        needle.isEmpty || firstRun(needle) != nil
    }

    /// Where `needle` (not empty) first starts as one run at or after `from`; nil if nowhere.
    func firstRun(_ needle: [UInt8], from: Int? = nil) -> Int? {
        guard let first = needle.first else { return nil }
        var start = from ?? startIndex
        while start + needle.count <= endIndex {
            if self[start] == first, self[start..<(start + needle.count)].elementsEqual(needle) { return start }
            start += 1
        }
        return nil
    }
}

extension String {
    /// Every occurrence of `target` replaced by `replacement`, left to right, compared byte
    /// for byte in UTF-8 (a match of valid UTF-8 in valid UTF-8 starts and ends on
    /// characters). Foundation's `replacingOccurrences` goes through NSString and UTF-16
    /// on Linux: on every page's body HTML it was a fifth of a full build's CPU time.
    func replacingBytes(_ target: String, with replacement: String) -> String {
        let needle = Array(target.utf8)
        let text = Array(utf8)
        guard var found = text.firstRun(needle) else { return self }
        var result: [UInt8] = []
        result.reserveCapacity(text.count + 64)
        var copied = 0
        while true {
            result += text[copied..<found]
            result += replacement.utf8
            copied = found + needle.count
            guard let next = text.firstRun(needle, from: copied) else { break }
            found = next
        }
        result += text[copied...]
        return String(decoding: result, as: UTF8.self)
    }
}
