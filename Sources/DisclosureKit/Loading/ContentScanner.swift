import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Walks `ROOT/content` as the content format describes: section folders and their
/// sub-folders, `site.yaml`, attachments; names starting with `.` or `_` are ignored.
/// Symbolic links are resolved and refused when they lead outside the root.
public struct ContentScanner: Sendable {
    public var root: String

    public init(root: String) {
        self.root = root
    }

    public func scan() throws(EnvironmentError) -> ContentTree {
        let contentPath = root.appendingPathComponent("content")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw EnvironmentError("the site root '\(root)' is not a readable directory")
        }
        guard FileManager.default.fileExists(atPath: contentPath, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw EnvironmentError("no content/ directory under the site root '\(root)'")
        }
        guard let realRoot = Self.realPath(root) else {
            throw EnvironmentError("the site root '\(root)' cannot be resolved")
        }
        var walk = Walk(realRoot: realRoot)
        walk.visit(directory: contentPath, relative: "content", section: nil, subfolders: [], topLevel: true)
        walk.records.sort { utf8Precedes($0.relativePath, $1.relativePath) }
        walk.attachments.sort { utf8Precedes($0.relativePath, $1.relativePath) }
        return ContentTree(root: root, siteFile: walk.siteFile, records: walk.records,
                           attachments: walk.attachments, diagnostics: walk.diagnostics)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

private struct Walk {
    let realRoot: String
    var siteFile: String?
    var records: [RecordFile] = []
    var attachments: [AttachmentFile] = []
    var diagnostics: [Diagnostic] = []
    /// Real paths of directories already walked: a link cycle is walked once.
    var visited: Set<String> = []

    init(realRoot: String) {
        self.realRoot = realRoot
    }

    enum Kind { case directory, file, other }

    mutating func visit(directory path: String, relative: String, section: RecordType?,
                        subfolders: [String], topLevel: Bool) {
        if let real = ContentScanner.realPath(path) {
            guard visited.insert(real).inserted else { return }
        }
        guard let dir = opendir(path) else {
            diagnostics.append(Rule.fileRead.diagnostic(relative, .fileStart,
                "cannot read directory: \(String(cString: strerror(errno)))"))
            return
        }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") || name.hasPrefix("_") { continue }
            names.append(name)
        }
        closedir(dir)
        names.sort(by: utf8Precedes)

        for name in names {
            let childPath = path + "/" + name
            let childRelative = relative + "/" + name
            guard let kind = kind(of: childPath, relative: childRelative) else { continue }
            switch kind {
            case .directory:
                if topLevel, let type = RecordType(folder: name) {
                    visit(directory: childPath, relative: childRelative, section: type, subfolders: [], topLevel: false)
                } else {
                    visit(directory: childPath, relative: childRelative, section: section,
                          subfolders: section == nil ? [] : subfolders + [name], topLevel: false)
                }
            case .file:
                file(childPath, relative: childRelative, name: name, section: section,
                     subfolders: subfolders, topLevel: topLevel)
            case .other:
                continue
            }
        }
    }

    mutating func file(_ path: String, relative: String, name: String, section: RecordType?,
                       subfolders: [String], topLevel: Bool) {
        if name.hasSuffix(".md") {
            guard let section else {
                diagnostics.append(Rule.sectionUnknown.diagnostic(relative, .fileStart,
                    "Markdown file outside a section folder; records belong under content/policies/, content/budgets/, content/guides/ or content/reports/"))
                return
            }
            records.append(RecordFile(relativePath: relative, absolutePath: path, type: section,
                                      subfolders: subfolders, stem: String(name.dropLast(3))))
        } else if topLevel && name == "site.yaml" {
            siteFile = path
        } else if let section {
            attachments.append(AttachmentFile(relativePath: relative, absolutePath: path, type: section,
                                              subfolders: subfolders, name: name))
        }
    }

    /// What `path` is, following a symbolic link only when it stays inside the root.
    mutating func kind(of path: String, relative: String) -> Kind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            guard let real = ContentScanner.realPath(path) else {
                diagnostics.append(Rule.fileSymlink.diagnostic(relative, .fileStart,
                    "symbolic link leads nowhere (its target does not exist); it is not followed"))
                return nil
            }
            guard real == realRoot || real.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/") else {
                diagnostics.append(Rule.fileSymlink.diagnostic(relative, .fileStart,
                    "symbolic link leads outside the site root (to \(real)); it is not followed"))
                return nil
            }
            guard stat(path, &info) == 0 else { return nil }
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        default: return .other
        }
    }
}

extension String {
    /// `self + "/" + component`, without doubling a trailing slash.
    func appendingPathComponent(_ component: String) -> String {
        hasSuffix("/") ? self + component : self + "/" + component
    }
}
