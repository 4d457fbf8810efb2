/// Non-public identifiers (索引号, 文号, page paths, slugs, file stems, dates, numbers and
/// amounts of declared fields), each found only whole: where it occurs bounded, the byte
/// before and after it not an ASCII letter or digit (`MatchText` has made full-width forms
/// ASCII and punctuation white space). `…/2023-00001` does not match in `…/2023-00002`
/// (their 27 shared bytes are no secret) nor in `…/2023-000012`; it does in
/// `见索引号…/2023-00001的` (a Chinese character is a boundary: identifiers are written
/// inside Chinese sentences without spaces).
///
/// Looked up by the hash of an identifier's last `TextFingerprints.window` bytes, as the
/// rolling hash meets it at each window of the text: one table probe per window, like the
/// fingerprints of prose (the last bytes, not the first: the identifiers of one publisher
/// and year share their first ones).
struct IdentifierTokens: Sendable {
    /// Each identifier's bytes and owner (the record's index), sorted by `lastWindow`.
    private(set) var tokens: [[UInt8]] = []
    private(set) var owners: [Int32] = []
    private var lastWindow: [UInt64] = []
    /// Per identifier, a hash of it whole: how the published text marks it legitimate.
    private(set) var keys: [UInt64] = []
    private var firstIndex = FingerprintMap()
    private var filter: [UInt64] = [0]

    /// The identifiers of each owner, in owner order.
    init(_ lists: [[[UInt8]]]) {
        var all: [(window: UInt64, token: [UInt8], owner: Int32)] = []
        for (owner, list) in lists.enumerated() {
            for token in list where token.count >= TextFingerprints.window {
                all.append((Self.lastWindowHash(token), token, Int32(owner)))
            }
        }
        self.init(all.sorted { $0.window < $1.window })
    }

    private init(_ sorted: [(window: UInt64, token: [UInt8], owner: Int32)]) {
        tokens = sorted.map(\.token)
        owners = sorted.map(\.owner)
        lastWindow = sorted.map(\.window)
        keys = tokens.map(Self.key)
        firstIndex = FingerprintMap(firstIndicesOf: lastWindow)
        filter = LeakIndex.filter(of: lastWindow)
    }

    var isEmpty: Bool { tokens.isEmpty }

    /// Without the identifiers whose key `published` holds.
    func dropping(_ published: Set<UInt64>) -> IdentifierTokens {
        IdentifierTokens(tokens.indices.filter { !published.contains(keys[$0]) }.map { (lastWindow[$0], tokens[$0], owners[$0]) })
    }

    /// Calls `body(identifier, start)` for each identifier occurring whole in `bytes` and
    /// ending with the window at `offset` (hash `hash`): called from the caller's own roll
    /// of the hash over the text, so that finding identifiers costs no second pass.
    @inline(__always)
    func check(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int, _ hash: UInt64, _ body: (Int, Int) -> Void) {
        let bit = Int(hash & UInt64(filter.count * 64 - 1))
        guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0, var index = firstIndex[hash].map(Int.init) else { return }
        let end = offset + TextFingerprints.window
        while index < tokens.count, lastWindow[index] == hash {
            let token = tokens[index]
            let start = end - token.count
            if start >= 0, start == 0 || !Self.isWordByte(bytes[start - 1]), end == bytes.count || !Self.isWordByte(bytes[end]),
               token.withUnsafeBufferPointer({ t in (0..<t.count).allSatisfy { bytes[start + $0] == t[$0] } }) {
                body(index, start)
            }
            index += 1
        }
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    /// The rolling hash of the last window of `token`, as `TextFingerprints.forEachWindow` computes it.
    static func lastWindowHash(_ token: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0
        for byte in token.suffix(TextFingerprints.window) { hash = hash &* TextFingerprints.base &+ UInt64(byte) }
        return hash
    }

    /// FNV-1a of the whole token (seeded apart from the plain one), counted with the
    /// fingerprints of prose that public text holds.
    static func key(_ token: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ 0x1D
        for byte in token { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash
    }
}
