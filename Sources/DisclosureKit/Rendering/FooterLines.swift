/// The footer's lines from `site.yaml`: who sponsors and runs the site, how to reach
/// them, its 网站标识码 and its filing numbers. A setting that is absent leaves its item
/// out, and a line with no item is left out. The filing numbers are text, not links: a
/// kiosk has no network, and the numbers are what a reader checks.
enum FooterLines {
    static func lines(_ config: SiteConfig) -> [FooterLine] {
        let footer = config.footer
        let lines: [[(String, String?)]] = [
            [("主办单位", footer.sponsor ?? config.publisher ?? config.title), ("承办单位", footer.operatorName)],
            [("联系电话", footer.telephone), ("地址", footer.address), ("电子邮箱", footer.email)],
            [("网站标识码", config.siteIDCode), ("ICP备案号", footer.icpNumber), ("公安机关备案号", footer.policeNumber)],
        ]
        return lines.compactMap { line -> FooterLine? in
            let items = line.compactMap { label, value in value.map { LabelledValue(label: label, value: $0) } }
            return items.isEmpty ? nil : FooterLine(items: items)
        }
    }
}
