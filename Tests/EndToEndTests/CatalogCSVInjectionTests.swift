import Foundation
import Testing

/// `catalog.csv` never hands a spreadsheet a formula: a cell that would start one starts
/// with a single quote (OWASP); `catalog.json` keeps the exact values, and the audit of
/// the built site still passes.
@Suite struct CatalogCSVInjectionTests {
    @Test func formulaCellsAreNeutralisedAndTheJSONKeepsTheValues() throws {
        let formulas = [
            (title: "=HYPERLINK(\"http://x.example/\",\"点击查看\")", extra: "topic: \"@SUM(1+1)\""),
            (title: "+1+1公式标题", extra: "summary: \"-2+3 摘要以减号开头\""),
            (title: "\"\\t=1+1 制表开头\"", extra: "summary: \"@提及开头\""),
        ]
        var files: [String: String] = [:]
        for (n, formula) in formulas.enumerated() {
            let title = formula.title.hasPrefix("\"") ? formula.title : "'\(formula.title)'"
            files["content/policies/formula-\(n).md"] = SampleSite.policy(title: title, index: n + 1, extra: formula.extra)
        }
        let site = try SampleSite(adding: files)
        // The formula topic is declared in the sample's controlled list of topics.
        let settings = try String(contentsOf: site.root.appendingPathComponent("content/site.yaml"), encoding: .utf8)
        try site.add(settings.replacingOccurrences(of: "\ntopics:\n", with: "\ntopics:\n  - \"@SUM(1+1)\"\n"), at: "content/site.yaml")
        let build = try site.build()
        #expect(build.status == 0, "\(build.stderr)")
        let output = try site.output()

        let csv = output.text("catalog.csv")
        let cells = Self.cells(csv)
        for value in ["=HYPERLINK(\"http://x.example/\",\"点击查看\")", "@SUM(1+1)", "+1+1公式标题", "-2+3 摘要以减号开头", "=1+1 制表开头", "@提及开头"] {
            #expect(cells.contains("'" + value), "\(value)")
            #expect(!cells.contains(value), "\(value)")
        }
        #expect(!cells.contains { $0.first.map { "=+-@\t\r".contains($0) } ?? false })

        let json = try #require(try JSONSerialization.jsonObject(with: output.files["catalog.json"]!) as? [String: Any])
        let titles = (json["records"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
        #expect(titles.contains("=HYPERLINK(\"http://x.example/\",\"点击查看\")"))

        let audit = try Disclose.run(["audit", site.root.appendingPathComponent("site").path, "--root", site.root.path])
        #expect(audit.status == 0, "\(audit.stderr)")
    }

    /// The cells of an RFC 4180 text (after the BOM).
    static func cells(_ csv: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var quoted = false
        var characters = Array(csv.unicodeScalars.drop { $0 == "\u{FEFF}" })
        characters.append("\n")
        var index = 0
        while index < characters.count {
            let c = characters[index]
            if quoted {
                if c == "\"" {
                    if index + 1 < characters.count && characters[index + 1] == "\"" { cell.unicodeScalars.append("\""); index += 1 }
                    else { quoted = false }
                } else { cell.unicodeScalars.append(c) }
            } else if c == "\"" && cell.isEmpty {
                quoted = true
            } else if c == "," || c == "\n" {
                cells.append(cell)
                cell = ""
            } else if c != "\r" {
                cell.unicodeScalars.append(c)
            }
            index += 1
        }
        return cells
    }
}
