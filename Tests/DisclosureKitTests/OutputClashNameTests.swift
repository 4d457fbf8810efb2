@testable import DisclosureKit
import Testing

/// A section's list page names, in any case: `Index.html` is `index.html` where case is ignored.
struct OutputClashNameTests {
    @Test(arguments: ["index.html", "Index.html", "PAGE-2.HTML", "page-10.html"])
    func listPageNamesInAnyCase(name: String) {
        #expect(OutputClashes.isListPageName(name))
    }

    @Test(arguments: ["indexes.html", "page-.html", "page-x.html", "rsj-2024-zp.html"])
    func otherNamesAreNot(name: String) {
        #expect(!OutputClashes.isListPageName(name))
    }
}
