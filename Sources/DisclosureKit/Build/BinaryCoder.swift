#if canImport(Glibc)
import Glibc
#endif

/// The caches' one format: any `Codable` value as tagged binary. Every value starts with a
/// tag byte; integers are varints (signed ones zigzag), text is its length and UTF-8
/// bytes, a keyed container is its entry count and `key value` pairs, an unkeyed one its
/// count and values. Counts are fixed four-byte fields patched in place as entries are
/// added, so nothing is buffered or finished afterwards; the tags make every value
/// skippable, which is what `allKeys` (dictionaries keyed by text, enums with payloads)
/// needs.
///
/// Decoding reads keyed entries in the order they were written (the synthesized `Codable`
/// order) without a lookup, and falls back to a search of the container otherwise.
/// Malformed bytes never trap: every read is bounds-checked and throws.
///
/// Foundation's `PropertyListEncoder` (binary) was measured for this at the size of the
/// build cache of 10,000 records: 5.7 s to encode and 8.0 s to decode, against tens of
/// milliseconds here.
enum BinaryCoder {
    enum Tag: UInt8 {
        case null = 0, falseValue, trueValue, signed, unsigned, double, string, keyed, unkeyed
        /// A `Digest`: its 16 bytes (the caches hold tens of thousands).
        case digest
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// `value`'s bytes after `prefix`, in a buffer of `capacity` bytes to begin with: a
    /// large value whose size is known roughly is never copied to grow.
    static func encode(_ value: some Encodable, after prefix: [UInt8] = [], reservingCapacity capacity: Int = 0) throws -> [UInt8] {
        let encoder = BinaryValueEncoder()
        encoder.bytes.reserveCapacity(max(capacity, prefix.count))
        encoder.bytes += prefix
        try encoder.encodeValue(value)
        return encoder.bytes
    }

    static func decode<T: Decodable>(_ type: T.Type, from bytes: ArraySlice<UInt8>) throws -> T {
        try decode(type, from: Array(bytes), in: 0..<bytes.count)
    }

    /// The value in `range` of `bytes`, read in place (a cache is not copied to be read).
    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], in range: Range<Int>) throws -> T {
        let decoder = BinaryValueDecoder(bytes, range: range)
        let value = try decoder.decodeValue(type)
        guard decoder.position == decoder.end else { throw Failure(description: "bytes after the value") }
        return value
    }
}

// MARK: - Encoding

final class BinaryValueEncoder: Encoder {
    // Not checked for overlapping access at run time: every access is a whole append or
    // read from this file, one value at a time on one thread, none holding another open;
    // the checks (a thread-local look-up each) were most of the time to encode a cache.
    @exclusivity(unchecked) var bytes: [UInt8] = []
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func tag(_ tag: BinaryCoder.Tag) { bytes.append(tag.rawValue) }

    func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    func signed(_ value: Int64) {
        tag(.signed)
        varint(UInt64(bitPattern: value << 1 ^ value >> 63))
    }

    func unsigned(_ value: UInt64) {
        tag(.unsigned)
        varint(value)
    }

    func string(_ value: String) {
        tag(.string)
        var value = value
        value.withUTF8 { text in
            varint(UInt64(text.count))
            bytes.append(contentsOf: text)
        }
    }

    func double(_ value: Double) {
        tag(.double)
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    func null() { tag(.null) }

    func bool(_ value: Bool) { tag(value ? .trueValue : .falseValue) }

    /// Starts a container: its tag and a zero count, patched by `added(to:)`.
    func open(_ tag: BinaryCoder.Tag) -> Int {
        self.tag(tag)
        let countAt = bytes.count
        bytes.append(contentsOf: [0, 0, 0, 0])
        return countAt
    }

    /// One more entry in the container whose count is at `countAt`.
    func added(to countAt: Int) {
        var count = UInt32(bytes[countAt]) | UInt32(bytes[countAt + 1]) << 8 | UInt32(bytes[countAt + 2]) << 16
            | UInt32(bytes[countAt + 3]) << 24
        count += 1
        for index in 0..<4 { bytes[countAt + index] = UInt8(truncatingIfNeeded: count >> (8 * index)) }
    }

    func digest(_ value: Digest) {
        tag(.digest)
        withUnsafeBytes(of: value.high.littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: value.low.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// One value; the types the caches hold most of are written directly (compared by
    /// type, not cast), the rest through their `encode(to:)`.
    func encodeValue<T: Encodable>(_ value: T) throws {
        if T.self == Digest.self {
            digest(unsafeBitCast(value, to: Digest.self))
        } else if T.self == String.self {
            string(unsafeBitCast(value, to: String.self))
        } else if T.self == Int.self {
            signed(Int64(unsafeBitCast(value, to: Int.self)))
        } else if T.self == UInt64.self {
            unsigned(unsafeBitCast(value, to: UInt64.self))
        } else if T.self == [UInt64].self {
            // What the unkeyed container writes for the array, in one loop (the shared-text
            // memo holds hundreds of thousands).
            let values = unsafeBitCast(value, to: [UInt64].self)
            tag(.unkeyed)
            withUnsafeBytes(of: UInt32(values.count).littleEndian) { bytes.append(contentsOf: $0) }
            for value in values { unsigned(value) }
        } else {
            try value.encode(to: self)
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedContainer<Key>(encoder: self, countAt: open(.keyed)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedContainer(encoder: self, countAt: open(.unkeyed))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleValueContainer(encoder: self) }

    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: BinaryValueEncoder
        let countAt: Int
        var codingPath: [any CodingKey] { [] }

        private func key(_ key: Key) {
            encoder.added(to: countAt)
            encoder.string(key.stringValue)
        }

        mutating func encodeNil(forKey key: Key) throws { self.key(key); encoder.null() }
        mutating func encode(_ value: Bool, forKey key: Key) throws { self.key(key); encoder.bool(value) }
        mutating func encode(_ value: String, forKey key: Key) throws { self.key(key); encoder.string(value) }
        mutating func encode(_ value: Double, forKey key: Key) throws { self.key(key); encoder.double(value) }
        mutating func encode(_ value: Float, forKey key: Key) throws { self.key(key); encoder.double(Double(value)) }
        mutating func encode(_ value: Int, forKey key: Key) throws { self.key(key); encoder.signed(Int64(value)) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { self.key(key); encoder.signed(Int64(value)) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { self.key(key); encoder.signed(Int64(value)) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { self.key(key); encoder.signed(Int64(value)) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { self.key(key); encoder.signed(value) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { self.key(key); encoder.unsigned(UInt64(value)) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { self.key(key); encoder.unsigned(UInt64(value)) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { self.key(key); encoder.unsigned(UInt64(value)) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { self.key(key); encoder.unsigned(UInt64(value)) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { self.key(key); encoder.unsigned(value) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            self.key(key)
            try encoder.encodeValue(value)
        }

        // An absent optional is written as `null`, not left out: entries stay in their
        // written order, and the decoder reads them without a search.
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try present(value, key) }

        private mutating func present<T: Encodable>(_ value: T?, _ key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                            forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            self.key(key)
            return encoder.container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            self.key(key)
            return encoder.unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            encoder.added(to: countAt)
            encoder.string("super")
            return encoder
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            self.key(key)
            return encoder
        }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let encoder: BinaryValueEncoder
        let countAt: Int
        var codingPath: [any CodingKey] { [] }
        private(set) var count = 0

        init(encoder: BinaryValueEncoder, countAt: Int) {
            self.encoder = encoder
            self.countAt = countAt
        }

        private mutating func added() {
            encoder.added(to: countAt)
            count += 1
        }

        mutating func encodeNil() throws { added(); encoder.null() }
        mutating func encode(_ value: Bool) throws { added(); encoder.bool(value) }
        mutating func encode(_ value: String) throws { added(); encoder.string(value) }
        mutating func encode(_ value: Double) throws { added(); encoder.double(value) }
        mutating func encode(_ value: Int) throws { added(); encoder.signed(Int64(value)) }
        mutating func encode(_ value: Int64) throws { added(); encoder.signed(value) }
        mutating func encode(_ value: UInt64) throws { added(); encoder.unsigned(value) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            added()
            try encoder.encodeValue(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            added()
            return encoder.container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            added()
            return encoder.unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            added()
            return encoder
        }
    }

    struct SingleValueContainer: SingleValueEncodingContainer {
        let encoder: BinaryValueEncoder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { encoder.null() }
        mutating func encode(_ value: Bool) throws { encoder.bool(value) }
        mutating func encode(_ value: String) throws { encoder.string(value) }
        mutating func encode(_ value: Double) throws { encoder.double(value) }
        mutating func encode(_ value: Float) throws { encoder.double(Double(value)) }
        mutating func encode(_ value: Int) throws { encoder.signed(Int64(value)) }
        mutating func encode(_ value: Int8) throws { encoder.signed(Int64(value)) }
        mutating func encode(_ value: Int16) throws { encoder.signed(Int64(value)) }
        mutating func encode(_ value: Int32) throws { encoder.signed(Int64(value)) }
        mutating func encode(_ value: Int64) throws { encoder.signed(value) }
        mutating func encode(_ value: UInt) throws { encoder.unsigned(UInt64(value)) }
        mutating func encode(_ value: UInt8) throws { encoder.unsigned(UInt64(value)) }
        mutating func encode(_ value: UInt16) throws { encoder.unsigned(UInt64(value)) }
        mutating func encode(_ value: UInt32) throws { encoder.unsigned(UInt64(value)) }
        mutating func encode(_ value: UInt64) throws { encoder.unsigned(value) }
        mutating func encode<T: Encodable>(_ value: T) throws { try encoder.encodeValue(value) }
    }
}

// MARK: - Decoding

final class BinaryValueDecoder: Decoder {
    let bytes: [UInt8]
    // Unchecked for overlapping access at run time, as the encoder's bytes are: a decoder
    // reads one value on one thread, and every access is a read or an assignment.
    @exclusivity(unchecked) var position: Int
    /// Where the bytes to read end (a file may hold more than one value).
    let end: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ bytes: [UInt8], range: Range<Int>? = nil) {
        self.bytes = bytes
        position = range?.lowerBound ?? 0
        end = range?.upperBound ?? bytes.count
    }

    func fail(_ what: String) -> BinaryCoder.Failure {
        BinaryCoder.Failure(description: "\(what) at byte \(position)")
    }

    func byte() throws -> UInt8 {
        guard position < end else { throw fail("the end of the bytes") }
        defer { position += 1 }
        return bytes[position]
    }

    func peekTag() throws -> BinaryCoder.Tag {
        guard position < end, let tag = BinaryCoder.Tag(rawValue: bytes[position]) else { throw fail("no tag") }
        return tag
    }

    func expect(_ tag: BinaryCoder.Tag) throws {
        guard try byte() == tag.rawValue else {
            position -= 1
            throw fail("not a \(tag)")
        }
    }

    func varint() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try byte()
            guard shift < 64 else { throw fail("a number too long") }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    func signed() throws -> Int64 {
        try expect(.signed)
        let value = try varint()
        return Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
    }

    func unsigned() throws -> UInt64 {
        try expect(.unsigned)
        return try varint()
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let value: T?
        switch try peekTag() {
        case .signed: value = T(exactly: try signed())
        case .unsigned: value = T(exactly: try unsigned())
        default: throw fail("not a number")
        }
        guard let value else { throw fail("a number out of range for \(T.self)") }
        return value
    }

    /// A container's entry count; never more than the bytes left could hold (each entry
    /// takes one at least), so a damaged count reserves no memory it cannot fill.
    func count() throws -> Int {
        guard position + 4 <= end else { throw fail("the end of the bytes") }
        let count = Int(bytes[position]) | Int(bytes[position + 1]) << 8 | Int(bytes[position + 2]) << 16
            | Int(bytes[position + 3]) << 24
        position += 4
        guard count <= end - position else { throw fail("a count past the end") }
        return count
    }

    func string() throws -> String {
        try expect(.string)
        let length = try varint()
        guard length <= UInt64(end - position) else { throw fail("text past the end") }
        defer { position += Int(length) }
        return String(decoding: bytes[position..<(position + Int(length))], as: UTF8.self)
    }

    /// True when the text at the position is `key`'s; the position is left where it was,
    /// or moved past the text when `consuming`.
    func textEquals(_ key: String, consuming: Bool = false) -> Bool {
        let saved = position
        guard position < end, bytes[position] == BinaryCoder.Tag.string.rawValue else { return false }
        position += 1
        guard let length = try? varint(), length <= UInt64(end - position) else {
            position = saved
            return false
        }
        var key = key
        let start = position
        let equal = key.withUTF8 { key in
            guard key.count == Int(length) else { return false }
            guard let text = key.baseAddress, length > 0 else { return true }
            return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, text, key.count) == 0 }
        }
        position = equal && consuming ? start + Int(length) : saved
        return equal
    }

    func double() throws -> Double {
        try expect(.double)
        guard position + 8 <= end else { throw fail("the end of the bytes") }
        var pattern: UInt64 = 0
        for index in 0..<8 { pattern |= UInt64(bytes[position + index]) << (8 * index) }
        position += 8
        return Double(bitPattern: pattern)
    }

    func digest() throws -> Digest {
        try expect(.digest)
        guard position + 16 <= end else { throw fail("the end of the bytes") }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for index in 0..<8 {
            high |= UInt64(bytes[position + index]) << (8 * index)
            low |= UInt64(bytes[position + 8 + index]) << (8 * index)
        }
        position += 16
        return Digest(high: high, low: low)
    }

    func bool() throws -> Bool {
        switch try byte() {
        case BinaryCoder.Tag.trueValue.rawValue: return true
        case BinaryCoder.Tag.falseValue.rawValue: return false
        default:
            position -= 1
            throw fail("not a truth value")
        }
    }

    // Readers for types read by hand (`CachedRecord(binary:)`): each reads exactly what the
    // keyed and unkeyed containers above write, in the synthesized `Codable` order, and
    // throws where the bytes are anything else (the caller then falls back or gives up).

    /// A keyed container of exactly `count` entries starts here; the position moves to its first key.
    func beginKeyed(_ count: Int) throws {
        try expect(.keyed)
        guard try self.count() == count else { throw fail("not a container of \(count) entries") }
    }

    /// The next key is `name`; the position moves to its value.
    func key(_ name: StaticString) throws {
        let start = position
        try expect(.string)
        let length = try varint()
        guard length == UInt64(name.utf8CodeUnitCount), length <= UInt64(end - position),
              bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress! + position, name.utf8Start, Int(length)) == 0 }) else {
            position = start
            throw fail("not the key \(name)")
        }
        position += Int(length)
    }

    /// The text of the key that starts here (a case name); the position moves to its value.
    func caseName() throws -> String { try string() }

    /// nil for a `null` here (passed over), else what `read` reads.
    @inline(__always)
    func optional<T>(_ read: () throws -> T) throws -> T? {
        if position < end, bytes[position] == BinaryCoder.Tag.null.rawValue {
            position += 1
            return nil
        }
        return try read()
    }

    /// An unkeyed container here, each element read by `read`.
    @inline(__always)
    func array<T>(_ read: () throws -> T) throws -> [T] {
        try expect(.unkeyed)
        let count = try count()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read()) }
        return values
    }

    func int() throws -> Int { try integer(Int.self) }

    /// How deep containers may nest in bytes that are passed over: more than any cached
    /// type nests, and few enough that damaged bytes cannot exhaust the stack.
    static let maximumDepth = 64

    /// Passes over one value, whatever it is.
    func skip(depth: Int = 0) throws {
        guard depth < Self.maximumDepth else { throw fail("containers nested too deep") }
        switch try peekTag() {
        case .null, .falseValue, .trueValue: position += 1
        case .signed, .unsigned:
            position += 1
            _ = try varint()
        case .double:
            _ = try double()
        case .digest:
            _ = try digest()
        case .string:
            _ = try string()
        case .keyed:
            position += 1
            for _ in 0..<(try count()) {
                _ = try string()
                try skip(depth: depth + 1)
            }
        case .unkeyed:
            position += 1
            for _ in 0..<(try count()) { try skip(depth: depth + 1) }
        }
    }

    /// Set when a keyed entry had to be searched for (it was not where the written order
    /// puts it): the position is then anywhere in the value being read.
    @exclusivity(unchecked) var searched = false
    /// How many values are being read one inside another.
    @exclusivity(unchecked) private var depth = 0

    /// Reads one value. A value whose entries were searched for is passed over from its
    /// start afterwards, so the next value is read where it begins; one read in the
    /// written order (every synthesized `Codable` type) ends where the next begins.
    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == Digest.self { return unsafeBitCast(try digest(), to: T.self) }
        if T.self == String.self { return unsafeBitCast(try string(), to: T.self) }
        if T.self == Int.self { return unsafeBitCast(try integer(Int.self), to: T.self) }
        if T.self == UInt64.self { return unsafeBitCast(try integer(UInt64.self), to: T.self) }
        if T.self == [UInt64].self { return unsafeBitCast(try array { try integer(UInt64.self) }, to: T.self) }
        // A recursive type (a field group of field groups) nests as deep as its bytes say.
        guard depth < 2 * Self.maximumDepth else { throw fail("values nested too deep") }
        depth += 1
        defer { depth -= 1 }
        let start = position
        let searchedBefore = searched
        searched = false
        let value = try T(from: self)
        if searched {
            position = start
            try skip()
        }
        searched = searchedBefore
        return value
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        try expect(.keyed)
        let count = try count()
        return KeyedDecodingContainer(KeyedContainer<Key>(decoder: self, start: position, count: count))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try expect(.unkeyed)
        let count = try count()
        return UnkeyedContainer(decoder: self, count: count)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleValueContainer(decoder: self) }

    struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let decoder: BinaryValueDecoder
        /// Where the first entry starts, and how many there are.
        let start: Int
        let count: Int
        var codingPath: [any CodingKey] { [] }

        /// Every entry's key and where its value starts, found by reading the container
        /// through (for `allKeys`, and for a key not where the written order puts it).
        private func entries() throws -> [(key: String, value: Int)] {
            let saved = decoder.position
            defer { decoder.position = saved }
            decoder.position = start
            var entries: [(key: String, value: Int)] = []
            entries.reserveCapacity(count)
            for _ in 0..<count {
                let key = try decoder.string()
                entries.append((key, decoder.position))
                try decoder.skip()
            }
            return entries
        }

        var allKeys: [Key] { ((try? entries()) ?? []).compactMap { Key(stringValue: $0.key) } }

        /// True when the container has `key`; true too when it cannot be read through (it
        /// is damaged), so that reading the entry fails rather than finds it absent.
        func contains(_ key: Key) -> Bool {
            guard !decoder.textEquals(key.stringValue) else { return true }
            guard let entries = try? entries() else { return true }
            return entries.contains { $0.key == key.stringValue }
        }

        /// Moves to `key`'s value: the next entry when it is that key (the written order),
        /// found by a search of the container otherwise.
        private func seek(_ key: Key) throws {
            if decoder.textEquals(key.stringValue, consuming: true) { return }
            guard let found = try entries().first(where: { $0.key == key.stringValue }) else {
                throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "no entry \(key.stringValue)"))
            }
            decoder.searched = true
            decoder.position = found.value
        }

        func decodeNil(forKey key: Key) throws -> Bool {
            let saved = decoder.position
            try seek(key)
            if try decoder.peekTag() == .null {
                decoder.position += 1
                return true
            }
            // Not nil: left for the `decode` that follows, which finds the key again.
            decoder.position = saved
            return false
        }

        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try seek(key); return try decoder.bool() }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try seek(key); return try decoder.string() }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try seek(key); return try decoder.double() }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try seek(key); return Float(try decoder.double()) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try seek(key); return try decoder.integer(type) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try seek(key); return try decoder.integer(type) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try seek(key); return try decoder.integer(type) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try seek(key); return try decoder.integer(type) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try seek(key); return try decoder.integer(type) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try seek(key); return try decoder.integer(type) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try seek(key); return try decoder.integer(type) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try seek(key); return try decoder.integer(type) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try seek(key); return try decoder.integer(type) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try seek(key); return try decoder.integer(type) }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try seek(key)
            return try decoder.decodeValue(type)
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type,
                                                   forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try seek(key)
            return try decoder.container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try seek(key)
            return try decoder.unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder {
            guard let found = try entries().first(where: { $0.key == "super" }) else {
                throw decoder.fail("no super entry")
            }
            decoder.searched = true
            decoder.position = found.value
            return decoder
        }

        func superDecoder(forKey key: Key) throws -> any Decoder {
            try seek(key)
            return decoder
        }
    }

    struct UnkeyedContainer: UnkeyedDecodingContainer {
        let decoder: BinaryValueDecoder
        let count: Int?
        private(set) var currentIndex = 0
        var codingPath: [any CodingKey] { [] }
        var isAtEnd: Bool { currentIndex >= count! }

        init(decoder: BinaryValueDecoder, count: Int) {
            self.decoder = decoder
            self.count = count
        }

        private mutating func next() throws {
            guard !isAtEnd else { throw decoder.fail("past the last element") }
            currentIndex += 1
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, try decoder.peekTag() == .null else { return false }
            decoder.position += 1
            currentIndex += 1
            return true
        }

        mutating func decode(_ type: Bool.Type) throws -> Bool { try next(); return try decoder.bool() }
        mutating func decode(_ type: String.Type) throws -> String { try next(); return try decoder.string() }
        mutating func decode(_ type: Double.Type) throws -> Double { try next(); return try decoder.double() }
        mutating func decode(_ type: Int.Type) throws -> Int { try next(); return try decoder.integer(type) }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(); return try decoder.integer(type) }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(); return try decoder.integer(type) }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try next()
            return try decoder.decodeValue(type)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try next()
            return try decoder.container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            try next()
            return try decoder.unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder {
            try next()
            return decoder
        }
    }

    struct SingleValueContainer: SingleValueDecodingContainer {
        let decoder: BinaryValueDecoder
        var codingPath: [any CodingKey] { [] }

        func decodeNil() -> Bool { (try? decoder.peekTag()) == .null }
        func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool() }
        func decode(_ type: String.Type) throws -> String { try decoder.string() }
        func decode(_ type: Double.Type) throws -> Double { try decoder.double() }
        func decode(_ type: Float.Type) throws -> Float { Float(try decoder.double()) }
        func decode(_ type: Int.Type) throws -> Int { try decoder.integer(type) }
        func decode(_ type: Int8.Type) throws -> Int8 { try decoder.integer(type) }
        func decode(_ type: Int16.Type) throws -> Int16 { try decoder.integer(type) }
        func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(type) }
        func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(type) }
        func decode(_ type: UInt.Type) throws -> UInt { try decoder.integer(type) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.integer(type) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.integer(type) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.integer(type) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.integer(type) }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(type) }
    }
}
