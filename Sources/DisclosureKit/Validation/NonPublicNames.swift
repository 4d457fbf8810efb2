/// A published file whose name could belong to a non-public record of its folder (the
/// record's file stem or slug, then `.`, `-` or `_`, or the whole name): the audit refuses
/// it (`LeakIndex.inPath`, `audit.leak`), since the name of a non-public record is part of
/// what must not be published. Reported here at the public record or attachment, so that
/// `check` finds what stops the build: a public `a-b.md` beside a withheld `a.md` has the
/// page `a-b.html`, which passed `check` and stopped the build naming the page in the output.
enum NonPublicNames {
    static func check(_ matches: [AttachmentMatcher.Match], identities: [RecordIdentity]) -> [Diagnostic] {
        // Folder (`policies/2012`) → file stems and slugs of its non-public records, and one
        // of those records for the message; as the leak index keeps them.
        // Read in place, stored fields only (`RecordIdentity.publicPaths` says why).
        var hidden: [String: [String: String]] = [:]
        for index in identities.indices where identities[index].disclosure != .proactive {
            let file = identities[index].file
            let folder = Self.folder(file)
            hidden[folder, default: [:]][file.stem] = hidden[folder]?[file.stem] ?? file.relativePath
            if let slug = identities[index].slug?.value {
                hidden[folder, default: [:]][slug] = hidden[folder]?[slug] ?? file.relativePath
            }
        }
        guard !hidden.isEmpty else { return [] }
        func carried(_ name: String, in folder: String) -> (stem: String, record: String)? {
            guard let names = hidden[folder] else { return nil }
            for stem in LeakIndex.stemCandidates(name) { if let record = names[stem] { return (stem, record) } }
            return nil
        }
        var diagnostics: [Diagnostic] = []
        for index in identities.indices where identities[index].disclosure == .proactive {
            guard let slug = identities[index].slug,
                  let (stem, record) = carried(slug.value + ".html", in: folder(identities[index].file)) else { continue }
            let identity = identities[index]
            diagnostics.append(Rule.auditLeak.diagnostic(identity.file.relativePath, slug.location, field: "slug",
                Phrase("本记录的页面 \(SiteRules.pagePath(identity.file, slug: slug.value)) 会带有 '\(stem)'，即非主动公开的记录 \(record) 的名称，而该记录不会公开；请另设 'slug'，或重命名其中一个文件",
                       en: "the page of this record, \(SiteRules.pagePath(identity.file, slug: slug.value)), would carry '\(stem)', the name of the non-public record \(record), which is never published; set another 'slug' or rename one of the files")))
        }
        guard !matches.isEmpty else { return diagnostics }
        let publicFiles = RecordIdentity.publicPaths(identities)
        for match in matches where publicFiles.contains(match.record.relativePath) {
            guard let (stem, record) = carried(match.attachment.name, in: folder(match.record)) else { continue }
            diagnostics.append(Rule.auditLeak.diagnostic(match.attachment.relativePath, .fileStart,
                Phrase("'\(match.attachment.name)' 发布后会带有 '\(stem)'，即非主动公开的记录 \(record) 的名称，而该记录不会公开；请重命名该文件",
                       en: "'\(match.attachment.name)' would be published carrying '\(stem)', the name of the non-public record \(record), which is never published; rename it")))
        }
        return diagnostics
    }

    static func folder(_ file: RecordFile) -> String {
        ([file.type.folder] + file.subfolders).joined(separator: "/")
    }
}
