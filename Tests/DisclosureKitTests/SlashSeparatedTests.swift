@testable import DisclosureKit
import Testing

/// Paths are split on '/' bytes: as Characters, a '/' after a prepended mark (U+0600) or
/// before a combining one is inside a character, and a folder so named was one part with
/// the next (the build then wrote into a folder it had not made, after `check` passed).
@Suite struct SlashSeparatedTests {
    @Test func everySlashSeparates() {
        #expect("notices/a\u{600}/rec.html".slashSeparated == ["notices", "a\u{600}", "rec.html"])
        #expect("notices/\u{301}d/x.md".slashSeparated == ["notices", "\u{301}d", "x.md"])
        #expect("/a//b/".slashSeparated == ["a", "b"])
        #expect("/a//b/".slashSeparated(keepingEmpty: true) == ["", "a", "", "b", ""])
        #expect("政策文件/2024/通知.html".folderParts == ["政策文件", "2024"])
    }

    @Test func theFolderOfAPathEndsAtItsLastSlash() {
        #expect(SiteWriter.folder(of: "notices/a\u{600}/rec.html") == "notices/a\u{600}")
        #expect(SiteWriter.folder(of: "index.html") == "")
        #expect(LinkResolver.resolve("../a\u{600}/b.html", from: ["notices", "x"]) == ["notices", "a\u{600}", "b.html"])
    }
}
