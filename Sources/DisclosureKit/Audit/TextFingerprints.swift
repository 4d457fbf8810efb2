/// Fingerprints of text for finding any shared run of bytes, however it was cut: every
/// `window`-byte substring is hashed with a rolling (Rabin–Karp) hash, and winnowing keeps
/// the smallest hash of every `block` consecutive windows. Two texts that share a run of
/// at least `guaranteedLength` bytes share a kept fingerprint.
public enum TextFingerprints {
    public static let window = 12
    public static let block = 8
    /// window + block − 1: 19 bytes, e.g. a `CANARY-…` token or six Chinese characters.
    public static let guaranteedLength = window + block - 1

    static let base: UInt64 = 0x100000001B3
    static let topPower: UInt64 = {
        var power: UInt64 = 1
        for _ in 1..<window { power = power &* base }
        return power
    }()

    /// Calls `body(offset, hash)` for every window of `bytes`.
    @inline(__always)
    static func forEachWindow(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, UInt64) -> Void) {
        guard bytes.count >= window, let p = bytes.baseAddress else { return }
        var hash: UInt64 = 0
        for i in 0..<window { hash = hash &* base &+ UInt64(p[i]) }
        body(0, hash)
        var start = 1
        while start + window <= bytes.count {
            hash = (hash &- UInt64(p[start - 1]) &* topPower) &* base &+ UInt64(p[start + window - 1])
            body(start, hash)
            start += 1
        }
    }

    /// The winnowed fingerprints of `text`, with the offset of each window: of every
    /// `block` consecutive windows, the rightmost smallest hash, each kept once. The
    /// smallest is carried from one block to the next and the block scanned again only
    /// when it leaves (the whole block was scanned at every window, and the hashes
    /// gathered into a growing array: this was most of a one-record rebuild's leak index).
    public static func winnow(_ text: [UInt8]) -> [(hash: UInt64, offset: Int)] {
        let count = text.count - window + 1
        guard count > 0 else { return [] }
        let hashes = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: count)
        defer { hashes.deallocate() }
        text.withUnsafeBufferPointer { bytes in forEachWindow(bytes) { offset, hash in hashes[offset] = hash } }
        let blockSize = min(block, count)
        var kept: [(hash: UInt64, offset: Int)] = []
        kept.reserveCapacity(2 * count / (blockSize + 1) + 1)
        var minimum = 0
        for i in 0..<blockSize where hashes[i] <= hashes[minimum] { minimum = i }
        kept.append((hashes[minimum], minimum))
        var end = blockSize
        while end < count {
            let start = end - blockSize + 1
            if minimum < start {
                minimum = start
                for i in start...end where hashes[i] <= hashes[minimum] { minimum = i }
                kept.append((hashes[minimum], minimum))
            } else if hashes[end] <= hashes[minimum] {
                minimum = end
                kept.append((hashes[minimum], minimum))
            }
            end += 1
        }
        return kept
    }
}
