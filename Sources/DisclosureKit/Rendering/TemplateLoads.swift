/// Loads from outside the site written in a site's own template (a web font's stylesheet,
/// a counter's script), at their line. Every page the template makes would fail the build's
/// audit with `audit.external_resource` (which reports them in the pages, and stays the
/// guarantee); `check` says so before any page is made, once, at the template, the file to
/// change. What counts as a load from outside is decided as the audit decides it
/// (`SiteAuditor.checkLinks`); a value written with a Mustache tag in it is left to the
/// audit of the pages, where it has its value.
public enum TemplateLoads {
    /// The outside loads of every `.mustache` file in `ROOT/templates/`.
    public static func diagnostics(root: String) -> [Diagnostic] {
        var ignored: [Diagnostic] = []
        let folder = root.appendingPathComponent("templates")
        guard let found = TemplateSet.overridesFolder(folder, diagnostics: &ignored) else { return [] }
        return TemplateSet.siteFiles(in: found).files.filter { $0.hasSuffix(".mustache") }.flatMap { relative -> [Diagnostic] in
            // Unreadable or not UTF-8: loading the templates reports it.
            guard let bytes = try? FileIO.readBytes(found.appendingPathComponent(relative), limit: SourceText.maximumFileBytes),
                  let text = String(validating: bytes, as: UTF8.self) else { return [] }
            return diagnostics(text, origin: "templates/\(relative)")
        }
    }

    static func diagnostics(_ text: String, origin: String) -> [Diagnostic] {
        // A load from outside names a scheme or starts with `//`: most templates hold neither
        // outside their own Mustache tags, and are not parsed.
        guard text.utf8.contains(UInt8(ascii: "/")) else { return [] }
        return HTMLPage(Array(text.utf8)).references.compactMap { reference -> Diagnostic? in
            guard reference.loads else { return nil }
            let value = ReferenceURL.cleaned(reference.value)
            let scheme = value.utf8.contains(UInt8(ascii: ":")) ? LinkResolver.scheme(of: value) : nil
            guard SiteAuditor.leavesTheSite(value, scheme: scheme) else { return nil }
            let shown = reference.value.trimmed
            return Rule.auditExternalResource.diagnostic(origin, SourceLocation(line: max(1, reference.line), column: 1),
                Phrase("<\(reference.element) \(reference.attribute)> 从站点之外加载 '\(shown)'；阅览室的电脑离线打开页面，"
                           + "站点的每个页面都必须只用自己的文件：请把该文件放入 templates/assets/ 并以相对路径引用",
                       en: "<\(reference.element) \(reference.attribute)> loads '\(shown)' from outside the site; reading-room "
                           + "computers open pages offline, and every page must use the site's own files only: put the file "
                           + "in templates/assets/ and refer to it by a relative path"))
        }
    }
}
