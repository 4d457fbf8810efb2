import Testing
@testable import DisclosureKit

/// The ordered parallel map and the streamed chunks every stage is built on: results in
/// input order whatever the scheduling, each chunk folded in once, in order, and a
/// failure of the fold ending the stream.
struct ParallelTests {
    @Test(arguments: [0, 1, 2, 63, 64, 65, 1000])
    func parallelMapKeepsInputOrder(count: Int) {
        let inputs = Array(0..<count)
        #expect(parallelMap(inputs) { $0 * $0 } == inputs.map { $0 * $0 })
    }

    /// Around the chunk size, so that the last chunk is whole, partial or alone.
    @Test(arguments: [0, 1, streamingChunkSize - 1, streamingChunkSize, streamingChunkSize + 1, 5 * streamingChunkSize + 7])
    func chunksAreFoldedInOnceInOrder(count: Int) {
        var ranges: [Range<Int>] = []
        var folded: [Int] = []
        parallelChunks(count: count, { $0 * 3 }) { range, results in
            ranges.append(range)
            folded += results
        }
        #expect(folded == (0..<count).map { $0 * 3 })
        #expect(ranges.map(\.count).reduce(0, +) == count)
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        #expect(ranges.allSatisfy { $0.count <= streamingChunkSize })
    }

    struct Stop: Error, Equatable { let chunk: Int }

    @Test func aFailingFoldEndsTheStream() {
        var seen: [Int] = []
        #expect(throws: Stop(chunk: 1)) {
            try parallelChunks(count: 4 * streamingChunkSize, { $0 }) { (range: Range<Int>, _: [Int]) throws(Stop) in
                let chunk = range.lowerBound / streamingChunkSize
                seen.append(chunk)
                if chunk == 1 { throw Stop(chunk: chunk) }
            }
        }
        #expect(seen == [0, 1])
    }

    /// Each item's elements land together, items in order, however the work is split.
    @Test(arguments: [0, 1, 5, 64, 65, 700])
    func joinedFillsEachItemsElementsInOrder(items: Int) {
        let counts = (0..<items).map { ($0 * 7) % 5 }
        let joined = parallelJoined(counts: counts) { (item: Int, emit: (Int) -> Void) in
            for k in 0..<counts[item] { emit(item * 10 + k) }
        }
        #expect(joined == (0..<items).flatMap { item in (0..<counts[item]).map { item * 10 + $0 } })
    }
}
