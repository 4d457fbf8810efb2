/// Assigns each non-Markdown file of a section folder to the record whose file stem it
/// starts with (followed by `.`, `-` or `_`); the longest stem wins.
public enum AttachmentMatcher {
    public struct Match: Sendable {
        public var attachment: AttachmentFile
        public var record: RecordFile
    }

    public static func match(_ attachments: [AttachmentFile], records: [RecordFile]) -> (matches: [Match], diagnostics: [Diagnostic]) {
        var byFolder: [String: [RecordFile]] = [:]
        for record in records {
            byFolder[folderKey(record.type, record.subfolders), default: []].append(record)
        }
        var matches: [Match] = []
        var diagnostics: [Diagnostic] = []
        for attachment in attachments {
            let candidates = byFolder[folderKey(attachment.type, attachment.subfolders)] ?? []
            let owner = candidates
                .filter { belongs(attachment.name, to: $0.stem) }
                .max { $0.stem.utf8.count < $1.stem.utf8.count }
            if let owner {
                matches.append(Match(attachment: attachment, record: owner))
            } else {
                diagnostics.append(Rule.attachmentOrphan.diagnostic(attachment.relativePath, .fileStart,
                    "'\(attachment.name)' belongs to no record and is not copied; name it after its record's file (STEM.pdf or STEM-附件.pdf beside STEM.md)"))
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
}
