/// Which of the leak candidates (fingerprints of non-public text) the public pages hold,
/// kept from one build to the next so that an edit to a few records does not make the
/// audit read every public source again.
///
/// Public and non-public records share a lot of boilerplate, so a few thousand
/// fingerprints are held by hundreds of pages each ("common") and the rest by a few
/// ("rare"). Common ones are kept with a lower bound on how many pages hold them; rare
/// ones page by page. When R pages change, a common fingerprint held by more than R
/// pages is still held by an unchanged one; a rare one is held when an unchanged page
/// lists it or a changed page holds it now. Bounds only fall; when one would fall to
/// `threshold / 2`, everything is counted again.
struct PublishedFingerprints: Sendable {
    /// Held by more than this many pages when last counted: common.
    static let threshold = 16

    /// Common fingerprint → at least this many public pages hold it.
    var common: [UInt64: Int] = [:]
    /// Public page key → the rare fingerprints its text holds.
    var rare: [Digest: [UInt64]] = [:]

    /// Brings `previous` up to date for `pages` (each a key and a way to find the
    /// candidates its text holds), computing only pages whose key is new; every page is
    /// computed when there is no previous state or too much changed. Returns the new
    /// state and every fingerprint some public page holds.
    static func update(_ previous: PublishedFingerprints?, pages: [Digest],
                       hits: @Sendable (Int) -> [UInt64]) -> (PublishedFingerprints, Set<UInt64>) {
        if let previous {
            let current = Set(pages)
            let removed = previous.rare.keys.filter { !current.contains($0) }.count
            if removed <= threshold / 2 {
                let fresh = pages.indices.filter { previous.rare[pages[$0]] == nil }
                let freshHits = parallelMap(fresh) { Set(hits($0)) }
                var state = PublishedFingerprints()
                state.common = previous.common.mapValues { $0 - removed }
                for found in freshHits {
                    for print in found where state.common[print] != nil { state.common[print]! += 1 }
                }
                if state.common.values.allSatisfy({ $0 > threshold / 2 }) {
                    var published = Set(state.common.keys)
                    for page in pages where previous.rare[page] != nil {
                        state.rare[page] = previous.rare[page]
                        published.formUnion(previous.rare[page]!)
                    }
                    for (index, found) in zip(fresh, freshHits) {
                        state.rare[pages[index]] = found.filter { state.common[$0] == nil }.sorted()
                        published.formUnion(found)
                    }
                    return (state, published)
                }
            }
        }
        // Counted a chunk of pages at a time, so that only one chunk's hits are held. A
        // fingerprint that ends up rare was under the threshold all along, so a page keeps
        // the fingerprints still under it when it is counted; those that become common
        // later are dropped at the end.
        var counts = CountTable()
        var kept: [[UInt64]] = []
        kept.reserveCapacity(pages.count)
        parallelChunks(count: pages.count, { LeakIndex.sortedDistinct(hits($0)) }) { _, chunk in
            for found in chunk {
                var mine: [UInt64] = []
                for print in found where counts.increment(print) <= threshold { mine.append(print) }
                kept.append(mine)
            }
        }
        var state = PublishedFingerprints()
        state.common = counts.entries(over: threshold)
        for (page, found) in zip(pages, kept) {
            state.rare[page] = found.filter { state.common[$0] == nil }.sorted()
        }
        return (state, counts.counted)
    }
}

/// Counts per fingerprint, in an open-addressed table: the counting is serial, and
/// Dictionary's hashing made it 3 s of a 100,000-record build.
private struct CountTable {
    private var keys: [UInt64]
    private var counts: [Int32]
    private var used = 0
    private var shift: UInt64
    /// Fingerprint 0 marks an empty slot, so its own count is kept aside.
    private var zeroCount: Int32 = 0

    init() {
        keys = [UInt64](repeating: 0, count: 1 << 16)
        counts = [Int32](repeating: 0, count: 1 << 16)
        shift = 64 - 16
    }

    /// Adds one to the count of `key`; the new count.
    mutating func increment(_ key: UInt64) -> Int {
        if key == 0 {
            zeroCount += 1
            return Int(zeroCount)
        }
        if used * 2 >= keys.count { grow() }
        var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        let mask = keys.count - 1
        while true {
            if keys[slot] == key {
                counts[slot] += 1
                return Int(counts[slot])
            }
            if keys[slot] == 0 {
                keys[slot] = key
                counts[slot] = 1
                used += 1
                return 1
            }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        let oldKeys = keys, oldCounts = counts
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        counts = [Int32](repeating: 0, count: oldKeys.count * 2)
        shift -= 1
        let mask = keys.count - 1
        for (key, count) in zip(oldKeys, oldCounts) where key != 0 {
            var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            counts[slot] = count
        }
    }

    /// The fingerprints counted more than `threshold` times, with their counts.
    func entries(over threshold: Int) -> [UInt64: Int] {
        var result: [UInt64: Int] = [:]
        for (key, count) in zip(keys, counts) where key != 0 && Int(count) > threshold { result[key] = Int(count) }
        if Int(zeroCount) > threshold { result[0] = Int(zeroCount) }
        return result
    }

    /// Every fingerprint counted.
    var counted: Set<UInt64> {
        var result = Set<UInt64>(minimumCapacity: used + 1)
        for key in keys where key != 0 { result.insert(key) }
        if zeroCount > 0 { result.insert(0) }
        return result
    }
}
