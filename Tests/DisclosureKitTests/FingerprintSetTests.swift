import Testing
@testable import DisclosureKit

/// The set operations the leak index is built with: they must agree with `Set`.
struct FingerprintSetTests {
    /// Seeded values with many repeats, zero among them (the tables keep zero apart).
    func sample(_ count: Int, seed: UInt64, range: UInt64) -> [UInt64] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (state >> 20) % range
        }
    }

    @Test(arguments: [0, 1, 2, 17, 1000, 50_000])
    func distinctInOrderKeepsEachValueOnceInFirstOrder(count: Int) {
        let values = sample(count, seed: UInt64(count), range: UInt64(max(1, count / 3)))
        let kept = LeakIndex.distinctInOrder(values)
        var seen = Set<UInt64>()
        #expect(kept == values.filter { seen.insert($0).inserted })
    }

    @Test(arguments: [(0, 0), (0, 10), (10, 0), (1000, 3000), (5000, 5000)])
    func mergedDistinctIsTheSortedUnion(sizes: (Int, Int)) {
        let a = Set(sample(sizes.0, seed: 1, range: 4000)).sorted()
        let b = Set(sample(sizes.1, seed: 2, range: 4000)).sorted()
        #expect(LeakIndex.mergedDistinct(a, b) == Set(a).union(b).sorted())
    }

    /// Winnowing by its definition: the rightmost smallest hash of every block of windows,
    /// each kept once.
    func winnowedByDefinition(_ text: [UInt8]) -> [(hash: UInt64, offset: Int)] {
        var hashes: [UInt64] = []
        text.withUnsafeBufferPointer { bytes in TextFingerprints.forEachWindow(bytes) { _, hash in hashes.append(hash) } }
        guard !hashes.isEmpty else { return [] }
        let blockSize = min(TextFingerprints.block, hashes.count)
        var kept: [(hash: UInt64, offset: Int)] = []
        for start in 0...(hashes.count - blockSize) {
            var minimum = start
            for i in start..<(start + blockSize) where hashes[i] <= hashes[minimum] { minimum = i }
            if kept.last?.offset != minimum { kept.append((hashes[minimum], minimum)) }
        }
        return kept
    }

    /// Texts of two letters repeat windows (equal hashes, where "rightmost" matters);
    /// lengths around the window and the block.
    @Test(arguments: [0, 11, 12, 13, 18, 19, 20, 64, 1000, 20_000])
    func winnowKeepsWhatTheDefinitionKeeps(length: Int) {
        for alphabet in [2, 256] as [UInt64] {
            let text = sample(length, seed: UInt64(length) &+ alphabet, range: alphabet).map { UInt8($0) }
            let fast = TextFingerprints.winnow(text)
            let reference = winnowedByDefinition(text)
            #expect(fast.map(\.hash) == reference.map(\.hash))
            #expect(fast.map(\.offset) == reference.map(\.offset))
        }
    }

    @Test(arguments: [0, 1, 100, 40_000])
    func filterAnswersAsTheSetDoes(count: Int) {
        let members = sample(count, seed: 7, range: 1 << 40) + [0]
        let filter = FingerprintFilter(members: members)
        let set = Set(members)
        let asked = sample(20_000, seed: 8, range: 1 << 40) + members.prefix(500)
        #expect(asked.filter { filter.contains($0) } == asked.filter { set.contains($0) })
        #expect(!FingerprintFilter(members: []).contains(0))
    }
}
