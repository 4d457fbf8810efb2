import Foundation
import Testing

/// A declared type's catalog pages are `catalog/type-ID.html` and `type-ID-page-N.html`:
/// an id ending in `-page-N` would write over page N of another type's, and is refused
/// at the declaration.
@Suite struct CatalogPathUniquenessTests {
    @Test func aTypeIDEndingLikeAFurtherPageIsRefusedAtTheDeclaration() throws {
        let declaration = """
            id: proposal-page-2
            folder: moreproposals
            name: 更多建议提案
            fields:
              - key: proposal_number
                label: 建议提案编号
                kind: text
                required: true

            """
        let sample = try SampleSite(adding: ["types/more.yaml": declaration])
        let (result, diagnostics) = try sample.check()
        #expect(result.status == 1)
        #expect(SampleSite.places(diagnostics) == ["types/more.yaml:1:5 type.declaration"], "\(diagnostics)")
        #expect((diagnostics.first?["message"] as? String)?.contains("page 2 of the type 'proposal'") == true)
        #expect(try sample.build().status == 1)
    }
}
