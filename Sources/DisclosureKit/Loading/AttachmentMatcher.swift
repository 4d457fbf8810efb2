/// Assigns each non-Markdown file of a section folder to its record: the record that
/// lists it in `attachments:`, else the record whose file stem it starts with (followed
/// by `.`, `-` or `_`; the longest stem wins). `ListedAttachments` decides both.
public enum AttachmentMatcher {
    public struct Match: Sendable {
        public var attachment: AttachmentFile
        public var record: RecordFile
        /// The title of its `attachments:` entry, and the entry's position in the list;
        /// nil for a file that is its record's by its name alone.
        public var title: String?
        public var position: Int?
    }

    /// `listing` gives each record's `attachments:` entries by its path (a record absent
    /// from it lists nothing); `publicRecords` the paths of the public ones, for messages.
    public static func match(_ attachments: [AttachmentFile], records: [RecordFile],
                             listing: [String: [ListedAttachment]] = [:], publicRecords: Set<String> = [])
        -> (matches: [Match], diagnostics: [Diagnostic]) {
        var recordsByFolder: [String: [RecordFile]] = [:]
        for record in records {
            recordsByFolder[folderKey(record.type, record.subfolders), default: []].append(record)
        }
        var attachmentsByFolder: [String: [AttachmentFile]] = [:]
        var folders: [String] = []
        for attachment in attachments {
            let key = folderKey(attachment.type, attachment.subfolders)
            if attachmentsByFolder[key] == nil { folders.append(key) }
            attachmentsByFolder[key, default: []].append(attachment)
        }
        // A folder whose records list files but which holds no other file is still
        // looked at: its listings name files that are not there.
        for (key, folderRecords) in recordsByFolder.sorted(by: { utf8Precedes($0.key, $1.key) })
            where attachmentsByFolder[key] == nil && folderRecords.contains(where: { !(listing[$0.relativePath]?.isEmpty ?? true) }) {
            folders.append(key)
        }
        var owned: [String: (record: RecordFile, assignment: ListedAttachments.Assignment)] = [:]
        var diagnostics: [Diagnostic] = []
        for key in folders {
            let files = attachmentsByFolder[key] ?? []
            let candidates = recordsByFolder[key] ?? []
            let owners = candidates.map { record in
                ListedAttachments.Owner(source: record.relativePath, stem: record.stem,
                                        listed: listing[record.relativePath] ?? [],
                                        isPublic: publicRecords.contains(record.relativePath))
            }
            let folderPath = candidates.first.map { record in
                record.absolutePath.folderOfPath
            } ?? ""
            let (assignments, found) = ListedAttachments.assign(files: files.map { ($0.name, $0.absolutePath) }, owners: owners,
                                                                folderPath: folderPath, folder: "content/" + key)
            diagnostics += found
            for assignment in assignments {
                owned["content/" + key + "/" + assignment.name] = (candidates[assignment.owner], assignment)
            }
        }
        // A file some record lists and that was refused has its `attachment.listed` error
        // at the entry; calling it an orphan as well would tell the author to list it.
        var listedPaths: Set<String> = []
        for record in records {
            let folder = "content/" + folderKey(record.type, record.subfolders) + "/"
            for entry in listing[record.relativePath] ?? [] { listedPaths.insert(folder + entry.file) }
        }
        // A file refused where it is (named like a withheld record's) is told why there.
        let refusedPaths = Set(diagnostics.map(\.file))
        // In the order the files were given (the scan's path order).
        var matches: [Match] = []
        for attachment in attachments {
            if let (record, assignment) = owned[attachment.relativePath] {
                matches.append(Match(attachment: attachment, record: record, title: assignment.title, position: assignment.position))
                // A listed file's name is checked at its entry (`PersonalIDNumbers`); one
                // copied by its name alone is checked here, where it is.
                if assignment.title == nil, publicRecords.contains(record.relativePath),
                   let found = PersonalIDNumbers.first(in: attachment.name) {
                    diagnostics.append(Rule.recordIDNumber.diagnostic(attachment.relativePath, .fileStart,
                        Phrase("\(record.relativePath) 的这个附件的文件名含有疑似身份证号码（\(PersonalIDNumbers.masked(found.number))）；自然人的身份证号码一律不予公开，请重命名", en: "the file name of this attachment of \(record.relativePath) holds what reads as an ID number (\(PersonalIDNumbers.masked(found.number))); a natural person's ID number is never published: rename it")))
                }
            } else if !listedPaths.contains(attachment.relativePath), !refusedPaths.contains(attachment.relativePath) {
                diagnostics.append(Rule.attachmentOrphan.diagnostic(attachment.relativePath, .fileStart,
                    Phrase("'\(attachment.name)' 不属于任何记录，不会被复制；请在其记录的 'attachments:' 中列出，或按记录的文件名命名（与 STEM.md 同目录的 STEM.pdf 或 STEM-附件.pdf）", en: "'\(attachment.name)' belongs to no record and is not copied; list it in its record's 'attachments:' or name it after its record's file (STEM.pdf or STEM-附件.pdf beside STEM.md)")))
            }
        }
        return (matches, diagnostics)
    }

    /// Compared byte for byte: both names are NFC (`FileName`), and `String.hasPrefix`
    /// compares by canonical equivalence, which counts a different number of bytes.
    static func belongs(_ name: String, to stem: String) -> Bool {
        guard name.utf8.starts(with: stem.utf8) else { return false }
        let rest = name.utf8.dropFirst(stem.utf8.count)
        guard let next = rest.first else { return false }
        return next == UInt8(ascii: ".") || next == UInt8(ascii: "-") || next == UInt8(ascii: "_")
    }

    static func folderKey(_ type: RecordType, _ subfolders: [String]) -> String {
        ([type.folder] + subfolders).joined(separator: "/")
    }

    /// The order a page shows its attachments in: the listed ones in list order, then
    /// those that are its by name, in path order.
    static func displayOrder(_ matches: [Match]) -> [Match] {
        let listed = matches.filter { $0.position != nil }.sorted { $0.position! < $1.position! }
        return listed + matches.filter { $0.position == nil }
    }
}
