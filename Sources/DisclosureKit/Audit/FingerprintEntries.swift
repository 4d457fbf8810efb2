/// Where each fingerprint of some non-public texts was taken (the text's owner index and
/// the byte offset), looked up by fingerprint: what both leak searches (`LeakIndex`, the
/// audit's, and `SharedText`, `check`'s) hold while they read public text, and the peak of
/// a build's memory.
///
/// An entry keeps the low 32 bits of its fingerprint (twelve bytes an entry, not sixteen),
/// so a lookup may also give entries of other windows: a caller compares the window's
/// bytes before relying on an entry (both searches extend a hit byte by byte anyway).
/// The entries are grouped in buckets by the top bits of a mix of their fingerprint, about
/// four to a bucket, with a table of where each bucket starts: one byte an entry, where a
/// table from each distinct fingerprint to its first entry took twelve bytes a slot, two
/// slots a fingerprint. They are put in place by swapping (no second array, no sort buffer).
///
/// Invariant: within a bucket the entries are ordered by mixed fingerprint, then owner,
/// then offset, so those of one fingerprint are next to each other in the order the
/// searches collect them, and what a search meets first does not depend on this layout.
struct FingerprintEntries: Sendable {
    struct Entry: Sendable {
        var print: UInt32
        var owner: Int32
        var offset: Int32

        init(print: UInt64, owner: Int32, offset: Int32) {
            self.print = UInt32(truncatingIfNeeded: print)
            self.owner = owner
            self.offset = offset
        }
    }

    private let entries: [Entry]
    /// `starts[b]`: the index of bucket `b`'s first entry; one more than the buckets, the
    /// last being `entries.count`.
    private let starts: [Int32]
    private let shift: UInt32

    /// Arranges `unsorted` in place: hand it over (`consume`), so that it is not copied.
    init(_ unsorted: consuming [Entry]) {
        var entries = consume unsorted
        var bits = 2
        while (1 << bits) * 4 < entries.count, bits < 30 { bits += 1 }
        let shift = UInt32(32 - bits)
        let buckets = 1 << bits
        @inline(__always) func bucket(_ entry: Entry) -> Int { Int(Self.mix(entry.print) >> shift) }
        var starts = [Int32](repeating: 0, count: buckets + 1)
        for entry in entries { starts[bucket(entry) + 1] += 1 }
        for b in 0..<buckets { starts[b + 1] += starts[b] }
        // Each bucket's next free slot; every entry is swapped into its bucket's (a cycle
        // at a time), so each bucket is filled from its start.
        var next = Array(starts.dropLast())
        entries.withUnsafeMutableBufferPointer { all in
            for b in 0..<buckets {
                let end = Int(starts[b + 1])
                while Int(next[b]) < end {
                    var item = all[Int(next[b])]
                    var target = bucket(item)
                    while target != b {
                        let slot = Int(next[target])
                        next[target] += 1
                        swap(&item, &all[slot])
                        target = bucket(item)
                    }
                    all[Int(next[b])] = item
                    next[b] += 1
                }
            }
            next = []
            for b in 0..<buckets {
                let range = Int(starts[b])..<Int(starts[b + 1])
                guard range.count > 1 else { continue }
                var slice = UnsafeMutableBufferPointer(rebasing: all[range])
                // Buckets hold four entries or fewer on average: an insertion sort costs
                // them less than the library's sort; a large one (a common fingerprint) gets
                // the library's, whose time does not grow with the square.
                if range.count <= 16 {
                    for i in 1..<slice.count {
                        let item = slice[i]
                        var j = i
                        while j > 0, Self.precedes(item, slice[j - 1]) {
                            slice[j] = slice[j - 1]
                            j -= 1
                        }
                        slice[j] = item
                    }
                } else {
                    slice.sort(by: Self.precedes)
                }
            }
        }
        self.entries = entries
        self.starts = starts
        self.shift = shift
    }

    var isEmpty: Bool { entries.isEmpty }

    /// Calls `body` with each entry whose fingerprint has the low 32 bits of `print`, in
    /// order, until it returns false.
    @inline(__always)
    func forEach(of print: UInt64, _ body: (Entry) -> Bool) {
        let low = UInt32(truncatingIfNeeded: print)
        let bucket = Int(Self.mix(low) >> shift)
        var index = Int(starts[bucket])
        let end = Int(starts[bucket + 1])
        while index < end {
            if entries[index].print == low, !body(entries[index]) { return }
            index += 1
        }
    }

    /// Each kept fingerprint (its low 32 bits) once.
    var distinctPrints: [UInt64] {
        var prints: [UInt64] = []
        var previous: UInt32?
        for entry in entries where entry.print != previous {
            prints.append(UInt64(entry.print))
            previous = entry.print
        }
        return prints
    }

    private static func precedes(_ a: Entry, _ b: Entry) -> Bool {
        let x = mix(a.print), y = mix(b.print)
        if x != y { return x < y }
        return a.owner != b.owner ? a.owner < b.owner : a.offset < b.offset
    }

    /// A bijection of 32-bit fingerprints whose top bits depend on all of theirs.
    @inline(__always)
    private static func mix(_ print: UInt32) -> UInt32 { print &* 0x9E37_79B1 }
}
