#if canImport(Glibc)
import Glibc
#endif

/// True when `a`'s UTF-8 bytes sort before `b`'s (what `a.utf8.lexicographicallyPrecedes(b.utf8)`
/// says), compared with `memcmp`: the order of the build cache's lines and the sitemap's
/// pages, where a generic walk over the two UTF-8 views was a third of the sorting.
func utf8Precedes(_ a: String, _ b: String) -> Bool {
    var a = a, b = b
    return a.withUTF8 { x in b.withUTF8 { y in bytesPrecede(x, y) } }
}

/// True when the bytes of `a` sort before those of `b`, shorter first on a tie.
func bytesPrecede(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    let shared = min(a.count, b.count)
    let order = shared == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, shared)
    return order != 0 ? order < 0 : a.count < b.count
}

/// `bytesPrecede` for arrays: the search index's terms.
func bytesPrecede(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in bytesPrecede(x, y) } }
}

/// `bytesPrecede` for slices: the search index's terms read back from its shards.
func bytesPrecede(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
    a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in bytesPrecede(x, y) } }
}
