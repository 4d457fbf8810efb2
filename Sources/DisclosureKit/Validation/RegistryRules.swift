/// The cross-record rules that follow from the publisher registry: sequence numbers unique
/// per publisher and year (`index_number.sequence`), and one annual report per publisher
/// and year (`report.duplicate`). Every record counts, public or not: a withheld record's
/// number is as taken as a public one's, and a second report is a mistake either way.
enum RegistryRules {
    static func check(_ identities: [RecordIdentity], config: SiteConfig) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let registry = config.publishers {
            diagnostics += sequences(identities, registry)
        }
        diagnostics += reports(identities)
        return diagnostics
    }

    /// A number written twice in one form is `index_number.duplicate`'s; this finds the
    /// same number in two forms (`2024-00012`, `2024-0012`), which index_number.duplicate
    /// cannot see. Grouped by the code written, which `index_number.publisher` has matched
    /// to the publisher.
    static func sequences(_ identities: [RecordIdentity], _ registry: PublisherRegistry) -> [Diagnostic] {
        struct Key: Hashable { var code: String; var year: Int; var sequence: Int }
        var first: [Key: Int] = [:]
        var diagnostics: [Diagnostic] = []
        // Identities read in place (`identities[position]`): a `for` loop copies each one whole.
        for position in identities.indices {
            guard let index = identities[position].indexNumber, let parts = IndexNumberParts(index.value) else { continue }
            let key = Key(code: PublisherRegistry.comparable(parts.code), year: parts.year, sequence: parts.sequence)
            guard let earlier = first[key].map({ identities[$0] }) else {
                first[key] = position
                continue
            }
            let identity = identities[position]
            guard let earlierIndex = earlier.indexNumber, earlierIndex.value != index.value else { continue }
            let publisher = registry.publishers.first { $0.code == key.code }
            let owner = publisher.map { Phrase("\($0.name)（\(parts.code)）", en: "\($0.name) (\(parts.code))") } ?? Phrase(parts.code, en: parts.code)
            let command = publisher.map {
                Phrase("；'disclose new TYPE SLUG --publisher \($0.name)' 会给出下一个可用的顺序号",
                       en: "; 'disclose new TYPE SLUG --publisher \($0.name)' gives the next free one")
            } ?? Phrase("", en: "")
            diagnostics.append(Rule.indexNumberSequence.diagnostic(
                identity.file.relativePath, index.location, field: "index_number",
                Phrase("\(owner.zh) \(parts.year) 年的顺序号 \(parts.sequence) 已被 \(earlier.file.relativePath):\(earlierIndex.location.line) 使用（'\(earlierIndex.value)'）",
                       en: "sequence number \(parts.sequence) of \(owner.en) in \(parts.year) is also used by \(earlier.file.relativePath):\(earlierIndex.location.line) ('\(earlierIndex.value)')") + command))
        }
        return diagnostics
    }

    /// The second report of a publisher for a year, reported at its `year`, naming the first.
    static func reports(_ identities: [RecordIdentity]) -> [Diagnostic] {
        struct Key: Hashable { var publisher: String; var year: Int }
        var first: [Key: Int] = [:]
        var diagnostics: [Diagnostic] = []
        for position in identities.indices {
            guard let year = identities[position].reportYear, let publisher = identities[position].publisher else { continue }
            let key = Key(publisher: publisher, year: year.value)
            guard let earlier = first[key].map({ identities[$0] }) else {
                first[key] = position
                continue
            }
            let identity = identities[position]
            let line = earlier.reportYear?.location.line ?? 1
            diagnostics.append(Rule.reportDuplicate.diagnostic(
                identity.file.relativePath, year.location, field: "year",
                Phrase("\(publisher) 已有 \(year.value) 年的年度报告：\(earlier.file.relativePath):\(line)；一个发布机构每年只发布一份年度报告",
                       en: "\(publisher) already has a report for \(year.value): \(earlier.file.relativePath):\(line); a publisher publishes one annual report a year")))
        }
        return diagnostics
    }
}
