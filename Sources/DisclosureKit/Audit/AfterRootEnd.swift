/// Whether anything but white space and comments follows a page's last `</html>`.
/// libxml2's HTML parser reads nothing after the root element has ended, so a `<script>`
/// or `<img>` written there would pass every check of the page unseen, while a browser
/// still runs or loads it. Fed the page's bytes in pieces, as the parser is.
struct AfterRootEnd {
    private static let endTag = Array("</html".utf8)

    private enum State {
        /// Before a `</html`, or inside one until its `>`.
        case beforeEnd
        case inEndTag
        /// After the end tag: in white space, after a `<`, inside a comment.
        case after
        case afterOpening([UInt8])
        case inComment(dashes: Int)
    }

    private var state = State.beforeEnd
    /// How much of `</html` the last bytes matched.
    private var matched = 0
    /// Whether something other than white space or a comment followed the last end tag.
    private(set) var stray = false

    mutating func read(_ bytes: UnsafeRawBufferPointer) {
        for byte in bytes { read(byte) }
    }

    private mutating func read(_ byte: UInt8) {
        // A later `</html` makes the end the later one (text like it before the real end
        // is judged by what follows the last).
        let lowered = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
        if lowered == Self.endTag[matched] {
            matched += 1
            if matched == Self.endTag.count {
                matched = 0
                state = .inEndTag
                stray = false
                return
            }
        } else {
            matched = lowered == Self.endTag[0] ? 1 : 0
        }
        switch state {
        case .beforeEnd:
            break
        case .inEndTag:
            if byte == UInt8(ascii: ">") { state = .after }
        case .after:
            if byte == UInt8(ascii: "<") {
                state = .afterOpening([])
            } else if !Self.isSpace(byte) {
                stray = true
            }
        case .afterOpening(let seen):
            let opening = Array("!--".utf8)
            let next = seen + [byte]
            if next == opening {
                state = .inComment(dashes: 0)
            } else if opening.starts(with: next) {
                state = .afterOpening(next)
            } else {
                // `</html` itself was counted above; anything else opened here is stray.
                if matched == 0 { stray = true }
                state = .after
            }
        case .inComment(let dashes):
            if byte == UInt8(ascii: ">"), dashes >= 2 {
                state = .after
            } else {
                state = .inComment(dashes: byte == UInt8(ascii: "-") ? dashes + 1 : 0)
            }
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
}
