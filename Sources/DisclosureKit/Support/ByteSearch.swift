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
