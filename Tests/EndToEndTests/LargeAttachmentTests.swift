import DisclosureKit
import Foundation
import Testing

/// An attachment may be larger than the memory there is (a scanned budget, a recorded
/// hearing): the build copies it a piece at a time, and never holds it whole.
@Suite struct LargeAttachmentTests {
    @Test func aLargeAttachmentIsCopiedWithoutBeingHeldInMemory() throws {
        let site = try SampleSite()
        let size: UInt64 = 192 << 20
        let attachment = site.root.appendingPathComponent("content/policies/mhf-2024-3-扫描件.pdf")
        #expect(FileManager.default.createFile(atPath: attachment.path, contents: nil))
        let handle = try FileHandle(forWritingTo: attachment)
        try handle.truncate(atOffset: size - 4)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("END\n".utf8))
        try handle.close()

        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        let copy = site.root.appendingPathComponent("site/policies/mhf-2024-3-扫描件.pdf")
        #expect(FileIO.sameContents(attachment.path, copy.path))
        // The summary's "peak memory N MiB": read whole, the copy alone took 192 MiB.
        let peak = try #require(result.stderr.split(separator: "\n").compactMap { line -> Int? in
            guard let range = line.range(of: "peak memory ") else { return nil }
            return Int(line[range.upperBound...].prefix { $0.isNumber })
        }.first, "\(result.stderr)")
        #expect(peak < 128, "peak memory \(peak) MiB for a 192 MiB attachment")
    }
}
