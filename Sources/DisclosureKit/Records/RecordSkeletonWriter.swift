import Foundation

/// Writes the skeleton of `disclose new` without overwriting anything.
public enum RecordSkeletonWriter {
    public static func isValidSlug(_ slug: String) -> Bool { RecordRules.isValidSlug(slug) }

    /// Writes `ROOT/content/SECTION/SLUG.md` and returns its path relative to the root.
    public static func write(type: RecordType, slug: String, root: String, today: CalendarDate) throws(EnvironmentError) -> String {
        try write(type: type, plan: NewRecordPlan(subfolders: [], slug: slug), root: root, today: today)
    }

    /// Writes `ROOT/content/SECTION/SUB/SLUG.md` as `plan` says, with its publisher and
    /// 索引号 filled in when it has them; returns its path relative to the root.
    public static func write(type: RecordType, plan: NewRecordPlan, root: String, today: CalendarDate) throws(EnvironmentError) -> String {
        let slug = plan.slug
        let sectionFolder = ([type.folder] + plan.subfolders).joined(separator: "/")
        let content = root.appendingPathComponent("content")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw EnvironmentError(Phrase("站点根目录 '\(root)' 下没有 content/ 文件夹", en: "no content/ directory under the site root '\(root)'"))
        }
        try refuseLinkOutOfRoot(content, named: "content", root: root)
        let folder = content.appendingPathComponent(sectionFolder)
        let relative = "content/\(sectionFolder)/\(slug).md"
        let path = folder.appendingPathComponent("\(slug).md")
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw EnvironmentError(Phrase("无法创建 \(folder)：", en: "cannot create \(folder): ") + SystemMessage.phrase(error.localizedDescription))
        }
        try refuseLinkOutOfRoot(folder, named: "content/\(sectionFolder)", root: root)
        let data = Data(NewRecordTemplate.text(for: type, today: today, publisher: plan.publisher,
                                               indexNumber: plan.indexNumber).utf8)
        // O_EXCL: never overwrite a record someone already wrote.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            if errno == EEXIST { throw EnvironmentError(Phrase("\(relative) 已存在；请换一个 SLUG", en: "\(relative) already exists; choose another SLUG")) }
            throw EnvironmentError(Phrase("无法创建 \(relative)：\(String(cString: strerror(errno)))", en: "cannot create \(relative): \(String(cString: strerror(errno)))"))
        }
        defer { close(fd) }
        let written = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard written == data.count else { throw EnvironmentError(Phrase("无法写入 \(relative)", en: "cannot write \(relative)")) }
        return relative
    }

    /// The folders as the build walks them: one reached through a link that leads outside
    /// the root (content/ itself, or a section's folder) is never read by the build, and
    /// nothing is written through it either.
    static func refuseLinkOutOfRoot(_ folder: String, named name: String, root: String) throws(EnvironmentError) {
        guard let realRoot = ContentScanner.realPath(root), let realFolder = ContentScanner.realPath(folder) else {
            throw EnvironmentError(Phrase("无法解析 \(name)", en: "cannot resolve \(name)"))
        }
        let rootBytes = Array(realRoot.utf8), folderBytes = Array(realFolder.utf8)
        guard folderBytes.starts(with: rootBytes.last == UInt8(ascii: "/") ? rootBytes : rootBytes + [UInt8(ascii: "/")]) else {
            throw EnvironmentError(Phrase("\(name) 指向站点根目录之外（\(realFolder)）；构建不读取它，也不会往那里写入任何内容", en: "\(name) leads outside the site root (to \(realFolder)); the build does not read it, and nothing is written there"))
        }
    }
}

extension CalendarDate {
    /// Today's date where the tool runs (only `new` reads the clock).
    public static func today() -> CalendarDate {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
    }
}
