import Testing
@testable import DisclosureKit

/// The path scheme of the catalog's browse pages and of the year archives: file-name
/// safe, stable, and never shared by two values.
@Suite struct CatalogPathTests {
    @Test func topicAndPublisherPathsAreASCIIDigestsOfTheName() {
        let stem = CatalogPlan.digestStem(.topic, "财政预决算")
        #expect(stem.hasPrefix("topic-"))
        #expect(stem.utf8.count == "topic-".utf8.count + 12)
        #expect(stem.dropFirst(6).allSatisfy { $0.isHexDigit && !$0.isUppercase })
        // The same name gives the same path in every run; another name another path.
        #expect(stem == CatalogPlan.digestStem(.topic, "财政预决算"))
        #expect(stem != CatalogPlan.digestStem(.topic, "财政预算"))
        #expect(CatalogPlan.digestStem(.publisher, "财政预决算") == "publisher-" + stem.dropFirst(6))
        #expect(CatalogPlan.path(stem: stem, page: 1) == "catalog/\(stem).html")
        #expect(CatalogPlan.path(stem: stem, page: 3) == "catalog/\(stem)-page-3.html")
    }

    @Test func valuesWhoseDigestsAgreeAreToldApart() {
        // Made to collide: the same name twice stands for two names whose digests agree.
        let values = CatalogPlan.digestNamed(.publisher, [("乙局", [1]), ("甲局", [2]), ("乙局", [3])])
        let stems = values.map(\.stem)
        #expect(Set(stems).count == 3)
        let base = CatalogPlan.digestStem(.publisher, "乙局")
        #expect(stems.filter { $0.hasPrefix(base) }.sorted() == [base, base + "-2"])
    }

    @Test func distinctNamesOfARealSiteNeverShareAPath() {
        let names = (0..<20_000).map { "明湖区第\($0)号机构" }
        #expect(Set(names.map { CatalogPlan.digestStem(.publisher, $0) }).count == names.count)
    }

    @Test func typePathsUseTheTypesPlainName() {
        #expect(CatalogPlan.typeStem(.policy) == "policy")
        #expect(CatalogPlan.typeStem(.budget) == "budget")
    }

    @Test func yearArchivePaths() {
        #expect(YearArchivePaths.path(.policy, year: 2024, page: 1) == "policies/year-2024.html")
        #expect(YearArchivePaths.path(.budget, year: 2023, page: 2) == "budgets/year-2023-page-2.html")
        // Dates allow years before 1000: their archives are still four-digit, reserved names.
        #expect(YearArchivePaths.path(.policy, year: 999, page: 1) == "policies/year-0999.html")
        #expect(YearArchivePaths.isArchiveStem("year-0999"))
        for stem in ["year-2024", "year-1949-page-2", "year-2100-page-12"] { #expect(YearArchivePaths.isArchiveStem(stem), "\(stem)") }
        for stem in ["year-24", "year-2024-", "year-2024-page-", "year-2024-page-x", "years-2024", "year-2024-notes", "2024", "year-２０２４"] {
            #expect(!YearArchivePaths.isArchiveStem(stem), "\(stem)")
        }
        #expect(OutputClashes.isListPageName("year-2024.html"))
        #expect(OutputClashes.isListPageName("year-2024-page-3.html"))
        #expect(!OutputClashes.isListPageName("year-2024.pdf"))
    }

    @Test func nearestTopicByCharactersAndEdits() {
        let topics = SiteTopics(groups: [
            .init(name: "综合政务", topics: ["政务公开", "政务服务"]),
            .init(name: "财政、金融、审计", topics: ["财政预决算", "财政资金", "审计"]),
            .init(name: nil, topics: ["economy"]),
        ])
        #expect(topics.suggestion(for: "财政预算") == "财政预决算")
        #expect(topics.suggestion(for: "预决算财政") == "财政预决算")
        #expect(topics.suggestion(for: "政务公示") == "政务公开")
        #expect(topics.suggestion(for: "econmy") == "economy")
        #expect(topics.suggestion(for: "教育") == nil)
        #expect(topics.contains("审计") && !topics.contains("综合政务"))
        #expect(topics.group(named: "综合政务")?.topics == ["政务公开", "政务服务"])
    }
}

/// No catalog stem can be read as a further page of another: a type id ending in
/// `-page-N` is refused, and the writer's guard names a path planned twice.
@Suite struct CatalogPageSuffixTests {
    @Test func anIDEndingLikeAFurtherPageIsRecognised() {
        #expect(TypeRegistry.pageSuffixStem("policy-page-2") == "policy")
        #expect(TypeRegistry.pageSuffixStem("a-page-10") == "a")
        #expect(TypeRegistry.pageSuffixStem("policy") == nil)
        #expect(TypeRegistry.pageSuffixStem("page-2") == nil, "no stem before it: a type 'page-2' has catalog/type-page-2.html, which no other type's page 2 is")
        #expect(TypeRegistry.pageSuffixStem("policy-page-") == nil)
        #expect(TypeRegistry.pageSuffixStem("policy-page-2a") == nil)
        #expect(TypeRegistry.pageSuffixStem("homepage-2") == nil)
    }

    @Test func theOtherFacetsStemsCannotEndLikeAFurtherPage() {
        for stem in [CatalogPlan.digestStem(.topic, "政务服务"), CatalogPlan.digestStem(.publisher, "明湖区财政局"), "year-2024",
                     CatalogPlan.digestStem(.type, "听证")] {
            #expect(TypeRegistry.pageSuffixStem(stem) == nil, "\(stem)")
        }
    }

    @Test func aPathPlannedTwiceOrOutsideTheOutputIsFound() {
        func outputs(_ paths: [String]) -> SiteOutputs {
            SiteOutputs(entries: paths.map { SiteOutput(path: $0, kind: .asset(0)) })
        }
        #expect(outputs(["a.html", "catalog/type-x-page-2.html", "b.html", "catalog/type-x-page-2.html"]).problem()
                == .writtenTwice("catalog/type-x-page-2.html"))
        #expect(outputs(["a.html", "b.html", "index.html", "search.html"]).problem() == nil)
        #expect(outputs(["a.html", "index.html", "index.html"]).problem() == .writtenTwice("index.html"))
        #expect(outputs(["a.html", "policies/../../b.html"]).problem() == .leavesOutput("policies/../../b.html"))
    }
}
