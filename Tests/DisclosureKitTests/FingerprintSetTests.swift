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
        let a = LeakIndex.sortedDistinct(sample(sizes.0, seed: 1, range: 4000))
        let b = LeakIndex.sortedDistinct(sample(sizes.1, seed: 2, range: 4000))
        #expect(LeakIndex.mergedDistinct(a, b) == Set(a).union(b).sorted())
    }
}
