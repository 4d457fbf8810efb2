@testable import DisclosureKit
import Foundation
import Testing

/// Files listed by the audit that are gone when it reads them (deleted mid-audit): each is
/// a finding, small or large, never read as empty.
@Suite struct SiteAuditorFileTests {
    @Test func aFileThatVanishedIsAFinding() throws {
        let root = try TemporarySiteRoot("vanish")
        let site = try SiteLoader.load(root: root.path)
        let output = root.path + "/site"
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let auditor = SiteAuditor(directory: output, displayPrefix: "site", site: site, templates: nil)
        let leaks = try LeakIndex(site: site, plan: SitePlan(PublicView(site)), templates: nil, previous: nil)
        let reports = auditor.inspect(["gone.js", "gone.html"], leaks: leaks, present: ["gone.js", "gone.html"])
        #expect(reports.map { $0.diagnostics.map(\.message.en) } == [["cannot be read: No such file or directory"],
                                                                  ["cannot be read: No such file or directory"]])
        let streamed = auditor.inspectStreaming("gone-large.html", leaks: leaks, present: [])
        #expect(streamed.diagnostics.map(\.message.en) == ["cannot be read: No such file or directory"])
        #expect(streamed.diagnostics.map(\.message.zh) == ["无法读取：文件或文件夹不存在"])
        #expect(reports.map { $0.diagnostics.map(\.message.zh) } == [["无法读取：文件或文件夹不存在"], ["无法读取：文件或文件夹不存在"]])
    }

    @Test func namesOfAnyBytesRoundTrip() {
        let bytes: [UInt8] = Array("报告-".utf8) + [0xFF, 0xC3, 0x28] + Array(".js".utf8)
        let name = SiteFileNames.name(bytes)
        #expect(SiteFileNames.hasStrayBytes(name))
        #expect(SiteFileNames.shown(name) == "报告-\\xFF\\xC3(.js")
        #expect(SiteFileNames.withFileSystemPath(name) { pointer in
            Array(UnsafeBufferPointer(start: pointer, count: strlen(pointer))).map { UInt8(bitPattern: $0) }
        } == bytes)
        #expect(SiteFileNames.name(Array("正常.html".utf8)) == "正常.html")
        #expect(SiteFileNames.problem("正常.html") == nil)
        #expect(SiteFileNames.problem("a\nb.html") != nil)
    }
}
