import Foundation

/// The six sections of an annual report in the national format (国办公开办函〔2021〕30号)
/// and how the body's text is placed in them: the author writes the text of a section
/// under its heading as a level-two Markdown heading (`## 一、总体情况`); 一, 五 and 六
/// must be there, 二 to 四 may carry text that is shown before their generated tables.
/// Text before the first heading is shown before section 一.
enum ReportSections {
    static let headings = [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    /// The sections whose text only the body can give.
    static let required = [0, 4, 5]
    static let numerals = ["一、", "二、", "三、", "四、", "五、", "六、"]
    /// The sections whose tables are generated from `statistics:` (二, 三, 四).
    static let generated: Set<Int> = [1, 2, 3]

    /// The body `disclose new report` writes: the headings whose text the author gives.
    static let skeletonBody = required.flatMap { ["## \(headings[$0])", "", "<!-- \(headings[$0])的内容 -->", ""] }

    /// The body's HTML cut at the six headings (cmark writes a heading as `<h2>TEXT</h2>`
    /// and raw HTML never reaches it), each heading itself left out: the page writes it.
    static func split(_ html: String) -> (preamble: String, sections: [String]) {
        var sections = Array(repeating: "", count: headings.count)
        var cuts: [(index: Int, range: Range<String.Index>)] = []
        for (index, heading) in headings.enumerated() {
            if let range = html.range(of: "<h2>\(heading)</h2>") { cuts.append((index, range)) }
        }
        cuts.sort { $0.range.lowerBound < $1.range.lowerBound }
        let preamble = String(html[html.startIndex..<(cuts.first?.range.lowerBound ?? html.endIndex)])
        for (position, cut) in cuts.enumerated() {
            let end = position + 1 < cuts.count ? cuts[position + 1].range.lowerBound : html.endIndex
            sections[cut.index] += String(html[cut.range.upperBound..<end])
        }
        return (preamble, sections)
    }

    /// `report.sections`: every level-two heading that starts with a section's numeral is
    /// that section's heading exactly, once, in order; 一, 五 and 六 are there.
    static func check(_ body: String, firstLine: Int, _ reader: inout FieldReader) {
        var seen: [Int: Int] = [:]
        var last = -1
        var fence: Substring?
        // The section the line is in (by its heading), and the generated-table sections
        // already reported for a written table (once each, at the heading, naming the table's line).
        var current: Int?
        var currentHeadingLine = firstLine
        var tableReported: Set<Int> = []
        // Lines split by their bytes: splitting by Character breaks every line into graphemes.
        for (offset, lineBytes) in body.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let rawLine = Substring(lineBytes)
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let trimmed = line.drop { $0 == " " }
            if let section = current, generated.contains(section), !tableReported.contains(section), fence == nil,
               trimmed.hasPrefix("|") || line.utf8.contains(UInt8(ascii: "<")) && line.range(of: "<table", options: .caseInsensitive) != nil {
                tableReported.insert(section)
                reader.report(.reportSectionTable, SourceLocation(line: currentHeadingLine, column: 1), field: nil,
                              Phrase("'\(headings[section])' 部分含有表格（第 \(firstLine + offset) 行）；该部分的表格由 'statistics' 生成，这张表会与它并排显示：请把文字移到其他部分或删除", en: "section '\(headings[section])' holds a table (line \(firstLine + offset)); its table is generated from 'statistics', so this one would be shown beside it: move the text to another section or delete it"))
            }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
                continue
            }
            guard line.utf8.count - trimmed.utf8.count < 4, trimmed.hasPrefix("## ") else {
                // A section heading inside a list or a quote would cut the page's markup in two.
                let bare = line.drop { " \t>-*+0123456789.)".contains($0) }
                if bare.hasPrefix("## "), numerals.contains(where: { bare.dropFirst(3).hasPrefix($0) }) {
                    reader.report(.reportSections, SourceLocation(line: firstLine + offset, column: 1), field: nil,
                                  Phrase("标题 '\(bare.dropFirst(3))' 必须位于行首，不能在列表、引用或缩进块中", en: "the section heading '\(bare.dropFirst(3))' must start its line, outside any list, quote or indented block"))
                }
                continue
            }
            // Trimmed as CommonMark trims a heading (spaces and tabs only): a heading ending in
            // an ideographic space renders with it, and would not be found on the page.
            let blanks = CharacterSet(charactersIn: " \t")
            var text = trimmed.dropFirst(3).trimmingCharacters(in: blanks)
            if text.hasSuffix("#") {
                let closed = text.replacingOccurrences(of: "#+$", with: "", options: .regularExpression)
                if closed.isEmpty || closed.hasSuffix(" ") || closed.hasSuffix("\t") { text = closed.trimmingCharacters(in: blanks) }
            }
            guard let index = numerals.firstIndex(where: { text.hasPrefix($0) }) else { continue }
            current = index
            currentHeadingLine = firstLine + offset
            let location = SourceLocation(line: firstLine + offset, column: 1)
            if text != headings[index] {
                reader.report(.reportSections, location, field: nil,
                              Phrase("标题 '\(text)' 应写作 '\(headings[index])'，与全国统一格式一致", en: "the heading '\(text)' must read '\(headings[index])', as the national format prints it"))
                continue
            }
            if let earlier = seen[index] {
                reader.report(.reportSections, location, field: nil,
                              Phrase("标题 '\(text)' 在第 \(earlier) 行也有；每个部分只写一次", en: "the heading '\(text)' is also on line \(earlier); each section is written once"))
                continue
            }
            if index < last {
                reader.report(.reportSections, location, field: nil,
                              Phrase("标题 '\(text)' 位于 '\(headings[last])' 之后；各部分应按全国统一格式从一到六的顺序排列", en: "the heading '\(text)' comes after '\(headings[last])'; the sections go in the national format's order 一 to 六"))
            }
            seen[index] = firstLine + offset
            last = max(last, index)
        }
        let missing = required.filter { seen[$0] == nil }
        guard !missing.isEmpty else { return }
        let names = missing.map { "'## \(headings[$0])'" }.joined(separator: ", ")
        let namesZh = missing.map { "'## \(headings[$0])'" }.joined(separator: "、")
        reader.report(.reportSections, SourceLocation(line: firstLine, column: 1), field: nil,
                      Phrase("正文缺少标题 \(namesZh)；全国统一格式把第一、五、六部分的文字放在各自的标题下", en: "the body has no heading \(names); the national format places the text of sections 一, 五 and 六 under their headings"))
    }
}
