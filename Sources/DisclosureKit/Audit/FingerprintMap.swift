/// Fingerprint → a small number, in an open-addressed table: one probe, mostly one cache
/// miss. The leak search looks up tens of millions of text windows at 100,000 records:
/// binary searches over sorted arrays (23 misses each) and Swift's Dictionary (hashing
/// each key with SipHash) were each seconds of the build. Fingerprints are hashes already,
/// so a multiply spreads them enough.
struct FingerprintMap: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var used = 0
    private var shift: UInt64
    /// Fingerprint 0 marks an empty slot, so its own value is kept aside.
    private var zeroValue: Int32?

    /// A map with room for `capacity` fingerprints before it grows.
    init(capacity: Int = 0) {
        var bits: UInt64 = 4
        while (1 << bits) < capacity * 2 { bits += 1 }
        keys = [UInt64](repeating: 0, count: 1 << Int(bits))
        values = [Int32](repeating: 0, count: 1 << Int(bits))
        shift = 64 - bits
    }

    /// Each distinct fingerprint of the sorted `prints`, to the index where it first occurs.
    init(firstIndicesOf prints: some Collection<UInt64>) {
        var distinct = 0
        var previous: UInt64?
        for print in prints where print != previous {
            distinct += 1
            previous = print
        }
        self.init(capacity: distinct)
        previous = nil
        for (index, print) in prints.enumerated() where print != previous {
            previous = print
            self[print] = Int32(index)
        }
    }

    /// Each distinct fingerprint of `prints`, in any order, to 0: a set, grown as it
    /// fills rather than sized from a sorted or deduplicated copy of `prints`.
    init(members prints: some Sequence<UInt64>) {
        self.init()
        for print in prints { self[print] = 0 }
    }

    subscript(key: UInt64) -> Int32? {
        get {
            if key == 0 { return zeroValue }
            let slot = self.slot(of: key)
            return keys[slot] == key ? values[slot] : nil
        }
        set {
            guard let newValue else { preconditionFailure("fingerprints are never removed") }
            if key == 0 {
                zeroValue = newValue
                return
            }
            if used * 2 >= keys.count { grow() }
            let slot = self.slot(of: key)
            if keys[slot] != key {
                keys[slot] = key
                used += 1
            }
            values[slot] = newValue
        }
    }

    /// Adds one to the value of `key` (0 when absent); the new value.
    mutating func increment(_ key: UInt64) -> Int {
        let value = (self[key] ?? 0) + 1
        self[key] = value
        return Int(value)
    }

    /// Every fingerprint with its value, in no particular order.
    var all: [(key: UInt64, value: Int32)] {
        var all = zip(keys, values).filter { $0.0 != 0 }.map { (key: $0.0, value: $0.1) }
        if let zeroValue { all.append((0, zeroValue)) }
        return all
    }

    /// The slot holding `key`, or the empty one where it would go.
    private func slot(of key: UInt64) -> Int {
        var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        let mask = keys.count - 1
        while keys[slot] != key, keys[slot] != 0 { slot = (slot + 1) & mask }
        return slot
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.0 != 0 }
        keys = [UInt64](repeating: 0, count: keys.count * 2)
        values = [Int32](repeating: 0, count: values.count * 2)
        shift -= 1
        for (key, value) in old {
            let slot = self.slot(of: key)
            keys[slot] = key
            values[slot] = value
        }
    }
}
