import Foundation
import Testing
@testable import DisclosureKit

/// The partials and parents a site's templates name are read by the template parser, so a
/// missing one or a cycle is found in whatever delimiters it is written, never inside a
/// comment, and at its own line in a file with CRLF line ends.
@Suite struct TemplateReferencesTests {
    func load(_ files: [String: String]) throws -> [Diagnostic] {
        let root = try TemporarySiteRoot("template-references")
        for (path, text) in files {
            let url = URL(fileURLWithPath: root.path + "/templates/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return TemplateSet.load(root: root.path).1
    }

    func found(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.file):\($0.location.line):\($0.location.column) \($0.rule)" }
    }

    @Test func aCycleInOtherDelimitersIsFoundWhereItStarts() throws {
        let diagnostics = try load(["partials/loop.mustache": "<p>\n{{=<% %>=}}<p><%>partials/loop%></p>\n"])
        #expect(found(diagnostics) == ["templates/partials/loop.mustache:2:15 template.unsupported"])
    }

    @Test func aMissingPartialOrParentInOtherDelimitersIsFound() throws {
        let diagnostics = try load(["partials/a.mustache": "{{=<% %>=}}\n<%>partials/nosuch%>\n<%<bsae%><%/bsae%>\n"])
        #expect(found(diagnostics) == ["templates/partials/a.mustache:2:1 template.missing_partial",
                                       "templates/partials/a.mustache:3:1 template.missing_partial"])
    }

    @Test func aPartialNamedInACommentOrInLiteralTextIsNoReference() throws {
        let diagnostics = try load(["partials/a.mustache": "{{! old: {{>partials/removed}} }}\n{{=<% %>=}}<p>例：{{>partials/a}}</p>\n"])
        #expect(diagnostics.isEmpty, "\(found(diagnostics))")
    }

    @Test func aMisspeltPartialNamesTheNearestTemplate() throws {
        let diagnostics = try load(["partials/a.mustache": "{{>partials/atachments}}\n{{>partials/zzzzzzzzzz}}\n"])
        #expect(diagnostics.map(\.message.en) == [
            "names the template 'partials/atachments', which does not exist (templates/partials/atachments.mustache); did you mean 'partials/attachments'?",
            "names the template 'partials/zzzzzzzzzz', which does not exist (templates/partials/zzzzzzzzzz.mustache)",
        ])
        #expect(diagnostics.first?.message.zh.hasSuffix("；是否应为 'partials/attachments'？") == true)
    }

    @Test func aMissingPartialInACRLFFileIsAtItsLine() throws {
        let diagnostics = try load(["partials/a.mustache": "<p>\r\n</p>\r\n  {{>partials/nosuch}}\r\n"])
        #expect(found(diagnostics) == ["templates/partials/a.mustache:3:3 template.missing_partial"])
    }
}
