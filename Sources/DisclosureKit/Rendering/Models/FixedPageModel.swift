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

    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "body": body
        case "role": role
        case "modified": modified
        case "modified_text": modified_text
        case "summary": summary
        case "attachments": attachments
        case "has_attachments": has_attachments
        default: frame.child(named: name)
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

    public func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "text": text
        case "name": self.name
        case "href": href
        case "kind": kind
        case "size": size
        case "note": note
        default: nil
        }
    }
}
