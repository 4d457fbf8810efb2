import Testing
@testable import DisclosureKit

@Suite struct FrontMatterSplitterTests {
    @Test func splitsFrontMatterFromBody() throws {
        let split = try FrontMatterSplitter.split("---\ntitle: x\na: 1\n---\n# Body\n").get()
        #expect(split.yaml == "title: x\na: 1\n")
        #expect(split.yamlFirstLine == 2)
        #expect(split.body == "# Body\n")
        #expect(split.bodyFirstLine == 5)
    }

    @Test func acceptsTrailingSpacesOnDelimiters() throws {
        let split = try FrontMatterSplitter.split("---  \nk: v\n--- \nbody").get()
        #expect(split.yaml == "k: v\n")
        #expect(split.body == "body")
    }

    @Test func closingDelimiterAtEndOfFile() throws {
        let split = try FrontMatterSplitter.split("---\nk: v\n---").get()
        #expect(split.yaml == "k: v\n")
        #expect(split.body.isEmpty)
    }

    @Test func emptyFrontMatter() throws {
        let split = try FrontMatterSplitter.split("---\n---\nbody\n").get()
        #expect(split.yaml.isEmpty)
    }

    @Test func missingOpening() {
        #expect(throws: FrontMatterSplitter.Failure.missingOpening) { try FrontMatterSplitter.split("title: x\n---\n").get() }
        #expect(throws: FrontMatterSplitter.Failure.missingOpening) { try FrontMatterSplitter.split("").get() }
        #expect(throws: FrontMatterSplitter.Failure.missingOpening) { try FrontMatterSplitter.split("----\nk: v\n---\n").get() }
    }

    @Test func unterminated() {
        #expect(throws: FrontMatterSplitter.Failure.unterminated) { try FrontMatterSplitter.split("---\ntitle: x\n").get() }
        #expect(throws: FrontMatterSplitter.Failure.unterminated) { try FrontMatterSplitter.split("---").get() }
        #expect(throws: FrontMatterSplitter.Failure.unterminated) { try FrontMatterSplitter.split("---\n").get() }
    }

    @Test func hugeFrontMatterIsRefused() {
        let yaml = String(repeating: "k: 0123456789\n", count: 30_000)
        #expect(throws: FrontMatterSplitter.Failure.tooLarge) { try FrontMatterSplitter.split("---\n" + yaml + "---\n").get() }
    }
}

@Suite struct SourceTextTests {
    @Test func skipsBOMAndReadsCRLFAsLF() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: 标题\r\n---\r\n正文\r\n".utf8)
        let text = try SourceText.decode(bytes).get()
        #expect(text == "---\ntitle: 标题\n---\n正文\n")
    }

    @Test func reportsTheLineOfInvalidUTF8() {
        let bytes = Array("---\ntitle: ok\n".utf8) + [0xC3, 0x28] + Array("\n---\n".utf8)
        #expect(throws: SourceText.Failure.invalidUTF8(line: 3)) { try SourceText.decode(bytes).get() }
    }

    @Test func refusesOversizedFiles() {
        let bytes = [UInt8](repeating: 0x61, count: SourceText.maximumFileBytes + 1)
        #expect(throws: SourceText.Failure.tooLarge(bytes: SourceText.maximumFileBytes + 1)) { try SourceText.decode(bytes).get() }
    }
}
