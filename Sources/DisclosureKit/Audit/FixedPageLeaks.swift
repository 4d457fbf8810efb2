import CLibXML2

/// The fixed pages as the build renders them, searched by `check` for non-public text as
/// the build's audit searches them, and reported at the page's file under `content/pages/`.
/// A page legitimises no text, so a sentence it shares with a non-public record stops the
/// build; without this, `check` passed the page and only the build said so, naming its
/// copy in the output.
public enum FixedPageLeaks {
    public static func diagnostics(_ site: LoadedSite, templates: TemplateSet) throws(EnvironmentError) -> [Diagnostic] {
        let plan = SitePlan(PublicView(site))
        guard !plan.fixedPages.isEmpty else { return [] }
        xmlInitParser()
        let auditor = SiteAuditor(directory: site.root, displayPrefix: "", site: site, templates: templates, plan: plan)
        let leaks = try LeakIndex(site: site, plan: plan, templates: templates)
        let contexts = PageContexts(plan: plan)
        let resolver = BodyLinks.resolver(plan)
        let markdown = MarkdownRenderer(allowRawHTML: site.config.allowRawHTML)
        return parallelMap(Array(plan.fixedPages.indices)) { index -> [Diagnostic] in
            let fixed = plan.fixedPages[index]
            let (body, findings) = BodyLinks.render(fixed, markdown: markdown, resolver: resolver)
            // A page whose links are refused is reported for them (`BodyLinks`); the build
            // stops there, before it would audit the page.
            guard findings.errorCount == 0 else { return [] }
            let html = Array(templates.render("page", contexts.fixedPage(index, bodyHTML: body)).utf8)
            let report = auditor.inspect(SiteAuditor.SiteFile(path: fixed.path, bytes: html, isSymbolicLink: false), leaks: leaks)
            return report.diagnostics.filter { $0.rule == Rule.auditLeak.id }.map {
                var diagnostic = $0
                diagnostic.file = fixed.page.file.relativePath
                diagnostic.location = .fileStart
                diagnostic.message += " (in \(fixed.path) as built)"
                return diagnostic
            }
        }.flatMap { $0 }
    }
}
