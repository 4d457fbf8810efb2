import Foundation
import Testing
@testable import DisclosureKit

/// The shards hold the whole index, each term where its hash says, and for a lone
/// character the union the whole-index script computed by scanning every term.
@Suite struct SearchShardsTests {
    /// The shard files of an index of `documents` documents and `terms` (text, postings).
    func files(documents: Int, terms: [(String, String)]) -> [(path: String, bytes: [UInt8])] {
        let docs = (0..<documents).map { Array("[\"p\($0).html\"]".utf8)[...] }
        let index = terms.map { (text: Array($0.0.utf8)[...], postings: Array($0.1.utf8)[...]) }
        return SearchShards.files(documents: docs, terms: index, facets: facets(documents))
    }

    func facets(_ count: Int) -> [SearchShards.Facet] {
        (0..<count).map { SearchShards.Facet(type: $0 % 2 == 0 ? "policy" : "page", year: $0 % 2 == 0 ? "2024" : "") }
    }

    func text(_ files: [(path: String, bytes: [UInt8])], _ path: String) -> String {
        String(decoding: files.first { $0.path == path }?.bytes ?? [], as: UTF8.self)
    }

    /// The units a term's one-unit unions take it for, read from its bytes, are the set its
    /// UTF-16 form gives for a term of two units, surrogates left out: for two Han
    /// characters, letters, a character twice, a mix of widths, a scalar above U+FFFF, and
    /// bytes that are not UTF-8.
    @Test func unionUnitsAreThoseOfTheTextsUTF16Form() {
        let texts: [[UInt8]] = ["政策", "ab", "aa", "政政", "é政", "aé", "政", "政策文", "abc", "𠀀", "a𠀀", "é", "éé"].map { Array($0.utf8) }
            + [[0xE6, 0x94], [0xC0, 0x80, 0x61], [0xED, 0xA0, 0x80, 0x61], [0xE0, 0x80, 0x80, 0x61], [0x61, 0xFF], [0xF0, 0x9F, 0x98], [0xF0], []]
        for text in texts {
            var units = Set<UInt16>()
            var calls = 0
            SearchShards.forEachUnionUnit(of: text[...]) { units.insert($0); calls += 1 }
            let utf16 = String(decoding: text, as: UTF8.self).utf16
            let expected: Set<UInt16> = SearchShards.utf16Count(text) == 2 && text.count <= 6
                ? Set(utf16.filter { !UTF16.isLeadSurrogate($0) && !UTF16.isTrailSurrogate($0) }) : []
            #expect(units == expected, "\(text)")
            #expect(calls == units.count, "each unit once: \(text)")
        }
    }

    /// The shard of a unit's union is the one the search page computes: the hash of the
    /// character's UTF-8 bytes, for every unit that is not a surrogate.
    @Test func aUnitsShardIsTheHashOfItsCharacter() {
        for unit in UInt16.min...UInt16.max where !UTF16.isLeadSurrogate(unit) && !UTF16.isTrailSurrogate(unit) {
            let expected = Int(SearchShards.hash(String(Unicode.Scalar(unit)!).utf8)) & 1023
            guard SearchShards.unitShard(unit, termShards: 1024) == expected else {
                Issue.record("U+\(String(unit, radix: 16))")
                return
            }
        }
    }

    @Test(arguments: [(1, 1), (128, 1), (129, 2), (1_000, 8), (10_000, 128), (100_000, 1024)])
    func termShardsArePowersOfTwoThatGrowWithTheSite(documents: Int, shards: Int) {
        #expect(SearchShards.termShardCount(documents: documents) == shards)
    }

    @Test func theFilesAreThePathsTheAuditExpects() throws {
        for documents in [0, 1, 31, 32, 33, 300] {
            let terms = documents == 0 ? [] : [("ab", "1")]
            let files = files(documents: documents, terms: terms)
            #expect(files.map(\.path).sorted() == SearchShards.paths(documents: documents).sorted())
            #expect(Set(files.map(\.path)).count == files.count)
        }
    }

    @Test func everyTermIsInTheShardItsHashNames() throws {
        let terms = (0..<400).map { (String(format: "w%03d", $0), "1") }
        let files = files(documents: 300, terms: terms)
        let shards = SearchShards.termShardCount(documents: 300)
        #expect(shards == 4)
        for (term, _) in terms {
            let k = Int(SearchShards.hash(term.utf8)) & (shards - 1)
            for other in 0..<shards {
                #expect(text(files, "search-index/t-\(other).js").contains("\"\(term)\":") == (other == k), "\(term)")
            }
        }
    }

    @Test func fnvHashIsTheOneTheScriptComputes() {
        // FNV-1a 32 reference values.
        #expect(SearchShards.hash("".utf8) == 0x811C_9DC5)
        #expect(SearchShards.hash("a".utf8) == 0xE40C_292C)
        #expect(SearchShards.hash("foobar".utf8) == 0xBF9C_F968)
    }

    @Test func aLoneCharacterGetsTheUnionOfTheTwoCharacterTermsHoldingIt() throws {
        // 公开 in documents 0 (title) and 2; 开放 in 1 and 2 (title); 开 is no term of its own.
        // 政 is a term of its own, so it gets no union; 府 is in no two-character term with it.
        let terms = [("公开", "1!,2"), ("开放", "2,1!"), ("政", "3"), ("政府", "1"), ("xy", "4")]
            .sorted { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
        let files = files(documents: 5, terms: terms)
        let shard = text(files, "search-index/t-0.js")
        let unions = try #require(shard.range(of: "\"u\":{")).upperBound
        let union = String(shard[unions...])
        #expect(union.contains("\"开\":\"1!,1,1!\""), "\(union)")  // ids 0 (title), 1, 2 (title)
        #expect(union.contains("\"公\":\"1!,2\""), "\(union)")
        #expect(union.contains("\"放\":\"2,1!\""), "\(union)")
        #expect(union.contains("\"府\":\"1\""), "\(union)")
        #expect(!union.contains("\"政\":"), "\(union)")
        // Two-letter words count as the script counted them: any key of two UTF-16 units.
        #expect(union.contains("\"x\":\"4\"") && union.contains("\"y\":\"4\""), "\(union)")
    }

    @Test func metaGivesEachDocumentsTypeAndYear() throws {
        let files = files(documents: 3, terms: [])
        let meta = text(files, SearchShards.metaPath)
        // types [policy, page], years ["", "2024"]: policy/2024 = 0·2+1, page/"" = 1·2+0.
        #expect(meta.contains("\"types\":[\"policy\",\"page\"]"), "\(meta)")
        #expect(meta.contains("\"years\":[\"\",\"2024\"]"), "\(meta)")
        #expect(meta.contains("\"filters\":\"1,2,1\""), "\(meta)")
        #expect(text(files, "search-index/d-0.js").contains("[\"p2.html\"]\n]);\n"))
    }
}
