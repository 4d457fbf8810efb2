/// `leak.shared_text` for the fixed pages: a page that shares a run with a non-public
/// record publishes it (the build counts a page's text as public, as a public record's),
/// and nothing else would say so. Reported at the page's line, for each non-public record
/// whose text the page's source holds where the build's search, without the pages
/// counted public, would have found it: runs of 19+ bytes that no public record, no
/// `leak_boilerplate` phrase and no text of the build holds, or an identifier whole.
public enum FixedPageLeaks {
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
        guard !plan.fixedPages.isEmpty, site.identities.contains(where: { !$0.isPublic }) else { return [] }
        let leaks = try LeakIndex(site: site, plan: plan, templates: templates, pagesArePublic: false, secretTexts: secretTexts?.result())
        return parallelMap(plan.fixedPages) { fixed -> [Diagnostic] in
            // A page that cannot be read is reported where it is loaded.
            guard let source = try? FileIO.readBytes(fixed.page.file.absolutePath) else { return [] }
            let (text, newlines) = source.withUnsafeBufferPointer(MatchText.bytesAndLines)
            return leaks.leaks(in: text).map { leak in
                Rule.leakSharedText.diagnostic(fixed.page.file.relativePath,
                    SourceLocation(line: MatchText.line(of: leak.offset, newlines: newlines), column: 1),
                    Phrase("含有", en: "shares ") + leak.described(in: text)
                        + Phrase("，本页面会将其公开", en: ", which this page publishes"))
            }
        }.flatMap { $0 }
    }
}
