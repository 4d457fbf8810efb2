/// An attachment of a fixed page: a file of `content/pages/` it lists or that starts
/// with its stem.
public struct PageAttachment: Sendable {
    public var file: PageAttachmentFile
    public var page: PageFile
    public var title: String?
    /// Its position in the page's `attachments:` list, when it is listed.
    public var position: Int?
}

/// The fixed pages of a site, decoded and checked together: slugs and roles unique, the
/// 公开指南 present, attachments assigned as records' are (`ListedAttachments`), none of
/// them a page's name or non-public material.
public enum FixedPageLoader {
    public struct Outcome: Sendable {
        /// Pages that decoded without error, in path order.
        public var pages: [FixedPage] = []
        public var attachments: [PageAttachment] = []
        public var diagnostics: [Diagnostic] = []
    }

    public static func load(_ tree: ContentTree, site: SiteConfig, identities: [RecordIdentity],
                            recordAttachments: [AttachmentMatcher.Match]) -> Outcome {
        var outcome = Outcome()
        guard !tree.pages.isEmpty || !tree.pageAttachments.isEmpty else { return outcome }
        let decoder = FixedPageDecoder(site: site)
        let decoded = parallelMap(tree.pages) { file -> DecodedPage in
            do throws(FileIO.Failure) {
                return decoder.decode(bytes: try FileIO.readBytes(file.absolutePath, limit: site.maximumRecordBytes), file: file)
            } catch {
                let diagnostic: Diagnostic
                switch error {
                case .tooLarge(let bytes):
                    diagnostic = SourceText.diagnostic(for: .tooLarge(bytes: bytes), file: file.relativePath, limit: site.maximumRecordBytes)
                case .system(let message):
                    diagnostic = Rule.fileRead.diagnostic(file.relativePath, .fileStart, Phrase("无法读取文件：\(message)", en: "cannot read file: \(message)"))
                }
                return DecodedPage(file: file, page: nil, diagnostics: [diagnostic])
            }
        }
        for page in decoded {
            outcome.diagnostics += page.diagnostics
            if let value = page.page { outcome.pages.append(value) }
        }
        outcome.diagnostics += uniqueness(decoded)
        // The site's guide is a page of no one publisher: a department's guide is its own.
        if !decoded.isEmpty, !decoded.contains(where: { $0.role?.value == .guide && $0.publisher == nil }) {
            outcome.diagnostics.append(Rule.pagesNoGuide.diagnostic("content/" + FixedPage.folder, .fileStart,
                Phrase("content/pages/ 中没有 'role: guide'（政府信息公开指南）的页面，而条例第十二条要求每个行政机关公布公开指南；请编写一个，或把此角色赋予作为公开指南的页面", en: "no page in content/pages/ has 'role: guide' (政府信息公开指南), which article 12 of the 条例 requires every organ to publish; write one, or give the role to the page that is the guide")))
        }
        let (attachments, diagnostics) = attachmentsOf(decoded, tree: tree)
        outcome.diagnostics += diagnostics
        outcome.diagnostics += nonPublicCopies(attachments, identities: identities, recordAttachments: recordAttachments)
        // Only the attachments of pages that are published.
        let published = Set(outcome.pages.map(\.file.relativePath))
        outcome.attachments = attachments.filter { published.contains($0.page.relativePath) }
        return outcome
    }

    /// Two pages with one slug would share a file; two with one role, the place the
    /// navigation and the home page give that role.
    static func uniqueness(_ decoded: [DecodedPage]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var slugs: [String: DecodedPage] = [:]
        struct RoleKey: Hashable { var role: PageRole; var publisher: String? }
        var roles: [RoleKey: DecodedPage] = [:]
        for page in decoded {
            if let slug = page.slug {
                if let first = slugs[slug.value] {
                    diagnostics.append(Rule.slugDuplicate.diagnostic(page.file.relativePath, slug.location, field: "slug",
                        Phrase("slug '\(slug.value)' 也被 \(first.file.relativePath) 使用；两个页面会在 pages/\(slug.value).html 处冲突", en: "slug '\(slug.value)' is also used by \(first.file.relativePath); pages would collide at pages/\(slug.value).html")))
                } else {
                    slugs[slug.value] = page
                }
            }
            if let role = page.role {
                let key = RoleKey(role: role.value, publisher: page.publisher)
                if let first = roles[key] {
                    diagnostics.append(Rule.pageRoleDuplicate.diagnostic(page.file.relativePath, role.location, field: "role",
                        Phrase("角色 '\(role.value.rawValue)'（\(role.value.chineseName)）也是 \(first.file.relativePath) 的角色；\(page.publisher.map { "每个发布机构的每种角色只有一个页面（这两个页面都属于\($0)）" } ?? "站点的每种角色只有一个页面")", en: "role '\(role.value.rawValue)' (\(role.value.chineseName)) is also the role of \(first.file.relativePath); a site has one page of each role\(page.publisher.map { " for each publisher (this one and that one are \($0)'s)" } ?? "")")))
                } else {
                    roles[key] = page
                }
            }
        }
        return diagnostics
    }

    static func attachmentsOf(_ decoded: [DecodedPage], tree: ContentTree) -> ([PageAttachment], [Diagnostic]) {
        let owners = decoded.map { page in
            ListedAttachments.Owner(source: page.file.relativePath, stem: page.file.stem, listed: page.attachments, isPublic: true)
        }
        let folderPath = tree.root.appendingPathComponent("content/" + FixedPage.folder)
        let files = tree.pageAttachments
        let (assignments, found) = ListedAttachments.assign(files: files.map { ($0.name, $0.absolutePath) }, owners: owners,
                                                            folderPath: folderPath, folder: "content/" + FixedPage.folder)
        var diagnostics = found
        var byName: [String: ListedAttachments.Assignment] = [:]
        for assignment in assignments { byName[assignment.name] = assignment }
        let pagePaths = Set(decoded.compactMap { $0.slug.map { $0.value + ".html" } })
        // A listed file that was refused has its `attachment.listed` error at the entry.
        let listedNames = Set(decoded.flatMap { $0.attachments.map(\.file) })
        var attachments: [PageAttachment] = []
        for file in files {
            guard let assignment = byName[file.name] else {
                if listedNames.contains(file.name) { continue }
                diagnostics.append(Rule.attachmentOrphan.diagnostic(file.relativePath, .fileStart,
                    Phrase("'\(file.name)' 不属于任何页面，不会被复制；请在其页面的 'attachments:' 中列出，或按页面的文件名命名（与 STEM.md 同目录的 STEM-附件.pdf）", en: "'\(file.name)' belongs to no page and is not copied; list it in its page's 'attachments:' or name it after its page's file (STEM-附件.pdf beside STEM.md)")))
                continue
            }
            guard !pagePaths.contains(file.name) else {
                diagnostics.append(Rule.attachmentClash.diagnostic(file.relativePath, .fileStart,
                    Phrase("附件 '\(file.name)' 与构建生成的页面同名（\(file.sitePath)）；请重命名", en: "attachment '\(file.name)' has the name of a page the build writes (\(file.sitePath)); rename it")))
                continue
            }
            attachments.append(PageAttachment(file: file, page: decoded[assignment.owner].file,
                                              title: assignment.title, position: assignment.position))
        }
        return (attachments, diagnostics)
    }

    /// A page's attachment that is a non-public record's file or attachment, or a copy of
    /// one, would publish it: pages legitimise nothing (`attachment.non_public`).
    static func nonPublicCopies(_ attachments: [PageAttachment], identities: [RecordIdentity],
                                recordAttachments: [AttachmentMatcher.Match]) -> [Diagnostic] {
        guard !attachments.isEmpty else { return [] }
        let nonPublic = NonPublicFiles(identities: identities, attachments: recordAttachments)
        guard !nonPublic.isEmpty else { return [] }
        return attachments.compactMap { attachment -> Diagnostic? in
            let path = attachment.file.absolutePath
            let how: Phrase
            let hidden: NonPublicFiles.Material
            if let same = nonPublic.same(asFileAt: path) {
                (how, hidden) = (Phrase("与 \(same.relative) 是同一个文件", en: "is the same file as \(same.relative)"), same)
            } else if let copy = nonPublic.copy(at: path, followingLinks: true, confirmingBytes: true) {
                (how, hidden) = (Phrase("与 \(copy.relative) 的内容逐字节相同", en: "has the same bytes as \(copy.relative)"), copy)
            } else {
                return nil
            }
            return Rule.attachmentNonPublic.diagnostic(attachment.file.relativePath, .fileStart,
                Phrase("页面 \(attachment.page.relativePath) 的附件 '\(attachment.file.name)' \(how.zh)，后者是非主动公开的记录 \(hidden.owner) 的材料；非主动公开的材料一律不予发布。请删除它，或换成可公开的版本",
                       en: "'\(attachment.file.name)', an attachment of the page \(attachment.page.relativePath), \(how.en), material of the non-public record \(hidden.owner); non-public material is never published. Remove it, or replace it with the public version"))
        }
    }
}
