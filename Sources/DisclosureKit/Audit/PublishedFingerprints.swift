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
struct PublishedFingerprints: Sendable, Codable {
    /// Held by more than this many pages when last counted: common.
    static let threshold = 16

    /// Common fingerprint → at least this many public pages hold it.
    var common: [UInt64: Int] = [:]
    /// Public page key → the rare fingerprints its text holds.
    var rare: [Digest: [UInt64]] = [:]
    /// The digest of the other public text searched beside the pages (`LeakIndex`: the
    /// text built into the binary, public attachments' names, the fixed pages): with equal
    /// non-public texts, equal digests hold the same fingerprints.
    var otherText: Digest = .zero

    /// Brings `previous` up to date for `pages` (each a key and a way to find the
    /// candidates its text holds), computing only pages whose key is new; every page is
    /// computed when there is no previous state or too much changed. Returns the new
    /// state, every fingerprint some public page holds, and, when `previous` was brought
    /// up to date, the rare fingerprints of the pages that went: the only ones the pages
    /// of `previous` held that may be held no more (common ones stay held).
    static func update(_ previous: PublishedFingerprints?, pages: [Digest],
                       hits: @Sendable (Int) -> [UInt64]) -> (PublishedFingerprints, Set<UInt64>, dropped: [UInt64]?) {
        if let previous {
            let current = Set(pages)
            let gone = previous.rare.keys.filter { !current.contains($0) }
            let removed = gone.count
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
                    return (state, published, gone.flatMap { previous.rare[$0]! })
                }
            }
        }
        // Counted a chunk of pages at a time, so that only one chunk's hits are held. A
        // fingerprint that ends up rare was under the threshold all along, so a page keeps
        // the fingerprints still under it when it is counted; those that become common
        // later are dropped at the end.
        var counts = FingerprintMap()
        var kept: [[UInt64]] = []
        kept.reserveCapacity(pages.count)
        // Each page's hits once, in any order: a page counts a fingerprint once, and which
        // of its fingerprints stay under the threshold does not depend on their order.
        parallelChunks(count: pages.count, { LeakIndex.distinctInOrder(hits($0)) }) { _, chunk in
            for found in chunk {
                var mine: [UInt64] = []
                for print in found where counts.increment(print) <= threshold { mine.append(print) }
                kept.append(mine)
            }
        }
        var state = PublishedFingerprints()
        let counted = counts.all
        state.common = Dictionary(uniqueKeysWithValues: counted.lazy.filter { Int($0.value) > threshold }.map { ($0.key, Int($0.value)) })
        for (page, found) in zip(pages, kept) {
            state.rare[page] = found.filter { state.common[$0] == nil }.sorted()
        }
        return (state, Set(counted.lazy.map(\.key)), nil)
    }
}
