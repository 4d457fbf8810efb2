import Testing
@testable import DisclosureKit

/// The leak searches' table of fingerprints: every entry of a fingerprint found, in
/// owner then offset order, whatever order they were handed in; entries whose prints
/// share only their low 32 bits are given too (callers compare bytes), others never.
struct FingerprintEntriesTests {
    @Test(arguments: [0, 1, 3, 100, 5000])
    func eachPrintGivesAllItsEntriesInOrder(count: Int) {
        var generator = SystemRandomNumberGenerator()
        // Few distinct prints, so that most have several entries.
        let prints = (0..<max(1, count / 3)).map { _ in UInt64.random(in: 0...UInt64.max, using: &generator) }
        var made: [FingerprintEntries.Entry] = []
        for i in 0..<count {
            made.append(.init(print: prints[i % prints.count], owner: Int32(i % 11), offset: Int32(i)))
        }
        let expected = Dictionary(grouping: made, by: \.print)
        let table = FingerprintEntries(made.shuffled())
        #expect(table.isEmpty == (count == 0))
        for print in prints {
            var found: [FingerprintEntries.Entry] = []
            table.forEach(of: print) { found.append($0); return true }
            let want = (expected[UInt32(truncatingIfNeeded: print)] ?? [])
                .sorted { ($0.owner, $0.offset) < ($1.owner, $1.offset) }
            #expect(found.map(\.owner) == want.map(\.owner))
            #expect(found.map(\.offset) == want.map(\.offset))
        }
        #expect(Set(table.distinctPrints) == Set(expected.keys.map(UInt64.init)))
        #expect(table.distinctPrints.count == expected.count)
    }

    @Test func onlyTheLow32BitsAreCompared() {
        let table = FingerprintEntries([.init(print: 0x1_0000_0007, owner: 1, offset: 2)])
        var hits = 0
        table.forEach(of: 0x2_0000_0007) { _ in hits += 1; return true }
        table.forEach(of: 0x1_0000_0008) { _ in hits += 10; return true }
        #expect(hits == 1)
    }

    @Test func aFalseReturnStopsTheWalk() {
        let table = FingerprintEntries((0..<5).map { .init(print: 42, owner: 0, offset: Int32($0)) })
        var seen: [Int32] = []
        table.forEach(of: 42) { seen.append($0.offset); return seen.count < 2 }
        #expect(seen == [0, 1])
    }
}
