/// A 128-bit content digest that is the same in every process and on every run: what the
/// build cache keys pages by. (Swift's `Hasher` is seeded per process, so it cannot be
/// stored.) Not cryptographic: it tells edits apart, it does not resist forgery, and a
/// forged collision could only make a build reuse one of its own earlier outputs.
public struct Digest: Hashable, Sendable, Codable, CustomStringConvertible {
    public var high: UInt64
    public var low: UInt64

    public static let zero = Digest(high: 0, low: 0)

    public var description: String { hex(high) + hex(low) }

    /// Reads the 32 hexadecimal digits `description` writes.
    public init?(_ text: Substring) {
        guard text.utf8.count == 32, let high = UInt64(text.prefix(16), radix: 16),
              let low = UInt64(text.suffix(16), radix: 16) else { return nil }
        self.init(high: high, low: low)
    }

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    private func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// Feeds bytes, strings and numbers into two independent multiply-rotate lanes, eight
/// bytes at a time. Every variable-length value is length-prefixed, so ("ab", "c") and
/// ("a", "bc") differ.
public struct StableHasher: Sendable {
    private var a: UInt64 = 0x243F_6A88_85A3_08D3
    private var b: UInt64 = 0x1319_8A2E_0370_7344
    private var length: UInt64 = 0

    public init() {}

    public static func digest(_ bytes: [UInt8]) -> Digest {
        var hasher = StableHasher()
        hasher.combine(bytes)
        return hasher.finalize()
    }

    public mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        combine(UInt64(bytes.count))
        var offset = 0
        while offset + 8 <= bytes.count {
            mix(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        if offset < bytes.count {
            var tail: UInt64 = 0
            for (shift, byte) in bytes[offset...].enumerated() { tail |= UInt64(byte) << UInt64(shift * 8) }
            mix(tail)
        }
    }

    public mutating func combine(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine($0) }
    }

    public mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
    }

    public mutating func combine(_ value: UInt64) { mix(value) }
    public mutating func combine(_ value: Int) { mix(UInt64(bitPattern: Int64(value))) }
    public mutating func combine(_ value: Bool) { mix(value ? 1 : 2) }
    public mutating func combine(_ digest: Digest) {
        mix(digest.high)
        mix(digest.low)
    }

    private mutating func mix(_ word: UInt64) {
        length &+= 1
        a = rotate((a ^ word) &* 0x9E37_79B9_7F4A_7C15, 31)
        b = rotate((b ^ (word &+ length)) &* 0xC2B2_AE3D_27D4_EB4F, 29) &+ a
    }

    private func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }

    /// MurmurHash3's finaliser on each lane, so every input bit reaches every output bit.
    public func finalize() -> Digest {
        func avalanche(_ value: UInt64) -> UInt64 {
            var x = value
            x ^= x >> 33
            x &*= 0xFF51_AFD7_ED55_8CCD
            x ^= x >> 33
            x &*= 0xC4CE_B9FE_1A85_EC53
            x ^= x >> 33
            return x
        }
        return Digest(high: avalanche(a ^ length), low: avalanche(b &+ a))
    }
}
