/// One field's value in a record, in the shape its declaration's kind gives it. A record
/// holds its type fields as an array in the declaration's order (`Record.fields`), so
/// reading one is an index, not a dictionary lookup.
public enum FieldValue: Sendable, Hashable, Codable {
    /// Not given (and no default), or not readable.
    case absent
    /// `text`, `reference` and `publisher`.
    case text(String)
    /// `multiline_text`.
    case paragraphs(TextOrList)
    case date(CalendarDate)
    case number(Int)
    case amount(Amount)
    /// `enum`: the position of the value in the declaration's `values`.
    case choice(Int)
    /// `text_list`.
    case list([String])
    /// `group`: the sub-fields' values in the declaration's order.
    case group([FieldValue])
    /// `table`: rows of sub-field values.
    case table([[FieldValue]])
    /// `report_statistics`.
    indirect case statistics(ReportStatistics)

    public var isAbsent: Bool { if case .absent = self { true } else { false } }

    public var text: String? { if case .text(let value) = self { value } else { nil } }
    public var number: Int? { if case .number(let value) = self { value } else { nil } }
    public var amount: Amount? { if case .amount(let value) = self { value } else { nil } }
    public var choice: Int? { if case .choice(let value) = self { value } else { nil } }
    public var date: CalendarDate? { if case .date(let value) = self { value } else { nil } }
    public var list: [String]? { if case .list(let value) = self { value } else { nil } }
    public var paragraphs: TextOrList? { if case .paragraphs(let value) = self { value } else { nil } }
    public var members: [FieldValue]? { if case .group(let value) = self { value } else { nil } }
    public var rows: [[FieldValue]]? { if case .table(let value) = self { value } else { nil } }

    /// Every text a reader could see of this value (labels of enum values included),
    /// nested values too: what search indexes and what the leak audit keeps secret.
    public func visitTexts(_ field: FieldDeclaration, _ visit: (String) -> Void) {
        switch self {
        case .absent, .statistics: return
        case .text(let value): visit(value)
        case .paragraphs(let value): value.items.forEach(visit)
        case .list(let items): items.forEach(visit)
        case .date(let date): visit(date.description)
        case .number(let number): visit(String(number))
        case .amount(let amount): visit(amount.text)
        case .choice(let index): visit(field.enumLabel(index))
        case .group(let members):
            for (member, declaration) in zip(members, field.fields) { member.visitTexts(declaration, visit) }
        case .table(let rows):
            for row in rows {
                for (member, declaration) in zip(row, field.fields) { member.visitTexts(declaration, visit) }
            }
        }
    }

    /// The value as one line of the metadata table or a CSV cell.
    public func displayText(_ field: FieldDeclaration) -> String {
        switch self {
        case .absent, .statistics, .group, .table: return ""
        case .text(let value): return value
        case .paragraphs(let value): return value.items.joined(separator: "\n")
        case .list(let items): return items.joined(separator: "、")
        case .date(let date): return date.description
        case .number(let number): return String(number)
        case .amount(let amount): return amount.text
        case .choice(let index): return field.enumLabel(index)
        }
    }
}
