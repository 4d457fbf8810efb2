extension StringProtocol {
    /// The parts of a path or URL between '/' bytes (empty parts left out unless
    /// `keepingEmpty`). Split on the UTF-8 bytes, as the file system and a browser read a
    /// path: `split(separator:)` on `Character`s walks grapheme clusters, which is slow on
    /// Chinese names, and takes a '/' after a prepended mark (U+0600) or before a combining
    /// one as part of a character, not as a separator.
    func slashSeparated(keepingEmpty: Bool = false) -> [Substring] {
        let bytes = utf8
        var parts: [Substring] = []
        var start = bytes.startIndex
        var index = start
        while index != bytes.endIndex {
            if bytes[index] == UInt8(ascii: "/") {
                if keepingEmpty || index != start { parts.append(Substring(self[start..<index])) }
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        if keepingEmpty || start != bytes.endIndex { parts.append(Substring(self[start..<bytes.endIndex])) }
        return parts
    }

    /// The parts of a path or URL between '/' bytes, empty parts left out.
    var slashSeparated: [Substring] { slashSeparated() }

    /// The folder parts of a site path (every part but the last).
    var folderParts: [String] {
        slashSeparated.dropLast().map(String.init)
    }
}

extension String {
    /// The text before the last '/' byte, or "" when there is none.
    var folderOfPath: String {
        guard let slash = utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(self[..<slash])
    }
}
