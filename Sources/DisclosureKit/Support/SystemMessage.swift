/// A message of the system (`strerror`'s words, or what `FileIO` says of a file) in both
/// languages: the C library speaks English whatever the run's language, so the common
/// ones are given in Chinese here; one not listed is shown as the system wrote it.
public enum SystemMessage {
    public static func phrase(_ english: String) -> Phrase {
        if let chinese = chinese[english] { return Phrase(chinese, en: english) }
        let notRegular = "is not a regular file ("
        if english.hasPrefix(notRegular), english.hasSuffix(")") {
            let kind = String(english.dropFirst(notRegular.count).dropLast())
            let kindChinese = FileIO.fileKindNames.first { $0.en == kind }?.zh ?? kind
            return Phrase("不是普通文件（\(kindChinese)）", en: english)
        }
        // The library's own failures of a named file: "PATH changed during the build; …".
        for (suffix, chineseSuffix) in suffixes where english.hasSuffix(suffix) {
            return Phrase(english.dropLast(suffix.count) + chineseSuffix, en: english)
        }
        // "PATH: strerror's text", as FileIO names the file it failed on.
        if let colon = english.range(of: ": ", options: .backwards),
           let chinese = chinese[String(english[colon.upperBound...])] {
            return Phrase(english[..<colon.lowerBound] + "：" + chinese, en: english)
        }
        return Phrase(english, en: english)
    }

    /// The endings of the library's own `FileIO.Failure.system` texts that follow a path.
    static let suffixes: [(en: String, zh: String)] = [
        (" changed during the build; build again", " 在构建期间被修改；请重新构建"),
        (": cannot be read", "：无法读取"),
        (": written but cannot be read back", "：已写入，但无法读回"),
        (": the index just written does not read back as one", "：刚写出的索引无法完整读回"),
    ]

    /// glibc's `strerror` texts for the errors a file operation meets, and `FileIO`'s own.
    static let chinese: [String: String] = [
        "No such file or directory": "文件或文件夹不存在",
        // Foundation's descriptions of the same failures (`localizedDescription`).
        "The operation could not be completed. A file with the same name already exists.": "已有同名的文件",
        "The operation could not be completed. The file doesn’t exist.": "文件或文件夹不存在",
        "The file doesn’t exist.": "文件或文件夹不存在",
        "The operation could not be completed. You don’t have permission.": "权限不足",
        "You don’t have permission.": "权限不足",
        "The operation could not be completed. The volume is read only.": "文件系统为只读",
        "The operation could not be completed. There isn’t enough space.": "磁盘空间不足",
        "The operation could not be completed. The file couldn’t be opened.": "无法打开文件",
        "Permission denied": "权限不足",
        "Operation not permitted": "不允许此操作",
        "Is a directory": "是文件夹",
        "Not a directory": "不是文件夹",
        "No space left on device": "磁盘空间不足",
        "Disk quota exceeded": "超出磁盘配额",
        "Read-only file system": "文件系统为只读",
        "Too many levels of symbolic links": "符号链接层级过多",
        "Input/output error": "输入/输出错误",
        "File exists": "文件已存在",
        "Directory not empty": "文件夹不为空",
        "File name too long": "文件名过长",
        "Too many open files": "打开的文件过多",
        "Device or resource busy": "设备或资源忙",
        "Invalid cross-device link": "不能跨设备移动",
        "Resource temporarily unavailable": "资源暂时不可用",
        "is a symbolic link": "是符号链接",
        "not a regular file": "不是普通文件",
        "a record file no longer splits into front matter and body": "记录文件已无法分成前置信息和正文",
    ]
}

extension SystemMessage {
    /// An error's message in both languages: its own when it has them (`PhrasedError`),
    /// else its description (a system's, in English) as the `strerror` texts are.
    public static func phrase(of error: any Error) -> Phrase {
        if let phrased = error as? any PhrasedError { return phrased.phrase }
        return phrase("\(error)")
    }
}
