import Foundation
import Testing
@testable import DisclosureKit

/// The link decisions of a site whose records have errors (`LinkResolver.unsettled`): what
/// mending those records may make a target passes; what no mending can change is broken.
@Suite struct UnsettledLinkTests {
    static let source = "content/policies/a.md"

    func resolver(_ root: TemporarySiteRoot, knowsOwnAddress: Bool = true) -> LinkResolver {
        var resolver = LinkResolver(publicPages: [:],
                                    allRecords: ["content/policies/withheld.md", "content/policies/pending.md"],
                                    publicAttachments: [:])
        resolver.unsettled = LinkResolver.UnsettledSite(root: root.path, pendingRecords: ["content/policies/pending.md"],
                                                        knowsOwnAddress: knowsOwnAddress)
        return resolver
    }

    func isBroken(_ decision: LinkDecision) -> Bool {
        if case .broken = decision { return true }
        return false
    }

    @Test func aFileTheTreeHoldsPassesInEitherNormalisation() throws {
        let root = try TemporarySiteRoot("unsettled")
        // Kept decomposed (NFD), as a Mac's copy keeps it; linked composed (NFC).
        let decomposed = "附件-cafe\u{301}.pdf"
        try Data("%PDF".utf8).write(to: URL(fileURLWithPath: root.path + "/content/policies/" + decomposed))
        let resolver = resolver(root)
        #expect(resolver.decide("附件-caf\u{E9}.pdf", isImage: false, source: Self.source, page: "policies/a.html") == .keep)
        #expect(resolver.decide(decomposed, isImage: false, source: Self.source, page: "policies/a.html") == .keep)
        #expect(isBroken(resolver.decide("附件-other.pdf", isImage: false, source: Self.source, page: "policies/a.html")))
        // A NUL would cut the path short at the system call: no name holds one.
        #expect(isBroken(resolver.decide("附件-caf\u{E9}.pdf%00.x", isImage: false, source: Self.source, page: "policies/a.html")))
    }

    @Test func aRecordWithErrorsPassesUnlessItSaysItIsNotPublic() throws {
        let root = try TemporarySiteRoot("unsettled")
        let resolver = resolver(root)
        #expect(resolver.decide("pending.md", isImage: false, source: Self.source, page: "policies/a.html") == .keep)
        #expect(isBroken(resolver.decide("withheld.md", isImage: false, source: Self.source, page: "policies/a.html")))
        #expect(isBroken(resolver.decide("missing.md", isImage: false, source: Self.source, page: "policies/a.html")))
        #expect(isBroken(resolver.decide("/policies/x.html", isImage: false, source: Self.source, page: "policies/a.html")))
    }

    @Test func anImageFromOutsideWaitsWhileTheSitesAddressIsUnknown() throws {
        let root = try TemporarySiteRoot("unsettled")
        let image = "https://www.example.gov.cn/xxgk/a.png"
        #expect(isBroken(resolver(root).decide(image, isImage: true, source: Self.source, page: "policies/a.html")))
        #expect(resolver(root, knowsOwnAddress: false).decide(image, isImage: true, source: Self.source, page: "policies/a.html") == .keep)
        #expect(resolver(root, knowsOwnAddress: false).decide("//www.example.gov.cn/a.png", isImage: true, source: Self.source, page: "policies/a.html") == .keep)
    }
}
