/// Reads the `attachments:` list every record type and every fixed page may give:
///
///     attachments:
///       - file: 附件1.pdf
///         title: 2024年明湖区政府信息公开申请表
///
/// Only what can be told from the front matter is checked here (each entry a mapping with
/// a `file` that is a plain name and a `title`, no file listed twice); whether the file
/// is there, a regular file of the record's folder and no other record's, is checked by
/// `ListedAttachmentRules` once the tree is known.
enum AttachmentListDecoder {
    static let key = "attachments"
    static let entryKeys = ["file", "title"]

    /// The entries, in list order; entries with problems are reported and left out.
    static func decode(_ top: FieldMapping, _ reader: inout FieldReader) -> [ListedAttachment] {
        guard let (items, _) = reader.list(top, key, required: false) else { return [] }
        var listed: [ListedAttachment] = []
        var seen: [String: SourceLocation] = [:]
        for (position, item) in items.enumerated() {
            let path = "\(key)[\(position + 1)]"
            guard case .mapping(let entries) = item.value else {
                reader.report(.recordType, item.location, field: path,
                              Phrase("'\(path)' 的每一项必须是 {file: 附件1.pdf, title: 附件的标题} 这样的映射，不能是\(item.kindPhrase.zh)", en: "'\(path)' must be a mapping such as {file: 附件1.pdf, title: 附件的标题}, not \(item.kindDescription)"))
                continue
            }
            let map = FieldMapping(entries: entries, path: path, anchor: item.location)
            reader.checkUnknownKeys(map, known: entryKeys)
            let file = reader.string(map, "file", required: true)
            let title = reader.string(map, "title", required: true)
            guard let file, let title else { continue }
            let name = FileName.normalised(file.value)
            if let refusal = refusal(of: name) {
                reader.report(.attachmentListed, file.location, field: path + ".file", Phrase("'\(file.value)' ", en: "'\(file.value)' ") + refusal)
                continue
            }
            if let first = seen[name] {
                reader.report(.attachmentListed, file.location, field: path + ".file",
                              Phrase("'\(file.value)' 已在第 \(first.line) 行列出；每个文件只列一次", en: "'\(file.value)' is already listed at line \(first.line); list each file once"))
                continue
            }
            seen[name] = file.location
            listed.append(ListedAttachment(file: name, title: title.value, location: file.location))
        }
        return listed
    }

    /// Why `name` cannot name a file of the record's own folder, or nil.
    static func refusal(of name: String) -> Phrase? {
        if name.hasPrefix("/") { return Phrase("是绝对路径；请只用文件名列出本记录所在文件夹中的文件", en: "is an absolute path; list a file of this record's folder by its name alone") }
        if name == "." || name == ".." || name.slashSeparated.contains("..") {
            return Phrase("指向本记录所在文件夹之外；请只用文件名列出该文件夹中的文件", en: "leads out of this record's folder; list a file of the folder by its name alone")
        }
        if name.contains("/") || name.contains("\\") {
            return Phrase("指向其他文件夹中的文件；附件是记录所在文件夹中的文件，只用文件名列出", en: "names a file in another folder; an attachment is a file of the record's own folder, listed by its name alone")
        }
        if name.hasPrefix(".") || name.hasPrefix("_") {
            return Phrase("以 '.' 或 '_' 开头，构建从不读取这样的文件；请重命名", en: "starts with '.' or '_', which the build never reads; rename the file")
        }
        if FileName.recordStem(name) != nil { return Phrase("是 Markdown 文件，即记录或页面，不是附件", en: "is a Markdown file, which is a record or a page, not an attachment") }
        return nil
    }
}
