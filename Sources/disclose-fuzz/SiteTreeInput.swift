import DisclosureKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A fuzz input read as a whole site root: the loader's odd files (any name, any bytes in
/// a name, directories, symbolic links, hard links, named pipes, unreadable files) as well
/// as the records' bytes, written into a fresh folder and run through `check` and a full
/// `build` as the binary runs them.
///
/// Layout after the marker byte: entries separated by 0x1E; each entry is a kind byte, a
/// path up to the first newline (relative to `content/`, or to the root when it starts with
/// `templates/`), then the entry's bytes. Kinds, by the byte modulo 6: a file, a directory,
/// a symbolic link (the bytes are its target, anywhere), a named pipe, a hard link (the bytes
/// name an earlier entry's path), a file without read permission. A path with a `..`
/// component, or one that would be written through a link, is passed over: the harness
/// itself never writes outside its folder. Without a `site.yaml` entry a valid one is given.
///
/// What must hold, whatever the input (a violation stops the process, which libFuzzer
/// reports as a finding):
/// - nothing crashes or hangs (the sanitizers and libFuzzer's timeout watch that);
/// - when the build commits a site, no output file holds the title of a non-public record
///   (when at least 19 bytes long and in no public record's file or template), and the
///   output holds only regular files and folders;
/// - building again at once, with nothing changed, succeeds too.
struct SiteTreeInput {
    static let marker = UInt8(ascii: "T")
    static let separator: UInt8 = 0x1E

    let entries: [ArraySlice<UInt8>]
    /// The bytes of each regular file actually written (an entry whose path was taken or
    /// refused is not).
    private var written: [[UInt8]] = []
    /// `DISCLOSE_FUZZ_VERBOSE=1` prints what the build said, to see why a replayed input
    /// goes the way it does.
    static let verbose = ProcessInfo.processInfo.environment["DISCLOSE_FUZZ_VERBOSE"] != nil

    init(_ bytes: ArraySlice<UInt8>) {
        entries = bytes.split(separator: Self.separator, omittingEmptySubsequences: true)
    }

    mutating func run() {
        let root = NSTemporaryDirectory().appendingPath("disclose-fuzz-\(getpid())")
        removeTree(root)
        guard mkdir(root, 0o755) == 0, mkdir(root + "/content", 0o755) == 0 else { return }
        defer { removeTree(root) }
        var wroteSettings = false
        for entry in entries {
            if write(entry, under: root) == "content/site.yaml" { wroteSettings = true }
        }
        if !wroteSettings {
            _ = FileManager.default.createFile(atPath: root + "/content/site.yaml", contents: Data("""
                title: 测试区人民政府
                base_url: https://www.example.gov.cn/

                """.utf8))
        }

        guard let loaded = try? SiteLoader.load(root: root) else { return }
        _ = TemplateSet.load(root: root)
        if loaded.diagnostics.errorCount == 0 { _ = BodyLinks.diagnostics(loaded) }
        _ = DiagnosticPrinter(format: .text).render(loaded.diagnostics)

        let output = root + "/site"
        let built = try? SiteBuilder(root: root, output: output).build()
        if Self.verbose {
            let diagnostics = built?.diagnostics ?? loaded.diagnostics
            FileHandle.standardError.write(Data(DiagnosticPrinter(format: .text).render(diagnostics).utf8))
            FileHandle.standardError.write(Data("committed: \(built?.committed ?? false)\n".utf8))
        }
        guard let first = built, first.committed else { return }
        checkNoLeak(loaded, root: root, output: output)
        guard let second = try? SiteBuilder(root: root, output: output).build(), second.committed else {
            fatalError("a build of an unchanged tree failed right after one that succeeded")
        }
    }

    /// Writes one entry; returns its path relative to the root, or nil when passed over.
    private mutating func write(_ entry: ArraySlice<UInt8>, under root: String) -> String? {
        guard let kindByte = entry.first else { return nil }
        let rest = entry.dropFirst()
        let newline = rest.firstIndex(of: 0x0A) ?? rest.endIndex
        var components = rest[rest.startIndex..<newline].split(separator: UInt8(ascii: "/")).map(Array.init)
        let bytes = newline < rest.endIndex ? Array(rest[(newline + 1)...]) : []
        components.removeAll { $0 == Array(".".utf8) }
        guard let leaf = components.last, !components.contains(Array("..".utf8)),
              !components.contains(where: { $0.contains(0) || $0.count > 255 }) else { return nil }
        if components.first != Array("templates".utf8) { components.insert(Array("content".utf8), at: 0) }
        // Every folder on the way must be a real folder (made here if missing), never a link.
        var path = Array(root.utf8)
        for folder in components.dropLast() {
            path += [UInt8(ascii: "/")] + folder
            var info = stat()
            if withCString(path, { lstat($0, &info) }) == 0 {
                guard (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
            } else if withCString(path, { mkdir($0, 0o755) }) != 0 {
                return nil
            }
        }
        path += [UInt8(ascii: "/")] + leaf
        switch kindByte % 6 {
        case 0, 5:
            let mode: mode_t = kindByte % 6 == 5 ? 0 : 0o644
            let fd = withCString(path) { open($0, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode) }
            guard fd >= 0 else { return nil }
            _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            close(fd)
            written.append(bytes)
        case 1:
            guard withCString(path, { mkdir($0, 0o755) }) == 0 else { return nil }
        case 2:
            guard !bytes.contains(0),
                  withCString(bytes, { target in withCString(path) { symlink(target, $0) } }) == 0 else { return nil }
        case 3:
            guard withCString(path, { mkfifo($0, 0o644) }) == 0 else { return nil }
        default:
            let earlier = bytes.split(separator: UInt8(ascii: "/")).map(Array.init)
            guard !earlier.isEmpty, !earlier.contains(Array("..".utf8)), !bytes.contains(0) else { return nil }
            let source = Array(root.utf8) + Array("/content/".utf8) + bytes
            guard withCString(source, { from in withCString(path) { link(from, $0) } }) == 0 else { return nil }
        }
        return String(decoding: Array(components.joined(separator: [UInt8(ascii: "/")])), as: UTF8.self)
    }

    /// The oracle: a committed site holds no non-public title that nothing public holds.
    private func checkNoLeak(_ loaded: LoadedSite, root: String, output: String) {
        var publicBytes: [[UInt8]] = []
        for identity in loaded.identities where identity.isPublic {
            if let bytes = try? FileIO.readBytes(identity.file.absolutePath) { publicBytes.append(bytes) }
        }
        let secrets = (loaded.identities.filter { !$0.isPublic }.compactMap(\.title) + declaredSecretTitles())
            .map { Array($0.utf8) }
            .filter { title in title.count >= 19 && !publicBytes.contains { contains($0, title) } }
        for file in regularFiles(under: output, reportingOthers: true) {
            for title in secrets where contains(file.bytes, title) || contains(Array(file.path.utf8), title) {
                fatalError("leak: the title of a non-public record is in \(file.path)")
            }
        }
    }

    /// Titles of every file written whose own front matter declares it non-public, whatever
    /// the loader made of it (a record under another extension, a fenced text file): judged
    /// from the input alone, so that a loader that misses a record cannot also miss its
    /// leak. A file is such a record when it opens (after a byte-order mark and blank lines)
    /// with a `---` line, and a `disclosure:` line before the closing `---` holds anything
    /// but the public value; the loader refuses every other file of that shape.
    private func declaredSecretTitles() -> [String] {
        written.compactMap { bytes -> String? in
            var text = Substring(String(decoding: bytes, as: UTF8.self))
            if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
                .drop { $0.allSatisfy { $0 == " " || $0 == "\t" } }
            guard lines.first == "---" else { return nil }
            lines = lines.dropFirst()
            let frontMatter = lines.prefix { $0 != "---" }
            func value(_ key: String) -> String? {
                frontMatter.first { $0.hasPrefix(key + ":") }.map { line in
                    var value = line.dropFirst(key.count + 1)
                    if let comment = value.range(of: " #") { value = value[..<comment.lowerBound] }
                    return value.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
                }
            }
            guard let disclosure = value("disclosure"), disclosure != "proactive", disclosure != "主动公开" else { return nil }
            return value("title")
        }
    }

    private func regularFiles(under folder: String, reportingOthers: Bool = false) -> [(path: String, bytes: [UInt8])] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [(String, [UInt8])] = []
        while let relative = walker.nextObject() as? String {
            let path = folder + "/" + relative
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                // DisclosureKit's reader, not FileManager.contents(atPath:), whose read of an
                // empty file leaks a 4 KiB buffer (LeakSanitizer stops the fuzzer on it).
                if let bytes = try? FileIO.readBytes(path, followingLinks: false) { files.append((relative, bytes)) }
            case S_IFDIR:
                continue
            default:
                if reportingOthers { fatalError("the built site holds \(relative), which is not a regular file or folder") }
            }
        }
        return files
    }

    private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBytes { h in
            needle.withUnsafeBytes { n in
                var start = 0
                while start + n.count <= h.count {
                    guard let hit = memchr(h.baseAddress! + start, Int32(first), h.count - start - n.count + 1) else { return false }
                    let offset = UnsafeRawPointer(hit) - h.baseAddress!
                    if memcmp(h.baseAddress! + offset, n.baseAddress!, n.count) == 0 { return true }
                    start = offset + 1
                }
                return false
            }
        }
    }

    /// Calls `body` with `bytes` as a C string, kept byte for byte: a name may be invalid
    /// UTF-8, which a Swift `String` would repair.
    private func withCString<R>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
        let terminated = bytes.map { CChar(bitPattern: $0) } + [0]
        return terminated.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    private func removeTree(_ path: String) {
        _ = try? FileManager.default.removeItem(atPath: path)
    }
}

private extension String {
    func appendingPath(_ component: String) -> String {
        hasSuffix("/") ? self + component : self + "/" + component
    }
}
