import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `disclose build` killed with SIGKILL at random moments: the output directory is always
/// exactly the complete old site or the complete new site, and a later build succeeds
/// without any clean-up by hand. (About two minutes: the longest test here.)
@Suite struct CrashSafetyTests {
    /// A site root with `count` policies; `version` changes every title and drops some records.
    static func writeRoot(_ root: URL, count: Int, version: Int) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("content/policies"), withIntermediateDirectories: true)
        try "title: 测试区\nbase_url: https://www.example.gov.cn/\n".write(
            to: root.appendingPathComponent("content/site.yaml"), atomically: true, encoding: .utf8)
        for n in 0..<count where version == 1 || n % 7 != 0 {
            let year = 2010 + n % 12
            let folder = root.appendingPathComponent("content/policies/\(year)")
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            let body = String(repeating: "第\(n)号文件第\(version)版的正文，用于测试构建被中断时输出目录的完整性。\n\n", count: 12)
            try """
                ---
                title: 测试文件\(n)（第\(version)版）
                index_number: TEST\(String(format: "%06d", n))/\(year)-\(String(format: "%05d", n))
                disclosure: \(n % 10 == 9 ? "withheld\nwithheld_reason: 涉密" : "proactive")
                publisher: 测试区人民政府办公室
                created: \(year)-03-01
                published: \(year)-03-05
                review: {reviewer: 审查组, date: \(year)-03-02}
                document_number: 测府发〔\(year)〕\(n)号
                ---
                \(body)
                """.write(to: folder.appendingPathComponent("p-\(n).md"), atomically: false, encoding: .utf8)
        }
    }

    /// A digest of every file's path and bytes (nil when the directory does not exist).
    static func digest(_ directory: URL) throws -> String? {
        guard FileManager.default.fileExists(atPath: directory.path) else { return nil }
        var hash: UInt64 = 0xcbf29ce484222325
        func mix(_ bytes: some Sequence<UInt8>) { for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100000001b3 } }
        let files = (FileManager.default.enumerator(atPath: directory.path)?.allObjects as? [String] ?? []).sorted()
        for file in files {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: directory.appendingPathComponent(file).path, isDirectory: &isDirectory)
            mix(file.utf8)
            mix([0])
            if !isDirectory.boolValue { mix(try Data(contentsOf: directory.appendingPathComponent(file))) }
        }
        return String(hash, radix: 16) + "/\(files.count)"
    }

    /// What a build killed while writing a cache leaves (a `.partial-PID-NUMBER` file in
    /// the root's cache folder) is removed by the next build of that output; another
    /// output's is left alone, and so is anything beside the output.
    @Test func cacheWritesCutShortAreCleanedUp() throws {
        let tmp = try TemporaryDirectory()
        let root = try tmp.copy(fixture: "sample")
        let output = tmp.url.appendingPathComponent("site")
        #expect(try Disclose.run(["build", "--root", root.path, "--output", output.path]).status == 0)
        let folder = root.appendingPathComponent(".disclose")
        let caches = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let ours = caches.filter { $0 != ".gitignore" }.map { $0 + ".partial-99999-1234" }
        #expect(ours.count == 2)
        let theirs = ["other-0123456789abcdef.build-cache.partial-99999-1234"]
        for name in ours + theirs { try Data("cut".utf8).write(to: folder.appendingPathComponent(name)) }
        let beside = ".disclose-cache-site.partial-99999"
        try Data("cut".utf8).write(to: tmp.url.appendingPathComponent(beside))
        #expect(try Disclose.run(["build", "--root", root.path, "--output", output.path]).status == 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(left == (caches + theirs).sorted())
        #expect(FileManager.default.fileExists(atPath: tmp.url.appendingPathComponent(beside).path))
    }

    @Test func killedBuildsLeaveTheOldOrTheNewSite() throws {
        let tmp = try TemporaryDirectory()
        let rootA = tmp.url.appendingPathComponent("a"), rootB = tmp.url.appendingPathComponent("b")
        try Self.writeRoot(rootA, count: 2000, version: 1)
        try Self.writeRoot(rootB, count: 2000, version: 2)
        let output = tmp.url.appendingPathComponent("out")
        let referenceB = tmp.url.appendingPathComponent("reference-b")

        let started = Date()
        #expect(try Disclose.run(["build", "--root", rootA.path, "--output", output.path]).status == 0)
        let duration = Date().timeIntervalSince(started)
        #expect(try Disclose.run(["build", "--root", rootB.path, "--output", referenceB.path]).status == 0)
        let siteA = try #require(try Self.digest(output))
        let siteB = try #require(try Self.digest(referenceB))
        #expect(siteA != siteB)

        var generator = SystemRandomNumberGenerator()
        var outcomes: [String: Int] = [:]
        for round in 0..<50 {
            let root = round % 2 == 0 ? rootB : rootA
            let process = Process()
            process.executableURL = Disclose.executable
            process.arguments = ["build", "--root", root.path, "--output", output.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Anywhere from start-up to just past a whole build, the swap included.
            usleep(UInt32(Double.random(in: 0...(duration * 1.1), using: &generator) * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let state = try Self.digest(output)
            #expect(state == siteA || state == siteB, "round \(round): the output is neither the old nor the new site")
            outcomes[state == siteA ? "A" : state == siteB ? "B" : "mixed", default: 0] += 1
        }
        // A build after all that succeeds, and leaves nothing behind.
        #expect(try Disclose.run(["build", "--root", rootA.path, "--output", output.path]).status == 0)
        #expect(try Self.digest(output) == siteA)
        #expect(try Disclose.run(["audit", output.path, "--root", rootA.path]).status == 0)
        // Nothing remains beside the outputs (no staging tree, no lock); the caches are in
        // the roots' cache folders.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: tmp.url.path).filter { $0.hasPrefix(".disclose") }
        #expect(leftovers == [])
        print("kill loop: \(outcomes), build \(String(format: "%.2f", duration)) s")
    }
}
