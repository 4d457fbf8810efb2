/// An `Encoder` that feeds every value of an `Encodable` into a `StableHasher`, tagged by
/// its kind and, in a keyed container, preceded by its key. A page model's cache key is
/// its encoding through this: the compiler writes the encoding from the stored
/// properties, so a field added to a model is in its key without anyone listing it.
/// Optionals the compiler encodes with `encodeIfPresent` are left out when nil, and their
/// key with them, so an absent value and a present one never hash alike.
struct StableDigestEncoder: Encoder {
    /// The hasher the containers share: a class, since containers are values handed out.
    final class Sink {
        var hasher = StableHasher()
    }

    let sink: Sink
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    static func digest(of value: some Encodable) -> Digest {
        let encoder = StableDigestEncoder(sink: Sink())
        // The encoder itself never throws; a model's own `encode(to:)` might, and then its
        // key is the digest of what it wrote, plus the marker below.
        do { try value.encode(to: encoder) } catch { encoder.sink.hasher.combine(UInt64(0xDEAD)) }
        return encoder.sink.hasher.finalize()
    }

    enum Tag: UInt64 {
        case keyed = 1, unkeyed, null, text, flag, integer, unsigned, real, end
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        sink.hasher.combine(Tag.keyed.rawValue)
        return KeyedEncodingContainer(Keyed<Key>(sink: sink))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        sink.hasher.combine(Tag.unkeyed.rawValue)
        return Unkeyed(sink: sink)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(sink: sink) }

    /// Every scalar a container can hold, fed in one way.
    struct Single: SingleValueEncodingContainer {
        let sink: Sink
        var codingPath: [any CodingKey] { [] }

        func encodeNil() { sink.hasher.combine(Tag.null.rawValue) }
        func encode(_ value: Bool) { sink.hasher.combine(Tag.flag.rawValue); sink.hasher.combine(value) }
        func encode(_ value: String) { sink.hasher.combine(Tag.text.rawValue); sink.hasher.combine(value) }
        func encode(_ value: Double) { sink.hasher.combine(Tag.real.rawValue); sink.hasher.combine(value.bitPattern) }
        func encode(_ value: Float) { encode(Double(value)) }
        func encode(_ value: Int) { sink.hasher.combine(Tag.integer.rawValue); sink.hasher.combine(value) }
        func encode(_ value: Int8) { encode(Int(value)) }
        func encode(_ value: Int16) { encode(Int(value)) }
        func encode(_ value: Int32) { encode(Int(value)) }
        func encode(_ value: Int64) { encode(Int(value)) }
        func encode(_ value: UInt) { encode(UInt64(value)) }
        func encode(_ value: UInt8) { encode(UInt64(value)) }
        func encode(_ value: UInt16) { encode(UInt64(value)) }
        func encode(_ value: UInt32) { encode(UInt64(value)) }
        func encode(_ value: UInt64) { sink.hasher.combine(Tag.unsigned.rawValue); sink.hasher.combine(value) }
        /// A nested value, closed by an end mark: `{a: {b}, c}` and `{a: {b, c}}` differ.
        func encode<T: Encodable>(_ value: T) throws {
            try value.encode(to: StableDigestEncoder(sink: sink))
            sink.hasher.combine(Tag.end.rawValue)
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let sink: Sink
        var codingPath: [any CodingKey] { [] }

        private func key(_ key: Key) -> Single {
            sink.hasher.combine(key.stringValue)
            return Single(sink: sink)
        }

        func encodeNil(forKey k: Key) { key(k).encodeNil() }
        func encode(_ value: Bool, forKey k: Key) { key(k).encode(value) }
        func encode(_ value: String, forKey k: Key) { key(k).encode(value) }
        func encode(_ value: Double, forKey k: Key) { key(k).encode(value) }
        func encode(_ value: Float, forKey k: Key) { key(k).encode(value) }
        func encode(_ value: Int, forKey k: Key) { key(k).encode(value) }
        func encode(_ value: Int8, forKey k: Key) { key(k).encode(value) }
        func encode(_ value: Int16, forKey k: Key) { key(k).encode(value) }
        func encode(_ value: Int32, forKey k: Key) { key(k).encode(value) }
        func encode(_ value: Int64, forKey k: Key) { key(k).encode(value) }
        func encode(_ value: UInt, forKey k: Key) { key(k).encode(value) }
        func encode(_ value: UInt8, forKey k: Key) { key(k).encode(value) }
        func encode(_ value: UInt16, forKey k: Key) { key(k).encode(value) }
        func encode(_ value: UInt32, forKey k: Key) { key(k).encode(value) }
        func encode(_ value: UInt64, forKey k: Key) { key(k).encode(value) }
        func encode<T: Encodable>(_ value: T, forKey k: Key) throws { try key(k).encode(value) }

        func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey k: Key) -> KeyedEncodingContainer<NestedKey> {
            sink.hasher.combine(k.stringValue)
            return StableDigestEncoder(sink: sink).container(keyedBy: keyType)
        }
        func nestedUnkeyedContainer(forKey k: Key) -> any UnkeyedEncodingContainer {
            sink.hasher.combine(k.stringValue)
            return StableDigestEncoder(sink: sink).unkeyedContainer()
        }
        func superEncoder() -> any Encoder { StableDigestEncoder(sink: sink) }
        func superEncoder(forKey k: Key) -> any Encoder {
            sink.hasher.combine(k.stringValue)
            return StableDigestEncoder(sink: sink)
        }
    }

    /// An array: its elements in order, each tagged; its end is marked by the value that
    /// holds it (`Single.encode`).
    final class Unkeyed: UnkeyedEncodingContainer {
        let sink: Sink
        var codingPath: [any CodingKey] { [] }
        private(set) var count = 0

        init(sink: Sink) { self.sink = sink }

        private func next() -> Single {
            count += 1
            return Single(sink: sink)
        }

        func encodeNil() { next().encodeNil() }
        func encode(_ value: Bool) { next().encode(value) }
        func encode(_ value: String) { next().encode(value) }
        func encode(_ value: Double) { next().encode(value) }
        func encode(_ value: Float) { next().encode(value) }
        func encode(_ value: Int) { next().encode(value) }
        func encode(_ value: Int8) { next().encode(value) }
        func encode(_ value: Int16) { next().encode(value) }
        func encode(_ value: Int32) { next().encode(value) }
        func encode(_ value: Int64) { next().encode(value) }
        func encode(_ value: UInt) { next().encode(value) }
        func encode(_ value: UInt8) { next().encode(value) }
        func encode(_ value: UInt16) { next().encode(value) }
        func encode(_ value: UInt32) { next().encode(value) }
        func encode(_ value: UInt64) { next().encode(value) }
        func encode<T: Encodable>(_ value: T) throws { try next().encode(value) }

        func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            count += 1
            return StableDigestEncoder(sink: sink).container(keyedBy: keyType)
        }
        func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            count += 1
            return StableDigestEncoder(sink: sink).unkeyedContainer()
        }
        func superEncoder() -> any Encoder {
            count += 1
            return StableDigestEncoder(sink: sink)
        }
    }
}
