import Foundation
import Testing

/// Anyone may leave odd files in a site: any name, a folder where a page should be, a file
/// that cannot be read. Each is a finding at its file, never a crash, and never read as
/// empty (its content would pass unseen).
extension AuditCommandTests {
    /// Creates a file whose name is the raw `name` bytes (any bytes but `/` and NUL) in `folder`.
    func writeFile(named name: [UInt8], in folder: URL, _ text: String) throws {
        let path = Array(folder.path.utf8) + [UInt8(ascii: "/")] + name + [0]
        let fd = path.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) } }
        try #require(fd >= 0)
        _ = Array(text.utf8).withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
        close(fd)
    }

    @Test func filesOfAnyNameAreFindingsAndStillSearched() throws {
        let tmp = try TemporaryDirectory()
        let (root, site, canary) = try builtSample(tmp)
        let policies = site.appendingPathComponent("policies")
        let page = "<!DOCTYPE html><html lang=\"zh-CN\"><head><title>x</title></head><body><p>x</p></body></html>"
        try writeFile(named: Array("old\npage.html".utf8), in: policies, page)
        try writeFile(named: Array("notes-".utf8) + [0xFF, 0xFE] + Array(".js".utf8), in: policies, "var t = \"\(canary)\";")
        try writeFile(named: Array("100%.html".utf8), in: policies, page)
        try writeFile(named: Array("a#b?c.txt".utf8), in: policies, "x")
        let (result, diagnostics) = try audit(root, site)
        #expect(result.status == 1)
        let found = summary(diagnostics, site: site).sorted()
        #expect(found == [
            "policies/100%.html audit.stray_file",
            "policies/a#b?c.txt audit.stray_file",
            "policies/notes-\\xFF\\xFE.js audit.leak", "policies/notes-\\xFF\\xFE.js audit.malformed",
            "policies/notes-\\xFF\\xFE.js audit.stray_file",
            "policies/old\\npage.html audit.malformed", "policies/old\\npage.html audit.stray_file",
        ], "\(diagnostics)")
        // Each finding on one line of the text report.
        let text = try Disclose.run(["audit", site.path, "--root", root.path])
        let lines = (text.stdout + text.stderr).split(separator: "\n").filter { $0.contains("policies/") && $0.contains("audit.") }
        #expect(lines.count == found.count, "\(text.stdout)\(text.stderr)")
    }

    /// A pipe whose name is not UTF-8 (read by the audit's own path for such names) is a
    /// finding, and the audit does not wait on it.
    @Test(.timeLimit(.minutes(1))) func aPipeWithAStrangeNameIsAFindingNotAHang() throws {
        let tmp = try TemporaryDirectory()
        let (root, site, _) = try builtSample(tmp)
        let path = Array(site.appendingPathComponent("policies").path.utf8) + Array("/pipe-".utf8) + [0xFF] + Array(".html".utf8) + [0]
        try #require(path.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { mkfifo($0.baseAddress!, 0o644) } } == 0)
        let (result, diagnostics) = try audit(root, site)
        #expect(result.status == 1)
        let messages = diagnostics.filter { ($0["file"] as? String)?.hasSuffix("policies/pipe-\\xFF.html") == true }
            .compactMap { $0["message"] as? String }
        #expect(messages.contains("cannot be read: not a regular file"), "\(diagnostics)")
    }

    /// A folder named like a page, a page replaced by a folder, a file no one can read, and
    /// a hard link to a file outside the site.
    @Test func foldersUnreadableFilesAndHardLinksAreFindings() throws {
        let tmp = try TemporaryDirectory()
        let (root, site, _) = try builtSample(tmp)
        let guide = site.appendingPathComponent("guides/ggcswsxk.html")
        try FileManager.default.removeItem(at: guide)
        try FileManager.default.createDirectory(at: guide, withIntermediateDirectories: false)
        try FileManager.default.createDirectory(at: site.appendingPathComponent("extra.html"), withIntermediateDirectories: false)
        try "x".write(to: site.appendingPathComponent("extra.html/inner.txt"), atomically: true, encoding: .utf8)
        // A socket: open() fails on it, for root too (a file of mode 000 would not).
        let socketPath = site.appendingPathComponent("policies/listening.html").path
        let socketFD = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in socketPath.utf8.enumerated() where index < raw.count - 1 { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketFD, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)
        defer { close(socketFD) }
        // A hard link to a source outside the site.
        try FileManager.default.linkItem(at: root.appendingPathComponent("content/site.yaml"),
                                         to: site.appendingPathComponent("site.yaml.txt"))
        let (result, diagnostics) = try audit(root, site)
        #expect(result.status == 1, "\(result.stderr)")
        let found = Set(summary(diagnostics, site: site))
        #expect(found.isSuperset(of: [
            "guides/ggcswsxk.html audit.missing_file", "guides/index.html audit.broken_link",
            "extra.html/inner.txt audit.stray_file",
            "policies/listening.html audit.malformed", "policies/listening.html audit.stray_file",
            "site.yaml.txt audit.malformed", "site.yaml.txt audit.stray_file",
        ]), "\(diagnostics)")
        let socketFinding = diagnostics.first { ($0["file"] as? String)?.hasSuffix("listening.html") == true && $0["rule"] as? String == "audit.malformed" }
        #expect((socketFinding?["message"] as? String)?.contains("cannot be read") == true, "\(socketFinding ?? [:])")
        let linkFinding = diagnostics.first { ($0["file"] as? String)?.hasSuffix("site.yaml.txt") == true && $0["rule"] as? String == "audit.malformed" }
        #expect((linkFinding?["message"] as? String)?.contains("hard link") == true, "\(linkFinding ?? [:])")
    }
}
