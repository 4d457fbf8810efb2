import Foundation

/// Writes the skeleton of `disclose new` without overwriting anything.
public enum RecordSkeletonWriter {
    public static func isValidSlug(_ slug: String) -> Bool { RecordRules.isValidSlug(slug) }

    /// Writes `ROOT/content/SECTION/SLUG.md` and returns its path relative to the root.
    public static func write(type: RecordType, slug: String, root: String, today: CalendarDate) throws(EnvironmentError) -> String {
        let content = root.appendingPathComponent("content")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw EnvironmentError("no content/ directory under the site root '\(root)'")
        }
        let folder = content.appendingPathComponent(type.folder)
        let relative = "content/\(type.folder)/\(slug).md"
        let path = folder.appendingPathComponent("\(slug).md")
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw EnvironmentError("cannot create \(folder): \(error.localizedDescription)")
        }
        let data = Data(NewRecordTemplate.text(for: type, today: today).utf8)
        // O_EXCL: never overwrite a record someone already wrote.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            if errno == EEXIST { throw EnvironmentError("\(relative) already exists; choose another SLUG") }
            throw EnvironmentError("cannot create \(relative): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        let written = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard written == data.count else { throw EnvironmentError("cannot write \(relative)") }
        return relative
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
