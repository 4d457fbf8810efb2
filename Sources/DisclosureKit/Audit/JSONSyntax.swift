/// Checks that bytes are one well-formed JSON value (RFC 8259), without building it:
/// the catalog's JSON is 60 MB at 100,000 records, and Foundation's parser turned it into
/// several hundred megabytes of objects only to say yes. Fed a piece at a time (a file of
/// any size is checked in the memory of its nesting), with the state carried between pieces.
struct JSONSyntax {
    /// True when `bytes` hold exactly one JSON value, with white space around it allowed.
    static func isWellFormed(_ bytes: [UInt8]) -> Bool {
        var syntax = JSONSyntax()
        bytes.withUnsafeBytes { syntax.feed($0) }
        return syntax.finish()
    }

    static let maximumDepth = 512

    private enum State {
        /// A value must come (`afterComma`: inside an array, after a comma).
        case value
        /// After `[`: a value or `]`.
        case valueOrClose
        /// After `{`: a key or `}`.
        case keyOrClose
        /// After a comma in an object.
        case key
        case colon
        /// After a value: `,`, the container's close, or (at the top) the end.
        case afterValue
        case string(isKey: Bool)
        case escape(isKey: Bool)
        case unicode(isKey: Bool, remaining: Int)
        case literal(remaining: ArraySlice<UInt8>)
        case number(NumberPart)
        case failed
    }

    private enum NumberPart {
        case sign, zero, integer, point, fraction, exponentMark, exponentSign, exponent
        /// True when the number may end here.
        var isComplete: Bool { self == .zero || self == .integer || self == .fraction || self == .exponent }
    }

    private var state = State.value
    /// Open containers, innermost last: true for an object.
    private var open: [Bool] = []
    private var started = false

    /// Reads the next piece.
    mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        let count = bytes.count
        while index < count {
            if case .failed = state { return }
            let byte = bytes[index]
            // Inside a string most bytes are plain: skip them without a state change.
            if case .string(let isKey) = state {
                var end = index
                while end < count, bytes[end] != 0x22, bytes[end] != 0x5C, bytes[end] >= 0x20 { end += 1 }
                index = end
                guard index < count else { return }
                let special = bytes[index]
                index += 1
                switch special {
                case 0x22: endValue(isKey: isKey)
                case 0x5C: state = .escape(isKey: isKey)
                default: state = .failed  // a control character
                }
                continue
            }
            if consume(byte) { index += 1 }
        }
    }

    /// True when everything fed was exactly one JSON value.
    mutating func finish() -> Bool {
        if case .number(let part) = state {
            guard part.isComplete else { return false }
            state = .afterValue
        }
        guard case .afterValue = state, open.isEmpty, started else { return false }
        return true
    }

    /// Takes `byte`; false when it was not consumed (it ended a number) and must be read again.
    private mutating func consume(_ byte: UInt8) -> Bool {
        let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
        switch state {
        case .value, .valueOrClose:
            if isSpace { return true }
            if case .valueOrClose = state, byte == UInt8(ascii: "]") {
                close()
                return true
            }
            startValue(byte)
        case .keyOrClose, .key:
            if isSpace { return true }
            if case .keyOrClose = state, byte == UInt8(ascii: "}") {
                close()
                return true
            }
            state = byte == 0x22 ? .string(isKey: true) : .failed
        case .colon:
            if isSpace { return true }
            state = byte == UInt8(ascii: ":") ? .value : .failed
        case .afterValue:
            if isSpace { return true }
            guard let isObject = open.last else {
                state = .failed
                return true
            }
            if byte == UInt8(ascii: ",") {
                state = isObject ? .key : .value
            } else if byte == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                close()
            } else {
                state = .failed
            }
        case .string:
            break  // read in `feed`
        case .escape(let isKey):
            if byte == UInt8(ascii: "u") {
                state = .unicode(isKey: isKey, remaining: 4)
            } else {
                state = "\"\\/bfnrt".utf8.contains(byte) ? .string(isKey: isKey) : .failed
            }
        case .unicode(let isKey, let remaining):
            guard byte.isHexDigit else {
                state = .failed
                return true
            }
            state = remaining == 1 ? .string(isKey: isKey) : .unicode(isKey: isKey, remaining: remaining - 1)
        case .literal(let remaining):
            guard byte == remaining.first else {
                state = .failed
                return true
            }
            let rest = remaining.dropFirst()
            state = rest.isEmpty ? .afterValue : .literal(remaining: rest)
        case .number(let part):
            return number(part, byte)
        case .failed:
            break
        }
        return true
    }

    private mutating func startValue(_ byte: UInt8) {
        if !open.isEmpty || !started { started = true } else { state = .failed; return }
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard open.count < Self.maximumDepth else {
                state = .failed
                return
            }
            open.append(byte == UInt8(ascii: "{"))
            state = byte == UInt8(ascii: "{") ? .keyOrClose : .valueOrClose
        case 0x22: state = .string(isKey: false)
        case UInt8(ascii: "t"): state = .literal(remaining: Self.trueRest)
        case UInt8(ascii: "f"): state = .literal(remaining: Self.falseRest)
        case UInt8(ascii: "n"): state = .literal(remaining: Self.nullRest)
        case UInt8(ascii: "-"): state = .number(.sign)
        case UInt8(ascii: "0"): state = .number(.zero)
        case 0x31...0x39: state = .number(.integer)
        default: state = .failed
        }
    }

    private static let trueRest = ArraySlice("rue".utf8)
    private static let falseRest = ArraySlice("alse".utf8)
    private static let nullRest = ArraySlice("ull".utf8)

    private mutating func endValue(isKey: Bool) {
        state = isKey ? .colon : .afterValue
    }

    private mutating func close() {
        open.removeLast()
        state = .afterValue
    }

    /// One byte of a number, or its end: false when `byte` follows the number.
    private mutating func number(_ part: NumberPart, _ byte: UInt8) -> Bool {
        let digit = byte >= 0x30 && byte <= 0x39
        let next: NumberPart?
        switch part {
        case .sign: next = byte == 0x30 ? .zero : digit ? .integer : nil
        case .zero: next = byte == UInt8(ascii: ".") ? .point : byte | 0x20 == UInt8(ascii: "e") ? .exponentMark : nil
        case .integer:
            next = digit ? .integer : byte == UInt8(ascii: ".") ? .point : byte | 0x20 == UInt8(ascii: "e") ? .exponentMark : nil
        case .point: next = digit ? .fraction : nil
        case .fraction: next = digit ? .fraction : byte | 0x20 == UInt8(ascii: "e") ? .exponentMark : nil
        case .exponentMark: next = digit ? .exponent : (byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")) ? .exponentSign : nil
        case .exponentSign: next = digit ? .exponent : nil
        case .exponent: next = digit ? .exponent : nil
        }
        if let next {
            state = .number(next)
            return true
        }
        guard part.isComplete else {
            state = .failed
            return true
        }
        state = .afterValue
        return false
    }
}

private extension UInt8 {
    var isHexDigit: Bool {
        (self >= 0x30 && self <= 0x39) || (self | 0x20 >= 0x61 && self | 0x20 <= 0x66)
    }
}
