import Foundation
import Testing
@testable import DisclosureKit

/// `docs/` is the reference a webmaster reads: every `site.yaml` key the decoder knows
/// and every command of the executable must be documented there.
@Suite struct DocsReferenceTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func text(_ path: String) throws -> String {
        try String(contentsOf: repository.appendingPathComponent(path), encoding: .utf8)
    }

    /// The names written as a whole `code` span in a heading (`### \`title\``) or in a
    /// table cell (`| \`title\` |`) of a Markdown text.
    static func documentedNames(_ markdown: String) -> Set<String> {
        var names = Set<String>()
        for line in markdown.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            var pieces: [String] = []
            if trimmed.hasPrefix("#") {
                pieces = [String(trimmed.drop { $0 == "#" })]
            } else if trimmed.hasPrefix("|") {
                pieces = trimmed.split(separator: "|").map { String($0) }
            }
            for piece in pieces {
                let cell = piece.trimmingCharacters(in: .whitespaces)
                if cell.count > 2, cell.hasPrefix("`"), cell.hasSuffix("`") {
                    names.insert(String(cell.dropFirst().dropLast()))
                }
            }
        }
        return names
    }

    @Test func everySiteYAMLKeyIsDocumented() throws {
        let documented = Self.documentedNames(try Self.text("docs/site-yaml.md"))
        let keys = SiteConfigDecoder.knownKeys + SiteFooter.keys.map { "footer." + $0 }
            + ["calendar.holidays", "calendar.workdays"]
        for key in keys {
            #expect(documented.contains(key), "site.yaml's '\(key)' is not documented in docs/site-yaml.md (a heading or table cell `\(key)`)")
        }
    }

    /// The commands of the executable, from its sources: one `NameCommand.swift` per
    /// command in `Sources/disclose` (the library has no list of them).
    static func commandFiles() throws -> [String] {
        let folder = repository.appendingPathComponent("Sources/disclose")
        let suffix = "Command.swift"
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(suffix) }
            .map { String($0.dropLast(suffix.count)) }
            .sorted()
    }

    /// The commands `docs/cli.md` documents: its `## \`disclose NAME …\`` headings.
    static func documentedCommands(_ markdown: String) -> Set<String> {
        let heading = "## `disclose "
        var names = Set<String>()
        for line in markdown.split(separator: "\n") where line.hasPrefix(heading) {
            let name = line.dropFirst(heading.count).prefix { $0 != " " && $0 != "`" }
            names.insert(String(name))
        }
        return names
    }

    @Test func everyCommandIsDocumented() throws {
        let files = try Self.commandFiles()
        // build, check, audit, new, rules, types at least.
        #expect(files.count >= 6, "\(files)")
        let main = try Self.text("Sources/disclose/Disclose.swift")
        // MigrateReportCommand is 'disclose migrate-report'.
        let commands = Set(files.map { file in
            String(file.enumerated().flatMap { index, character in
                character.isUppercase && index > 0 ? ["-", Character(character.lowercased())] : [Character(character.lowercased())]
            })
        })
        for file in files {
            #expect(main.contains("\(file)Command.self"), "\(file)Command is not a subcommand in Disclose.swift")
        }
        let documented = Self.documentedCommands(try Self.text("docs/cli.md"))
        for command in commands.sorted() {
            #expect(documented.contains(command), "'disclose \(command)' has no '## `disclose \(command)`' section in docs/cli.md")
        }
        for command in documented.sorted() {
            #expect(commands.contains(command), "docs/cli.md documents 'disclose \(command)', which Sources/disclose has no command for")
        }
    }
}
