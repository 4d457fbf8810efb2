/// Paths where the build would write two things: a folder of the output (it mirrors a
/// folder under a section of `content/`) with the path of a file the build writes there
/// (`content/policies/x.html/` beside `x.md`, whose page is `policies/x.html`), or a
/// attachment with the path of a section's list page (`index.html`, `page-N.html` for any
/// N, so that the site does not break the day the section grows a page). The build could
/// write only one of each pair; `check` reports them at their source (`output.clash`), as
/// the build does before writing anything. A record whose page would be a list page is
/// `slug.reserved`, reported by the decoder.
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
        // Read in place (`identities[index]`): a `for` loop copies each identity whole.
        for index in identities.indices where !identities[index].file.subfolders.isEmpty {
            addFolders(identities[index].file.type, identities[index].file.subfolders)
        }
        for match in matches { addFolders(match.attachment.type, match.attachment.subfolders) }

        var diagnostics: [Diagnostic] = []
        var foldersReported = Set<String>()
        func folderClash(_ path: String, with what: Phrase) {
            guard foldersReported.insert(path).inserted else { return }
            diagnostics.append(Rule.outputClash.diagnostic("content/" + path, .fileStart,
                Phrase("文件夹 content/\(path) 在站点中会写为 \(path)/，而该位置要写入\(what.zh)；请重命名该文件夹",
                       en: "the folder content/\(path) would be written as \(path)/ in the site, where \(what.en) goes; rename the folder")))
        }
        for path in folders.sorted(by: utf8Precedes) {
            let parts = path.slashSeparated
            if parts.count == 2, isListPageName(String(parts[1])) { folderClash(path, with: Phrase("\(parts[0])/ 的列表页", en: "a list page of \(parts[0])/")) }
        }
        // A page can only clash with a folder named like it: other pages' paths are not made
        // at all (at 100,000 records, a join each).
        let folderNames = Set(folders.map { $0.slashSeparated.last.map(String.init) ?? $0 })
        for index in identities.indices {
            guard let slug = identities[index].slug, folderNames.contains(slug.value + ".html") else { continue }
            let identity = identities[index]
            let page = SiteRules.pagePath(identity.file, slug: slug.value)
            if folders.contains(page) { folderClash(page, with: Phrase("\(identity.file.relativePath) 的页面", en: "the page of \(identity.file.relativePath)")) }
        }
        for match in matches {
            let path = match.attachment.sitePath
            if folders.contains(path) {
                folderClash(path, with: Phrase("附件 \(match.attachment.relativePath)", en: "the attachment \(match.attachment.relativePath)"))
            }
            if match.attachment.subfolders.isEmpty && isListPageName(match.attachment.name) {
                diagnostics.append(Rule.outputClash.diagnostic(match.attachment.relativePath, .fileStart,
                    Phrase("附件 '\(match.attachment.name)' 会被复制到 \(path)，而这是栏目的列表页；请重命名该附件",
                           en: "attachment '\(match.attachment.name)' would be copied to \(path), which is a list page of the section; rename it")))
            }
        }
        // Two attachments whose paths differ only in case are one file where case is
        // ignored (IIS, Windows, a macOS kiosk): the later one is reported.
        var byFoldedPath: [String: String] = [:]
        for match in matches {
            let folded = match.attachment.sitePath.lowercased()
            if let first = byFoldedPath[folded] {
                diagnostics.append(Rule.outputClash.diagnostic(match.attachment.relativePath, .fileStart,
                    Phrase("附件 '\(match.attachment.name)' 与 \(first) 只有大小写不同；在不区分大小写的服务器或电脑上二者是同一个文件：请重命名其中一个",
                           en: "attachment '\(match.attachment.name)' differs from \(first) only in case; where case is ignored (a Windows server or kiosk) they are one file: rename one")))
            } else {
                byFoldedPath[folded] = match.attachment.relativePath
            }
        }
        return diagnostics
    }

    /// `index.html`, `page-N.html`, `year-NNNN.html` or `year-NNNN-page-N.html`, in any case:
    /// the names of a section's list pages and year archives.
    static func isListPageName(_ name: String) -> Bool {
        // In any case: `Index.html` is the list page where case is ignored.
        let name = name.lowercased()
        if name == "index.html" { return true }
        if name.hasSuffix(".html"), YearArchivePaths.isArchiveStem(name.dropLast(5)) { return true }
        guard name.hasPrefix("page-"), name.hasSuffix(".html") else { return false }
        let number = name.dropFirst(5).dropLast(5)
        return !number.isEmpty && number.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
