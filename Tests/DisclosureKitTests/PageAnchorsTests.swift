@testable import DisclosureKit
import Testing

/// A page's ids as the audit keeps them to the end: hashes that answer as the set did.
@Suite struct PageAnchorsTests {
    @Test func answersAsTheSetOfIdsDid() {
        let ids: Set<String> = ["main", "年度报告", "fn-1", "report-section-5", "caf\u{E9}"]
        let anchors = SiteAuditor.PageAnchors(ids)
        for id in ids { #expect(anchors.contains(id), "\(id)") }
        for missing in ["", "Main", "年度", "fn-10", "report-section-", "目录"] {
            #expect(!anchors.contains(missing), "\(missing)")
        }
        // Swift's String compares canonically equivalent text as equal, and so did the set.
        #expect(anchors.contains("cafe\u{301}"))
        #expect(!SiteAuditor.PageAnchors([]).contains("main"))
    }

    @Test func keepsTheDigestTheBuildCacheRecords() {
        let ids: Set<String> = ["main", "year-2024", "年度报告"]
        #expect(SiteAuditor.PageAnchors(ids).digest == SiteAuditor.digest(anchors: ids))
        #expect(SiteAuditor.PageAnchors(ids).digest != SiteAuditor.PageAnchors(["main"]).digest)
    }
}
