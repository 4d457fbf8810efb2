import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Walks `ROOT/content` as the content format describes: section folders and their
/// sub-folders, `site.yaml`, attachments; names starting with `.` or `_` are ignored.
/// Symbolic links are resolved and refused when they lead outside the root. Nothing is
/// skipped in silence: a name that is not UTF-8 or holds a control character, two names
/// equal in Unicode normalisation, a special file (FIFO, socket, device), an entry that
/// cannot be examined, and a non-record file that reads like a record each get a
/// diagnostic, and none of them reaches a later stage.
public struct ContentScanner: Sendable {
    public var root: String

    public init(root: String) {
        self.root = root
    }

    public func scan() throws(EnvironmentError) -> ContentTree {
        let contentPath = root.appendingPathComponent("content")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw EnvironmentError(Phrase("站点根目录 '\(root)' 不是可读取的文件夹", en: "the site root '\(root)' is not a readable directory"))
        }
        guard FileManager.default.fileExists(atPath: contentPath, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw EnvironmentError(Phrase("站点根目录 '\(root)' 下没有 content/ 文件夹", en: "no content/ directory under the site root '\(root)'"))
        }
        guard let realRoot = Self.realPath(root) else {
            throw EnvironmentError(Phrase("无法解析站点根目录 '\(root)'", en: "the site root '\(root)' cannot be resolved"))
        }
        let (types, typeDiagnostics) = TypeRegistry.load(root: root)
        var walk = Walk(realRoot: realRoot, types: types)
        walk.diagnostics = typeDiagnostics
        // content/ itself is held to the rule of every link under it.
        if walk.kind(of: contentPath, relative: "content") == .directory {
            walk.visit(directory: contentPath, relative: "content", section: nil, subfolders: [], topLevel: true)
        }
        walk.refuseLookalikes()
        walk.records.sort { utf8Precedes($0.relativePath, $1.relativePath) }
        walk.attachments.sort { utf8Precedes($0.relativePath, $1.relativePath) }
        var tree = ContentTree(root: root, siteFile: walk.siteFile, records: walk.records,
                               attachments: walk.attachments, diagnostics: walk.diagnostics)
        tree.pages = walk.pages.files.sorted { utf8Precedes($0.relativePath, $1.relativePath) }
        tree.pageAttachments = walk.pages.attachments.sorted { utf8Precedes($0.relativePath, $1.relativePath) }
        tree.types = types
        return tree
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

private struct Walk {
    let realRoot: String
    let types: TypeRegistry
    var siteFile: String?
    var records: [RecordFile] = []
    var attachments: [AttachmentFile] = []
    /// Files under content/ that are neither records, attachments nor site.yaml: never
    /// published, but refused all the same when they read like a record.
    var otherFiles: [(relative: String, absolute: String)] = []
    var diagnostics: [Diagnostic] = []
    /// What `content/pages/` holds.
    var pages: (files: [PageFile], attachments: [PageAttachmentFile]) = ([], [])
    /// Real paths of directories already walked, as bytes: a link cycle is walked once.
    /// (As Strings, two folders whose names differ only in Unicode normalisation would be
    /// one, and the second never walked.)
    var visited: Set<[UInt8]> = []

    init(realRoot: String, types: TypeRegistry) {
        self.realRoot = realRoot
        self.types = types
    }

    enum Kind { case directory, file }

    /// One entry of a directory: its name as on disk and in NFC (the form every later
    /// stage keys by).
    struct Entry {
        var onDisk: String
        var name: String
    }

    /// The entries of a directory not walked yet, each with its path on disk and its
    /// relative path; an entry whose path the system could not open is reported, not given.
    mutating func children(of path: String, relative: String) -> [(entry: Entry, path: String, relative: String)] {
        if let real = ContentScanner.realPath(path) {
            guard visited.insert(Array(real.utf8)).inserted else { return [] }
        }
        guard let entries = entries(of: path, relative: relative) else { return [] }
        var children: [(entry: Entry, path: String, relative: String)] = []
        for entry in entries {
            let childPath = path + "/" + entry.onDisk
            let childRelative = relative + "/" + entry.name
            guard childPath.utf8.count <= FileName.maximumPathBytes else {
                diagnostics.append(Rule.fileName.diagnostic(childRelative, .fileStart,
                    Phrase("路径长 \(childPath.utf8.count) 字节，超过系统上限 \(FileName.maximumPathBytes) 字节；请缩短名称，此路径不予读取", en: "the path is \(childPath.utf8.count) bytes long, over the system's limit of \(FileName.maximumPathBytes); shorten the names, it is not read")))
                continue
            }
            children.append((entry, childPath, childRelative))
        }
        return children
    }

    mutating func visit(directory path: String, relative: String, section: RecordType?,
                        subfolders: [String], topLevel: Bool) {
        for (entry, childPath, childRelative) in children(of: path, relative: relative) {
            guard let kind = kind(of: childPath, relative: childRelative) else { continue }
            switch kind {
            case .directory:
                if topLevel, entry.name == FixedPage.folder {
                    // Reserved: the fixed pages, never a section, whatever types are declared.
                    visitPages(childPath, relative: childRelative)
                } else if topLevel, let type = types.type(folder: entry.name) {
                    visit(directory: childPath, relative: childRelative, section: type, subfolders: [], topLevel: false)
                } else {
                    visit(directory: childPath, relative: childRelative, section: section,
                          subfolders: section == nil ? [] : subfolders + [entry.name], topLevel: false)
                }
            case .file:
                file(childPath, relative: childRelative, name: entry.name, section: section,
                     subfolders: subfolders, topLevel: topLevel)
            }
        }
    }

    /// `content/pages/`: its Markdown files are fixed pages, its other files their
    /// attachments; it has no sub-folders.
    mutating func visitPages(_ path: String, relative: String) {
        for (entry, childPath, childRelative) in children(of: path, relative: relative) {
            switch kind(of: childPath, relative: childRelative) {
            case nil: continue
            case .directory:
                diagnostics.append(Rule.pageFolder.diagnostic(childRelative, .fileStart,
                    Phrase("content/pages/ 只存放固定页面及其附件；文件夹 '\(entry.name)' 不予读取", en: "content/pages/ holds pages and their attachments only; the folder '\(entry.name)' is not read")))
            case .file:
                if let stem = FileName.recordStem(entry.name) {
                    pages.files.append(PageFile(relativePath: childRelative, absolutePath: childPath, stem: stem))
                } else {
                    pages.attachments.append(PageAttachmentFile(relativePath: childRelative, absolutePath: childPath, name: entry.name))
                }
            }
        }
    }

    /// The entries of a directory, each once by its NFC name; names that cannot be read or
    /// clash are reported and left out. Nil when the directory cannot be read.
    mutating func entries(of path: String, relative: String) -> [Entry]? {
        guard let dir = opendir(path) else {
            diagnostics.append(Rule.fileRead.diagnostic(relative, .fileStart,
                Phrase("无法读取文件夹：\(String(cString: strerror(errno)))", en: "cannot read directory: \(String(cString: strerror(errno)))")))
            return nil
        }
        var raw: [[UInt8]] = []
        while let entry = readdir(dir) {
            let bytes = FileName.bytes(of: entry)
            if bytes.first == UInt8(ascii: ".") || bytes.first == UInt8(ascii: "_") { continue }
            raw.append(bytes)
        }
        closedir(dir)
        raw.sort { $0.lexicographicallyPrecedes($1) }

        // Names by their NFC form, each with the names on disk that have it.
        var onDiskByName: [String: [String]] = [:]
        var order: [String] = []
        for bytes in raw {
            switch FileName.read(bytes) {
            case .failure(let refusal):
                diagnostics.append(Rule.fileName.diagnostic(relative + "/" + FileName.display(bytes), .fileStart, refusal.message))
            case .success(let name):
                let normalised = FileName.normalised(name)
                // The site's copy takes the NFC name, which a few characters make longer.
                guard normalised.utf8.count <= FileName.maximumNameBytes else {
                    diagnostics.append(Rule.fileName.diagnostic(relative + "/" + name, .fileStart,
                        FileName.Refusal.tooLong(bytes: normalised.utf8.count).message))
                    continue
                }
                if onDiskByName[normalised] == nil { order.append(normalised) }
                onDiskByName[normalised, default: []].append(name)
            }
        }
        var entries: [Entry] = []
        for name in order {
            let onDisk = onDiskByName[name]!
            guard onDisk.count == 1 else {
                // Neither of a clashing pair is read: which of them the site would show
                // is not to be left to the order of a directory listing.
                for other in onDisk.dropFirst() {
                    diagnostics.append(Rule.fileNameClash.diagnostic(relative + "/" + other, .fileStart,
                        Phrase("\(relative) 中的 '\(other)'（\(FileName.formZh(other))）与 '\(onDisk[0])'（\(FileName.formZh(onDisk[0]))）只是字符的编码方式不同，在网上是同一个名称；请重命名或删除其中一个，两者均不予读取", en: "'\(other)' (\(FileName.form(other))) and '\(onDisk[0])' (\(FileName.form(onDisk[0]))) in \(relative) differ only in how their characters are encoded; on the web they are one name. Rename or remove one; neither is read")))
                }
                continue
            }
            entries.append(Entry(onDisk: onDisk[0], name: name))
        }
        return entries
    }

    /// `content/policies/, ... or content/reports/`: where records belong.
    var sectionFolders: Phrase {
        let folders = types.types.map { "content/\($0.folder)/" }
        guard folders.count > 1 else { return Phrase(folders.joined(), en: folders.joined()) }
        return Phrase(folders.dropLast().joined(separator: "、") + " 或 " + folders.last!,
                      en: folders.dropLast().joined(separator: ", ") + " or " + folders.last!)
    }

    mutating func file(_ path: String, relative: String, name: String, section: RecordType?,
                       subfolders: [String], topLevel: Bool) {
        if let stem = FileName.recordStem(name) {
            guard let section else {
                let folder = relative.slashSeparated.dropFirst().first.map(String.init) ?? ""
                if relative.slashSeparated.count > 2, let declaration = types.refusedFolders[folder] {
                    diagnostics.append(Rule.sectionUnknown.diagnostic(relative, .fileStart,
                        Phrase("content/\(folder)/ 是 \(declaration) 所声明类型的栏目文件夹，该类型声明有错误（type.declaration）；改正类型声明后才读取其中的记录", en: "content/\(folder)/ is the section of the type declared in \(declaration), which has errors (type.declaration); its records are read once the declaration is fixed")))
                    return
                }
                diagnostics.append(Rule.sectionUnknown.diagnostic(relative, .fileStart,
                    Phrase("Markdown 文件不在栏目文件夹中；记录应放在 \(sectionFolders.zh) 下", en: "Markdown file outside a section folder; records belong under \(sectionFolders.en)")))
                return
            }
            records.append(RecordFile(relativePath: relative, absolutePath: path, type: section,
                                      subfolders: subfolders, stem: stem))
        } else if topLevel && name == "site.yaml" {
            siteFile = path
        } else if let section {
            attachments.append(AttachmentFile(relativePath: relative, absolutePath: path, type: section,
                                              subfolders: subfolders, name: name))
        } else {
            otherFiles.append((relative, path))
        }
    }

    /// Refuses every non-record file that reads like a record (`RecordLookalike`); an
    /// attachment refused is dropped, so no stage can copy it.
    mutating func refuseLookalikes() {
        let candidates = attachments.map { ($0.relativePath, $0.absolutePath) } + otherFiles.map { ($0.relative, $0.absolute) }
            + pages.attachments.map { ($0.relativePath, $0.absolutePath) }
        let lines = parallelMap(candidates) { _, absolute in RecordLookalike.keyLine(ofFileAt: absolute) }
        var refused = Set<String>()
        for ((relative, _), line) in zip(candidates, lines) {
            guard let line else { continue }
            refused.insert(relative)
            diagnostics.append(Rule.fileAmbiguous.diagnostic(relative, SourceLocation(line: line, column: 1),
                Phrase("此文件像记录一样以前置信息和 \(Glossary.quotedZh("disclosure")) 字段开头，但文件名不以 .md 结尾，会被当作附件原样复制；如果它是记录，请改用 .md 命名；此文件不予发布", en: "this file opens with front matter and a \(Glossary.quoted("disclosure")) key like a record, but is not named .md, so it would be copied verbatim as an attachment; if it is a record, name it .md; it is not published")))
        }
        if !refused.isEmpty {
            attachments.removeAll { refused.contains($0.relativePath) }
            pages.attachments.removeAll { refused.contains($0.relativePath) }
        }
    }

    /// What `path` is, following a symbolic link only when it stays inside the root; nil,
    /// with a diagnostic, for anything else.
    mutating func kind(of path: String, relative: String) -> Kind? {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            diagnostics.append(Rule.fileRead.diagnostic(relative, .fileStart,
                Phrase("无法检查：\(String(cString: strerror(errno)))；不予读取", en: "cannot examine: \(String(cString: strerror(errno))); it is not read")))
            return nil
        }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            guard let real = ContentScanner.realPath(path) else {
                diagnostics.append(Rule.fileSymlink.diagnostic(relative, .fileStart,
                    Phrase("符号链接的目标不存在；不予跟随", en: "symbolic link leads nowhere (its target does not exist); it is not followed")))
                return nil
            }
            // Bytes, not Strings: String's == and hasPrefix compare by canonical
            // equivalence, and a folder beside the root whose name is the root's in another
            // normalisation is outside it.
            let rootBytes = Array(realRoot.utf8), realBytes = Array(real.utf8)
            let inside = realBytes == rootBytes
                || realBytes.starts(with: rootBytes.last == UInt8(ascii: "/") ? rootBytes : rootBytes + [UInt8(ascii: "/")])
            guard inside else {
                diagnostics.append(Rule.fileSymlink.diagnostic(relative, .fileStart,
                    Phrase("符号链接指向站点根目录之外（\(real)）；不予跟随", en: "symbolic link leads outside the site root (to \(real)); it is not followed")))
                return nil
            }
            guard stat(path, &info) == 0 else {
                diagnostics.append(Rule.fileRead.diagnostic(relative, .fileStart,
                    Phrase("无法检查此链接的目标：\(String(cString: strerror(errno)))；不予读取", en: "cannot examine the target of this link: \(String(cString: strerror(errno))); it is not read")))
                return nil
            }
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        default:
            diagnostics.append(Rule.fileSpecial.diagnostic(relative, .fileStart,
                Phrase("是\(SpecialFile.describeZh(info.st_mode))，不是普通文件或文件夹；不会打开它，请删除", en: "is \(SpecialFile.describe(info.st_mode)), not a regular file or folder; it is never opened. Remove it")))
            return nil
        }
    }
}

extension String {
    /// `self + "/" + component`, without doubling a trailing slash.
    func appendingPathComponent(_ component: String) -> String {
        hasSuffix("/") ? self + component : self + "/" + component
    }
}
