import CLibXML2

/// Public attachments judged by `check` and, before it writes, by `build`, as the build's
/// audit judges them in the staged tree, and reported at the attachment's file under
/// `content/`: for every attachment, text of a non-public record (a `.txt`, a `.csv`, a
/// PDF's plain text alike); for those the audit reads as documents (HTML, CSS, XML, JSON:
/// an HTML export of a table, a data file), a page without `lang` or `<title>`, malformed
/// XML or JSON, a resource loaded from outside the site, an absolute path, a relative
/// link to no file of the site. Without this, `check` passed such a file and `build`
/// stopped on it, naming the copy in the output. An attachment over `largestRead` that is
/// no document is searched a piece at a time, as the audit reads a large file (as bytes:
/// a UTF-16 or GB18030 file that large is not decoded). (`#fragment`s into other pages,
/// and a document that large, are left to the build's audit, which has the rendered pages'
/// ids.)
public enum AttachmentDocuments {
    /// The largest attachment read whole here (two workers hold one each).
    static let largestRead = 64 << 20

    public static func diagnostics(_ site: LoadedSite, templates: TemplateSet) throws(EnvironmentError) -> [Diagnostic] {
        try diagnostics(site, plan: SitePlan(PublicView(site)), templates: templates)
    }

    /// The findings, with the site's public plan already made (and its non-public texts
    /// on their way, when they are).
    public static func diagnostics(_ site: LoadedSite, plan: SitePlan, templates: TemplateSet) throws(EnvironmentError) -> [Diagnostic] {
        try diagnostics(site, plan: plan, templates: templates, secretTexts: nil)
    }

    static func diagnostics(_ site: LoadedSite, plan: SitePlan, templates: TemplateSet,
                            secretTexts: Lane<SecretTexts>?) throws(EnvironmentError) -> [Diagnostic] {
        // Any other attachment matters only for its text of a non-public record (the same
        // records `LeakIndex` takes).
        let hasSecrets = site.identities.contains { $0.disclosure != .proactive }
        let documents = (plan.recordPages.flatMap(\.attachments) + plan.fixedPages.flatMap(\.attachments)).filter { attachment in
            SiteAuditor.ContentCheck.Kind(attachment.path) != .other || hasSecrets
        }
        guard !documents.isEmpty else { return [] }
        let sources = Dictionary(plan.view.attachments.map { ($0.attachment.absolutePath, $0.attachment.relativePath) }
                                     + plan.view.pageAttachments.map { ($0.file.absolutePath, $0.file.relativePath) },
                                 uniquingKeysWith: { first, _ in first })
        xmlInitParser()
        let auditor = SiteAuditor(directory: site.root, displayPrefix: "", site: site, templates: templates, plan: plan)
        let leaks = try LeakIndex(site: site, plan: plan, templates: templates, secretTexts: secretTexts?.result())
        let present = plan.outputs(assets: templates.assets).paths
        return parallelMap(documents) { document -> [Diagnostic] in
            let source = sources[document.source] ?? document.source
            if document.size > Int64(largestRead), SiteAuditor.ContentCheck.Kind(document.path) == .other {
                // Searched a piece at a time where it is, as the audit reads a large file.
                return auditor.inspectStreaming(source, leaks: leaks, present: present).diagnostics.map {
                    var diagnostic = $0
                    diagnostic.file = source
                    return diagnostic
                }
            }
            let bytes: [UInt8]
            do throws(FileIO.Failure) {
                bytes = try FileIO.readBytes(document.source)
            } catch {
                return [Rule.fileRead.diagnostic(source, .fileStart,
                    Phrase("无法读取文件：", en: "cannot read file: ") + error.phrase)]
            }
            let report = auditor.inspect(SiteAuditor.SiteFile(path: document.path, bytes: bytes, isSymbolicLink: false), leaks: leaks)
            return (report.diagnostics + auditor.checkLinks(report.references, of: document.path, present: present)).map {
                var diagnostic = $0
                diagnostic.file = source
                diagnostic.message = diagnostic.message + Phrase("（复制到站点中的 \(document.path)）", en: " (copied to \(document.path) in the site)")
                return diagnostic
            }
        }.flatMap { $0 }
    }
}
