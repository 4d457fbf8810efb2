import ArgumentParser
import DisclosureKit

/// `disclose init DIR`: a new site to fill in.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a new site into DIR (new or empty): site.yaml commented in Chinese, the section folders, a 公开指南 to fill in, a .gitignore."
    )

    @OptionGroup var language: LanguageOption

    @Argument(help: "The folder of the new site; made when missing, refused when it holds anything.")
    var directory: String

    @Flag(name: .long, help: "Copy the default templates into DIR/templates/ to customise them.")
    var withTemplates = false

    func run() throws {
        try NewSiteWriter.write(into: directory, withTemplates: withTemplates)
        Terminal.writeError("""
            wrote a new site in \(directory): fill in every 【待填写】 in content/site.yaml and content/pages/guide.md \
            ('disclose check --root \(directory)' lists them), then add records with 'disclose new TYPE SLUG --root \(directory)'

            """)
    }
}
