/// What a declared field holds, and so how it is read, checked, shown and searched.
public enum FieldKind: String, Sendable, Hashable, CaseIterable {
    /// One line of text.
    case text
    /// One paragraph, or a list of paragraphs (`- item` lines).
    case multilineText = "multiline_text"
    /// A calendar date written YYYY-MM-DD.
    case date
    /// A whole number, within the field's `min` and `max`.
    case number
    /// A number ≥ 0 kept as written (`21141.00`), for money.
    case amount
    /// One of the field's `values`, by its English value or any Chinese alias.
    case enumeration = "enum"
    /// A list of texts.
    case textList = "text_list"
    /// A mapping of the field's sub-fields: one row.
    case group
    /// A list of rows, each a mapping of the field's sub-fields.
    case table
    /// Another record of the site, named by its 索引号.
    case reference
    /// An organ (发布机构, 决定机关, 办理单位): text that names a publisher.
    case publisher
    /// The statistics of an annual report in the national format, owned by the rule set
    /// `report_statistics`.
    case reportStatistics = "report_statistics"

    /// How the kind is written in a declaration and in messages.
    public var name: String { rawValue }

    /// True for the kinds declared with sub-fields (`fields:`).
    public var holdsSubFields: Bool { self == .group || self == .table }
}
