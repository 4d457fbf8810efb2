import ArgumentParser
import DisclosureKit

/// `disclose rules`: the rule table of the README, generated from the code.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: localized("以 Markdown 表格列出每条规则及其严重程度。", en: "Print every rule with its severity as a Markdown table.")
    )

    @OptionGroup var language: LanguageOption

    func run() throws {
        Terminal.writeOutput(Rule.markdownTable(runLanguage))
    }
}
