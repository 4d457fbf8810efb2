/// The rules that look across records: unique index numbers, unique pages per folder,
/// and references between records (`ReferenceRules`).
public enum SiteRules {
    public static func check(_ identities: [RecordIdentity], config: SiteConfig = .fallback) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []

        // Index numbers are unique across the whole site; report every later holder. The
        // tables hold positions, not identities (copied into a table that grew, those were
        // most of this check at 100,000 records).
        var firstByIndex: [String: Int] = [:]
        var duplicated: Set<String> = []
        firstByIndex.reserveCapacity(identities.count)
        // Each identity read in place (`identities[position]`): a `for` loop over the array
        // copies each one whole.
        for position in identities.indices {
            guard let index = identities[position].indexNumber else { continue }
            if let first = firstByIndex[index.value].map({ identities[$0] }), let firstIndex = first.indexNumber {
                let identity = identities[position]
                duplicated.insert(index.value)
                diagnostics.append(Rule.indexNumberDuplicate.diagnostic(
                    identity.file.relativePath, index.location, field: "index_number",
                    Phrase("索引号 '\(index.value)' 已被 \(first.file.relativePath):\(firstIndex.location.line) 使用；索引号在全站必须唯一",
                           en: "index number (索引号) '\(index.value)' is also used by \(first.file.relativePath):\(firstIndex.location.line); index numbers must be unique across the site")))
            } else {
                firstByIndex[index.value] = position
            }
        }

        // One page per slug in a folder.
        var firstByPage: [String: Int] = [:]
        firstByPage.reserveCapacity(identities.count)
        for position in identities.indices {
            guard let slug = identities[position].slug else { continue }
            let page = pagePath(identities[position].file, slug: slug.value)
            if let first = firstByPage[page].map({ identities[$0] }) {
                let identity = identities[position]
                diagnostics.append(Rule.slugDuplicate.diagnostic(
                    identity.file.relativePath, slug.location, field: "slug",
                    Phrase("页面名 '\(slug.value)' 已被同一文件夹中的 \(first.file.relativePath) 使用；两者都会写到 \(page)。请另设 'slug'",
                           en: "page name '\(slug.value)' is also used by \(first.file.relativePath) in the same folder; both would be written to \(page). Set a different 'slug'")))
            } else {
                firstByPage[page] = position
            }
        }

        // References between records (interprets, repealed_by, amended_by).
        diagnostics += ReferenceRules.check(identities, firstByIndex: firstByIndex, duplicated: duplicated, config: config)
        diagnostics += RegistryRules.check(identities, config: config)
        return diagnostics
    }

    /// The output path of a record's page: `SECTION/SUB/FOLDERS/SLUG.html`.
    public static func pagePath(_ file: RecordFile, slug: String) -> String {
        ([file.type.folder] + file.subfolders + [slug + ".html"]).joined(separator: "/")
    }
}
