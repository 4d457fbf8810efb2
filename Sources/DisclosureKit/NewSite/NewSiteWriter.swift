import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `disclose init DIR`: writes a new site root into an empty or new folder, and nothing
/// anywhere else. A folder that holds anything (a hidden file too) is refused before a
/// byte is written, and every file is created exclusively, so nothing the user had is
/// ever replaced.
public enum NewSiteWriter {
    /// The files of a new site, relative to its root: the settings, one empty folder per
    /// built-in section (kept by git through an empty `.gitkeep`, which the build skips as
    /// it skips every hidden file), the 公开指南 and the `.gitignore`.
    static func files(withTemplates: Bool) -> [(path: String, text: String)] {
        var files: [(path: String, text: String)] = [
            ("content/site.yaml", NewSiteFiles.siteYAML),
            ("content/pages/guide.md", NewSiteFiles.guide),
            (".gitignore", NewSiteFiles.gitignore),
        ]
        files += TypeRegistry.builtIn.types.map(\.folder).sorted().map { ("content/\($0)/.gitkeep", "") }
        if withTemplates {
            files += DefaultTemplates.files.map { ("templates/\($0.path)", $0.text) }
        }
        return files
    }

    /// Writes the new site into `directory` (made, with its parents, when missing) and
    /// returns the paths written, relative to it.
    @discardableResult
    public static func write(into directory: String, withTemplates: Bool) throws(EnvironmentError) -> [String] {
        // An empty name would join into '/content/…': the files would land at the file
        // system's root.
        guard !directory.isEmpty else { throw EnvironmentError(Phrase("DIR 为空；请给出新站点的文件夹", en: "DIR is empty; name the folder of the new site")) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw EnvironmentError(Phrase("'\(directory)' 是文件，不是文件夹；请给出一个新的或空的文件夹", en: "'\(directory)' is a file, not a folder; give a new or empty folder"))
            }
            let entries: [String]
            do {
                entries = try FileManager.default.contentsOfDirectory(atPath: directory)
            } catch {
                throw EnvironmentError(Phrase("无法读取文件夹 '\(directory)'：", en: "cannot read the folder '\(directory)': ") + SystemMessage.phrase(error.localizedDescription))
            }
            guard entries.isEmpty else {
                let shown = entries.sorted().prefix(3).joined(separator: ", ") + (entries.count > 3 ? ", …" : "")
                throw EnvironmentError(Phrase("'\(directory)' 不是空文件夹（\(shown)）；init 只在新的或空的文件夹中创建站点，未写入任何内容", en: "'\(directory)' is not empty (\(shown)); init writes a new site only into a new or empty folder, and nothing was written"))
            }
        }
        let files = files(withTemplates: withTemplates)
        for file in files {
            let path = directory.appendingPathComponent(file.path)
            do throws(FileIO.Failure) {
                try FileIO.makeDirectories((path as NSString).deletingLastPathComponent)
            } catch {
                throw EnvironmentError(Phrase("无法在 '\(directory)' 中创建 \(file.path) 所在的文件夹：", en: "cannot create the folder of \(file.path) in '\(directory)': ") + SystemMessage.phrase(of: error))
            }
            try createExclusively(path, bytes: Array(file.text.utf8), named: file.path)
        }
        return files.map(\.path)
    }

    /// O_EXCL: a file that appeared since the folder was found empty is never replaced.
    private static func createExclusively(_ path: String, bytes: [UInt8], named name: String) throws(EnvironmentError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw EnvironmentError(Phrase("无法创建 \(name)：\(String(cString: strerror(errno)))", en: "cannot create \(name): \(String(cString: strerror(errno)))"))
        }
        defer { close(fd) }
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw EnvironmentError(Phrase("无法写入 \(name)", en: "cannot write \(name)")) }
    }
}
