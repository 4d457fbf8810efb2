@testable import DisclosureKit
import Foundation
import Testing

/// The caches' binary `Codable` form: every shape synthesized `Codable` makes round-trips,
/// and damaged bytes are an error, never a trap.
@Suite struct BinaryCoderTests {
    enum Payload: Codable, Equatable {
        case none
        case text(String)
        case pair(Int, label: String?)
        case nested([Payload])
    }

    struct Sample: Codable, Equatable {
        var title: String
        var count: Int
        var negative: Int64
        var big: UInt64
        var ratio: Double
        var flag: Bool
        var missing: String?
        var present: Int?
        var date: CalendarDate
        var digest: Digest
        var byPath: [String: [Int]]
        var byDigest: [Digest: [UInt64]]
        var byNumber: [UInt64: Int]
        var payloads: [Payload]
        var disclosure: Disclosure
        var optionalList: [String]?
    }

    static let sample = Sample(
        title: "关于印发《明湖区政府信息公开工作要点》的通知", count: 1_234_567, negative: -9_876_543_210, big: .max,
        ratio: 0.125, flag: true, missing: nil, present: 0, date: CalendarDate(year: 2024, month: 2, day: 29)!,
        digest: StableHasher.digest(Array("明湖区".utf8)), byPath: ["policies/a b.html": [1, 2], "": []],
        byDigest: [StableHasher.digest([1]): [0, .max], StableHasher.digest([2]): []], byNumber: [0xABC: 17, 0: -1],
        payloads: [.none, .text("公开"), .pair(-3, label: nil), .pair(4, label: "四"), .nested([.text(""), .nested([])])],
        disclosure: .onRequest, optionalList: nil)

    @Test func everyShapeRoundTrips() throws {
        let bytes = try BinaryCoder.encode(Self.sample)
        #expect(try BinaryCoder.decode(Sample.self, from: bytes[...]) == Self.sample)
        var other = Self.sample
        other.missing = "有"
        other.present = nil
        other.optionalList = ["一", "二"]
        #expect(try BinaryCoder.decode(Sample.self, from: BinaryCoder.encode(other)[...]) == other)
    }

    /// A type that reads its entries in another order than it wrote them (or leaves some
    /// unread) is served by a search of the container, and what follows is read where it
    /// begins.
    /// An array of fingerprints is written in one loop and read in one: the same bytes as
    /// the unkeyed container writes element by element, read back the same.
    @Test func fingerprintArraysAreTheUnkeyedContainersBytes() throws {
        struct ElementByElement: Encodable {
            let values: [UInt64]
            func encode(to encoder: any Encoder) throws {
                var container = encoder.unkeyedContainer()
                for value in values { try container.encode(value) }
            }
        }
        for values: [UInt64] in [[], [0], [1, 127, 128, 0x3FFF, 0x4000, .max, 0x8000_0000_0000_0000]] {
            let bytes = try BinaryCoder.encode(values)
            #expect(bytes == (try BinaryCoder.encode(ElementByElement(values: values))))
            #expect(try BinaryCoder.decode([UInt64].self, from: bytes, in: 0..<bytes.count) == values)
            for length in 0..<bytes.count {
                #expect(throws: (any Error).self) { try BinaryCoder.decode([UInt64].self, from: Array(bytes.prefix(length)), in: 0..<length) }
            }
        }
    }

    @Test func entriesReadOutOfOrderAreFound() throws {
        struct Written: Encodable { var a = 1; var b = "二"; var c = [3, 4]; var d = 5 }
        struct ReadBackwards: Decodable {
            var d: Int, b: String
            enum Keys: String, CodingKey { case a, b, c, d }
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: Keys.self)
                d = try container.decode(Int.self, forKey: .d)
                b = try container.decode(String.self, forKey: .b)
            }
        }
        let bytes = try BinaryCoder.encode([Written(), Written(d: 6)])
        let read = try BinaryCoder.decode([ReadBackwards].self, from: bytes[...])
        #expect(read.map(\.d) == [5, 6] && read.map(\.b) == ["二", "二"])
    }

    @Test func damagedBytesAreAnErrorNeverATrap() throws {
        let bytes = try BinaryCoder.encode(Self.sample)
        for length in 0..<bytes.count {
            #expect(throws: (any Error).self) { try BinaryCoder.decode(Sample.self, from: bytes.prefix(length)) }
        }
        var generator = SeededGenerator(seed: 17)
        for _ in 0..<2_000 {
            var damaged = bytes
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                damaged[Int.random(in: 0..<damaged.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            _ = try? BinaryCoder.decode(Sample.self, from: damaged[...])
        }
        #expect(throws: (any Error).self) { try BinaryCoder.decode(Sample.self, from: (bytes + [0])[...]) }
    }

    /// Bytes that nest containers a million deep where a search passes over them are an
    /// error, not a stack overflow.
    @Test func deeplyNestedBytesAreAnError() {
        // A keyed container whose one entry is not the key asked for: the decoder searches
        // it, passing over the value, a million unkeyed containers one inside the other.
        var bytes: [UInt8] = [BinaryCoder.Tag.keyed.rawValue, 1, 0, 0, 0, BinaryCoder.Tag.string.rawValue, 1, UInt8(ascii: "z")]
        for _ in 0..<1_000_000 { bytes += [BinaryCoder.Tag.unkeyed.rawValue, 1, 0, 0, 0] }
        bytes += [BinaryCoder.Tag.null.rawValue]
        struct One: Decodable { var a: Int }
        #expect(throws: (any Error).self) { try BinaryCoder.decode(One.self, from: bytes[...]) }
    }

    /// The build cache of a site of 10,000 records (files, inputs, fingerprints, search
    /// documents) is written and read in well under a tenth of a second each: the
    /// incremental build reads and writes it every time.
    @Test func theCacheOfTenThousandRecordsIsQuick() throws {
        func digest(_ number: Int) -> Digest { StableHasher.digest(Array(String(number).utf8)) }
        var cache = BuildCache()
        for number in 0..<21_000 {
            cache.files["policies/2024/政策文件-\(number).html"] = .init(
                key: digest(number), identity: .init(device: 2049, inode: UInt64(1_000_000 + number), size: 23_456,
                                                     seconds: 1_764_000_000, nanoseconds: 123_456_789),
                anchors: digest(-number))
        }
        for number in 0..<12_000 {
            cache.inputFiles["content/policies/2024/政策文件-\(number).md"] = .init(
                stamp: .init(device: 2049, inode: UInt64(number), size: 3_000, modified: 1_764_000_000_123_456_789,
                             changed: 1_764_000_000_123_456_789),
                digest: digest(number))
        }
        for number in 0..<15_000 { cache.published.rare[digest(number + 7)] = [UInt64(number), UInt64(number * 3)] }
        for number in 0..<3_000 { cache.published.common[UInt64(number) &* 0x9E37_79B9_7F4A_7C15] = number }
        cache.searchDocuments = (0..<10_000).map { digest($0 + 99) }
        let path = NSTemporaryDirectory() + "disclose-cache-timing-\(UUID().uuidString)"
        defer { unlink(path) }
        let started = Date()
        try cache.write(to: path)
        let written = Date()
        let read = try #require(BuildCache.read(path))
        let finished = Date()
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        print("build cache of 10,000 records: \(size) bytes, saved in \(written.timeIntervalSince(started)) s, loaded in \(finished.timeIntervalSince(written)) s")
        #expect(read.files.count == 21_000 && read.inputFiles == cache.inputFiles && read.published.rare == cache.published.rare)
        #expect(read.searchDocuments == cache.searchDocuments)
    }
}

/// A small seeded generator (SplitMix64), so a failing case can be run again.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
