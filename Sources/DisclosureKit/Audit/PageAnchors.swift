extension SiteAuditor {
    /// A page's ids as the audit keeps them until every page has been read: 64-bit hashes,
    /// sorted, and the digest of the ids for the build cache. A fragment link into the page
    /// is checked against the hashes; the ids themselves are dropped once the page is read
    /// (every page's `Set` of them, held to the end, was a tenth of a 100,000-record
    /// build's peak).
    ///
    /// A hash is `Hasher`'s, seeded afresh by every process, over the id as a `String`, so
    /// ids equal as Swift compares them (canonically equivalent Unicode) hash alike, as
    /// they matched in the set. A fragment that names no id passes only when its hash
    /// equals one of the page's: about one chance in 2^64 per id, not something a page's
    /// author can aim at, since the seed is not known before the run.
    struct PageAnchors: Sendable, Equatable {
        /// The digest `SiteAuditor.digest(anchors:)` gives the ids (for the build cache).
        let digest: Digest
        private let hashes: [Int]

        init(_ ids: Set<String>) {
            digest = SiteAuditor.digest(anchors: ids)
            var hashes = ids.map(\.hashValue)
            hashes.sort()
            self.hashes = hashes
        }

        static let none = PageAnchors([])

        var isEmpty: Bool { hashes.isEmpty }

        /// Whether the page has an id equal to `fragment`.
        func contains(_ fragment: String) -> Bool {
            let hash = fragment.hashValue
            var low = 0
            var high = hashes.count
            while low < high {
                let middle = (low + high) / 2
                if hashes[middle] < hash { low = middle + 1 } else { high = middle }
            }
            return low < hashes.count && hashes[low] == hash
        }
    }

    static func digest(anchors: PageAnchors) -> Digest { anchors.digest }
}

extension SiteAuditor {
    /// `report` (of the page at `path`) with its fragment links into itself checked against
    /// its own ids, and only the links into other pages kept for `checkFragments`: most
    /// pages link only into themselves (`#main`, footnotes), and then nothing of their
    /// links outlives their reading.
    func settleOwnFragments(_ report: FileReport, of path: String) -> FileReport {
        guard !report.references.isEmpty else { return report }
        var report = report
        let folder = path.folderParts
        var own: [HTMLPage.Reference] = []
        var others: [HTMLPage.Reference] = []
        for reference in report.references {
            if Self.fragmentTarget(reference.value, from: folder, page: path) == path { own.append(reference) } else { others.append(reference) }
        }
        report.diagnostics += checkFragments(own, of: path, anchors: [path: report.anchors])
        report.references = others
        return report
    }
}
