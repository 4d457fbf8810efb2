/// The previous build's index, read back from its shards (`SearchShards`): each document's
/// entry and each term's text and postings, as slices of the shards' bytes. Checked whole
/// when read: every file's layout, each term in the shard its hash names and in strictly
/// ascending byte order there, postings well formed with ascending ids below the document
/// count. The one-character unions are not read: they follow from the terms.
struct PreviousSearchIndex {
    /// Entries in id order.
    let documents: [ArraySlice<UInt8>]
    /// Terms shard by shard (`termShards` of them), each shard's in ascending byte order
    /// of their text, as its file holds them: `shardStarts[k]..<shardStarts[k + 1]` are
    /// shard k's.
    let terms: [SearchShards.Term]
    let shardStarts: [Int]
    var termShards: Int { shardStarts.count - 1 }

    static let header = Array("// Search data of the public records, written by disclose build.\nDISCLOSE_SEARCH_SHARD(\"".utf8)

    /// Reads the shards of an index of `documentCount` documents, each file's bytes from
    /// `file` (by its path under the output); nil when one is missing or not as a build writes it.
    init?(documentCount: Int, file: (String) -> [UInt8]?) {
        var documents: [ArraySlice<UInt8>] = []
        documents.reserveCapacity(documentCount)
        for k in 0..<SearchShards.documentShardCount(documents: documentCount) {
            let range = (k * SearchShards.documentsPerShard)..<min(documentCount, (k + 1) * SearchShards.documentsPerShard)
            guard let bytes = file("\(SearchShards.directory)/d-\(k).js"),
                  Self.readDocuments(bytes, shard: k, count: range.count, into: &documents) else { return nil }
        }
        let termShards = SearchShards.termShardCount(documents: documentCount)
        var terms: [SearchShards.Term] = []
        var shardStarts = [0]
        for k in 0..<termShards {
            guard let bytes = file("\(SearchShards.directory)/t-\(k).js"),
                  Self.readTerms(bytes, shard: k, of: termShards, documentCount: documentCount, into: &terms) else { return nil }
            shardStarts.append(terms.count)
        }
        self.documents = documents
        self.terms = terms
        self.shardStarts = shardStarts
    }

    /// `d-k.js`: the header, then `count` entries one a line (`[`…`]`), each but the last
    /// followed by a comma, then `]);`.
    static func readDocuments(_ bytes: [UInt8], shard: Int, count: Int, into documents: inout [ArraySlice<UInt8>]) -> Bool {
        let opening = header + Array("d-\(shard)\",[\n".utf8)
        guard bytes.starts(with: opening) else { return false }
        var position = opening.count
        for index in 0..<count {
            guard let end = bytes[position...].firstIndex(of: 0x0A) else { return false }
            var line = position..<end
            if index < count - 1 {
                guard !line.isEmpty, bytes[line.upperBound - 1] == 0x2C else { return false }
                line = line.lowerBound..<(line.upperBound - 1)
            }
            guard line.count >= 2, bytes[line.lowerBound] == 0x5B, bytes[line.upperBound - 1] == 0x5D else { return false }
            documents.append(bytes[line])
            position = end + 1
        }
        return bytes[position...].elementsEqual("]);\n".utf8)
    }

    /// `t-k.js`: the header, then `"text":"postings"` lines after `{"t":{`, separated by
    /// commas, then `},"u":{`, the unions, and `}});`.
    static func readTerms(_ bytes: [UInt8], shard: Int, of termShards: Int, documentCount: Int,
                          into terms: inout [SearchShards.Term]) -> Bool {
        let opening = header + Array("t-\(shard)\",{\"t\":{".utf8)
        let unions = Array("},\"u\":{".utf8)
        let footer = Array("}});\n".utf8)
        guard bytes.starts(with: opening) else { return false }
        var position = opening.count
        var previousText: ArraySlice<UInt8>?
        while !bytes[position...].starts(with: unions) {
            let separator: [UInt8] = previousText == nil ? [0x0A, 0x22] : [0x2C, 0x0A, 0x22]
            guard bytes[position...].starts(with: separator) else { return false }
            position += separator.count
            guard let quote = bytes[position...].firstIndex(of: 0x22), quote > position else { return false }
            let text = bytes[position..<quote]
            guard !text.contains(0x0A), !text.contains(0x5C),
                  Int(SearchShards.hash(text)) & (termShards - 1) == shard,
                  previousText.map({ bytesPrecede($0, text) }) ?? true,
                  bytes[quote...].starts(with: [0x22, 0x3A, 0x22]) else { return false }
            position = quote + 3
            guard let end = bytes[position...].firstIndex(of: 0x22) else { return false }
            let postings = bytes[position..<end]
            guard isValid(postings, documentCount: documentCount) else { return false }
            terms.append((text, postings))
            previousText = text
            position = end + 1
        }
        // The unions are derived from the terms; only the file's end is checked.
        return bytes.count >= position + unions.count + footer.count && bytes[(bytes.count - footer.count)...].elementsEqual(footer)
    }
    /// Calls `visit` with each posting's document id and title mark, in order.
    static func decode(_ postings: ArraySlice<UInt8>, _ visit: (Int, Bool) -> Void) {
        var id = -1
        var gap = 0
        var inTitle = false
        for byte in postings {
            switch byte {
            case 0x30...0x39: gap = gap * 36 + Int(byte - 0x30)
            case 0x61...0x7A: gap = gap * 36 + Int(byte - 0x61 + 10)
            case 0x21: inTitle = true
            default:
                id += gap
                visit(id, inTitle)
                gap = 0
                inTitle = false
            }
        }
        visit(id + gap, inTitle)
    }

    /// True when `postings` is gaps of base-36 digits (each at least 1), each maybe
    /// marked `!`, separated by commas, and the ids they add up to stay below `documentCount`.
    static func isValid(_ postings: ArraySlice<UInt8>, documentCount: Int) -> Bool {
        var id = -1
        var gap = 0
        var digits = 0
        var marked = false
        func close() -> Bool {
            guard digits > 0, digits <= 8, gap > 0 else { return false }
            id += gap
            gap = 0
            digits = 0
            marked = false
            return id < documentCount
        }
        for byte in postings {
            switch byte {
            case 0x30...0x39, 0x61...0x7A:
                guard !marked else { return false }
                gap = gap * 36 + Int(byte <= 0x39 ? byte - 0x30 : byte - 0x61 + 10)
                digits += 1
            case 0x21:
                guard digits > 0, !marked else { return false }
                marked = true
            case 0x2C:
                guard close() else { return false }
            default:
                return false
            }
        }
        return close()
    }}
