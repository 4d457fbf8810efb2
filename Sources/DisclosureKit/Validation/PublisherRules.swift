extension RecordRules {
    /// With `site.yaml`'s `publishers` registry: a record's `publisher` is registered
    /// (`publisher.unknown`, the nearest name suggested), its 索引号 starts with that
    /// publisher's code (`index_number.publisher`) and carries the year of the date
    /// `index_number_year` names (`index_number.year`). Without a registry nothing is
    /// checked here.
    mutating func checkPublisher(_ publisher: Located<String>?, indexNumber: Located<String>?,
                                 created: Located<CalendarDate>?, published: Located<CalendarDate>?) {
        guard let registry = site.publishers else { return }
        var registered: PublisherRegistry.Publisher?
        if let publisher {
            registered = registry.publisher(named: publisher.value)
            if registered == nil { reportUnknownPublisher(publisher, registry) }
        }
        // A full-width '／' is reported as itself (`record.typing`, with the number as it
        // should be written); read here it would hide the code that is there.
        guard let indexNumber, !indexNumber.value.contains("／") else { return }
        if let registered {
            let code = IndexNumberParts.code(of: indexNumber.value)
            if code.map(PublisherRegistry.comparable) != registered.code {
                let written = code.map { Phrase("以 '\($0)' 开头", en: "starts with '\($0)'") }
                    ?? Phrase("在 '/' 之前没有机构代码", en: "has no code before a '/'")
                reader.report(.indexNumberPublisher, indexNumber.location, field: "index_number",
                              Phrase("索引号 '\(indexNumber.value)' \(written.zh)，但其发布机构\(registered.name)的代码是 '\(registered.code)'（'site.yaml' 第 \(registered.line) 行）；应写作 \(registered.code)/YYYY-NNNNN",
                                     en: "index number (索引号) '\(indexNumber.value)' \(written.en), but its publisher \(registered.name)'s code is '\(registered.code)' (site.yaml line \(registered.line)); write \(registered.code)/YYYY-NNNNN"))
                return
            }
        }
        let source = site.indexNumberYear == .created ? created : published
        guard let date = source else { return }
        let dateName = site.indexNumberYear == .created
            ? Phrase("'created'（成文日期）", en: "'created' (成文日期)")
            : Phrase("'published'（发布日期）", en: "'published' (发布日期)")
        guard let parts = IndexNumberParts(indexNumber.value) else {
            reader.report(.indexNumberYear, indexNumber.location, field: "index_number",
                          Phrase("索引号 '\(indexNumber.value)' 在代码之后没有年份和顺序号；应写作 CODE/\(YearArchivePaths.digits(date.value.year))-NNNNN，年份为 \(dateName.zh) 的年份",
                                 en: "index number (索引号) '\(indexNumber.value)' has no year and sequence number after its code; write CODE/\(YearArchivePaths.digits(date.value.year))-NNNNN, the year of \(dateName.en)"))
            return
        }
        if parts.sequence == 0 {
            reader.report(.indexNumberSequence, indexNumber.location, field: "index_number",
                          Phrase("索引号 '\(indexNumber.value)' 的顺序号为 0；发布机构每年的顺序号从 1 开始（'disclose new --publisher' 会给出下一个可用的顺序号）",
                                 en: "index number (索引号) '\(indexNumber.value)' has the sequence number 0; a publisher's numbers in a year start at 1 ('disclose new --publisher' gives the next free one)"))
        }
        guard parts.year != date.value.year else { return }
        reader.report(.indexNumberYear, indexNumber.location, field: "index_number",
                      Phrase("索引号 '\(indexNumber.value)' 属于 \(parts.year) 年，但 \(dateName.zh) 为 \(date.value)（index_number_year: \(site.indexNumberYear.rawValue)）；该索引号应属于 \(date.value.year) 年",
                             en: "index number (索引号) '\(indexNumber.value)' is of the year \(parts.year), but \(dateName.en) is \(date.value) (index_number_year: \(site.indexNumberYear.rawValue)); the number belongs to \(date.value.year)"))
    }

    /// `publisher.unknown` at the value: a short name is pointed to its full name, a near
    /// miss to the nearest registered name.
    mutating func reportUnknownPublisher(_ publisher: Located<String>, _ registry: PublisherRegistry) {
        let hint: Phrase
        if let byShortName = registry.publisher(shortNamed: publisher.value) {
            hint = Phrase("；这是 '\(byShortName.name)' 的简称，请写全称", en: "; it is the short name of '\(byShortName.name)', write the full name")
        } else if let nearest = registry.suggestion(for: publisher.value) {
            hint = Phrase("；是否应为 '\(nearest)'？", en: "; did you mean '\(nearest)'?")
        } else {
            let names = registry.publishers.map(\.name)
            hint = Phrase("（已登记的发布机构：\(names.prefix(8).joined(separator: "、"))\(names.count > 8 ? "……" : "")；如是新机构，请在其中添加）",
                          en: " (the publishers are \(names.prefix(8).joined(separator: ", "))\(names.count > 8 ? ", ..." : ""); add it there if it is new)")
        }
        reader.report(.publisherUnknown, publisher.location, field: "publisher",
                      Phrase("'publisher'（发布机构）'\(publisher.value)' 不在 'site.yaml' 的 publishers 中",
                             en: "'publisher' (发布机构) '\(publisher.value)' is not in site.yaml's publishers") + hint)
    }
}

extension RecordRules {
    /// A fixed page's `publisher` names a registered publisher, whose page then links it.
    /// Without a registry it is a note to the reader of the file: there are no publisher
    /// pages, and a site without a registry keeps the rules it had.
    mutating func checkPagePublisher(_ publisher: Located<String>?) {
        guard let publisher, let registry = site.publishers else { return }
        if registry.publisher(named: publisher.value) == nil { reportUnknownPublisher(publisher, registry) }
    }
}
