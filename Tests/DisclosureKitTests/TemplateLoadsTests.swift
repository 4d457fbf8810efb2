@testable import DisclosureKit
import Foundation
import Testing

/// A site's own template that loads from outside the site is reported by `check` once, at
/// its line (the build's audit reports it in every page it would make).
struct TemplateLoadsTests {
    @Test func anOutsideStylesheetInASiteTemplateIsAnErrorAtItsLine() throws {
        let root = try TemporarySiteRoot("template-loads")
        let templates = root.path + "/templates"
        try FileManager.default.createDirectory(atPath: templates + "/partials", withIntermediateDirectories: true)
        let base = try #require(DefaultTemplates.files.first { $0.path == "base.mustache" }?.text)
        let lines = base.components(separatedBy: "\n")
        let head = try #require(lines.firstIndex { $0.contains("</head>") })
        var edited = lines
        edited.insert("<link rel=\"stylesheet\" href=\"https://fonts.example.com/css2\">", at: head)
        edited.insert("<script src=\"{{root}}assets/site.js\"></script><img src=\"//cdn.example.com/x.png\" alt=\"\">", at: head)
        try Data(edited.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: templates + "/base.mustache"))
        let loads = TemplateLoads.diagnostics(root: root.path)
        #expect(loads.map(\.file) == ["templates/base.mustache", "templates/base.mustache"])
        #expect(Set(loads.map(\.location.line)) == [head + 1, head + 2])
    }

    @Test func theBuiltInTemplatesLoadNothingFromOutside() {
        #expect(TemplateLoads.diagnostics(root: "/nonexistent-root").isEmpty)
        for (path, text) in DefaultTemplates.files where path.hasSuffix(".mustache") {
            #expect(TemplateLoads.diagnostics(text, origin: path).isEmpty, "\(path)")
        }
    }
}
