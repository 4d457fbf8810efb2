import Foundation
import Testing
@testable import DisclosureKit

/// The messages of the checks, the audit, the build and the output speak Chinese by
/// default with the English unchanged beside them: the parts they are built from (a
/// quoted key, a system error, a kind of file) follow the language too.
@Suite struct CheckMessagesInChineseTests {
    @Test func aQuotedKeyTakesFullWidthBracketsInChinese() {
        #expect(QuotedKey.phrase("'title' (标题)") == Phrase("'title'（标题）", en: "'title' (标题)"))
        #expect(QuotedKey.phrase("'custom'") == Phrase("'custom'", en: "'custom'"))
    }

    @Test func systemErrorsAreNamedInChineseAndUnknownOnesKeptAsWritten() {
        #expect(SystemMessage.phrase("No such file or directory").zh == "文件或文件夹不存在")
        #expect(SystemMessage.phrase("Permission denied").zh == "权限不足")
        // Foundation's own sentences for the same failures (what `new` and `init` meet).
        #expect(SystemMessage.phrase("The operation could not be completed. A file with the same name already exists.").zh == "已有同名的文件")
        #expect(SystemMessage.phrase("content/a.md: The operation could not be completed. The file doesn’t exist.").zh
                == "content/a.md：文件或文件夹不存在")
        #expect(SystemMessage.phrase("is not a regular file (a named pipe)")
                == Phrase("不是普通文件（命名管道）", en: "is not a regular file (a named pipe)"))
        #expect(SystemMessage.phrase("Some new errno text") == Phrase("Some new errno text", en: "Some new errno text"))
        #expect(SystemMessage.phrase("site/.staging/a.html: No space left on device")
                == Phrase("site/.staging/a.html：磁盘空间不足", en: "site/.staging/a.html: No space left on device"))
        #expect(SystemMessage.phrase("content/policies/a.pdf changed during the build; build again").zh
                == "content/policies/a.pdf 在构建期间被修改；请重新构建")
        #expect(SystemMessage.phrase("a: b: Unknown words").zh == "a: b: Unknown words")
        #expect(FileIO.Failure.tooLarge(bytes: 12).phrase == Phrase("文件有 12 字节，超过上限", en: "the file is 12 bytes, over the limit"))
        #expect(FileIO.Failure.tooLarge(bytes: 12).description == "the file is 12 bytes, over the limit")
    }

    @Test func aFileThatCannotBeReadSaysWhyInChinese() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-missing-\(UUID().uuidString)").path
        do {
            _ = try FileIO.readBytes(missing)
            Issue.record("a missing file was read")
        } catch {
            #expect(error.phrase.zh == "文件或文件夹不存在")
            #expect(error.phrase.en == "No such file or directory")
        }
    }

    @Test func theOutputDirectoryIsRefusedInChinese() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-root-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        do {
            _ = try OutputDirectory.validate(output: root.path, root: root.path)
            Issue.record("the site root was accepted as the output")
        } catch {
            #expect(error.phrase.zh == "拒绝把 '\(root.path)' 用作输出目录：它是站点根目录；未写入或删除任何文件")
            #expect(error.description == "refusing to use '\(root.path)' as the output directory: it is the site root; nothing was written or deleted")
        }
    }

    @Test func aBodyTooDeeplyNestedIsSaidInChinese() throws {
        let body = String(repeating: "> ", count: MarkdownComplexity.maximumNesting + 1) + "引文\n"
        let excess = try #require(MarkdownComplexity.firstExcess(in: body))
        #expect(excess.message.zh.hasPrefix("引用和列表在此处嵌套了"))
        #expect(excess.message.en.hasPrefix("quotes and lists are nested"))
    }
}
