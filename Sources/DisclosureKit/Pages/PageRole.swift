/// What a fixed page is to the disclosure column: the pages the regulation (条例) asks
/// every organ to keep. A page without a role is a plain page of the site.
public enum PageRole: String, Sendable, Hashable, CaseIterable {
    /// 政府信息公开指南 (article 12 of the 条例).
    case guide
    /// 政府信息公开制度.
    case rules
    /// 机构职能 (article 20(二)).
    case functions
    /// 依申请公开: the procedure and the application form.
    case request

    public var chineseName: String {
        switch self {
        case .guide: "政府信息公开指南"
        case .rules: "政府信息公开制度"
        case .functions: "机构职能"
        case .request: "依申请公开"
        }
    }

    /// The values `role:` accepts for this role: its English name, its Chinese name and
    /// the short forms in use on district sites.
    var aliases: [String] {
        switch self {
        case .guide: ["guide", "政府信息公开指南", "公开指南"]
        case .rules: ["rules", "政府信息公开制度", "公开制度"]
        case .functions: ["functions", "机构职能"]
        case .request: ["request", "依申请公开"]
        }
    }
}
