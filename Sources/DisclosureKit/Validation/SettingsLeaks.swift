/// A setting printed on every page (the footer's lines, the title, the publisher) that
/// holds a run of a non-public record's text: `audit.leak` at the setting in `site.yaml`,
/// beside the audit's findings on every page, so that the author sees where the run comes
/// from. Settings legitimise no text (`LeakIndex`); only a public record's text, or the
/// phrase declared in `leak_boilerplate`, does.
enum SettingsLeaks {
    static let file = "content/site.yaml"

    /// Builds its own leak index: it is asked only when the audit has found a leak, and
    /// costs what the audit's did.
    static func diagnostics(site: LoadedSite, plan: SitePlan, templates: TemplateSet) -> [Diagnostic] {
        guard !site.config.printedSettings.isEmpty,
              let index = try? LeakIndex(site: site, plan: plan, templates: templates) else { return [] }
        return diagnostics(site.config.printedSettings, index: index)
    }

    static func diagnostics(_ settings: [PrintedSetting], index: LeakIndex) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for setting in settings {
            let bytes = MatchText.bytes(setting.value)
            for leak in index.leaks(in: bytes) {
                let described = leak.described(in: bytes)
                found.append(Rule.auditLeak.diagnostic(file, setting.location, field: setting.key,
                    Phrase("'\(setting.key)' 会印在每个页面上，其中含有\(described.zh)；否则请修改二者之一",
                           en: "'\(setting.key)' is printed on every page and holds \(described.en); otherwise change one of them")))
            }
        }
        return found
    }
}
