import DisclosureKit
import Foundation
import Testing

/// Incremental builds: the build cache in the root's cache folder lets a build carry unchanged
/// files over. Whatever the edits, the tree must be byte for byte the one a clean build
/// writes, and every file whose bytes did not change must be the same file (same inode,
/// same time), so upload tools see only what changed.
@Suite struct IncrementalBuildTests {
    /// A site root made of the sample content and the default templates.
    static func makeRoot(_ tmp: TemporaryDirectory) throws -> URL {
        let root = try tmp.copy(fixture: "sample")
        try FileManager.default.copyItem(at: Disclose.packageRoot.appendingPathComponent("templates"),
                                         to: root.appendingPathComponent("templates"))
        return root
    }

    static func build(_ root: URL, into output: URL) throws -> Disclose.Result {
        try Disclose.run(["build", "--root", root.path, "--output", output.path])
    }

    /// Every file of a tree: bytes, inode and modification time.
    struct Snapshot {
        var bytes: [String: Data] = [:]
        var inodes: [String: Int] = [:]
        var times: [String: Date] = [:]

        init(_ root: URL) throws {
            let enumerator = FileManager.default.enumerator(atPath: root.path)
            while let relative = enumerator?.nextObject() as? String {
                let path = root.appendingPathComponent(relative).path
                let attributes = try FileManager.default.attributesOfItem(atPath: path)
                guard attributes[.type] as? FileAttributeType == .typeRegular else { continue }
                bytes[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
                inodes[relative] = (attributes[.systemFileNumber] as? NSNumber)?.intValue
                times[relative] = attributes[.modificationDate] as? Date
            }
        }
    }

    /// A small, seeded generator, so a failing series can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The edits a webmaster makes, applied at random.
    struct Editor {
        let root: URL
        var generator: SplitMix
        var step = 0
        var added: [String] = []
        /// A record made non-public, and its original text.
        var hidden: (path: String, text: String)?

        func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }
        func read(_ relative: String) throws -> String { try String(contentsOf: url(relative), encoding: .utf8) }
        func write(_ text: String, _ relative: String) throws {
            try FileManager.default.createDirectory(at: url(relative).deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url(relative))
        }

        func records() -> [String] {
            let enumerator = FileManager.default.enumerator(atPath: url("content").path)
            var records: [String] = []
            while let relative = enumerator?.nextObject() as? String {
                if relative.hasSuffix(".md") { records.append("content/" + relative) }
            }
            return records.sorted()
        }

        /// Whether `disclose check` accepts the content as it now is.
        func contentIsValid() throws -> Bool {
            try Disclose.run(["check", "--root", root.path]).status == 0
        }

        func publicRecords() throws -> [String] {
            try records().filter { try read($0).contains("\ndisclosure: proactive\n") }
        }

        /// Applies one random edit and says what it was.
        mutating func edit() throws -> String {
            step += 1
            let n = step
            let choice = Int.random(in: 0..<12, using: &generator)
            switch choice {
            case 0, 1:
                let file = try publicRecords().randomElement(using: &generator)!
                try write(try read(file) + "\n第\(n)次补充的段落：本条内容于本次修订中增加。\n", file)
                return "body of \(file)"
            case 2:
                let file = try publicRecords().randomElement(using: &generator)!
                let text = try read(file)
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                    line.hasPrefix("title: ") ? line + "（第\(n)次修订）" : String(line)
                }
                try write(lines.joined(separator: "\n"), file)
                return "title of \(file)"
            case 3:
                if let hidden {
                    try write(hidden.text, hidden.path)
                    self.hidden = nil
                    return "\(hidden.path) public again"
                }
                // A record that public ones link to cannot turn non-public (check refuses the
                // content, and every later build would fail): only a record whose withholding
                // leaves the content valid is withheld, so the series keeps building.
                for file in try publicRecords().shuffled(using: &generator).prefix(4) {
                    let text = try read(file)
                    try write(text.replacingOccurrences(of: "\ndisclosure: proactive\n", with: "\ndisclosure: on-request\n"), file)
                    if try contentIsValid() {
                        hidden = (file, text)
                        return "\(file) made on-request"
                    }
                    try write(text, file)
                }
                return "nothing (each record tried is named by a public one)"
            case 4:
                let template = ["templates/record.mustache", "templates/list.mustache", "templates/base.mustache"]
                    .randomElement(using: &generator)!
                try write(try read(template) + "<!-- 第\(n)次修订 -->\n", template)
                return "template \(template)"
            case 5:
                let text = try read("content/site.yaml")
                try write(text.replacingOccurrences(of: "title: 明湖区人民政府信息公开", with: "title: 明湖区人民政府信息公开\(n)"),
                          "content/site.yaml")
                return "site title"
            case 6:
                let path = "content/policies/2025/mhf-2025-\(n).md"
                let source = records().first { $0.hasSuffix("/mhf-2024-3.md") }!
                let text = try read(source)
                    .replacingOccurrences(of: "2024-00003", with: String(format: "2025-%05d", 100 + n))
                    .replacingOccurrences(of: "title: 明湖区人民政府关于", with: "title: 第\(n)号 明湖区人民政府关于")
                try write(text, path)
                added.append(path)
                return "added \(path)"
            case 7:
                guard !added.isEmpty else { return "nothing (no added record to delete)" }
                let path = added.remove(at: Int.random(in: 0..<added.count, using: &generator))
                try FileManager.default.removeItem(at: url(path))
                return "deleted \(path)"
            case 8:
                let name = "content/policies/mhf-2024-3-附件\(n).pdf"
                try Data("%PDF-1.4\n% 附件 \(n)\n".utf8).write(to: url(name))
                return "attachment \(name)"
            case 9:
                let file = records().randomElement(using: &generator)!
                try write(try read(file), file)
                return "rewrote \(file) unchanged"
            case 10:
                // Moving a record moves its page: every link to it must follow.
                // Only a record no page links to by its path moves (a link to the old path
                // is an error of the content, and every later build would fail).
                try FileManager.default.createDirectory(at: url("content/policies/moved"), withIntermediateDirectories: true)
                for file in try publicRecords().filter({ $0.hasPrefix("content/policies/") }).shuffled(using: &generator).prefix(4) {
                    let name = file.split(separator: "/").last!
                    let target = file.contains("/moved/") ? "content/policies/\(name)" : "content/policies/moved/\(name)"
                    try FileManager.default.moveItem(at: url(file), to: url(target))
                    guard try contentIsValid() else {
                        try FileManager.default.moveItem(at: url(target), to: url(file))
                        continue
                    }
                    if hidden?.path == file { hidden?.path = target }
                    added = added.map { $0 == file ? target : $0 }
                    return "moved \(file) to \(target)"
                }
                return "nothing (each policy tried is linked to by its path)"
            default:
                return "nothing"
            }
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func randomEditsGiveTheTreeOfACleanBuild(seed: UInt64) throws {
        let tmp = try TemporaryDirectory()
        let root = try Self.makeRoot(tmp)
        let output = tmp.url.appendingPathComponent("site")
        // Past the input digest's settling time, so the records no edit touches are known
        // unchanged by their stamps and come from the record cache, as in a webmaster's tree.
        Thread.sleep(forTimeInterval: 3.2)
        #expect(try Self.build(root, into: output).status == 0)
        var editor = Editor(root: root, generator: SplitMix(state: seed))
        var before = try Snapshot(output)
        var history: [String] = []
        var carriedBuilds = 0
        for round in 1...12 {
            history.append(try editor.edit())
            let incremental = try Self.build(root, into: output)
            let cleanOutput = tmp.url.appendingPathComponent("clean-\(round)")
            let clean = try Self.build(root, into: cleanOutput)
            let context = "seed \(seed), edits: \(history.joined(separator: "; "))"
            #expect(incremental.status == clean.status, "\(context)\n\(incremental.stderr)\n\(clean.stderr)")
            let after = try Snapshot(output)
            if incremental.stderr.contains("carried over from the last build") { carriedBuilds += 1 }
            if clean.status == 0 {
                let reference = try Snapshot(cleanOutput)
                #expect(after.bytes.keys.sorted() == reference.bytes.keys.sorted(), "\(context)")
                for (path, bytes) in reference.bytes where after.bytes[path] != bytes {
                    Issue.record("\(path) differs from a clean build's; \(context)")
                }
                for (path, bytes) in after.bytes where before.bytes[path] == bytes {
                    #expect(after.inodes[path] == before.inodes[path] && after.times[path] == before.times[path],
                            "\(path) is unchanged but was written again; \(context)")
                }
            } else {
                // A failed build leaves the output exactly as it was.
                #expect(after.bytes == before.bytes && after.inodes == before.inodes, "\(context)")
            }
            try? FileManager.default.removeItem(at: cleanOutput)
            before = after
        }
        // The series exercised the cache, not only failed builds and full rebuilds.
        #expect(carriedBuilds >= 4, "seed \(seed): \(history)")
    }

    @Test func oneEditRewritesOnlyWhatItChanges() throws {
        let tmp = try TemporaryDirectory()
        let root = try Self.makeRoot(tmp)
        let output = tmp.url.appendingPathComponent("site")
        #expect(try Self.build(root, into: output).status == 0)
        let before = try Snapshot(output)
        let file = root.appendingPathComponent("content/policies/mhf-2023-15.md")
        try Data((try String(contentsOf: file, encoding: .utf8) + "\n新增的一段正文。\n").utf8).write(to: file)
        let result = try Self.build(root, into: output)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("unchanged, carried over from the last build"), "\(result.stderr)")
        let after = try Snapshot(output)
        let rewritten = after.bytes.keys.filter { after.inodes[$0] != before.inodes[$0] }.sorted()
        // The page itself and the one term shard of the sample, which holds its words (the
        // document shards hold the body's start, not its end).
        #expect(rewritten == ["policies/mhf-2023-15.html", "search-index/t-0.js"], "\(rewritten)")
        // The cache lives in the root's cache folder, never in the output.
        let caches = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(".disclose").path)
        #expect(caches.contains { $0.hasSuffix(".build-cache") }, "\(caches)")
        #expect(!after.bytes.keys.contains { $0.contains("cache") })
    }

    /// An attachment known unchanged by its stamp is carried without being read; one
    /// rewritten (same size, other bytes) is copied again.
    @Test func anAttachmentIsCarriedUnreadUntilItChanges() throws {
        let tmp = try TemporaryDirectory()
        let root = try Self.makeRoot(tmp)
        let output = tmp.url.appendingPathComponent("site")
        let attachment = root.appendingPathComponent("content/policies/mhf-2024-3-附件.pdf")
        try Data("%PDF-1.4\n% 第一版\n".utf8).write(to: attachment)
        #expect(try Self.build(root, into: output).status == 0)
        // Past the settling time: the next builds know the attachment's digest by its stamp.
        Thread.sleep(forTimeInterval: 3.2)
        let body = root.appendingPathComponent("content/policies/mhf-2023-15.md")
        try Data((try String(contentsOf: body, encoding: .utf8) + "\n新增的一段正文。\n").utf8).write(to: body)
        let first = try Snapshot(output)
        #expect(try Self.build(root, into: output).status == 0)
        let carried = try Snapshot(output)
        #expect(carried.inodes["policies/mhf-2024-3-附件.pdf"] == first.inodes["policies/mhf-2024-3-附件.pdf"])
        try Data("%PDF-1.4\n% 第二版\n".utf8).write(to: attachment)
        #expect(try Self.build(root, into: output).status == 0)
        let clean = tmp.url.appendingPathComponent("clean")
        #expect(try Self.build(root, into: clean).status == 0)
        let after = try Snapshot(output)
        #expect(after.bytes["policies/mhf-2024-3-附件.pdf"] == Data("%PDF-1.4\n% 第二版\n".utf8))
        #expect(after.bytes == (try Snapshot(clean)).bytes)
    }

    @Test func aLinkFollowsTheRecordItNamesWhenThatRecordsPageMoves() throws {
        let tmp = try TemporaryDirectory()
        let root = try Self.makeRoot(tmp)
        let output = tmp.url.appendingPathComponent("site")
        #expect(try Self.build(root, into: output).status == 0)
        #expect(try Snapshot(output).bytes["policies/mhbf-2024-21.html"].map { String(decoding: $0, as: UTF8.self) }?
            .contains("href=\"mhbf-2022-7.html\"") == true)
        // A new slug gives the record a new page; the linking record's source is unchanged.
        let file = root.appendingPathComponent("content/policies/mhbf-2022-7.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\ndisclosure:", with: "\nslug: mhbf-2022-7-fz\ndisclosure:").utf8).write(to: file)
        #expect(try Self.build(root, into: output).status == 0)
        let clean = tmp.url.appendingPathComponent("clean")
        #expect(try Self.build(root, into: clean).status == 0)
        let page = try #require(try Snapshot(output).bytes["policies/mhbf-2024-21.html"])
        #expect(String(decoding: page, as: UTF8.self).contains("href=\"mhbf-2022-7-fz.html\""))
        #expect(try Snapshot(output).bytes == Snapshot(clean).bytes)
    }

    @Test func aRebuildWithNothingChangedLeavesTheSiteAlone() throws {
        let tmp = try TemporaryDirectory()
        let root = try Self.makeRoot(tmp)
        let output = tmp.url.appendingPathComponent("site")
        #expect(try Self.build(root, into: output).status == 0)
        let before = try Snapshot(output)
        let again = try Self.build(root, into: output)
        #expect(again.status == 0)
        #expect(again.stderr.contains("nothing changed since the last build"), "\(again.stderr)")
        let after = try Snapshot(output)
        #expect(after.bytes == before.bytes && after.inodes == before.inodes && after.times == before.times)
    }

    /// A build with nothing to do still clears what a killed build left beside the output.
    @Test func aRebuildWithNothingToDoStillCleansUpAKilledBuild() throws {
        let tmp = try TemporaryDirectory()
        let root = try Self.makeRoot(tmp)
        let output = tmp.url.appendingPathComponent("site")
        #expect(try Self.build(root, into: output).status == 0)
        let staging = tmp.url.appendingPathComponent(".disclose-staging-site-99999-1")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data("This directory is written by disclose and replaced whole by each build.\n".utf8)
            .write(to: staging.appendingPathComponent(OutputDirectory.markerName))
        let again = try Self.build(root, into: output)
        #expect(again.stderr.contains("nothing changed since the last build"), "\(again.stderr)")
        #expect(!FileManager.default.fileExists(atPath: staging.path))
    }

    @Test func aSiteChangedByHandIsRepairedNotTrusted() throws {
        let tmp = try TemporaryDirectory()
        let root = try Self.makeRoot(tmp)
        let output = tmp.url.appendingPathComponent("site")
        #expect(try Self.build(root, into: output).status == 0)
        let reference = try Snapshot(output)
        // Edited in place (same inode), a stray file added, a page deleted.
        let page = output.appendingPathComponent("policies/mhf-2024-3.html")
        let handle = try FileHandle(forWritingTo: page)
        try handle.write(contentsOf: Data("<!-- edited by hand -->".utf8))
        try handle.close()
        try Data("stray".utf8).write(to: output.appendingPathComponent("notes.txt"))
        try FileManager.default.removeItem(at: output.appendingPathComponent("guides/jzljczhz.html"))
        let result = try Self.build(root, into: output)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("nothing changed"))
        #expect(try Snapshot(output).bytes == reference.bytes)
    }

    @Test func aRecordThatTurnsNonPublicIsGoneFromEveryFile() throws {
        let tmp = try TemporaryDirectory()
        let root = try Self.makeRoot(tmp)
        let output = tmp.url.appendingPathComponent("site")
        #expect(try Self.build(root, into: output).status == 0)
        let file = root.appendingPathComponent("content/guides/ggcswsxk.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        let title = try #require(text.split(separator: "\n").first { $0.hasPrefix("title: ") }?.dropFirst(7))
        try Data(text.replacingOccurrences(of: "\ndisclosure: proactive\n", with: "\ndisclosure: on-request\n").utf8).write(to: file)
        let result = try Self.build(root, into: output)
        #expect(result.status == 0, "\(result.stderr)")
        let site = try Snapshot(output)
        #expect(site.bytes["guides/ggcswsxk.html"] == nil)
        for (path, bytes) in site.bytes {
            #expect(!String(decoding: bytes, as: UTF8.self).contains(title), "\(path) still names the record")
        }
    }
}
