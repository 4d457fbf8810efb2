extension StringProtocol {
    /// The parts of a site path or URL path between '/' bytes, empty parts left out. Split
    /// on the UTF-8 bytes, as a browser and the file system read a path: `split(separator:)`
    /// on `Character`s walks grapheme clusters (every Chinese file name of every link of
    /// every page, in the audit and the render), and would keep a '/' followed by a
    /// combining mark inside one part.
    var slashSeparated: [Substring] {
        let bytes = utf8
        var parts: [Substring] = []
        var start = bytes.startIndex
        var index = start
        while index != bytes.endIndex {
            if bytes[index] == UInt8(ascii: "/") {
                if index != start { parts.append(Substring(self[start..<index])) }
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        if start != bytes.endIndex { parts.append(Substring(self[start..<bytes.endIndex])) }
        return parts
    }

    /// The folder parts of a site path (every part but the last).
    var folderParts: [String] {
        slashSeparated.dropLast().map(String.init)
    }
}
