extension PageContexts {
    /// The links from a section's lists to its year archives (按年度浏览): every year the
    /// section's public records carry, with its count, the current one marked. On the
    /// section's own pages and on every archive page, so each year is one step away.
    func yearLinks(_ list: SitePlan.ListPage) -> [YearLink] {
        (plan.sectionYears[list.type] ?? []).map { entry in
            YearLink(year: entry.year, count: entry.count, current: entry.year == list.year,
                     href: YearArchivePaths.path(list.type, year: entry.year, page: 1))
        }
    }
}
