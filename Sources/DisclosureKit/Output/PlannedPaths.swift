/// The guard that the plan never gives two outputs one path. Every planner makes its
/// paths unique by construction (records by slug, lists by number, catalog stems by
/// facet and digest, type ids refused when they end in `-page-N`); this catches the day
/// two planners disagree, before a page is silently written over another.
enum PlannedPaths {
    /// The files of the site itself, beside the planned pages.
    static let siteFiles = [
        SitePlan.homePath, SitePlan.catalogPath, SitePlan.notFoundPath, SitePlan.searchPath, SitePlan.robotsPath,
        CatalogData.csvPath, CatalogData.jsonPath, AtomFeed.path,
    ]

    /// The first path that `paths` holds twice, compared byte for byte.
    static func firstRepeated(_ paths: [String]) -> String? {
        var seen = Set<[UInt8]>()
        seen.reserveCapacity(paths.count)
        for path in paths where !seen.insert(Array(path.utf8)).inserted { return path }
        return nil
    }
}
