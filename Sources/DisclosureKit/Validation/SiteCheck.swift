/// What `disclose check` finds in a loaded site beyond its records' own diagnostics: every
/// finding the build would stop or warn on before it writes anything, so CI fails where
/// the build would. The site's public plan is made once and shared by the checks that
/// read it.
public enum SiteCheck {
    /// The findings of the whole-site checks, after `site.diagnostics`: the text public
    /// records share with non-public ones, and, when no record has an error (the plan of
    /// a site with errors is not the one the build would make), every public body's links,
    /// paths too long for the default output (`ROOT/site`), footer links to files the site
    /// will not have, attachments the audit reads as documents and fixed pages' leaks.
    /// When records have errors, the link findings no mending of them can change
    /// (`BodyLinks.despiteErrors`), as the build reports them.
    public static func diagnostics(_ site: LoadedSite, templates: TemplateSet?,
                                   progress: BuildProgress? = nil) throws(EnvironmentError) -> [Diagnostic] {
        // Its own parallel work has serial stretches (sorting, counting stock phrases): on
        // a lane beside the rest, as in the build.
        let sharedText = Lane { SharedText.diagnostics(site) }
        var all: [Diagnostic] = []
        if site.diagnostics.errorCount == 0 {
            let plan = SitePlan(PublicView(site))
            all += BodyLinks.diagnostics(plan, site: site, progress: progress)
            all += OutputPathLengths.check(plan, output: (ContentScanner.realPath(site.root) ?? site.root).appendingPathComponent("site"))
            all += SiteLinkTargets.diagnostics(plan)
            if let templates {
                all += try AttachmentDocuments.diagnostics(site, plan: plan, templates: templates)
                all += try FixedPageLeaks.diagnostics(site, plan: plan, templates: templates)
            }
        } else {
            all += BodyLinks.despiteErrors(site, progress: progress)
        }
        return sharedText.result() + all
    }
}
