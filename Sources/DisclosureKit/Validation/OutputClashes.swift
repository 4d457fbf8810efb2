/// Paths where the build would write two things: a folder of the output (it mirrors a
/// folder under a section of `content/`) with the path of a file the build writes there
/// (`content/policies/x.html/` beside `x.md`, whose page is `policies/x.html`), or a
/// record's page or attachment with the path of a section's list page (`index.html`,
/// `page-2.html`). The build could write only one of each pair; `check` reports them at
/// their source (`output.clash`), as the build does before writing anything.
///
/// Every record counts, public or not, as the attachment-and-page clash does: the site
/// must not break the day a record is made public. An attachment named like its own
/// record's page is `attachment.clash`, reported by the loader.
enum OutputClashes {
    static func check(_ matches: [AttachmentMatcher.Match], identities: [RecordIdentity]) -> [Diagnostic] {
        // The output's folders below the sections: few, even at 100,000 records.
        var folders = Set<String>()
        func addFolders(_ type: RecordType, _ subfolders: [String]) {
            var path = type.folder
            for folder in subfolders {
                path += "/" + folder
                folders.insert(path)
            }
        }
        var publicCount: [RecordType: Int] = [:]
        for identity in identities {
            addFolders(identity.file.type, identity.file.subfolders)
            if identity.isPublic { publicCount[identity.file.type, default: 0] += 1 }
        }
        for match in matches { addFolders(match.attachment.type, match.attachment.subfolders) }
        var listPages = Set<String>()
        for type in RecordType.allCases {
            let count = max(1, ((publicCount[type] ?? 0) + SitePlan.pageSize - 1) / SitePlan.pageSize)
            for number in 1...count { listPages.insert(SitePlan.listPath(type, page: number)) }
        }

        var diagnostics: [Diagnostic] = []
        var foldersReported = Set<String>()
        func folderClash(_ path: String, with what: String) {
            guard foldersReported.insert(path).inserted else { return }
            diagnostics.append(Rule.outputClash.diagnostic("content/" + path, .fileStart,
                "the folder content/\(path) would be written as \(path)/ in the site, where \(what) goes; rename the folder"))
        }
        for type in RecordType.allCases {
            for path in listPages where path.hasPrefix(type.folder + "/") && folders.contains(path) {
                folderClash(path, with: "the list page of \(type.folder)/")
            }
        }
        // A page can only clash with a folder named like it or, at a section's top, with a
        // list page: other pages' paths are not made at all (at 100,000 records, a join each).
        let folderNames = Set(folders.map { $0.split(separator: "/").last.map(String.init) ?? $0 })
        for identity in identities {
            guard let slug = identity.slug else { continue }
            let fileName = slug.value + ".html"
            guard folderNames.contains(fileName)
                    || (identity.file.subfolders.isEmpty && (slug.value == "index" || slug.value.hasPrefix("page-"))) else { continue }
            let page = SiteRules.pagePath(identity.file, slug: slug.value)
            if folders.contains(page) { folderClash(page, with: "the page of \(identity.file.relativePath)") }
            if listPages.contains(page) {
                diagnostics.append(Rule.outputClash.diagnostic(identity.file.relativePath, slug.location, field: "slug",
                    "the page of this record would be \(page), which is a list page of the section; set another 'slug' or rename the file"))
            }
        }
        for match in matches {
            let path = match.attachment.sitePath
            if folders.contains(path) {
                folderClash(path, with: "the attachment \(match.attachment.relativePath)")
            }
            if listPages.contains(path) {
                diagnostics.append(Rule.outputClash.diagnostic(match.attachment.relativePath, .fileStart,
                    "attachment '\(match.attachment.name)' would be copied to \(path), which is a list page of the section; rename it"))
            }
        }
        return diagnostics
    }
}
