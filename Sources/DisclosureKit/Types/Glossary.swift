/// The words of the disclosure column that no type declares: the common fields' Chinese
/// names and the report statistics' rows. One place, so that a page, the CSV and a
/// message never call one thing by two names. Type fields are named by their
/// declarations (`FieldDeclaration.label`).
public enum Glossary {
    /// The fields every record has, whatever its type.
    public static let commonKeys: [String] = [
        "title", "index_number", "disclosure", "withheld_reason", "publisher", "created",
        "published", "modified", "review", "topic", "summary", "slug", "attachments", "late_reason",
    ]

    /// Reasons of 不予公开, in the national format's order.
    public static let deniedReasons = [
        "state_secret", "prohibited_by_law", "security_stability", "third_party",
        "internal_affairs", "process_information", "enforcement_files", "inquiry",
    ]
    /// Reasons of 无法提供.
    public static let unavailableReasons = ["not_held", "needs_creation", "unclear"]
    /// Reasons of 不予处理.
    public static let notProcessedReasons = ["complaint", "repeated", "publication", "excessive", "confirmation"]
    /// Reasons of 其他处理.
    public static let otherOutcomeReasons = ["overdue_correction", "overdue_fee", "other"]

    /// How to write a field whose form is not obvious, for "missing" messages: YAML alone,
    /// read alike in a Chinese and an English message.
    public static let examples: [String: String] = [
        "published": "published: YYYY-MM-DD",
        "review": "review: {reviewer: 保密审查小组, date: YYYY-MM-DD}",
    ]

    /// The Chinese name of a common field (`title` → 名称): what pages, the CSV, skeletons
    /// and messages all call it.
    public static func label(_ key: String) -> String { names[key] ?? key }

    /// The Chinese name of a key path, when it has one.
    public static func chinese(_ path: String) -> String? {
        if let name = names[path] { return name }
        let last = path.split(separator: ".").last.map(String.init) ?? path
        return names[last]
    }

    /// `'publisher' (发布机构)`, the way messages name a field.
    public static func quoted(_ path: String) -> String {
        if let chinese = chinese(path) { return "'\(path)' (\(chinese))" }
        return "'\(path)'"
    }

    /// `'publisher'（发布机构）`: `quoted(_:)` as a Chinese message names a field, with
    /// full-width brackets.
    public static func quotedZh(_ path: String) -> String {
        if let chinese = chinese(path) { return "'\(path)'（\(chinese)）" }
        return "'\(path)'"
    }

    static let names: [String: String] = [
        "title": "名称", "index_number": "索引号", "disclosure": "公开方式",
        "withheld_reason": "不予公开理由", "publisher": "发布机构", "created": "成文日期",
        "published": "发布日期", "modified": "修改日期", "review": "保密审查",
        "review.reviewer": "审查人", "review.date": "审查日期", "topic": "主题分类",
        "summary": "内容概述", "slug": "页面名", "attachments": "附件", "late_reason": "逾期公开说明",
        "statistics.proactive": "主动公开政府信息情况", "statistics.requests": "收到和处理政府信息公开申请情况",
        "statistics.reviews": "行政复议", "statistics.lawsuits": "行政诉讼",
        "rules": "规章", "normative_documents": "行政规范性文件", "issued": "本年制发",
        "repealed": "本年废止", "in_force": "现行有效", "licensing": "行政许可",
        "penalties": "行政处罚", "coercive_measures": "行政强制", "statistics.proactive.fees": "行政事业性收费",
        "received": "本年新收", "carried_over": "上年结转", "outcomes": "办理结果",
        "granted": "予以公开", "partially_granted": "部分公开", "denied": "不予公开",
        "unavailable": "无法提供", "not_processed": "不予处理", "other": "其他",
        "carried_forward": "结转下年度继续办理", "upheld": "结果维持", "corrected": "结果纠正",
        "pending": "尚未审结", "total": "总计", "direct": "未经复议直接起诉", "after_review": "复议后起诉",
        "state_secret": "属于国家秘密", "prohibited_by_law": "其他法律行政法规禁止公开",
        "security_stability": "危及“三安全一稳定”", "third_party": "保护第三方合法权益",
        "internal_affairs": "属于三类内部事务信息", "process_information": "属于四类过程性信息",
        "enforcement_files": "属于行政执法案卷", "inquiry": "属于行政查询事项",
        "not_held": "本机关不掌握相关政府信息", "needs_creation": "没有现成信息需要另行制作",
        "unclear": "补正后申请内容仍不明确",
        "complaint": "信访举报投诉类申请", "repeated": "重复申请", "publication": "要求提供公开出版物",
        "excessive": "无正当理由大量反复申请", "confirmation": "要求行政机关确认或重新出具已获取信息",
        "overdue_correction": "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "overdue_fee": "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "natural_person": "自然人", "business": "商业企业", "research": "科研机构", "public_interest": "社会公益组织",
        "legal_services": "法律服务机构",
    ]
}

