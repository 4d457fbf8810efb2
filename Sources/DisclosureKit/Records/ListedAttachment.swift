/// One entry of a record's or a page's `attachments:` list: a file of its folder and the
/// title its page shows (`附件1：title（PDF，236 KB）`).
public struct ListedAttachment: Sendable, Hashable, Codable {
    /// The file's name, NFC, with the place of its `file:` value.
    public var file: String
    public var title: String
    /// Where the entry is written: refusals of its file are reported there.
    public var location: SourceLocation

    public init(file: String, title: String, location: SourceLocation) {
        self.file = file
        self.title = title
        self.location = location
    }
}
