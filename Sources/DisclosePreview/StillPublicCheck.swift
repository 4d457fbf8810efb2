import DisclosureKit
import Foundation

/// Whether the last good site may still be shown while the content has errors: only when
/// every record it shows is still in the content, and still public there. A withdrawal
/// (a record turned non-public, or deleted) usually comes with errors of its own (a
/// withheld record without `withheld_reason`, a reference to it from a public record), so
/// a failed build is exactly when the old site would go on showing what was withdrawn.
/// Fails closed: anything that cannot be read counts as withdrawn.
enum StillPublicCheck {
    /// True when every record in `output`'s catalog.json is, in the content under `root`
    /// as it is now, a record file whose disclosure decodes as 主动公开 and that is not
    /// held back as scheduled, and no other record file shares its 索引号 without being so.
    static func lastGoodSiteMayBeShown(root: String, output: String) -> Bool {
        guard let shown = indexNumbersShown(in: output) else { return false }
        guard shown.isEmpty == false else { return true }
        guard let stillPublic = publicIndexNumbers(root: root) else { return false }
        return shown.isSubset(of: stillPublic)
    }

    /// The 索引号 of every record the built site shows, from its catalog.json (which lists
    /// every public record); nil when it cannot be read.
    static func indexNumbersShown(in output: String) -> Set<String>? {
        guard let data = FileManager.default.contents(atPath: (output as NSString).appendingPathComponent("catalog.json")),
              let catalog = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let records = catalog["records"] as? [[String: Any]] else { return nil }
        var numbers = Set<String>()
        for record in records {
            guard let number = record["index_number"] as? String else { return nil }
            numbers.insert(number)
        }
        return numbers
    }

    /// The 索引号 whose record files all decode as public and unscheduled now: a record
    /// with errors elsewhere in its front matter still counts by its disclosure.
    static func publicIndexNumbers(root: String) -> Set<String>? {
        guard var site = try? SiteLoader.load(root: root, keepBodies: false) else { return nil }
        _ = ScheduledRecords.holdBack(&site)
        var publicNumbers = Set<String>()
        var otherNumbers = Set<String>()
        for identity in site.identities {
            guard let number = identity.indexNumber?.value else { continue }
            if identity.isPublic { publicNumbers.insert(number) } else { otherNumbers.insert(number) }
        }
        return publicNumbers.subtracting(otherNumbers)
    }
}
