/// Scheduled publishing: a proactive record whose 发布日期 is after the as-of date is not
/// public yet. It is held back from every output the way a non-public record is — it
/// leaves the public view, and its text and attachments become material the leak audit
/// looks for — until a build whose as-of date reaches its `published`.
///
/// It must run once the as-of date is final (after `--as-of`) and before anything plans,
/// audits or compares texts; the record cache keeps the records as decoded, so the
/// hold depends on the day and never on what the cache holds.
public struct ScheduledRecords: Sendable, Equatable, Codable {
    /// A held-back record: its content path, publication day and where `published` is written.
    public struct Held: Sendable, Equatable, Codable {
        public var path: String
        public var published: CalendarDate
        public var location: SourceLocation
    }

    /// The held-back records, in path order.
    public var held: [Held] = []
    /// Every proactive record's publication day: the days on which the public view
    /// changes (`AsOfWindow`).
    public var publicationDays: [CalendarDate] = []

    public init(held: [Held] = []) {
        self.held = held
    }

    /// Holds back `site`'s scheduled records: their disclosure becomes withheld in the
    /// loaded site (never in a file or the record cache).
    public static func holdBack(_ site: inout LoadedSite) -> ScheduledRecords {
        let asOf = site.config.asOf
        var result = ScheduledRecords()
        var heldPaths = Set<String>()
        for index in site.identities.indices where site.identities[index].disclosure == .proactive {
            guard let published = site.identities[index].published else { continue }
            result.publicationDays.append(published.value)
            guard published.value > asOf else { continue }
            site.identities[index].disclosure = .withheld
            let path = site.identities[index].file.relativePath
            heldPaths.insert(path)
            result.held.append(Held(path: path, published: published.value, location: published.location))
        }
        guard !heldPaths.isEmpty else { return result }
        for entry in result.held { site.scheduled[entry.path] = entry.published }
        for index in site.records.indices where heldPaths.contains(site.records[index].file.relativePath) {
            site.records[index].disclosure = .withheld
        }
        result.held.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        // The reference rules ran when the site was loaded, before the as-of date was final:
        // a public record naming a held-back one is refused now, so no output carries it.
        site.diagnostics += ReferenceRules.scheduledTargets(site.identities, scheduled: site.scheduled)
        return result
    }

    /// One note per held-back record, at its `published`.
    public func notes(asOf: CalendarDate) -> [Diagnostic] {
        held.map { entry in
            Rule.recordScheduled.diagnostic(
                entry.path, entry.location, field: "published",
                Phrase("定时发布：发布日期 \(entry.published) 晚于基准日期 \(asOf)；此记录待发布，在 \(entry.published) 之前不生成页面、列表项、目录行、搜索条目、站点地图或订阅条目", en: "scheduled: published \(entry.published) is after the as-of date \(asOf); the record is held back (no page, list entry, catalog row, search entry, sitemap or feed entry) until \(entry.published)"))
        }
    }
}
