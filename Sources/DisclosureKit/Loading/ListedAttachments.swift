#if canImport(Glibc)
import Glibc
#endif

/// Assigns the files of one folder to their owners (records or fixed pages): first each
/// file an owner lists in `attachments:`, in list order, then by name, the file going
/// to the owner whose stem it starts with (followed by `.`, `-` or `_`; the longest stem
/// wins). A listed file must be a regular file of the folder, not a symbolic link, and
/// not a file that is another owner's by its name: a record listing its neighbour's
/// `STEM-附件.pdf`, or a withheld record's, would publish what is not its own.
enum ListedAttachments {
    struct Owner {
        /// The owner's file, relative to the root.
        var source: String
        var stem: String
        var listed: [ListedAttachment]
        var isPublic: Bool
    }

    /// A file of the folder and where it goes.
    struct Assignment {
        var name: String
        /// Index into the owners.
        var owner: Int
        /// The title and position of its `attachments:` entry, when it is listed.
        var title: String?
        var position: Int?
    }

    /// `files` are the folder's names (NFC, as scanned) with their absolute paths;
    /// `folderPath` is the folder's absolute path and `folder` its path relative to the
    /// root, for messages. Files no owner takes are left out (the caller reports them).
    static func assign(files: [(name: String, absolute: String)], owners: [Owner], folderPath: String,
                       folder: String) -> (assignments: [Assignment], diagnostics: [Diagnostic]) {
        let present = Dictionary(files.map { ($0.name, $0.absolute) }, uniquingKeysWith: { first, _ in first })
        var diagnostics: [Diagnostic] = []
        var taken: [String: Int] = [:]
        var assignments: [Assignment] = []
        for (index, owner) in owners.enumerated() {
            for (position, entry) in owner.listed.enumerated() {
                let refuse = { (message: Phrase) in
                    diagnostics.append(Rule.attachmentListed.diagnostic(owner.source, entry.location, field: "attachments",
                                                                        Phrase("'\(entry.file)' ", en: "'\(entry.file)' ") + message))
                }
                guard let absolute = present[entry.file] else {
                    refuse(absence(of: entry.file, in: folderPath, folder: folder))
                    continue
                }
                var info = stat()
                if lstat(absolute, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
                    refuse(Phrase("是符号链接，不予接受；附件应是该文件夹中的普通文件：请把文件本身复制到那里", en: "is a symbolic link, refused; an attachment is a regular file of the folder: copy the file itself there"))
                    continue
                }
                if let other = taken[entry.file] {
                    refuse(Phrase("也被 \(owners[other].source) 列出；一个文件只能是一条记录或一个页面的附件", en: "is also listed by \(owners[other].source); a file is the attachment of one record or page"))
                    continue
                }
                if let byName = Self.owner(of: entry.file, owners), byName != index {
                    let other = owners[byName]
                    let nonPublic = other.isPublic ? "" : ", which is not public"
                    let nonPublicZh = other.isPublic ? "" : "（该记录非主动公开）"
                    refuse(Phrase("按文件名是 \(other.source)\(nonPublicZh) 的附件；只列出本记录自己的文件，或重命名该文件",
                                  en: "is the attachment of \(other.source) by its name\(nonPublic); list only files of this record's own, or rename the file"))
                    continue
                }
                if owner.isPublic, let withheld = resembledWithheld(entry.file, owners, besides: index) {
                    refuse(Phrase("列为本记录的附件，", en: "is listed by this record, but ") + resemblance(of: entry.file, to: owners[withheld]))
                    continue
                }
                taken[entry.file] = index
                assignments.append(Assignment(name: entry.file, owner: index, title: entry.title, position: position))
            }
        }
        let listedAnywhere = Set(owners.lazy.flatMap(\.listed).map(\.file))
        for file in files where taken[file.name] == nil {
            if let index = Self.owner(of: file.name, owners) {
                if owners[index].isPublic, let withheld = resembledWithheld(file.name, owners, besides: index) {
                    // Refused at its entry already when listed.
                    guard !listedAnywhere.contains(file.name) else { continue }
                    diagnostics.append(Rule.attachmentNonPublic.diagnostic(folder + "/" + file.name, .fileStart,
                        Phrase("按文件名是 \(owners[index].source) 的附件，", en: "is the attachment of \(owners[index].source) by its name, but ")
                        + resemblance(of: file.name, to: owners[withheld])))
                    continue
                }
                assignments.append(Assignment(name: file.name, owner: index, title: nil, position: nil))
            }
        }
        return (assignments, diagnostics)
    }

    /// A non-public owner other than `index` whose stem `name` starts with when case is
    /// ignored, whatever follows it (`x-jm附件.pdf`, `x-JM.pdf` for a withheld `x-jm.md`):
    /// a careless name for the withheld record's own file, which must not go to a public
    /// owner whose shorter stem it also starts with. The longest such stem.
    /// A stem ending in a digit followed by another digit is another number (`x-1` is not
    /// in `x-12.pdf`), not a careless name.
    static func resembledWithheld(_ name: String, _ owners: [Owner], besides index: Int) -> Int? {
        let folded = Array(name.lowercased().utf8)
        func isDigit(_ byte: UInt8?) -> Bool { byte.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
        return owners.indices.filter { other in
            let stem = Array(owners[other].stem.lowercased().utf8)
            return other != index && !owners[other].isPublic
                && owners[other].stem.utf8.count > owners[index].stem.utf8.count
                && folded.starts(with: stem)
                && !(isDigit(stem.last) && isDigit(folded.count > stem.count ? folded[stem.count] : nil))
        }.max { owners[$0].stem.utf8.count < owners[$1].stem.utf8.count }
    }

    /// Why a file named like a non-public owner's is given to no one.
    static func resemblance(of name: String, to withheld: Owner) -> Phrase {
        Phrase("但其名称又以非主动公开的记录 \(withheld.source) 的文件名 '\(withheld.stem)' 开头，可能是该记录的材料，不予公开；若是该记录的附件，请命名为 \(withheld.stem)-附件\(suffix(of: name))，若不是，请重命名使其不以 '\(withheld.stem)' 开头",
               en: "its name also starts with '\(withheld.stem)', the file name of the non-public record \(withheld.source), so it may be that record's material and is not published; if it is that record's, name it \(withheld.stem)-附件\(suffix(of: name)), else rename it so that it does not start with '\(withheld.stem)'")
    }

    /// The owner a file belongs to by its name alone.
    static func owner(of name: String, _ owners: [Owner]) -> Int? {
        owners.indices.filter { AttachmentMatcher.belongs(name, to: owners[$0].stem) }
            .max { owners[$0].stem.utf8.count < owners[$1].stem.utf8.count }
    }

    /// `name`'s extension with its dot (`.pdf`), or nothing.
    private static func suffix(of name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[dot...])
    }

    /// Why a listed name is not among the folder's files.
    static func absence(of name: String, in folderPath: String, folder: String) -> Phrase {
        var info = stat()
        guard lstat(folderPath + "/" + name, &info) == 0 else {
            return Phrase("列为附件，但 \(folder)/ 中没有这个文件", en: "is listed as an attachment, but there is no such file in \(folder)/")
        }
        switch info.st_mode & S_IFMT {
        case S_IFLNK:
            var target = stat()
            let leads = stat(folderPath + "/" + name, &target) == 0 ? "" : " that leads nowhere"
            let leadsZh = stat(folderPath + "/" + name, &target) == 0 ? "" : "（目标不存在）"
            return Phrase("是符号链接\(leadsZh)，不予接受；附件应是该文件夹中的普通文件：请把文件本身复制到那里",
                          en: "is a symbolic link\(leads), refused; an attachment is a regular file of the folder: copy the file itself there")
        case S_IFDIR: return Phrase("是文件夹，不是文件", en: "is a folder, not a file")
        case S_IFREG: return Phrase("无法发布（见关于该文件本身的诊断）", en: "cannot be published (see the finding about the file itself)")
        default: return Phrase("是\(SpecialFile.describeZh(info.st_mode))，不是普通文件", en: "is \(SpecialFile.describe(info.st_mode)), not a regular file")
        }
    }
}
