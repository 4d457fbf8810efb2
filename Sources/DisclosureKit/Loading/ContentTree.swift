/// A record file found under a section folder.
public struct RecordFile: Sendable, Hashable {
    /// Relative to the site root, `/`-separated: `content/policies/2012/nfb-2012-15.md`.
    public var relativePath: String
    public var absolutePath: String
    public var type: RecordType
    /// Folders between the section folder and the file: `["2012"]`.
    public var subfolders: [String]
    /// The file name without `.md`.
    public var stem: String

    public init(relativePath: String, absolutePath: String, type: RecordType, subfolders: [String], stem: String) {
        self.relativePath = relativePath
        self.absolutePath = absolutePath
        self.type = type
        self.subfolders = subfolders
        self.stem = stem
    }
}

/// A non-Markdown file under a section folder: an attachment candidate.
public struct AttachmentFile: Sendable, Hashable {
    public var relativePath: String
    public var absolutePath: String
    public var type: RecordType
    public var subfolders: [String]
    public var name: String

    /// Where the build copies it, relative to the site: its folder below `content/`,
    /// mirrored beside its record's page.
    public var sitePath: String {
        ([type.folder] + subfolders + [name]).joined(separator: "/")
    }
}

/// What a scan of `content/` found: the inputs of every later stage.
public struct ContentTree: Sendable {
    /// The site root, as given.
    public var root: String
    /// `content/site.yaml`, when it exists.
    public var siteFile: String?
    /// Record files, sorted by path.
    public var records: [RecordFile]
    /// Attachment candidates, sorted by path.
    public var attachments: [AttachmentFile]
    /// Problems of the tree itself (unknown sections, symbolic links out of the root).
    public var diagnostics: [Diagnostic]
    /// The fixed pages of `content/pages/` and the other files there, sorted by path.
    public var pages: [PageFile] = []
    public var pageAttachments: [PageAttachmentFile] = []
    /// The record types the sections were found by: built in, and the site's `types/`.
    public var types: TypeRegistry = .builtIn
}

/// Why a tree could not be scanned at all: an environment error (exit status 2).
public struct EnvironmentError: PhrasedError, Sendable, CustomStringConvertible {
    public var phrase: Phrase
    public var description: String { phrase.en }
    public init(_ phrase: Phrase) { self.phrase = phrase }
}
