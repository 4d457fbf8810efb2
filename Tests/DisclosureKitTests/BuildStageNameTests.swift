import Foundation
@testable import DisclosureKit
import Testing

/// Every stage a build or a check names, in the progress line or in the build's timings,
/// has its Chinese in `BuildStageName`: a stage added or renamed without it would show in
/// English on a Chinese terminal.
@Suite struct BuildStageNameTests {
    @Test func everyStageOfABuildHasAChineseName() throws {
        let root = try BuildProgressTests.threePolicies()
        let progress = BuildProgress()
        let first = try SiteBuilder(root: root.path, progress: progress).build()
        #expect(first.committed)
        // Built again unchanged: the build only compares with the previous one.
        let again = try SiteBuilder(root: root.path, progress: progress).build()
        #expect(again.upToDate)
        let names = progress.stages.map(\.name) + first.stages.map(\.name) + again.stages.map(\.name)
        #expect(names.count > 5)
        for name in names {
            #expect(BuildStageName.isKnown(name), "'\(name)' has no Chinese name in BuildStageName")
        }
        #expect(first.stages.map { BuildStageName.phrase($0.name).zh } == ["读取与检查", "生成与写入", "审查", "替换输出目录"])
    }

    @Test func everyStageOfAFailedBuildAndACheckHasAChineseName() throws {
        let root = try BuildProgressTests.threePolicies()
        try Data("---\ntitle: 缺少其他字段\n---\n".utf8).write(to: URL(fileURLWithPath: root.path + "/content/policies/broken.md"))
        let progress = BuildProgress()
        let failed = try SiteBuilder(root: root.path, progress: progress).build()
        #expect(!failed.committed)
        let site = try SiteLoader.load(root: root.path, progress: progress, keepBodies: false)
        _ = BodyLinks.diagnostics(site, progress: progress)
        for name in progress.stages.map(\.name) + failed.stages.map(\.name) {
            #expect(BuildStageName.isKnown(name), "'\(name)' has no Chinese name in BuildStageName")
        }
    }

    /// The progress line before any stage, and while another build holds the output.
    @Test func theLinesBeforeAStage() {
        #expect(BuildStageName.phrase(BuildProgress().snapshot.stage) == Phrase("准备中", en: "starting"))
        #expect(BuildStageName.phrase("waiting for the build of PID 4242") == Phrase("等待 PID 4242 的构建", en: "waiting for the build of PID 4242"))
        #expect(BuildStageName.phrase("waiting for the build of another process").zh == "等待另一个进程的构建")
    }

    /// A name the table lacks is shown as it is, and is what the tests above catch.
    @Test func anUnknownStageIsShownAsItIsAndIsNotKnown() {
        #expect(!BuildStageName.isKnown("polishing the pages"))
        #expect(BuildStageName.phrase("polishing the pages") == Phrase("polishing the pages", en: "polishing the pages"))
    }
}
