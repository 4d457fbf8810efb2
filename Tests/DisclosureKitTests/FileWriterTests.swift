import Foundation
import Testing
@testable import DisclosureKit

/// The pieces large output files are written and compared in.
final class FileWriterTests {
    let directory: String = {
        let path = NSTemporaryDirectory() + "disclose-filewriter-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// Bytes that do not repeat with the buffer's period, so a lost or doubled piece shows.
    func sample(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }

    @Test func writesEveryPieceInOrder() throws {
        let expected = sample(300_000, seed: 1)
        let path = directory + "/out.bin"
        var writer = try FileWriter(creating: path)
        var offset = 0
        for size in [1, 70_000, 0, 65_535, 3, 100_000] {
            try writer.write(expected[offset..<offset + size])
            offset += size
        }
        try writer.write(expected[offset...])
        try writer.flush()
        #expect(try FileIO.readBytes(path) == expected)
    }

    @Test func sameContentsComparesEveryByte() throws {
        let bytes = sample(2_500_000, seed: 2)
        var changedLate = bytes
        changedLate[2_400_000] ^= 1
        let a = directory + "/a", b = directory + "/b", c = directory + "/c", d = directory + "/d"
        try FileIO.write(bytes, to: a)
        try FileIO.write(bytes, to: b)
        try FileIO.write(changedLate, to: c)
        try FileIO.write(bytes.dropLast(), to: d)
        #expect(FileIO.sameContents(a, b))
        #expect(!FileIO.sameContents(a, c))
        #expect(!FileIO.sameContents(a, d))
        #expect(!FileIO.sameContents(a, directory + "/missing"))
    }
}
