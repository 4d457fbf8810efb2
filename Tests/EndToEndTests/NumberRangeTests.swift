import Foundation
import Testing

/// Numbers too large for the rules' arithmetic are `record.range` errors at the number,
/// never an overflow trap.
@Suite struct NumberRangeTests {
    @Test func hugeAmountsAndCountsAreRangeErrorsAtTheirSource() throws {
        let site = try SampleSite()
        let budgetSource = try String(contentsOf: site.root.appendingPathComponent("content/budgets/2024/mhczj-2024-ys.md"), encoding: .utf8)
        var budgetLines = budgetSource.components(separatedBy: "\n")
        let linesAt = try #require(budgetLines.firstIndex(of: "lines:"))
        let end = try #require(budgetLines[linesAt...].firstIndex(of: "three_public:"))
        budgetLines.replaceSubrange(linesAt + 1..<end, with: (1...100).map { "  - {name: 支出\($0), amount: 999999999999999.99}" })
        var budget = budgetLines.joined(separator: "\n")
        budget = budget.replacingOccurrences(of: "11450100MB0000003C/2024-00008", with: "11450100MB0000003C/2024-00098")
            .replacingOccurrences(of: "expenditure: 2386.50", with: "expenditure: 99999999999999999999999.99")
        try site.add(budget, at: "content/budgets/2024/huge.md")

        let reportSource = try String(contentsOf: site.root.appendingPathComponent("content/reports/ndbg-2024.md"), encoding: .utf8)
        let report = reportSource
            .replacingOccurrences(of: "11450100MB0000001A/2025-00002", with: "11450100MB0000001A/2025-00092")
            .replacingOccurrences(of: "received: [31,", with: "received: [999999999999999999,")
            .replacingOccurrences(of: "carried_over: [3,", with: "carried_over: [999999999999999999,")
            .replacingOccurrences(of: " granted: [15,", with: " granted: [99999999999999999999999,")
            .replacingOccurrences(of: "licensing: 3862", with: "licensing: -999999999999999999")
        try site.add(report, at: "content/reports/huge.md")

        let (result, diagnostics) = try site.check()
        #expect(result.status == 1, "\(result.stderr)")
        let places = SampleSite.places(diagnostics)
        let budgetRanges = places.filter { $0.hasPrefix("content/budgets/2024/huge.md:") && $0.hasSuffix("record.range") }
        #expect(budgetRanges.count == 101)
        #expect(budgetRanges.contains("content/budgets/2024/huge.md:\(linesAt + 2):25 record.range"))
        #expect(!places.contains { $0.hasPrefix("content/budgets/2024/huge.md:") && $0.hasSuffix("record.type") })
        let reportRanges = places.filter { $0.hasPrefix("content/reports/huge.md:") && $0.hasSuffix("record.range") }
        let lineOf = { (key: String) -> Int in
            (report.components(separatedBy: "\n").firstIndex { $0.contains(key) } ?? -1) + 1
        }
        for key in ["received:", "carried_over:", " granted: [9", "licensing:"] {
            #expect(reportRanges.contains { $0.hasPrefix("content/reports/huge.md:\(lineOf(key)):") }, "\(key)")
        }
        #expect(!places.contains { $0.hasPrefix("content/reports/huge.md:") && $0.hasSuffix("record.type") })
    }
}
