/// The metadata table every Chinese disclosure page carries, and the budget figures.
enum RecordMetadata {
    /// The labels the table writes besides the declared fields'.
    static let labels = ["index_number", "topic", "publisher", "created", "published", "modified", "disclosure", "summary"]
        .map(Glossary.label) + [Disclosure.proactive.chineseName]

    /// The rows of `record`'s table, dates in the site's style; its 有效性 as shown on `asOf`.
    static func rows(_ record: Record, dates: DateStyle, asOf: CalendarDate) -> [LabelledValue] {
        let label = Glossary.label
        var rows: [(String, String)] = [(label("index_number"), record.indexNumber)]
        if let topic = record.topic { rows.append((label("topic"), topic)) }
        rows.append((label("publisher"), record.publisher))
        rows.append((label("created"), dates.text(record.created)))
        if let published = record.published { rows.append((label("published"), dates.text(published))) }
        if let modified = record.modified { rows.append((label("modified"), dates.text(modified))) }
        for (field, value) in zip(record.type.declaration.fields, PolicyValidity.shownFields(record, asOf: asOf)) where field.shown {
            if let fixed = field.shownAs {
                rows.append((field.label, fixed))
                continue
            }
            // A date field is shown in the site's date style, as the common dates are.
            let text = value.date.map(dates.text) ?? value.displayText(field)
            if !text.isEmpty { rows.append((field.label, text + field.suffix)) }
        }
        rows.append((label("disclosure"), Disclosure.proactive.chineseName))
        if let summary = record.summary { rows.append((label("summary"), summary)) }
        return rows.map { LabelledValue(label: $0.0, value: $0.1) }
    }

    static func budget(_ budget: BudgetDetails) -> BudgetFigures {
        BudgetFigures(
            fiscal_year: String(budget.fiscalYear), kind_name: budget.kindName, unit: budget.unit,
            revenue: budget.revenue.text, expenditure: budget.expenditure.text,
            lines: budget.lines.map { BudgetLineItem(name: $0.name, amount: $0.amount.text) },
            has_lines: !budget.lines.isEmpty,
            three_public: budget.threePublic.map { funds in
                ThreePublicFundsItem(receptions: funds.receptions.text, vehicles: funds.vehicles.text,
                                 overseas_travel: funds.overseasTravel.text)
            })
    }
}

/// The eight disclosures (八公开) of a guide, each its own labelled section.
enum GuideSections {
    static let labels = ["项目名称", "设定依据", "申请条件", "申报材料", "办理程序", "办理时限", "收费依据及标准", "窗口权限",
                         "收费标准：", "收费依据：", "法定时限：", "个工作日；承诺时限：", "个工作日"]

    static func sections(_ title: String, _ guide: GuideDetails) -> [TextSection] {
        func section(_ heading: String, _ value: TextOrList) -> TextSection {
            if case .list(let items) = value { return TextSection(heading: heading, items: items, is_list: true) }
            return TextSection(heading: heading, items: value.items, is_list: false)
        }
        var fees = ["收费标准：\(guide.feeStandard)"]
        if let basis = guide.feeBasis { fees.insert("收费依据：\(basis)", at: 0) }
        return [
            section("项目名称", .text(title)),
            section("设定依据", guide.legalBasis),
            section("申请条件", guide.conditions),
            section("申报材料", .list(guide.materials)),
            section("办理程序", guide.procedure),
            section("办理时限", .text("法定时限：\(guide.statutoryDays)个工作日；承诺时限：\(guide.promisedDays)个工作日")),
            section("收费依据及标准", .text(fees.joined(separator: "；"))),
            section("窗口权限", .text(guide.window)),
        ]
    }
}
