extension StableHasher {
    /// Hashes a Mustache context (strings, numbers, booleans, arrays and dictionaries, as
    /// `PageContexts` builds them) in a canonical order: two contexts with the same digest
    /// render the same page through the same templates. Whatever a later change adds to a
    /// context is in the digest without anyone listing it, which is why pages are keyed by
    /// their context rather than by a hand-kept list of the inputs they read.
    public mutating func combine(context value: Any) {
        switch value {
        case let text as String:
            combine(UInt64(1))
            combine(text)
        case let flag as Bool:
            combine(UInt64(2))
            combine(flag)
        case let number as Int:
            combine(UInt64(3))
            combine(number)
        case let dictionary as [String: Any]:
            combine(UInt64(4))
            combine(dictionary.count)
            for key in dictionary.keys.sorted() {
                combine(key)
                combine(context: dictionary[key]!)
            }
        case let array as [Any]:
            combine(UInt64(5))
            combine(array.count)
            for element in array { combine(context: element) }
        default:
            // Any other value renders through its description, so that is what counts.
            combine(UInt64(6))
            combine(String(describing: value))
        }
    }
}
