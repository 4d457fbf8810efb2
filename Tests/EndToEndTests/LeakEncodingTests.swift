import Foundation
import Testing

/// The leak search reads what a template mistake could plausibly turn a non-public
/// record's text into: each encoding below, planted in a built site, is found by
/// `disclose audit`; written by a site's template or asset, it stops the build.
@Suite struct LeakEncodingTests {
    static let sentence = "本说明涉及尚未公开的审核意见和具体金额安排"
    static let title = "关于内部审核事项的说明（内部讨论稿）"
    static let index = "11450100MB0000009Z/2024-00099"

    func sample(_ tmp: TemporaryDirectory) throws -> URL {
        let root = try tmp.copy(fixture: "sample")
        try tmp.write(SampleSite.onRequestPolicy(title: Self.title, index: Self.index, body: Self.sentence + "，暂不对外发布。"),
                      to: "sample/content/policies/internal-99.md")
        return root
    }

    static func hexReferences(_ text: String) -> String { text.unicodeScalars.map { "&#x\(String($0.value, radix: 16));" }.joined() }
    static func decimalReferences(_ text: String) -> String { text.unicodeScalars.map { "&#\($0.value);" }.joined() }
    static func jsonEscaped(_ text: String) -> String {
        text.utf16.map { "\\u" + String(format: "%04x", $0) }.joined()
    }
    static func cssEscaped(_ text: String) -> String { text.unicodeScalars.map { "\\" + String($0.value, radix: 16) + " " }.joined() }
    static func percentEncoded(_ text: String) -> String { text.utf8.map { String(format: "%%%02X", $0) }.joined() }
    static func interleaved(_ text: String, _ separator: String) -> String { text.map(String.init).joined(separator: separator) }
    static func fullWidth(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar.value >= 0x21 && scalar.value <= 0x7E ? Unicode.Scalar(scalar.value + 0xFEE0)! : scalar
        }))
    }

    /// (name, file of the site, text put before its end marker, that marker). Every piece
    /// between two marks is shorter than the search's 19 bytes, so only the decoding finds it.
    static let plantings: [(String, String, String, String)] = [
        ("entities (hex) in an attribute", "index.html", "<p title=\"\(hexReferences(sentence))\">x</p>", "</body>"),
        ("entities (decimal) in an attribute", "index.html", "<p data-note=\"\(decimalReferences(title))\">x</p>", "</body>"),
        ("entities in a comment", "index.html", "<!-- \(hexReferences(sentence)) -->", "</body>"),
        ("percent-encoded in a URL", "index.html", "<a href=\"search.html?q=\(percentEncoded(sentence))\">搜索</a>", "</body>"),
        ("split by empty tags", "index.html", "<p>本说明涉及<span></span>尚未公开的<b></b>审核意见和<i></i>具体金额<em></em>安排</p>", "</body>"),
        ("split by <wbr>", "index.html", "<p>\(interleaved(sentence, "<wbr>"))</p>", "</body>"),
        ("split by soft hyphens (entity)", "index.html", "<p>\(interleaved(sentence, "&shy;"))</p>", "</body>"),
        ("split by soft hyphens (character)", "index.html", "<p>\(interleaved(sentence, "\u{00AD}"))</p>", "</body>"),
        ("split by zero-width spaces", "index.html", "<p>\(interleaved(sentence, "\u{200B}"))</p>", "</body>"),
        ("full-width index number", "index.html", "<p>\(fullWidth(index))</p>", "</body>"),
        ("lower-cased index number", "index.html", "<p>\(index.lowercased())</p>", "</body>"),
        ("JSON \\u escapes in a script", "search-index/t-0.js", "\nvar note = \"\(jsonEscaped(sentence))\";\n", ""),
        ("JSON \\u escapes in JSON", "catalog.json", "", ""),
        ("XML character references in the feed", "feed.xml", "<entry><title>\(hexReferences(title))</title></entry>", "</feed>"),
        ("escaped inline tags in the feed", "feed.xml", "<entry><title>本说明涉及&lt;wbr&gt;尚未公开的&lt;em&gt;&lt;/em&gt;审核意见和&lt;wbr/&gt;具体金额&lt;b&gt;安排</title></entry>", "</feed>"),
    ]

    @Test(arguments: plantings.indices)
    func plantedEncodingIsFound(_ index: Int) throws {
        let (name, file, text, marker) = Self.plantings[index]
        let tmp = try TemporaryDirectory()
        let root = try sample(tmp)
        let built = try Disclose.run(["build", "--root", root.path])
        #expect(built.status == 0, "\(built.stderr)")
        let site = root.appendingPathComponent("site")
        let path = site.appendingPathComponent(file)
        var content = try String(contentsOf: path, encoding: .utf8)
        if file == "catalog.json" {
            // Still well-formed JSON: one more string in the outer array.
            let close = try #require(content.lastIndex(of: "]"))
            content.replaceSubrange(close...close, with: ",\"\(Self.jsonEscaped(Self.sentence))\"]")
        } else if marker.isEmpty {
            content += text
        } else {
            let range = try #require(content.range(of: marker, options: .backwards))
            content.replaceSubrange(range, with: text + marker)
        }
        try content.write(to: path, atomically: true, encoding: .utf8)
        let audited = try Disclose.run(["audit", site.path, "--root", root.path, "--format", "json"])
        let found = try Disclose.diagnostics(audited)
        #expect(audited.status == 1, "\(name)")
        #expect(found.map { $0["rule"] as? String } == ["audit.leak"], "\(name): \(found)")
        #expect((found.first?["file"] as? String)?.hasSuffix(file) == true, "\(name)")
        #expect((found.first?["message"] as? String)?.contains("content/policies/internal-99.md") == true, "\(name)")
    }

    /// A file's name is searched decoded too: one named after a non-public record (its
    /// file stem, as an attachment would be), or carrying its text percent-encoded.
    @Test(arguments: ["policies/internal-99-附件.pdf", "assets/\(percentEncoded(sentence)).txt"])
    func fileNamedAfterANonPublicRecordIsALeak(_ name: String) throws {
        let tmp = try TemporaryDirectory()
        let root = try sample(tmp)
        #expect(try Disclose.run(["build", "--root", root.path]).status == 0)
        let site = root.appendingPathComponent("site")
        try "x".write(to: site.appendingPathComponent(name), atomically: true, encoding: .utf8)
        let audited = try Disclose.run(["audit", site.path, "--root", root.path, "--format", "json"])
        let found = try Disclose.diagnostics(audited)
        #expect(Set(found.compactMap { $0["rule"] as? String }) == ["audit.leak", "audit.stray_file"], "\(name): \(audited.stdout)")
        if name.hasPrefix("policies/") {
            // Named by the record's file stem, which is shorter than any run the text search finds.
            #expect(found.contains { ($0["message"] as? String)?.contains("the name of the non-public record 'internal-99'") == true },
                    "\(audited.stdout)")
        }
    }

    /// The record's own text, full-width forms and all, is found however the page writes
    /// it: the non-public text is normalised as the page is.
    @Test(arguments: [true, false])
    func fullWidthTextOfTheRecordIsFoundWrittenEitherWay(_ asWritten: Bool) throws {
        let tmp = try TemporaryDirectory()
        let root = try sample(tmp)
        // Between two full-width forms, never six characters in a row.
        let dense = "编号：（２０２４）财审字第０９９号－ＡＢ，金额１２３４５"
        try tmp.write(try String(contentsOf: root.appendingPathComponent("content/policies/internal-99.md"), encoding: .utf8)
            + "\n" + dense + "\n", to: "sample/content/policies/internal-99.md")
        #expect(try Disclose.run(["build", "--root", root.path]).status == 0)
        let site = root.appendingPathComponent("site")
        let home = site.appendingPathComponent("index.html")
        let planted = asWritten ? dense : "编号:(2024)财审字第099号-AB,金额12345"
        try String(contentsOf: home, encoding: .utf8).replacingOccurrences(of: "</body>", with: "<p>\(planted)</p></body>")
            .write(to: home, atomically: true, encoding: .utf8)
        let audited = try Disclose.run(["audit", site.path, "--root", root.path, "--format", "json"])
        #expect(try Disclose.diagnostics(audited).compactMap { $0["rule"] as? String } == ["audit.leak"], "\(audited.stdout)")
    }

    /// A site's template that writes the title entity-encoded into an attribute, and an
    /// asset that holds it JSON-escaped, each stop the build with `audit.leak` at the file.
    @Test(arguments: [
        ("templates/404.mustache", "404.html",
         "{{<base}}\n{{$main}}\n<h1 title=\"\(hexReferences(title))\">页面不存在</h1>\n{{/main}}\n{{/base}}\n"),
        ("templates/assets/notes.json", "assets/notes.json", "{\"note\": \"\(jsonEscaped(sentence))\"}\n"),
        ("templates/assets/notes.txt", "assets/notes.txt", "索引号：\(fullWidth(index))\n"),
        ("templates/assets/notes.css", "assets/notes.css", "p::after { content: \"\(cssEscaped(sentence))\"; }\n"),
    ])
    func templateWritingAnEncodedLeakStopsTheBuild(_ template: String, _ output: String, _ text: String) throws {
        let tmp = try TemporaryDirectory()
        let root = try sample(tmp)
        try tmp.write(text, to: "sample/" + template)
        let result = try Disclose.run(["build", "--root", root.path, "--format", "json"])
        #expect(result.status == 1)
        let leaks = try Disclose.diagnostics(result).filter { $0["rule"] as? String == "audit.leak" }
        let atOutput = leaks.filter { ($0["file"] as? String)?.hasPrefix("templates/") != true }
        #expect(atOutput.map { ($0["file"] as? String)?.hasSuffix("site/" + output) } == [true], "\(leaks)")
        // A template is named at its line too; an asset, copied as it is, only at the output.
        let atTemplate = leaks.filter { $0["file"] as? String == template }
        #expect(atTemplate.map { $0["line"] as? Int } == (template.hasSuffix(".mustache") ? [3] : []), "\(leaks)")
    }

    /// An index number or document number retyped by hand with other separators or
    /// brackets is the same number: no piece between two of them is 19 bytes long, so
    /// only reading punctuation as white space finds it.
    @Test(arguments: [
        "11450100MB0000009Z-2024-00099", "11450100MB0000009Z 2024 00099", "11450100MB0000009Z_2024_00099",
        "11450100MB0000009Z—2024—00099", "明财函[2024]99号", "明财函（2024）99号", "明财函【2024】99号",
    ])
    func retypedNumberOfANonPublicRecordStopsTheBuild(_ number: String) throws {
        let tmp = try TemporaryDirectory()
        let root = try sample(tmp)
        try tmp.write("相关文件：\(number)\n", to: "sample/templates/assets/notes.txt")
        let result = try Disclose.run(["build", "--root", root.path, "--format", "json"])
        #expect(result.status == 1, "\(number)")
        let leaks = try Disclose.diagnostics(result).filter { $0["rule"] as? String == "audit.leak" }
        #expect(leaks.map { ($0["file"] as? String)?.hasSuffix("site/assets/notes.txt") } == [true], "\(number): \(leaks)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site/assets/notes.txt").path))
    }

    /// The line of a finding in a file read raw is the line the text is on, whatever the
    /// decoding shrank before it.
    @Test func findingIsOnTheLineOfTheEncodedText() throws {
        let tmp = try TemporaryDirectory()
        let root = try sample(tmp)
        let lines = (1...30).map { "&#x5e74;&#x5ea6;%E6%8A%A5 \\u544a line \($0)" } + [Self.jsonEscaped(Self.sentence)]
        try tmp.write(lines.joined(separator: "\n") + "\n", to: "sample/templates/assets/notes.txt")
        let result = try Disclose.run(["build", "--root", root.path, "--format", "json"])
        let leaks = try Disclose.diagnostics(result).filter { $0["rule"] as? String == "audit.leak" }
        #expect(leaks.map { $0["line"] as? Int } == [31], "\(leaks)")
    }
}
