@testable import DisclosureKit
import Testing

/// A page model's cache key is derived from its stored properties by the compiler
/// (`StableDigestEncoder`): it must tell every edit apart, and be the same in every process.
@Suite struct PageModelKeyTests {
    struct Inner: Encodable { var b: String }
    struct Nested: Encodable { var a: Inner; var c: String? }
    struct Flat: Encodable { var a: InnerWithC }
    struct InnerWithC: Encodable { var b: String; var c: String? }

    static func item(_ title: String = "明湖区人民政府关于印发2024年民生实事项目的通知", summary: String? = nil) -> ListItem {
        ListItem(title: title, href: "policies/2024/a.html", index_number: "11450100MB0000001A/2024-00001",
                 date: "2024-03-01", date_text: "2024年03月01日", summary: summary)
    }

    static func key(_ value: some Encodable) -> Digest { StableDigestEncoder.digest(of: value) }

    @Test func theSameModelHasTheSameKeyInEveryProcess() {
        #expect(Self.key(Self.item()) == Self.key(Self.item()))
        // Pinned: a cache written by one build is read by the next, in another process.
        #expect(Self.key(Self.item()).description == "456a60e05dc5c862b6881acb226ada7d")
    }

    @Test func everyFieldIsInTheKey() {
        let base = Self.key(Self.item())
        #expect(Self.key(Self.item("明湖区人民政府关于印发2024年民生实事项目的通告")) != base)
        #expect(Self.key(Self.item(summary: "")) != base, "an empty summary is not an absent one")
        #expect(Self.key(Self.item(summary: "")) != Self.key(Self.item(summary: "x")))
        let gap = PagerItem.gapItem(), first = PagerItem(number: 1, href: "a.html", current: true)
        #expect(Self.key(gap) != Self.key(first))
        #expect(Self.key(PagerItem(number: 1, href: "a.html", current: false)) != Self.key(first))
    }

    @Test func nestingAndListsAreTold() {
        #expect(Self.key(Nested(a: Inner(b: "x"), c: "y")) != Self.key(Flat(a: InnerWithC(b: "x", c: "y"))))
        #expect(Self.key(["ab", "c"]) != Self.key(["a", "bc"]))
        #expect(Self.key([["a"], ["b"]]) != Self.key([["a", "b"]]))
        #expect(Self.key([Int]()) != Self.key([0]))
        #expect(Self.key(["1"]) != Self.key([1]), "a string and a number differ")
    }
}
