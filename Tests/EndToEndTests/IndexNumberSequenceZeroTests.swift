import Foundation
import Testing

/// With a publisher registry a sequence number starts at 1: `2024-00000` is an error at the value.
@Suite struct IndexNumberSequenceZeroTests {
    @Test func sequenceNumberZeroIsRefusedAndOneIsNot() throws {
        let zero = try SampleSite(adding: [
            "content/policies/p-0.md": PublisherRegistryTests.policy("p-0", index: "11450100MB0000004D/2024-00000", publisher: "明湖区自然资源局"),
        ], keepingPublishers: true)
        let (result, diagnostics) = try zero.check()
        #expect(result.status == 1)
        let found = PublisherRegistryTests.rules(diagnostics, PublisherRegistryTests.registryRules)
        #expect(SampleSite.places(found) == ["content/policies/p-0.md:3:15 index_number.sequence"], "\(found)")
        #expect((found.first?["message"] as? String)?.contains("has the sequence number 0") == true)

        let one = try SampleSite(adding: [
            "content/policies/p-0.md": PublisherRegistryTests.policy("p-0", index: "11450100MB0000004D/2024-00009", publisher: "明湖区自然资源局"),
        ], keepingPublishers: true)
        let (_, clean) = try one.check()
        #expect(PublisherRegistryTests.rules(clean, PublisherRegistryTests.registryRules).isEmpty, "\(clean)")
    }
}
