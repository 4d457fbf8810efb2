import Foundation
import Testing

/// Files over a megabyte are read a megabyte at a time and never held whole: what the
/// audit finds in them must not depend on where the pieces are cut.
extension AuditCommandTests {
    /// Pads `bytes` with paragraphs up to `offset` bytes before the `piece`-th megabyte boundary.
    func pad(_ bytes: inout [UInt8], toBefore piece: Int, by offset: Int) {
        let filler = Array("<p>政府信息公开工作年度报告</p>\n".utf8)
        let target = piece * (1 << 20) - offset
        while bytes.count + filler.count <= target { bytes += filler }
        bytes += [UInt8](repeating: 0x20, count: target - bytes.count)
    }

    func lineAt(_ bytes: [UInt8]) -> Int { bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 } }

    /// A page of several megabytes: a broken link, a canary cut by an element with an
    /// attribute (found only in the parsed text, which runs on across inline elements) and
    /// an off-site image each cut by a piece boundary, and more links than one batch, the
    /// last with a broken fragment: each is found, at its line.
    @Test func aLargePageIsReadAsAStreamWithNothingLostAtTheCuts() throws {
        let tmp = try TemporaryDirectory()
        let (root, site, canary) = try builtSample(tmp)
        let home = site.appendingPathComponent("index.html")
        let html = Array(try Data(contentsOf: home))
        let close = Array("</body>".utf8)
        let end = (0...(html.count - close.count)).last { Array(html[$0..<($0 + close.count)]) == close }!
        var bytes = Array(html[..<end])
        var lines: [String: Int] = [:]

        pad(&bytes, toBefore: 1, by: 12)
        lines["broken"] = lineAt(bytes)
        bytes += Array("<a href=\"policies/nope.html\">x</a>\n".utf8)
        pad(&bytes, toBefore: 2, by: 9)
        bytes += Array("<p>\(canary.replacingOccurrences(of: "-", with: "<b class=\"x\">&#45;</b>"))</p>\n".utf8)
        pad(&bytes, toBefore: 3, by: 20)
        lines["external"] = lineAt(bytes)
        bytes += Array("<img src=\"https://evil.example/x.png\" alt=\"\">\n".utf8)
        for _ in 0..<5000 { bytes += Array("<a href=\"#main\">正文</a>\n".utf8) }
        lines["fragment"] = lineAt(bytes)
        bytes += Array("<a href=\"catalog.html#nowhere\">目录</a>\n".utf8)
        bytes += Array(html[end...])
        try Data(bytes).write(to: home)

        let (result, diagnostics) = try audit(root, site)
        #expect(result.status == 1)
        let found = diagnostics.map { "\($0["rule"] as! String) \($0["line"] as? Int ?? 0)" }.sorted()
        #expect(found == [
            "audit.broken_link \(lines["broken"]!)", "audit.broken_link \(lines["fragment"]!)",
            "audit.external_resource \(lines["external"]!)", "audit.leak 1",
        ].sorted(), "\(diagnostics)")
        #expect(diagnostics.allSatisfy { ($0["file"] as? String)?.hasSuffix("site/index.html") == true })
        let leak = diagnostics.first { $0["rule"] as? String == "audit.leak" }?["message"] as? String
        #expect(leak?.contains("in its text") == true, "found in the decoded text, not the bytes: \(leak ?? "")")
    }

    /// JSON and XML over a megabyte are checked for well-formedness to their last byte.
    @Test(arguments: ["catalog.json", "sitemap.xml"])
    func aLargeDataFileIsCheckedToItsEnd(_ file: String) throws {
        let tmp = try TemporaryDirectory()
        let (root, site, _) = try builtSample(tmp)
        let path = site.appendingPathComponent(file)
        let original = try String(contentsOf: path, encoding: .utf8)
        let padding: String
        if file.hasSuffix(".json") {
            // Spaces are allowed between values: pad before the final bracket.
            padding = String(repeating: " \n", count: 1 << 20)
        } else {
            padding = String(repeating: "<!-- 政府信息公开 -->\n", count: 60_000)
        }
        let cut = file.hasSuffix(".json") ? original.lastIndex(of: "]")! : original.range(of: "</urlset>")!.lowerBound
        let padded = String(original[..<cut]) + padding + String(original[cut...])
        try padded.write(to: path, atomically: true, encoding: .utf8)
        let (clean, cleanFindings) = try audit(root, site)
        #expect(clean.status == 0, "a large well-formed file passes: \(cleanFindings)")

        // Broken at the very end: after the last piece boundary.
        let broken = file.hasSuffix(".json") ? padded + "," : padded + "<extra>"
        try broken.write(to: path, atomically: true, encoding: .utf8)
        let (result, diagnostics) = try audit(root, site)
        #expect(result.status == 1)
        #expect(summary(diagnostics, site: site) == ["\(file) audit.malformed"], "\(diagnostics)")
    }
}
