import Foundation
import Testing

/// `migrate-report` on the real binary: a misspelt key of the earlier statistics refuses
/// the file with its line, exit 1, and the file is left as it was.
@Suite struct MigrateReportRefusalTests {
    @Test func aMisspeltKeyIsRefusedWithItsLineAndTheFileIsUntouched() throws {
        let misspelt = AnnualReportTests.earlierShape.replacingOccurrences(of: "partially_granted:", with: "partialy_granted:")
        #expect(misspelt != AnnualReportTests.earlierShape)
        let site = try SampleSite(adding: ["content/reports/ndbg-2023.md": misspelt])
        let file = site.root.appendingPathComponent("content/reports/ndbg-2023.md")
        let line = try #require(misspelt.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("partialy_granted:") }) + 1
        let migrate = try Disclose.run(["migrate-report", file.path])
        #expect(migrate.status == 1, "\(migrate.stderr)")
        #expect(migrate.stderr.contains("line \(line): 'statistics.requests.outcomes.partialy_granted' is not a key of the earlier statistics"), "\(migrate.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == misspelt)
    }

    /// A file that cannot be read is said to be so, not to be other than UTF-8; and
    /// `types --root` with no such folder is a usage error, as every command's root is.
    @Test func aMissingFileOrRootIsSaidToBeMissing() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-missing-\(UUID().uuidString)")
        let migrate = try Disclose.run(["migrate-report", missing.appendingPathComponent("ndbg.md").path])
        #expect(migrate.status == 1)
        #expect(migrate.stderr.contains("cannot read the file") && !migrate.stderr.contains("UTF-8"), "\(migrate.stderr)")
        // A file larger than any record may be is refused without being read.
        let tmp = try TemporaryDirectory()
        let huge = tmp.url.appendingPathComponent("huge.md")
        #expect(FileManager.default.createFile(atPath: huge.path, contents: nil))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 8 << 30)
        try handle.close()
        let refused = try Disclose.run(["migrate-report", huge.path], timeout: 60)
        #expect(refused.status == 1 && !refused.timedOut)
        #expect(refused.stderr.contains("cannot read the file") && refused.stderr.contains("over the limit"), "\(refused.stderr)")
        let types = try Disclose.run(["types", "--root", missing.path])
        #expect(types.status == 2)
        #expect(types.stderr.contains("is not a readable directory"), "\(types.stderr)")
    }

    /// A report reached through a symbolic link is migrated where it is, the link kept,
    /// and keeps its permissions and its byte order mark.
    @Test func aLinkedReportIsRewrittenWhereItIsWithItsPermissions() throws {
        let site = try SampleSite(adding: ["content/reports/ndbg-2023.md": "\u{FEFF}" + AnnualReportTests.earlierShape])
        let file = site.root.appendingPathComponent("content/reports/ndbg-2023.md")
        let link = site.root.appendingPathComponent("ndbg-link.md")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: file)
        #expect(chmod(file.path, 0o600) == 0)
        let migrate = try Disclose.run(["migrate-report", link.path])
        #expect(migrate.status == 0, "\(migrate.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == file.path)
        // Read as bytes: Foundation's String(contentsOf:) drops a byte order mark.
        let migrated = [UInt8](try Data(contentsOf: file))
        #expect(migrated.starts(with: [0xEF, 0xBB, 0xBF]) && migrated != Array(("\u{FEFF}" + AnnualReportTests.earlierShape).utf8))
        var info = stat()
        #expect(stat(file.path, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(try Disclose.run(["migrate-report", link.path]).stderr.contains("nothing to do"))
    }
}
