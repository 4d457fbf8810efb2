import DisclosureKit
import Foundation

/// Whether the last good site may still be shown while the content has errors: only when
/// every record it shows is still in the content, and still public there. A withdrawal
/// (a record turned non-public, or deleted) usually comes with errors of its own (a
/// withheld record without `withheld_reason`, a reference to it from a public record), so
/// a failed build is exactly when the old site would go on showing what was withdrawn.
/// Fails closed: anything that cannot be read counts as withdrawn.
enum StillPublicCheck {
    /// A record as the built site shows it: its 索引号 on its page.
    struct Shown: Hashable {
        var indexNumber: String
        var path: String
    }

    /// True when every record in `output`'s catalog.json is, in the content under `root`
    /// as it is now, a record file whose disclosure decodes as 主动公开, that is not held
    /// back as scheduled and whose page is the one shown, and no other record file shares
    /// its 索引号 or its page without being so.
    static func lastGoodSiteMayBeShown(root: String, output: String) -> Bool {
        guard let shown = recordsShown(in: output) else { return false }
        guard shown.isEmpty == false else { return true }
        guard let stillPublic = publicRecords(root: root) else { return false }
        return shown.isSubset(of: stillPublic)
    }

    /// Every record the built site shows, from its catalog.json (which lists every public
    /// record); nil when it cannot be read.
    static func recordsShown(in output: String) -> Set<Shown>? {
        guard let data = FileManager.default.contents(atPath: (output as NSString).appendingPathComponent("catalog.json")),
              let catalog = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let records = catalog["records"] as? [[String: Any]] else { return nil }
        var shown = Set<Shown>()
        for record in records {
            guard let number = record["index_number"] as? String, let path = record["path"] as? String else { return nil }
            shown.insert(Shown(indexNumber: number, path: path))
        }
        return shown
    }

    /// The records whose files decode as public and unscheduled now, by 索引号 and page,
    /// leaving out every 索引号 and page that a record file not so also has: a record with
    /// errors elsewhere in its front matter still counts by its disclosure.
    static func publicRecords(root: String) -> Set<Shown>? {
        guard var site = try? SiteLoader.load(root: root, keepBodies: false) else { return nil }
        _ = ScheduledRecords.holdBack(&site)
        var publicRecords = Set<Shown>()
        var otherNumbers = Set<String>()
        var otherPaths = Set<String>()
        for identity in site.identities {
            let path = identity.slug.map { SiteRules.pagePath(identity.file, slug: $0.value) }
            if identity.isPublic, let number = identity.indexNumber?.value, let path {
                publicRecords.insert(Shown(indexNumber: number, path: path))
            } else {
                if let number = identity.indexNumber?.value { otherNumbers.insert(number) }
                if let path { otherPaths.insert(path) }
            }
        }
        return publicRecords.filter { !otherNumbers.contains($0.indexNumber) && !otherPaths.contains($0.path) }
    }
}
