/// A set of fingerprints with a bit per bucket in front of its table: asked about every
/// window of every public text, it mostly answers no, and the bits (a sixteenth of the
/// table's bytes) stay in the processor's cache where the table's probes missed it.
/// Must stay true: `contains` answers exactly as the table does (a set bit only sends
/// the question on).
struct FingerprintFilter: Sendable {
    private let members: FingerprintMap
    private var words: [UInt64]
    private let shift: UInt64

    init(members prints: some Sequence<UInt64>) {
        members = FingerprintMap(members: prints)
        let all = members.all
        // About 16 bits a member: one in sixteen absent fingerprints goes on to the table.
        var bits: UInt64 = 6
        while (1 << bits) < all.count * 16 { bits += 1 }
        words = [UInt64](repeating: 0, count: 1 << Int(bits - 6))
        shift = 64 - bits
        for member in all {
            let bit = Self.bit(member.key, shift: shift)
            words[bit >> 6] |= 1 << UInt64(bit & 63)
        }
    }

    func contains(_ print: UInt64) -> Bool {
        let bit = Self.bit(print, shift: shift)
        guard words[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return false }
        return members[print] != nil
    }

    /// Another multiplier than the table's, so that a bucket's bit and a slot are independent.
    private static func bit(_ print: UInt64, shift: UInt64) -> Int {
        Int((print &* 0xD6E8_FEB8_6659_FD93) >> shift)
    }
}
