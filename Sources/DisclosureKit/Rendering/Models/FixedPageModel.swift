/// A fixed page (`page.mustache`): 指南, 年报 index, 依申请公开 and the site's own.
public struct FixedPageModel: PageModel {
    public static let template = "page"
    var frame: PageFrame
    var title: String
    /// The rendered Markdown: the one raw value.
    var body: String
    var role: String?
    var modified: String?
    var modified_text: String?
    var summary: String?
    var attachments: [AttachmentItem]
    var has_attachments: Bool

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "title": title.templateValue
        case "body": body.templateValue
        case "role": role.templateValue
        case "modified": modified.templateValue
        case "modified_text": modified_text.templateValue
        case "summary": summary.templateValue
        case "attachments": attachments.templateValue
        case "has_attachments": has_attachments.templateValue
        default: frame.value(named: name)
        }
    }
}

/// An entry of an attachment list: `附件1：title（PDF，236 KB）`.
public struct AttachmentItem: TemplateModel {
    var label: String
    var text: String
    var name: String
    var href: String
    var kind: String
    var size: String
    var note: String?

    public func value(named name: String) -> TemplateValue {
        switch name {
        case "label": label.templateValue
        case "text": text.templateValue
        case "name": self.name.templateValue
        case "href": href.templateValue
        case "kind": kind.templateValue
        case "size": size.templateValue
        case "note": note.templateValue
        default: .absent
        }
    }
}
