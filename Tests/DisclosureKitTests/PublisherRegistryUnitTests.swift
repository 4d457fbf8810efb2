import Testing
@testable import DisclosureKit

@Suite struct IndexNumberPartsTests {
    @Test func readsCodeYearAndSequence() throws {
        let parts = try #require(IndexNumberParts("11450100MB0000003C/2024-00012"))
        #expect(parts.code == "11450100MB0000003C")
        #expect(parts.year == 2024)
        #expect(parts.sequence == 12)
        #expect(parts.sequenceWidth == 5)
        #expect(IndexNumberParts("000014349/2012-7")?.sequence == 7)
    }

    @Test(arguments: ["11450100MB0000003C", "/2024-00012", "11450100MB0000003C/24-00012", "11450100MB0000003C/2024-",
                      "11450100MB0000003C/2024_00012", "11450100MB0000003C/2024-１２", "11450100MB0000003C/2024-0001234567890"])
    func refusesOtherForms(_ text: String) {
        #expect(IndexNumberParts(text) == nil)
    }

    @Test func formatsTheNextNumberAsWideAsTheOthers() {
        #expect(IndexNumberParts.format(code: "11450100MB0000003C", year: 2024, sequence: 32) == "11450100MB0000003C/2024-00032")
        #expect(IndexNumberParts.format(code: "X", year: 2024, sequence: 123456, width: 5) == "X/2024-123456")
    }
}

@Suite struct PublisherRegistryDecodeTests {
    func decode(_ yaml: String) -> (SiteConfig?, [Diagnostic]) {
        let node = try! FrontMatterReader.read(Substring(yaml), firstLine: 1).get()
        return SiteConfigDecoder.decode(node, file: "content/site.yaml")
    }

    @Test func readsPublishersWithChineseOrEnglishKinds() throws {
        let (config, diagnostics) = decode("""
        title: 某区
        base_url: https://www.mouqu.example.gov.cn/xxgk/
        index_number_year: published
        publishers:
          - {name: 某区人民政府, short_name: 区政府, code: 11450100MB0000001A, kind: 人民政府}
          - {name: 某区财政局, code: 12345678-9, kind: department}
        """)
        #expect(diagnostics == [])
        let site = try #require(config)
        let registry = try #require(site.publishers)
        #expect(registry.publishers.map(\.code) == ["11450100MB0000001A", "123456789"])
        #expect(registry.publishers.map(\.kind) == [.government, .department])
        #expect(site.indexNumberYear == .published)
        #expect(site.reportDeadline(forYear: 2024, publisher: "某区财政局")?.date.description == "2025-01-31")
        #expect(site.reportDeadline(forYear: 2024, publisher: "某区人民政府")?.date.description == "2025-03-31")
        #expect(site.reportDeadline(forYear: 2024, publisher: "某区教育局")?.date.description == "2025-03-31")
    }

    @Test func withoutARegistryTheDefaultsHold() throws {
        let (config, _) = decode("title: 某区\nbase_url: https://www.mouqu.example.gov.cn/xxgk/\nreport_deadline: '02-28'\n")
        let site = try #require(config)
        #expect(site.publishers == nil)
        #expect(site.indexNumberYear == .created)
        #expect(site.reportDeadline(forYear: 2024, publisher: "某区财政局")?.date.description == "2025-02-28")
    }

    @Test(arguments: ["11450100MB0000001A", "123456789", "12345678-9"])
    func validCodes(_ code: String) { #expect(PublisherRegistry.isValidCode(code)) }

    @Test(arguments: ["", "11450100mb0000001a", "11450100MB0000001", "1234-5678-9", "１２３４５６７８９", "11450100MB0000001A "])
    func invalidCodes(_ code: String) { #expect(!PublisherRegistry.isValidCode(code)) }
}

@Suite struct NewRecordPlannerTests {
    @Test func theNextNumberIsOneMoreThanTheHighestOfTheCodeAndYear() {
        let numbers = ["A/2024-00041", "A/2024-0057", "B/2024-00090", "A/2023-00099", "A/2024-000007"].compactMap(IndexNumberParts.init)
        // 57 is the highest of A in 2024; the widest of A's 2024 numbers has six digits.
        #expect(NewRecordPlanner.nextIndexNumber(code: "A", year: 2024, among: numbers) == "A/2024-000058")
        #expect(NewRecordPlanner.nextIndexNumber(code: "C", year: 2024, among: numbers) == "C/2024-00001")
    }

    @Test func pathsAreSlugsBelowTheSection() {
        #expect(NewRecordPlanner.split("2024/mhf-2024-3")?.subfolders == ["2024"])
        #expect(NewRecordPlanner.split("mhf-2024-3")?.slug == "mhf-2024-3")
        for bad in ["", "/x", "x/", "a//x", "../x", "2024/../x", "年/x", "a/b/c/d/e/x", "A/x"] {
            #expect(NewRecordPlanner.split(bad) == nil, "\(bad)")
        }
    }

    @Test func aPublisherNameIsWrittenSoThatItReadsBackAsItself() {
        #expect(NewRecordTemplate.yamlText("明湖区财政局") == "明湖区财政局")
        #expect(NewRecordTemplate.yamlText("明湖区财政局: 分局") == "\"明湖区财政局: 分局\"")
        #expect(NewRecordTemplate.yamlText("#某局") == "\"#某局\"")
        #expect(NewRecordTemplate.yamlText("某\"局\\") == "\"某\\\"局\\\\\"")
    }
}
